package dev.nudge.chat;

import java.util.Map;
import java.util.Optional;

/**
 * A submitted form: the form's id and state as the feature set them, and the value per input id (the text entered,
 * or the chosen option's value). A select left empty is absent; a text input left empty may be absent or blank.
 * Values come from the person's client, so a feature checks them (a select's value against its options) itself.
 */
public record FormSubmission(ConversationRef where, String userId, String formId, String state, Map<String, String> values) {
    public FormSubmission {
        values = Map.copyOf(values);
    }

    /** The value of an input, stripped, when it is there and not blank. */
    public Optional<String> value(String inputId) {
        String value = values.get(inputId);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
