package dev.nudge.schedules;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Says a rule in plain words, e.g. "Every Monday and Thursday at 09:30 (Europe/London), next: Thu 27 Nov 09:30.
 * Skips weekends and England & Wales bank holidays."
 */
public final class ScheduleDescriber {
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final Clock clock;
    private final RuleEvaluator evaluator;
    private final HolidayCalendars calendars;

    public ScheduleDescriber(Clock clock, RuleEvaluator evaluator, HolidayCalendars calendars) {
        this.clock = clock;
        this.evaluator = evaluator;
        this.calendars = calendars;
    }

    public String describe(ScheduleRule rule) {
        return describe(rule, false);
    }

    /** As {@link #describe(ScheduleRule)}; a paused schedule says so instead of naming a next time. */
    public String describe(ScheduleRule rule, boolean paused) {
        StringBuilder text = new StringBuilder(rhythm(rule)).append(" at ").append(TIME.format(rule.time()))
                .append(" (").append(rule.zone().getId()).append(")");
        Optional<Occurrence> next = evaluator.nextToSend(rule, clock.instant());
        if (paused) {
            text.append(". Paused: nothing is sent until it is resumed.");
        } else if (next.isPresent()) {
            text.append(", next: ").append(when(rule, next.get())).append('.');
        } else {
            text.append(". It never runs: every day it falls on is skipped.");
        }
        String skips = skips(rule);
        if (!skips.isEmpty()) {
            text.append(' ').append(skips);
        }
        return text.toString();
    }

    /** "Every day", "Every weekday", "Every Monday and Thursday", "Every other Friday". */
    static String rhythm(ScheduleRule rule) {
        if (rule.days().size() == 7) {
            return rule.frequency() == Frequency.FORTNIGHTLY ? "Every day of every other week" : "Every day";
        }
        String every = rule.frequency() == Frequency.FORTNIGHTLY ? "Every other " : "Every ";
        if (rule.days().equals(WEEKDAYS)) {
            return rule.frequency() == Frequency.FORTNIGHTLY ? "Every weekday of every other week" : "Every weekday";
        }
        List<String> names = new ArrayList<>();
        EnumSet.copyOf(rule.days()).forEach(day -> names.add(day.getDisplayName(TextStyle.FULL, Locale.UK)));
        return every + joined(names);
    }

    private String when(ScheduleRule rule, Occurrence occurrence) {
        ZonedDateTime at = occurrence.at().atZone(rule.zone());
        LocalDate today = LocalDate.now(clock.withZone(rule.zone()));
        return (at.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR).format(at);
    }

    private String skips(ScheduleRule rule) {
        List<String> skipped = new ArrayList<>();
        if (!rule.includeWeekends()) {
            skipped.add("weekends");
        }
        if (!rule.calendar().equals(HolidayCalendars.NONE)) {
            skipped.add(calendars.displayName(rule.calendar()) + " bank holidays");
        }
        if (calendars.hasClosures()) {
            skipped.add("the trust's closure days");
        }
        if (skipped.isEmpty()) {
            return rule.includeWeekends() ? "Includes weekends." : "";
        }
        return rule.includeWeekends() ? "Includes weekends; skips " + joined(skipped) + "."
                : "Skips " + joined(skipped) + ".";
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
