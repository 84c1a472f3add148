package dev.nudge.schedules;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleEvaluatorTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 7);
    private static final HolidayCalendars CALENDARS = HolidayCalendars.shipped();
    private final RuleEvaluator evaluator = new RuleEvaluator(CALENDARS);

    @TempDir
    Path folder;

    private static ScheduleRule daily(String time, boolean weekends) {
        return new ScheduleRule(Frequency.DAILY, Set.of(), LocalTime.parse(time), LONDON, ANCHOR, weekends,
                "england-and-wales");
    }

    private static ScheduleRule weekly(String calendar, String time, DayOfWeek... days) {
        return new ScheduleRule(Frequency.WEEKLY, Set.of(days), LocalTime.parse(time), LONDON, ANCHOR, false, calendar);
    }

    private static Instant london(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), LONDON).toInstant();
    }

    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    private static List<Instant> instants(List<Occurrence> occurrences) {
        return occurrences.stream().map(Occurrence::at).toList();
    }

    @Test
    void nine_thirty_london_stays_nine_thirty_local_across_the_spring_clock_change() {
        List<Occurrence> days = evaluator.between(daily("09:30", true), utc("2026-03-27T00:00:00Z"),
                utc("2026-03-31T00:00:00Z"));

        assertThat(instants(days)).containsExactly(utc("2026-03-27T09:30:00Z"), utc("2026-03-28T09:30:00Z"),
                utc("2026-03-29T08:30:00Z"), utc("2026-03-30T08:30:00Z"));
        assertThat(days).allSatisfy(o -> assertThat(o.at().atZone(LONDON).toLocalTime())
                .isEqualTo(LocalTime.of(9, 30)));
    }

    @Test
    void nine_thirty_london_stays_nine_thirty_local_across_the_autumn_clock_change() {
        List<Occurrence> days = evaluator.between(daily("09:30", true), utc("2026-10-24T00:00:00Z"),
                utc("2026-10-27T00:00:00Z"));

        assertThat(instants(days)).containsExactly(utc("2026-10-24T08:30:00Z"), utc("2026-10-25T09:30:00Z"),
                utc("2026-10-26T09:30:00Z"));
    }

    @Test
    void a_time_in_the_spring_forward_gap_runs_at_the_end_of_the_gap_not_an_hour_later() {
        ScheduleRule rule = daily("01:30", true);

        Occurrence gapDay = evaluator.next(rule, utc("2026-03-28T12:00:00Z"));

        assertThat(gapDay.localDate()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(gapDay.at()).isEqualTo(utc("2026-03-29T01:00:00Z"));
        assertThat(gapDay.at().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(2, 0));
        assertThat(evaluator.next(rule, gapDay.at()).at()).isEqualTo(utc("2026-03-30T00:30:00Z"));
        assertThat(evaluator.next(rule, utc("2026-03-27T12:00:00Z")).at()).isEqualTo(utc("2026-03-28T01:30:00Z"));
    }

    @Test
    void a_time_in_the_ambiguous_autumn_hour_runs_once_at_the_earlier_instant() {
        ScheduleRule rule = daily("01:30", true);

        List<Occurrence> days = evaluator.between(rule, utc("2026-10-24T12:00:00Z"), utc("2026-10-26T12:00:00Z"));

        assertThat(instants(days)).containsExactly(utc("2026-10-25T00:30:00Z"), utc("2026-10-26T01:30:00Z"));
        // Asked from inside the repeated hour, after the first 01:30 has passed, the second 01:30 is not a new run.
        assertThat(evaluator.next(rule, utc("2026-10-25T01:00:00Z")).at()).isEqualTo(utc("2026-10-26T01:30:00Z"));
    }

    @Test
    void a_gap_in_another_zone_also_runs_at_the_end_of_the_gap() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ScheduleRule rule = new ScheduleRule(Frequency.WEEKLY, Set.of(SUNDAY), LocalTime.of(2, 30), newYork, ANCHOR,
                true, "none");

        // 8 March 2026: New York clocks go from 02:00 EST to 03:00 EDT.
        assertThat(evaluator.next(rule, utc("2026-03-05T00:00:00Z")).at()).isEqualTo(utc("2026-03-08T07:00:00Z"));
    }

    @Test
    void a_daily_rule_includes_29_february_2028() {
        List<Occurrence> days = evaluator.between(daily("09:30", false), utc("2028-02-28T12:00:00Z"),
                utc("2028-03-01T12:00:00Z"));

        assertThat(days).extracting(Occurrence::localDate)
                .containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 1));
        assertThat(days.get(0).at()).isEqualTo(utc("2028-02-29T09:30:00Z"));
        assertThat(days.get(0).skipped()).isFalse();
    }

    @Test
    void next_is_strictly_after_the_given_instant() {
        ScheduleRule rule = weekly("none", "09:30", MONDAY);
        Instant monday = london(2026, 11, 23, 9, 30);

        assertThat(evaluator.next(rule, monday.minusSeconds(1)).at()).isEqualTo(monday);
        assertThat(evaluator.next(rule, monday).at()).isEqualTo(london(2026, 11, 30, 9, 30));
    }

    @Test
    void a_weekly_monday_rule_skips_easter_monday_in_england_and_wales_but_not_in_scotland() {
        Instant goodFriday = london(2026, 4, 3, 12, 0);
        Occurrence english = evaluator.next(weekly("england-and-wales", "09:30", MONDAY), goodFriday);
        Occurrence scottish = evaluator.next(weekly("scotland", "09:30", MONDAY), goodFriday);

        assertThat(english.localDate()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(english.skipReason()).contains("Easter Monday (England & Wales bank holiday)");
        assertThat(evaluator.nextToSend(weekly("england-and-wales", "09:30", MONDAY), goodFriday))
                .map(Occurrence::localDate).contains(LocalDate.of(2026, 4, 13));
        assertThat(scottish.localDate()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(scottish.skipped()).isFalse();
    }

    @Test
    void the_august_bank_holiday_is_the_first_monday_in_scotland_and_the_last_in_england_and_wales() {
        Instant start = london(2026, 8, 1, 0, 0);
        Instant end = london(2026, 9, 1, 0, 0);

        List<Occurrence> scottish = evaluator.between(weekly("scotland", "09:30", MONDAY), start, end);
        List<Occurrence> english = evaluator.between(weekly("england-and-wales", "09:30", MONDAY), start, end);

        assertThat(scottish).filteredOn(Occurrence::skipped).extracting(Occurrence::localDate)
                .containsExactly(LocalDate.of(2026, 8, 3));
        assertThat(english).filteredOn(Occurrence::skipped).extracting(Occurrence::localDate)
                .containsExactly(LocalDate.of(2026, 8, 31));
        assertThat(english.get(english.size() - 1).skipReason())
                .contains("Summer bank holiday (England & Wales bank holiday)");
    }

    @Test
    void northern_ireland_skips_st_patricks_day_and_the_boyne_substitute_monday() {
        ScheduleRule rule = new ScheduleRule(Frequency.DAILY, Set.of(), LocalTime.of(9, 30), LONDON, ANCHOR, false,
                "northern-ireland");

        assertThat(evaluator.next(rule, london(2026, 3, 16, 12, 0)).skipReason())
                .contains("St Patrick's Day (Northern Ireland bank holiday)");
        Occurrence sunday = evaluator.next(rule, london(2026, 7, 11, 12, 0));
        assertThat(sunday.localDate()).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThat(sunday.skipReason()).contains("weekend");
        assertThat(evaluator.next(rule, sunday.at()).skipReason())
                .contains("Battle of the Boyne (Orangemen's Day, substitute day, Northern Ireland bank holiday)");
    }

    @Test
    void closure_days_from_the_holidays_folder_skip_schedules_on_any_calendar() throws IOException {
        Files.writeString(folder.resolve("closures.csv"), "date,name\n2026-12-24,Trust IT freeze\n");
        RuleEvaluator withClosures = new RuleEvaluator(HolidayCalendars.load(folder));

        for (String calendar : List.of("england-and-wales", "scotland", "none")) {
            Occurrence christmasEve = withClosures.next(weekly(calendar, "09:30", THURSDAY), london(2026, 12, 21, 0,
                    0));
            assertThat(christmasEve.localDate()).isEqualTo(LocalDate.of(2026, 12, 24));
            assertThat(christmasEve.skipReason()).contains("closure: Trust IT freeze");
        }
    }

    @Test
    void between_returns_skipped_occurrences_with_their_reasons_in_order() {
        ScheduleRule rule = weekly("england-and-wales", "09:30", MONDAY, THURSDAY);

        List<Occurrence> occurrences = evaluator.between(rule, london(2026, 12, 20, 0, 0), london(2027, 1, 4, 9, 30));

        assertThat(occurrences).extracting(Occurrence::localDate).containsExactly(LocalDate.of(2026, 12, 21),
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 1, 4));
        assertThat(occurrences).extracting(Occurrence::skipReason).containsExactly(Optional.empty(), Optional.empty(),
                Optional.of("Boxing Day (substitute day, England & Wales bank holiday)"), Optional.empty(),
                Optional.empty());
    }

    @Test
    void between_lists_weekend_days_of_a_daily_rule_as_skipped_for_the_weekend() {
        List<Occurrence> week = evaluator.between(daily("09:30", false), london(2026, 11, 23, 0, 0),
                london(2026, 11, 29, 23, 0));

        assertThat(week).hasSize(7);
        assertThat(week).filteredOn(Occurrence::skipped).extracting(Occurrence::localDate)
                .containsExactly(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29));
        assertThat(week).filteredOn(Occurrence::skipped).allSatisfy(o -> assertThat(o.skipReason())
                .contains("weekend"));
    }

    @Test
    void between_stops_at_its_bound() {
        List<Occurrence> many = evaluator.between(daily("09:30", true), utc("2026-01-01T00:00:00Z"),
                utc("2036-01-01T00:00:00Z"));

        assertThat(many).hasSize(RuleEvaluator.MAX_BETWEEN);
        assertThat(evaluator.between(daily("09:30", true), utc("2026-01-02T00:00:00Z"), utc("2026-01-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void fortnightly_fires_in_weeks_an_even_number_of_weeks_from_the_anchor_monday() {
        // Anchor Wednesday 25 Nov 2026: its Monday is 23 Nov, so the weeks of 23 Nov, 7 Dec, 21 Dec... fire.
        ScheduleRule rule = new ScheduleRule(Frequency.FORTNIGHTLY, Set.of(FRIDAY), LocalTime.of(16, 0), LONDON,
                LocalDate.of(2026, 11, 25), false, "none");

        List<Occurrence> fridays = evaluator.between(rule, london(2026, 11, 1, 0, 0), london(2027, 1, 31, 0, 0));

        assertThat(fridays).extracting(Occurrence::localDate).containsExactly(LocalDate.of(2026, 11, 13),
                LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 25),
                LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 22));
        assertThat(evaluator.next(rule, london(2026, 11, 27, 16, 0)).localDate()).isEqualTo(LocalDate.of(2026, 12, 11));
    }

    @Test
    void fortnightly_with_two_days_keeps_both_in_the_same_week() {
        ScheduleRule rule = new ScheduleRule(Frequency.FORTNIGHTLY, Set.of(MONDAY, THURSDAY), LocalTime.of(9, 30),
                LONDON, LocalDate.of(2026, 11, 29), false, "none");

        // Anchor Sunday 29 Nov: its Monday is 23 Nov.
        assertThat(evaluator.between(rule, london(2026, 11, 29, 0, 0), london(2026, 12, 20, 0, 0)))
                .extracting(Occurrence::localDate)
                .containsExactly(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 10));
    }

    @Test
    void a_weekend_only_rule_without_weekends_never_fires() {
        ScheduleRule saturday = weekly("england-and-wales", "10:00", SATURDAY);

        assertThat(evaluator.firesEver(saturday)).isFalse();
        assertThat(evaluator.nextToSend(saturday, utc("2026-11-25T10:00:00Z"))).isEmpty();
        assertThat(evaluator.next(saturday, utc("2026-11-25T10:00:00Z")).skipReason()).contains("weekend");

        ScheduleRule withWeekends = new ScheduleRule(Frequency.WEEKLY, Set.of(SATURDAY), LocalTime.of(10, 0), LONDON,
                ANCHOR, true, "england-and-wales");
        assertThat(evaluator.firesEver(withWeekends)).isTrue();
        assertThat(evaluator.firesEver(weekly("england-and-wales", "10:00", SATURDAY, MONDAY))).isTrue();
    }

    @Test
    void a_rule_whose_every_day_is_a_closure_never_fires() throws IOException {
        StringBuilder closures = new StringBuilder("date,name\n");
        for (LocalDate day = ANCHOR; day.isBefore(ANCHOR.plusYears(3)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == MONDAY) {
                closures.append(day).append(",Closed on Mondays\n");
            }
        }
        Files.writeString(folder.resolve("closures.csv"), closures);
        RuleEvaluator closed = new RuleEvaluator(HolidayCalendars.load(folder));

        assertThat(closed.firesEver(weekly("none", "09:30", MONDAY))).isFalse();
        assertThat(closed.firesEver(weekly("none", "09:30", MONDAY, THURSDAY))).isTrue();
    }
}
