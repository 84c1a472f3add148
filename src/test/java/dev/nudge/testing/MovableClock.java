package dev.nudge.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time shifted by an offset the test can change: "now" can be set to just before a schedule is due. */
public final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** Makes now equal {@code instant}; time then runs on from there at normal speed. */
    public MovableClock setNow(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
        return this;
    }

    public MovableClock advance(Duration duration) {
        offset = offset.plus(duration);
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
