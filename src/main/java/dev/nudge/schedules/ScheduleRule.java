package dev.nudge.schedules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a schedule fires: on {@code days} at local {@code time} in {@code zone}. FORTNIGHTLY counts weeks from the
 * Monday of {@code anchor}. Weekend days are skipped unless {@code includeWeekends}. Occurrences on a day of the
 * holiday {@code calendar} (a file name under config/holidays, or "none") or on a local closure day are skipped.
 */
public record ScheduleRule(Frequency frequency, Set<DayOfWeek> days, LocalTime time, ZoneId zone, LocalDate anchor,
                           boolean includeWeekends, String calendar) {
    public ScheduleRule {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(calendar, "calendar");
        days = frequency == Frequency.DAILY ? EnumSet.allOf(DayOfWeek.class)
                : days == null || days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a weekly or fortnightly schedule needs at least one day");
        }
        days = Set.copyOf(days);
        time = time.withSecond(0).withNano(0);
    }
}
