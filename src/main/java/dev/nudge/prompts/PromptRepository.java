package dev.nudge.prompts;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Stores prompts, answers and notes. */
public interface PromptRepository {
    Prompt create(ConversationRef where, String pack, int principleNumber, String question, String askedBy, Instant at);

    void attachMessage(long promptId, String messageId);

    /** Removes a prompt whose message never reached the channel. */
    void delete(long promptId);

    Optional<Prompt> find(long promptId);

    /** When each principle of the pack was last asked in the channel, by principle number. */
    Map<Integer, Instant> lastAsked(ConversationRef where, String pack);

    int timesAsked(ConversationRef where, String pack, int principleNumber);

    /** Records or changes a user's answer; one answer per user per prompt. */
    void answer(long promptId, String userId, Answer answer, Instant at);

    Optional<Answer> answerOf(long promptId, String userId);

    void addNote(long promptId, String userId, Answer answer, String note, Instant at);

    AnswerCounts counts(long promptId);
}
