package dev.nudge.reports;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.List;

/**
 * A poll and its result for reports. {@code resultsShown} is false while a hidden poll is open or when fewer people
 * than the privacy threshold voted; then every option's {@code votes} is null. {@code score} is the mean 1-5 of a
 * principle poll ({@link Score#NONE} for custom polls). {@code principle} is null for custom polls.
 */
public record PollResult(long id, ConversationRef channel, String question, boolean principlePoll, Integer principle,
                         String principleTitle, boolean anonymous, boolean hidden, Instant createdAt, Instant closedAt,
                         int voters, boolean resultsShown, String withheldReason, List<Option> options, Score score) {
    public PollResult {
        options = List.copyOf(options);
    }

    public boolean open() {
        return closedAt == null;
    }

    public record Option(String label, Integer votes) {}
}
