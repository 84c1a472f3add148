package dev.nudge.schedules;

import java.time.Instant;

/** An occurrence as stored: what happened to it and what it produced. Nullable fields are null when not yet known. */
public record OccurrenceRecord(long id, long scheduleId, Instant scheduledAt, Status status, String reason, int attempts,
                               Long promptId, Long pollId, String messageId, Instant sentAt, Instant remindAt,
                               Instant remindedAt) {
    public enum Status { CLAIMED, SENT, SKIPPED, MISSED, FAILED }

    /** The key that tags the posted message, so a restart can tell whether it went out. */
    public String deliveryKey() {
        return "schedule-" + scheduleId + "-" + scheduledAt.toEpochMilli();
    }
}
