package dev.nudge.retros;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Stores retros, their respondents, ratings and notes. Every write that takes answers runs in one transaction and
 * checks the retro is still open; {@code userId} arguments are null for anonymous retros.
 */
public interface RetroRepository {

    /** A retro to store: everything but the id and the messages. */
    record NewRetro(ConversationRef where, String pack, boolean anonymous, String openedBy, Instant openedAt) {}

    /** Stores a new open retro; empty when the channel already has one open. */
    Optional<Retro> open(NewRetro retro);

    void attachMessage(long retroId, String messageId);

    void attachSummary(long retroId, String messageId);

    /** Removes a retro whose card never reached the channel. */
    void delete(long retroId);

    Optional<Retro> find(long retroId);

    Optional<Retro> findOpen(ConversationRef where);

    /** The latest retro in the channel that closed before {@code retroId} did, if any. */
    Optional<Retro> previousClosed(ConversationRef where, long retroId);

    /**
     * Replaces the respondent's ratings with {@code scores} (principle number to 1-5), checking the retro is open.
     * Throws {@link RetroClosedException} when it is not.
     */
    void rate(long retroId, String respondentKey, String userId, Map<Integer, Integer> scores, Instant at);

    /** The respondent's current ratings, by principle number. */
    Map<Integer, Integer> ratingsOf(long retroId, String respondentKey);

    /** Adds a note and counts its author as a respondent; throws {@link RetroClosedException} when closed. */
    void addNote(long retroId, String respondentKey, RetroNote note, Instant at);

    /** How many people have rated or added a note. */
    int respondents(long retroId);

    /** Every score given, by principle number, without who gave it. */
    Map<Integer, List<Integer>> scores(long retroId);

    List<RetroNote> notes(long retroId);

    /** Closes the retro once; false when it was already closed. Erases anonymous respondent keys. */
    boolean close(long retroId, String closedBy, Instant at);

    /** How many people the channel has, as last noted (the denominator of "6 of 9 have answered"). */
    OptionalInt memberCount(ConversationRef where);
}
