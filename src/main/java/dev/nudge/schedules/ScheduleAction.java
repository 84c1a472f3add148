package dev.nudge.schedules;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a schedule sends each time: a prompt (rotating through the channel's principles when {@code principle} is
 * empty, else that principle) or a quick principle poll that closes after {@code pollOpenFor}. {@code remindAfter}
 * asks for one follow-up in the thread that long after a prompt.
 */
public record ScheduleAction(Kind kind, Optional<String> principle, Duration pollOpenFor, Optional<Duration> remindAfter) {
    public enum Kind { PROMPT, POLL }

    public static final Duration DEFAULT_POLL_OPEN_FOR = Duration.ofHours(24);

    public ScheduleAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principle, "principle");
        Objects.requireNonNull(pollOpenFor, "pollOpenFor");
        Objects.requireNonNull(remindAfter, "remindAfter");
    }
}
