package dev.nudge.schedules;

import java.time.Instant;

/** Times schedules: implemented with Quartz at the edge, so the feature never sees the scheduler. */
public interface ScheduleTimer {
    /** Fires {@link ScheduleDispatcher#fire} for the schedule at {@code at} (at once if already past). */
    void arm(long scheduleId, Instant at);

    void disarm(long scheduleId);

    /** Fires {@link ScheduleDispatcher#remind} for the occurrence at {@code at}. */
    void remindAt(long occurrenceId, Instant at);
}
