package dev.nudge.retros;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A note on a retro, tagged to a principle. {@code userId} is null in anonymous retros, always. */
public record RetroNote(Kind kind, int principleNumber, String text, String userId, Instant createdAt) {
    public static final int MAX_TEXT = 3000;

    /** What the note is about; {@code id} is how it is stored and submitted. */
    public enum Kind {
        HELPED("What helped"), HINDERED("What got in the way");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind with this id; empty for anything else (a submitted value may have been tampered with). */
        public static java.util.Optional<Kind> fromId(String id) {
            for (Kind kind : values()) {
                if (kind.id().equals(id)) {
                    return java.util.Optional.of(kind);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public RetroNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a note needs 1 to " + MAX_TEXT + " characters");
        }
    }
}
