package dev.nudge.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message or card in neutral form. Text uses a small shared markup: {@code *bold*} and {@code _italic_}; each
 * renderer translates it. {@code fallbackText} is what notifications and screen readers get.
 */
public record ChatMessage(String fallbackText, List<Part> parts) {
    public ChatMessage {
        Objects.requireNonNull(fallbackText, "fallbackText");
        parts = List.copyOf(parts);
    }

    public static ChatMessage text(String text) {
        return new ChatMessage(text, List.of(new Part.Text(text)));
    }

    /**
     * A user mention in the shared markup, {@code <@id>}; each renderer turns it into its platform's mention (Slack
     * shows it as is, Teams as a mention entity or the person's name).
     */
    public static String mention(String userId) {
        return "<@" + userId + ">";
    }

    /** A channel reference in the shared markup, {@code <#id>}; renderers show the channel's name or a link. */
    public static String channel(String channelId) {
        return "<#" + channelId + ">";
    }

    public static Builder builder(String fallbackText) {
        return new Builder(fallbackText);
    }

    /** One piece of a message, drawn natively by each renderer. */
    public sealed interface Part {
        /** A short title line. */
        record Header(String text) implements Part {}

        /** A paragraph of text. */
        record Text(String text) implements Part {}

        /** Label/value pairs shown side by side where the platform can. */
        record Fields(List<Field> fields) implements Part {
            public Fields {
                fields = List.copyOf(fields);
            }
        }

        /** A row of buttons. */
        record Buttons(List<Button> buttons) implements Part {
            public Buttons {
                buttons = List.copyOf(buttons);
            }
        }

        /** Small print under the main content. */
        record Context(String text) implements Part {}

        /** A line between sections. */
        record Divider() implements Part {}
    }

    public record Field(String label, String value) {}

    /**
     * A clickable button. {@code action} names the handler (for example {@code poll.vote}); {@code value} carries
     * the ids it needs. Renderers make platform action ids unique per message themselves.
     */
    public record Button(String action, String value, String label, Style style) {
        public Button {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(style, "style");
        }

        public Button(String action, String value, String label) {
            this(action, value, label, Style.DEFAULT);
        }
    }

    public enum Style { DEFAULT, PRIMARY, DANGER }

    /** Collects parts in order. */
    public static final class Builder {
        private final String fallbackText;
        private final List<Part> parts = new ArrayList<>();

        private Builder(String fallbackText) {
            this.fallbackText = fallbackText;
        }

        public Builder header(String text) {
            parts.add(new Part.Header(text));
            return this;
        }

        public Builder text(String text) {
            parts.add(new Part.Text(text));
            return this;
        }

        public Builder fields(List<Field> fields) {
            parts.add(new Part.Fields(fields));
            return this;
        }

        public Builder buttons(List<Button> buttons) {
            parts.add(new Part.Buttons(buttons));
            return this;
        }

        public Builder context(String text) {
            parts.add(new Part.Context(text));
            return this;
        }

        public Builder divider() {
            parts.add(new Part.Divider());
            return this;
        }

        public ChatMessage build() {
            return new ChatMessage(fallbackText, parts);
        }
    }
}
