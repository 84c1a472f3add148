package dev.nudge.retros;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A retrospective in a channel, rated against the principles of {@code pack}. Anonymous or named from the start.
 * {@code closedAt}, {@code closedBy}, {@code messageId} and {@code summaryMessageId} may be null.
 */
public record Retro(long id, ConversationRef where, String pack, boolean anonymous, String openedBy, Instant openedAt,
                    Instant closedAt, String closedBy, String messageId, String summaryMessageId) {
    public Retro {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    public boolean isClosed() {
        return closedAt != null;
    }
}
