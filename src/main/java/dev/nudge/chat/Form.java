package dev.nudge.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small form a user fills in (a Slack modal, a Teams card input). {@code state} is opaque data the feature gets
 * back on submit, such as the prompt id.
 */
public record Form(String formId, String title, String submitLabel, String intro, List<Input> inputs, String state) {
    public Form {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(submitLabel, "submitLabel");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a form needs at least one input");
        }
        Set<String> ids = new HashSet<>();
        for (Input input : inputs) {
            if (!ids.add(input.id())) {
                throw new IllegalArgumentException("two inputs share the id " + input.id());
            }
        }
    }

    /** One field of a form; its id keys the submitted value. */
    public sealed interface Input permits TextInput, Select {
        String id();

        String label();

        /** Whether the form can be sent without it. */
        boolean optional();
    }

    /** A free-text input. */
    public record TextInput(String id, String label, String placeholder, boolean multiline, int maxLength, boolean optional)
            implements Input {
        public TextInput {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength must be positive");
            }
        }
    }

    /**
     * A drop-down of fixed options; the submitted value is the chosen option's {@code value}, and nothing when an
     * optional select is left empty. {@code initialValue} (may be null) must be one of the options.
     */
    public record Select(String id, String label, List<Option> options, String initialValue, boolean optional)
            implements Input {
        /** Slack takes at most 100 options in a static select. */
        public static final int MAX_OPTIONS = 100;
        /** Slack's option values: the node SDK's types say 75 characters, its docs 150; 75 is safe for both. */
        public static final int MAX_VALUE = 75;

        public Select {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            options = List.copyOf(options);
            if (options.isEmpty() || options.size() > MAX_OPTIONS) {
                throw new IllegalArgumentException("a select needs 1 to " + MAX_OPTIONS + " options");
            }
            Set<String> values = new HashSet<>();
            for (Option option : options) {
                if (!values.add(option.value())) {
                    throw new IllegalArgumentException("two options share the value " + option.value());
                }
            }
            if (initialValue != null && !values.contains(initialValue)) {
                throw new IllegalArgumentException("the initial value " + initialValue + " is not an option");
            }
        }

        /** Whether {@code value} is one of the options (a submitted value may have been tampered with). */
        public boolean offers(String value) {
            return options.stream().anyMatch(option -> option.value().equals(value));
        }
    }

    /** One choice of a {@link Select}: what is submitted and what the person reads. */
    public record Option(String value, String label) {
        public Option {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
            if (value.isEmpty() || value.length() > Select.MAX_VALUE) {
                throw new IllegalArgumentException("an option value needs 1 to " + Select.MAX_VALUE + " characters");
            }
        }
    }
}
