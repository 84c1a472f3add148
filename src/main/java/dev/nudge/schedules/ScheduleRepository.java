package dev.nudge.schedules;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores schedules and their occurrences (the outbox). */
public interface ScheduleRepository {
    Schedule create(ConversationRef where, ScheduleRequest request, String createdBy, Instant at);

    Optional<Schedule> find(long id);

    List<Schedule> inChannel(ConversationRef where);

    List<Schedule> all();

    List<Schedule> active();

    int countInChannel(ConversationRef where);

    /** Sets the state; on resume the checkpoint moves to {@code at} so nothing paused is replayed. */
    void setState(long id, Schedule.State state, Instant at);

    void delete(long id);

    /**
     * Records an occurrence once, with its idempotency key (schedule, instant), and moves the schedule's checkpoint.
     * Returns empty when that occurrence was already recorded.
     */
    Optional<OccurrenceRecord> record(long scheduleId, Instant scheduledAt, OccurrenceRecord.Status status, String reason,
                                      Instant now);

    Optional<OccurrenceRecord> occurrence(long id);

    List<OccurrenceRecord> claimed();

    List<OccurrenceRecord> recent(long scheduleId, int limit);

    void linkPrompt(long occurrenceId, long promptId, Instant now);

    void linkPoll(long occurrenceId, long pollId, Instant now);

    void markSent(long occurrenceId, String messageId, Instant sentAt, Instant remindAt);

    /** Counts a failed attempt; the occurrence stays claimed (to retry) or becomes failed with the reason. */
    void markAttemptFailed(long occurrenceId, String reason, boolean finalAttempt, Instant now);

    /** Claims the follow-up of an occurrence once; false if it was already claimed. */
    boolean claimReminder(long occurrenceId, Instant now);

    List<OccurrenceRecord> remindersDue();
}
