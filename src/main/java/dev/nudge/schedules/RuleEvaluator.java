package dev.nudge.schedules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Works out when a {@link ScheduleRule} comes round, in the rule's own time zone. Skipped occurrences (weekends,
 * bank holidays, closure days) are returned with their reason so the caller can record them, not drop them.
 *
 * <p>Clock changes: the local time stays the same across both (09:30 stays 09:30 London time). A local time that
 * does not exist on the spring-forward day runs at the end of the gap (01:30 on 29 Mar 2026 in London runs at 02:00
 * BST), not shifted by the gap's length; a local time that happens twice on the fall-back day runs once, at the
 * earlier instant.
 */
public final class RuleEvaluator {
    /** The most occurrences {@link #between} returns, so a wide range cannot build an unbounded list. */
    public static final int MAX_BETWEEN = 1_000;
    /** How far {@link #nextToSend} looks for a day that is not skipped. */
    public static final Period SEND_HORIZON = Period.ofYears(2);

    private final HolidayCalendars calendars;

    public RuleEvaluator(HolidayCalendars calendars) {
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /** The first occurrence strictly after {@code after}, skipped or not. */
    public Occurrence next(ScheduleRule rule, Instant after) {
        // Start a day early: the zone's date of `after` is the earliest date that can hold a later instant, and
        // the day before costs nothing and keeps odd zones (transitions at midnight) safe.
        LocalDate date = LocalDate.ofInstant(after, rule.zone()).minusDays(1);
        while (true) {
            if (firesOn(rule, date)) {
                Instant at = instant(rule, date);
                if (at.isAfter(after)) {
                    return new Occurrence(at, date, skipReason(rule, date));
                }
            }
            date = date.plusDays(1);
        }
    }

    /** Occurrences after {@code fromExclusive} up to {@code toInclusive}, skipped too; at most {@link #MAX_BETWEEN}. */
    public List<Occurrence> between(ScheduleRule rule, Instant fromExclusive, Instant toInclusive) {
        List<Occurrence> found = new ArrayList<>();
        Instant cursor = fromExclusive;
        while (found.size() < MAX_BETWEEN) {
            Occurrence occurrence = next(rule, cursor);
            if (occurrence.at().isAfter(toInclusive)) {
                break;
            }
            found.add(occurrence);
            cursor = occurrence.at();
        }
        return found;
    }

    /** The first occurrence after {@code after} that is not skipped, looking {@link #SEND_HORIZON} ahead. */
    public Optional<Occurrence> nextToSend(ScheduleRule rule, Instant after) {
        LocalDate horizon = LocalDate.ofInstant(after, rule.zone()).plus(SEND_HORIZON);
        Instant cursor = after;
        while (true) {
            Occurrence occurrence = next(rule, cursor);
            if (occurrence.localDate().isAfter(horizon)) {
                return Optional.empty();
            }
            if (!occurrence.skipped()) {
                return Optional.of(occurrence);
            }
            cursor = occurrence.at();
        }
    }

    /** Whether the rule sends anything from its anchor date on (Saturdays without weekends never do). */
    public boolean firesEver(ScheduleRule rule) {
        if (!rule.includeWeekends() && rule.days().stream().allMatch(RuleEvaluator::isWeekend)) {
            return false;
        }
        Instant start = rule.anchor().atStartOfDay(rule.zone()).toInstant().minusSeconds(1);
        return nextToSend(rule, start).isPresent();
    }

    private static boolean firesOn(ScheduleRule rule, LocalDate date) {
        if (!rule.days().contains(date.getDayOfWeek())) {
            return false;
        }
        if (rule.frequency() != Frequency.FORTNIGHTLY) {
            return true;
        }
        LocalDate anchorMonday = rule.anchor().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long weeks = ChronoUnit.DAYS.between(anchorMonday, monday) / 7;
        return Math.floorMod(weeks, 2) == 0;
    }

    private Optional<String> skipReason(ScheduleRule rule, LocalDate date) {
        if (!rule.includeWeekends() && isWeekend(date.getDayOfWeek())) {
            return Optional.of("weekend");
        }
        return calendars.skipReason(rule.calendar(), date);
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** The instant the rule's local time happens on {@code date}: end of a gap, earlier of an overlap. */
    static Instant instant(ScheduleRule rule, LocalDate date) {
        LocalDateTime local = LocalDateTime.of(date, rule.time());
        ZoneRules rules = rule.zone().getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            // In a gap; java.time's own resolution would move the time on by the gap's length (01:30 -> 02:30).
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        return ZonedDateTime.ofLocal(local, rule.zone(), offsets.get(0)).toInstant();
    }
}
