package dev.nudge.schedules;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.chat.UserInputException;
import dev.nudge.commands.CommandLine;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ScheduleRequestParserTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** 23:30 UTC on Tue 25 Nov 2025 is already Wednesday in Auckland: the anchor must follow the schedule's zone. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(LocalDateTime.of(2025, 11, 25, 23, 30), ZoneOffset.UTC);
    private static final HolidayCalendars CALENDARS = HolidayCalendars.shipped();

    private static ScheduleRequest parse(String text) {
        // The clock runs in UTC (as in production); only the schedule's zone decides what "today" is.
        return new ScheduleRequestParser(Clock.fixed(NOW.toInstant(), ZoneOffset.UTC), CALENDARS)
                .parse(CommandLine.split(text), LONDON, "england-and-wales");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String text) {
        return assertThatThrownBy(() -> parse(text)).isInstanceOf(UserInputException.class);
    }

    @Test
    void weekly_days_and_time_use_the_default_zone_and_calendar() {
        ScheduleRequest request = parse("weekly mon,thu 09:30");
        ScheduleRule rule = request.rule();

        assertThat(rule.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(rule.days()).containsExactlyInAnyOrder(MONDAY, THURSDAY);
        assertThat(rule.time()).isEqualTo(LocalTime.of(9, 30));
        assertThat(rule.zone()).isEqualTo(LONDON);
        assertThat(rule.calendar()).isEqualTo("england-and-wales");
        assertThat(rule.includeWeekends()).isFalse();
        assertThat(rule.anchor()).isEqualTo(LocalDate.of(2025, 11, 25));
        assertThat(request.action().kind()).isEqualTo(ScheduleAction.Kind.PROMPT);
        assertThat(request.action().principle()).isEmpty();
        assertThat(request.action().remindAfter()).isEmpty();
        assertThat(request.action().pollOpenFor()).isEqualTo(ScheduleAction.DEFAULT_POLL_OPEN_FOR);
    }

    @Test
    void daily_takes_only_a_time_and_covers_every_day() {
        ScheduleRule rule = parse("daily 9:05").rule();

        assertThat(rule.frequency()).isEqualTo(Frequency.DAILY);
        assertThat(rule.days()).hasSize(7);
        assertThat(rule.time()).isEqualTo(LocalTime.of(9, 5));
    }

    @Test
    void fortnightly_with_a_poll_uses_the_default_poll_length() {
        ScheduleRequest request = parse("fortnightly fri 16:00 poll");

        assertThat(request.rule().frequency()).isEqualTo(Frequency.FORTNIGHTLY);
        assertThat(request.rule().days()).containsExactly(FRIDAY);
        assertThat(request.action().kind()).isEqualTo(ScheduleAction.Kind.POLL);
        assertThat(request.action().pollOpenFor()).isEqualTo(ScheduleAction.DEFAULT_POLL_OPEN_FOR);
    }

    @Test
    void flags_come_in_any_order_and_in_any_case() {
        ScheduleRequest request = parse("WEEKLY Monday,Tuesday 08:15 remind 4h principle kind CALENDAR Scotland"
                + " poll closes 90m tz europe/london weekends");

        assertThat(request.rule().days()).containsExactlyInAnyOrder(MONDAY, TUESDAY);
        assertThat(request.rule().calendar()).isEqualTo("scotland");
        assertThat(request.rule().zone()).isEqualTo(LONDON);
        assertThat(request.rule().includeWeekends()).isTrue();
        assertThat(request.action().kind()).isEqualTo(ScheduleAction.Kind.POLL);
        assertThat(request.action().pollOpenFor()).isEqualTo(Duration.ofMinutes(90));
        assertThat(request.action().principle()).contains("kind");
        assertThat(request.action().remindAfter()).contains(Duration.ofHours(4));
    }

    @Test
    void a_principle_is_kept_as_typed_for_the_caller_to_resolve() {
        assertThat(parse("weekly mon 09:30 principle 3").action().principle()).contains("3");
        assertThat(parse("weekly mon 09:30 principle \"Be kind\"").action().principle()).contains("Be kind");
    }

    @Test
    void weekdays_means_monday_to_friday_and_days_may_be_written_with_spaces_after_commas() {
        assertThat(parse("weekly weekdays 09:30").rule().days())
                .isEqualTo(EnumSet.range(MONDAY, FRIDAY));
        assertThat(parse("weekly mon, thu 09:30").rule().days()).containsExactlyInAnyOrder(MONDAY, THURSDAY);
        assertThat(parse("weekly thurs,weds,tues 09:30").rule().days()).hasSize(3);
    }

    @Test
    void a_time_zone_sets_the_anchor_to_today_in_that_zone() {
        ScheduleRule rule = parse("weekly mon 09:30 tz Pacific/Auckland calendar none").rule();

        assertThat(rule.zone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
        assertThat(rule.anchor()).isEqualTo(LocalDate.of(2025, 11, 26));
        assertThat(rule.calendar()).isEqualTo("none");
    }

    @Test
    void a_weekend_day_with_weekends_is_accepted() {
        ScheduleRule rule = parse("weekly sat 10:00 weekends").rule();

        assertThat(rule.days()).containsExactly(SATURDAY);
        assertThat(rule.includeWeekends()).isTrue();
    }

    @Test
    void remind_accepts_one_to_seventy_two_hours() {
        assertThat(parse("daily 09:30 remind 1h").action().remindAfter()).contains(Duration.ofHours(1));
        assertThat(parse("daily 09:30 remind 72h").action().remindAfter()).contains(Duration.ofHours(72));
        assertThat(parse("daily 09:30 remind 3d").action().remindAfter()).contains(Duration.ofDays(3));
    }

    @Test
    void poll_closes_accepts_days_hours_and_minutes() {
        assertThat(parse("daily 09:30 poll closes 1d").action().pollOpenFor()).isEqualTo(Duration.ofDays(1));
        assertThat(parse("daily 09:30 poll closes 2h").action().pollOpenFor()).isEqualTo(Duration.ofHours(2));
    }

    // ---- errors: each names what is wrong and shows a correct example ----

    @Test
    void nothing_at_all_asks_for_how_often_and_when() {
        refused("").hasMessageContaining("Say how often and when")
                .hasMessageContaining("`schedule weekly mon,thu 09:30`");
    }

    @Test
    void an_unknown_frequency_lists_the_three() {
        refused("monthly mon 09:30")
                .hasMessageStartingWith("'monthly' is not how often: use daily, weekly or fortnightly")
                .hasMessageContaining("`schedule weekly mon,thu 09:30`");
    }

    @Test
    void an_unknown_day_names_the_word_and_the_days() {
        refused("weekly mnday 09:30")
                .hasMessageStartingWith("'mnday' is not a day: use mon, tue, wed, thu, fri, sat, sun or weekdays")
                .hasMessageContaining("`schedule weekly mon,thu 09:30`");
        refused("weekly mon,frday 09:30").hasMessageStartingWith("'frday' is not a day");
    }

    @Test
    void missing_days_or_an_empty_day_list_asks_for_days() {
        refused("weekly 09:30").hasMessageContaining("Say which days a weekly schedule runs")
                .hasMessageContaining("`schedule weekly mon,thu 09:30`");
        refused("fortnightly").hasMessageContaining("Say which days a fortnightly schedule runs");
        refused("weekly , 09:30").hasMessageContaining("Say which days");
    }

    @Test
    void daily_with_days_points_to_weekly() {
        refused("daily mon 09:30").hasMessageContaining("`daily` runs every day")
                .hasMessageContaining("`schedule weekly mon,thu 09:30`");
    }

    @Test
    void a_bad_time_says_to_use_24_hour_time() {
        refused("weekly mon 25:00").hasMessageStartingWith("25:00 is not a time: use 24-hour HH:MM");
        refused("weekly mon 09:60").hasMessageStartingWith("09:60 is not a time");
        refused("weekly mon 9am").hasMessageStartingWith("9am is not a time");
        refused("daily half-nine").hasMessageStartingWith("half-nine is not a time");
    }

    @Test
    void a_missing_time_asks_for_one() {
        refused("weekly mon").hasMessageContaining("Say what time, in 24-hour HH:MM")
                .hasMessageContaining("`schedule weekly mon,thu 09:30`");
        refused("daily").hasMessageContaining("Say what time");
    }

    @Test
    void an_unknown_time_zone_asks_for_an_iana_name() {
        refused("weekly mon 09:30 tz Mars/Base")
                .hasMessageStartingWith("Mars/Base is not a time zone: use an IANA name like Europe/London");
        refused("weekly mon 09:30 tz +01:00").hasMessageContaining("is not a time zone");
        refused("weekly mon 09:30 tz").hasMessageContaining("`tz` needs a value, e.g. `tz Europe/London`");
    }

    @Test
    void an_unknown_calendar_lists_the_known_ids() {
        refused("weekly mon 09:30 calendar wales")
                .hasMessageStartingWith("'wales' is not a holiday calendar: use one of"
                        + " england-and-wales, northern-ireland, scotland, none");
        refused("weekly mon 09:30 calendar").hasMessageContaining("`calendar` needs a value");
    }

    @Test
    void an_unknown_default_calendar_is_reported_with_the_known_ids() {
        assertThatThrownBy(() -> new ScheduleRequestParser(Clock.fixed(NOW.toInstant(), ZoneOffset.UTC), CALENDARS)
                .parse(CommandLine.split("weekly mon 09:30"), LONDON, "atlantis"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("'atlantis' is not known")
                .hasMessageContaining("england-and-wales, northern-ireland, scotland, none");
    }

    @Test
    void a_rule_that_never_fires_is_refused_with_the_way_out() {
        refused("weekly sat,sun 10:00").hasMessageContaining("would never run")
                .hasMessageContaining("Add `weekends`");
    }

    @Test
    void an_unknown_word_is_named_with_the_flags_that_exist() {
        refused("weekly mon 09:30 loudly").hasMessageStartingWith("I didn't understand 'loudly'")
                .hasMessageContaining("tz Europe/London").hasMessageContaining("remind 4h");
        refused("weekly mon 09:30 \"poll\"").hasMessageStartingWith("I didn't understand 'poll'");
    }

    @Test
    void a_flag_given_twice_is_refused() {
        refused("weekly mon 09:30 tz Europe/London tz Europe/Paris").hasMessage("Give `tz` only once.");
        refused("weekly mon 09:30 remind 2h remind 3h").hasMessage("Give `remind` only once.");
    }

    @Test
    void closes_without_poll_or_with_a_bad_duration_is_refused() {
        refused("weekly mon 09:30 closes 2h").hasMessageContaining("`closes` is for polls: write `poll closes 2h`");
        refused("weekly mon 09:30 poll closes soon")
                .hasMessageStartingWith("'soon' is not a duration for `poll closes`")
                .hasMessageContaining("`poll closes 2h`");
        refused("weekly mon 09:30 poll closes 31d")
                .hasMessageContaining("out of range: use between 1 minute and 30 days");
        refused("weekly mon 09:30 poll closes").hasMessageContaining("`closes` needs a value");
    }

    @Test
    void remind_outside_one_to_seventy_two_hours_is_refused() {
        refused("weekly mon 09:30 remind 30m")
                .hasMessageContaining("`remind 30m` is out of range: use between 1 hour and"
                + " 72 hours, e.g. `remind 4h`");
        refused("weekly mon 09:30 remind 73h").hasMessageContaining("out of range");
        refused("weekly mon 09:30 remind often").hasMessageStartingWith("'often' is not a duration for `remind`");
        refused("weekly mon 09:30 remind").hasMessageContaining("`remind` needs a value, e.g. `remind 4h`");
    }

    @Test
    void principle_without_a_value_is_refused() {
        refused("weekly mon 09:30 principle").hasMessageContaining("`principle` needs a value, e.g. `principle 3`");
    }

    @Test
    void every_day_name_and_short_form_is_understood() {
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase();
            assertThat(parse("weekly " + full + " 09:30 weekends").rule().days()).containsExactly(day);
            assertThat(parse("weekly " + full.substring(0, 3) + " 09:30 weekends").rule().days()).containsExactly(day);
        }
    }
}
