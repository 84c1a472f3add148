package dev.nudge.chat;

import java.util.List;
import java.util.Objects;

/**
 * A small form a user fills in (a Slack modal, a Teams card input). {@code state} is opaque data the feature gets
 * back on submit, such as the prompt id.
 */
public record Form(String formId, String title, String submitLabel, String intro, List<TextInput> inputs, String state) {
    public Form {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(submitLabel, "submitLabel");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a form needs at least one input");
        }
    }

    /** A free-text input. */
    public record TextInput(String id, String label, String placeholder, boolean multiline, int maxLength, boolean optional) {
        public TextInput {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength must be positive");
            }
        }
    }
}
