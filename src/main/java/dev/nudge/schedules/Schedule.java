package dev.nudge.schedules;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.Objects;

/** A stored schedule: where it posts, when, what, and whether it is running. */
public record Schedule(long id, ConversationRef where, ScheduleRule rule, ScheduleAction action, State state,
                       String createdBy, Instant createdAt, Instant checkpointAt) {
    public enum State { ACTIVE, PAUSED }

    public Schedule {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
    }

    public boolean active() {
        return state == State.ACTIVE;
    }
}
