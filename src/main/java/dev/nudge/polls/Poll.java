package dev.nudge.polls;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.List;

/** A poll in a channel. {@code closesAt}, {@code closedAt}, {@code closedBy} and {@code messageId} may be null. */
public record Poll(long id, ConversationRef where, Kind kind, String pack, Integer principleNumber, String question,
                   List<String> options, boolean anonymous, boolean hidden, String createdBy, Instant createdAt,
                   Instant closesAt, Instant closedAt, String closedBy, String messageId) {

    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;

    public enum Kind { PRINCIPLE, CUSTOM }

    public Poll {
        options = List.copyOf(options);
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("a poll needs 2 to 10 options");
        }
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    /** Closed, or past its close time (the closing job may be a moment behind). */
    public boolean acceptsVotesAt(Instant now) {
        return closedAt == null && (closesAt == null || now.isBefore(closesAt));
    }
}
