package dev.nudge.reports;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.List;

/**
 * A retro and its ratings per principle; each {@link Score} keeps the privacy rule (mean, min and max only from at
 * least the threshold of respondents).
 */
public record RetroResult(long id, ConversationRef channel, boolean anonymous, Instant openedAt, Instant closedAt,
                          int respondents, List<PrincipleRating> ratings) {
    public RetroResult {
        ratings = List.copyOf(ratings);
    }

    public boolean open() {
        return closedAt == null;
    }

    public record PrincipleRating(int number, String title, Score score) {}
}
