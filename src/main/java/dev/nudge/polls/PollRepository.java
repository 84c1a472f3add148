package dev.nudge.polls;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores polls, their options and votes. */
public interface PollRepository {

    /** A poll to store: everything but the id and the message. */
    record NewPoll(ConversationRef where, Poll.Kind kind, String pack, Integer principleNumber, String question,
                   List<String> options, boolean anonymous, boolean hidden, String createdBy, Instant createdAt,
                   Instant closesAt) {}

    enum VoteOutcome { RECORDED, CHANGED, UNCHANGED }

    Poll create(NewPoll poll);

    void attachMessage(long pollId, String messageId);

    void delete(long pollId);

    Optional<Poll> find(long pollId);

    /**
     * Records a vote in one transaction, checking the poll is still open at {@code at}. {@code userId} is null for
     * anonymous polls. Throws {@link PollClosedException} when it is not.
     */
    VoteOutcome vote(long pollId, String voterKey, String userId, int position, Instant at);

    /** Votes per option, in option order. */
    List<Integer> counts(long pollId);

    /** Closes the poll once; false when it was already closed. Erases anonymous voter keys. */
    boolean close(long pollId, String closedBy, Instant at);

    /** When each principle of the pack was last polled in the channel, by principle number. */
    java.util.Map<Integer, Instant> lastPolled(ConversationRef where, String pack);

    /** Open polls with a close time, for rescheduling after a restart. */
    List<Poll> openWithCloseTime();
}
