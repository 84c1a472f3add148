package dev.nudge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.schedules.HolidayCalendars;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** 09:00 London two working days before the due date, skipping weekends and England & Wales bank holidays. */
class WorkingDaysTest {
    private final WorkingDays days = new WorkingDays(HolidayCalendars.shipped(), "england-and-wales",
            ZoneId.of("Europe/London"));

    @Test
    void two_working_days_before_a_friday_is_wednesday_at_nine() {
        assertThat(days.plannedReminder(LocalDate.of(2026, 12, 11))).isEqualTo(Instant.parse("2026-12-09T09:00:00Z"));
    }

    @Test
    void a_monday_due_date_is_reminded_on_thursday() {
        assertThat(days.plannedReminder(LocalDate.of(2026, 12, 14))).isEqualTo(Instant.parse("2026-12-10T09:00:00Z"));
    }

    @Test
    void christmas_and_the_boxing_day_substitute_do_not_count() {
        assertThat(days.plannedReminder(LocalDate.of(2026, 12, 29))).isEqualTo(Instant.parse("2026-12-23T09:00:00Z"));
    }

    @Test
    void nine_is_london_time_so_in_summer_it_is_eight_utc() {
        assertThat(days.plannedReminder(LocalDate.of(2026, 7, 3))).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
    }

    @Test
    void a_reminder_whose_moment_has_passed_goes_out_at_once() {
        Instant now = Instant.parse("2026-12-10T15:00:00Z");
        assertThat(days.reminderFor(LocalDate.of(2026, 12, 11), now)).isEqualTo(now);
        assertThat(days.reminderFor(LocalDate.of(2026, 12, 18), now)).isEqualTo(Instant.parse("2026-12-16T09:00:00Z"));
    }

    @Test
    void without_a_holiday_calendar_only_weekends_are_skipped() {
        WorkingDays plain = new WorkingDays(HolidayCalendars.shipped(), HolidayCalendars.NONE, ZoneId.of("Europe/London"));
        assertThat(plain.plannedReminder(LocalDate.of(2026, 12, 29))).isEqualTo(Instant.parse("2026-12-25T09:00:00Z"));
    }
}
