package dev.nudge.chat;

import java.util.Map;

/** The outcome of a form: accepted (with an optional private confirmation) or rejected with a message per input. */
public sealed interface FormResult {
    record Accepted(ChatMessage confirmation) implements FormResult {}

    record Rejected(Map<String, String> errorsByInput) implements FormResult {
        public Rejected {
            errorsByInput = Map.copyOf(errorsByInput);
        }
    }
}
