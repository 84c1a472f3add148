package dev.nudge.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes answers older than {@code months} months, once a day at {@link #RUNS_AT} in the server's time zone. The
 * cutoff is calendar months back from today's date, so "24 months" on 25 November 2026 keeps everything from
 * 25 November 2024 on.
 */
public final class RetentionJob implements Runnable {
    /** A quiet hour, after the night and before the working day's first prompts. */
    public static final LocalTime RUNS_AT = LocalTime.of(3, 15);
    private static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionRepository store;
    private final int months;
    private final Clock clock;
    private final ZoneId zone;

    public RetentionJob(RetentionRepository store, int months, Clock clock, ZoneId zone) {
        if (months < 1) {
            throw new IllegalArgumentException("retention must be at least one month");
        }
        this.store = store;
        this.months = months;
        this.clock = clock;
        this.zone = zone;
    }

    /** The oldest moment still kept at {@code now}: midnight, {@code months} calendar months before today. */
    public Instant cutoff(Instant now) {
        return ZonedDateTime.ofInstant(now, zone).toLocalDate().minusMonths(months).atStartOfDay(zone).toInstant();
    }

    @Override
    public void run() {
        Instant cutoff = cutoff(clock.instant());
        Map<String, Integer> deleted = store.deleteBefore(cutoff, BATCH);
        if (deleted.isEmpty()) {
            log.info("Retention: nothing older than {} months (before {}) to delete", months, cutoff);
        } else {
            log.info("Retention: deleted what was older than {} months (before {}): {}", months, cutoff, deleted);
        }
    }
}
