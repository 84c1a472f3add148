package dev.nudge.schedules;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleDescriberTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Tuesday 25 November 2025, 10:00 in London: the moment of the issue's example. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(LocalDateTime.of(2025, 11, 25, 10, 0), LONDON);
    private static final HolidayCalendars CALENDARS = HolidayCalendars.shipped();

    @TempDir
    Path folder;

    private static String describe(ZonedDateTime now, HolidayCalendars calendars, ScheduleRule rule) {
        Clock clock = Clock.fixed(now.toInstant(), ZoneOffset.UTC);
        return new ScheduleDescriber(clock, new RuleEvaluator(calendars), calendars).describe(rule);
    }

    private static String describe(ScheduleRule rule) {
        return describe(NOW, CALENDARS, rule);
    }

    private static ScheduleRule rule(Frequency frequency, String time, boolean weekends, String calendar,
                                     DayOfWeek... days) {
        return new ScheduleRule(frequency, Set.of(days), LocalTime.parse(time), LONDON, NOW.toLocalDate(), weekends,
                calendar);
    }

    @Test
    void weekly_monday_and_thursday_reads_exactly_as_the_issue_example() {
        assertThat(describe(rule(Frequency.WEEKLY, "09:30", false, "england-and-wales", THURSDAY, MONDAY)))
                .isEqualTo("Every Monday and Thursday at 09:30 (Europe/London), next: Thu 27 Nov 09:30."
                        + " Skips weekends and England & Wales bank holidays.");
    }

    @Test
    void fortnightly_reads_every_other() {
        assertThat(describe(rule(Frequency.FORTNIGHTLY, "16:00", false, "england-and-wales", FRIDAY)))
                .isEqualTo("Every other Friday at 16:00 (Europe/London), next: Fri 28 Nov 16:00."
                        + " Skips weekends and England & Wales bank holidays.");
    }

    @Test
    void daily_reads_every_day_and_names_the_calendar() {
        assertThat(describe(rule(Frequency.DAILY, "09:30", false, "scotland")))
                .isEqualTo("Every day at 09:30 (Europe/London), next: Wed 26 Nov 09:30."
                        + " Skips weekends and Scotland bank holidays.");
    }

    @Test
    void three_days_are_listed_with_commas_and_and_and_weekdays_read_as_every_weekday() {
        assertThat(describe(rule(Frequency.WEEKLY, "09:30", false, "none", MONDAY, WEDNESDAY, FRIDAY)))
                .startsWith("Every Monday, Wednesday and Friday at 09:30");
        assertThat(describe(rule(Frequency.WEEKLY, "08:00", false, "none", MONDAY, TUESDAY, WEDNESDAY, THURSDAY,
                FRIDAY))).startsWith("Every weekday at 08:00 (Europe/London), next: Wed 26 Nov 08:00.");
    }

    @Test
    void weekends_included_and_no_calendar_says_only_that_weekends_are_included() {
        assertThat(describe(rule(Frequency.DAILY, "09:30", true, "none")))
                .isEqualTo("Every day at 09:30 (Europe/London), next: Wed 26 Nov 09:30. Includes weekends.");
        assertThat(describe(rule(Frequency.WEEKLY, "10:00", true, "northern-ireland", SATURDAY)))
                .isEqualTo("Every Saturday at 10:00 (Europe/London), next: Sat 29 Nov 10:00."
                        + " Includes weekends; skips Northern Ireland bank holidays.");
    }

    @Test
    void no_calendar_without_weekends_says_it_skips_weekends() {
        assertThat(describe(rule(Frequency.WEEKLY, "09:30", false, "none", MONDAY)))
                .isEqualTo("Every Monday at 09:30 (Europe/London), next: Mon 1 Dec 09:30. Skips weekends.");
    }

    @Test
    void a_next_run_in_another_year_shows_the_year_and_skips_the_holiday() {
        ZonedDateTime lateDecember = ZonedDateTime.of(LocalDateTime.of(2026, 12, 30, 12, 0), LONDON);

        assertThat(describe(lateDecember, CALENDARS, rule(Frequency.WEEKLY, "09:30", false, "england-and-wales",
                FRIDAY)))
                .isEqualTo("Every Friday at 09:30 (Europe/London), next: Fri 8 Jan 2027 09:30."
                        + " Skips weekends and England & Wales bank holidays.");
    }

    @Test
    void a_next_run_in_the_spring_gap_shows_the_time_it_really_runs() {
        ZonedDateTime dayBefore = ZonedDateTime.of(LocalDateTime.of(2026, 3, 28, 12, 0), LONDON);

        assertThat(describe(dayBefore, CALENDARS, rule(Frequency.DAILY, "01:30", true, "none")))
                .isEqualTo("Every day at 01:30 (Europe/London), next: Sun 29 Mar 02:00. Includes weekends.");
    }

    @Test
    void closure_days_are_mentioned_when_the_trust_has_any() throws IOException {
        Files.writeString(folder.resolve("closures.csv"), "date,name\n2025-12-24,Trust IT freeze\n");

        assertThat(describe(NOW, HolidayCalendars.load(folder), rule(Frequency.WEEKLY, "09:30", false,
                "england-and-wales", MONDAY))).endsWith(
                "Skips weekends, England & Wales bank holidays and the trust's closure days.");
    }

    @Test
    void a_rule_that_never_runs_says_so() {
        assertThat(describe(rule(Frequency.WEEKLY, "09:30", false, "none", SATURDAY)))
                .isEqualTo("Every Saturday at 09:30 (Europe/London). It never runs: every day it falls on is skipped."
                        + " Skips weekends.");
    }

    @Test
    void the_anchor_date_does_not_change_the_text_of_a_weekly_rule() {
        ScheduleRule rule = new ScheduleRule(Frequency.WEEKLY, Set.of(MONDAY), LocalTime.of(9, 30), LONDON,
                LocalDate.of(2020, 1, 1), false, "none");

        assertThat(describe(rule)).startsWith("Every Monday at 09:30 (Europe/London), next: Mon 1 Dec 09:30.");
    }
}
