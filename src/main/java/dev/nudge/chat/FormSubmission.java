package dev.nudge.chat;

import java.util.Map;

/** A submitted form: the form's id and state as the feature set them, and the text entered per input id. */
public record FormSubmission(ConversationRef where, String userId, String formId, String state, Map<String, String> values) {
    public FormSubmission {
        values = Map.copyOf(values);
    }
}
