package dev.nudge.actions;

import java.time.Instant;

/** Times owners' reminders; implemented with Quartz at the edge, so the feature never sees the scheduler. */
public interface ActionReminders {
    /** Calls {@link ActionService#remind} for the item at {@code at} (at once if already past). */
    void remindOwnerAt(long actionId, Instant at);

    void cancelReminder(long actionId);
}
