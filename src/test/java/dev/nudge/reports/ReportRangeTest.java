package dev.nudge.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.chat.UserInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportRangeTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Wednesday 25 November 2026, 00:30 in London (00:30 UTC: GMT in winter). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:30:00Z"), LONDON);

    @Test
    void no_range_or_4w_is_the_last_28_days_including_today() {
        for (String text : new String[] {"", "4w", " 4W ", null}) {
            ReportRange range = ReportRange.parse(text, CLOCK, LONDON);
            assertThat(range.first()).isEqualTo(LocalDate.of(2026, 10, 29));
            assertThat(range.last()).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(range.days()).isEqualTo(28);
            assertThat(range.label()).isEqualTo("last 4 weeks");
        }
    }

    @Test
    void twelve_weeks_is_84_days_and_the_previous_range_is_the_84_days_before() {
        ReportRange range = ReportRange.parse("12w", CLOCK, LONDON);
        assertThat(range.days()).isEqualTo(84);
        ReportRange previous = range.previous();
        assertThat(previous.days()).isEqualTo(84);
        assertThat(previous.last()).isEqualTo(range.first().minusDays(1));
        assertThat(previous.to()).isEqualTo(range.from());
    }

    @Test
    void quarter_runs_from_the_first_day_of_this_calendar_quarter_to_today() {
        ReportRange range = ReportRange.parse("quarter", CLOCK, LONDON);
        assertThat(range.first()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(range.last()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(range.label()).isEqualTo("Q4 2026 so far");
        assertThat(range.previous().first()).isEqualTo(LocalDate.of(2026, 8, 6));
    }

    @Test
    void days_are_counted_in_the_configured_time_zone_across_the_clock_change() {
        // 25 Oct 2026 is the day British Summer Time ends: 25 hours long in London.
        ReportRange range = ReportRange.between(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), LONDON);
        assertThat(range.from()).isEqualTo(Instant.parse("2026-10-24T23:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
        // Just after midnight in London on the 25th is still the 24th in UTC; it is "today" for the report.
        Clock late = Clock.fixed(Instant.parse("2026-07-01T23:30:00Z"), LONDON);
        assertThat(ReportRange.parse("4w", late, LONDON).last()).isEqualTo(LocalDate.of(2026, 7, 2));
    }

    @Test
    void weeks_start_on_monday_and_the_first_and_last_are_cut_to_the_range() {
        ReportRange range = ReportRange.parse("4w", CLOCK, LONDON);
        var weeks = range.weeks();
        assertThat(weeks).hasSize(5);
        assertThat(weeks.get(0).monday()).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(weeks.get(0).from()).isEqualTo(range.from());
        assertThat(weeks.get(4).monday()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(weeks.get(4).to()).isEqualTo(range.to());
        for (int i = 1; i < weeks.size(); i++) {
            assertThat(weeks.get(i).from()).isEqualTo(weeks.get(i - 1).to());
        }
        assertThat(ReportService.weekOf(weeks, range.from())).isZero();
        assertThat(ReportService.weekOf(weeks, range.to().minusMillis(1))).isEqualTo(4);
        assertThat(ReportService.weekOf(weeks, range.to())).isEqualTo(-1);
    }

    @Test
    void anything_else_is_refused_with_the_accepted_forms() {
        for (String text : new String[] {"fortnight", "5w", "12", "last quarter", "-4w"}) {
            assertThatThrownBy(() -> ReportRange.parse(text, CLOCK, LONDON))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("I don't understand the report range '" + text + "'")
                    .hasMessageContaining("4w").hasMessageContaining("12w").hasMessageContaining("quarter");
        }
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> ReportRange.between(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), LONDON))
                .isInstanceOf(UserInputException.class).hasMessageContaining("must end on or after its first day");
    }
}
