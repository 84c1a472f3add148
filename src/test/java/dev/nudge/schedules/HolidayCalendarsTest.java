package dev.nudge.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayCalendarsTest {
    private static final HolidayCalendars SHIPPED = HolidayCalendars.shipped();

    @TempDir
    Path folder;

    private Path write(String fileName, String content) throws IOException {
        return Files.writeString(folder.resolve(fileName), content);
    }

    private static List<LocalDate> holidays(String calendar, int year) {
        return Stream.iterate(LocalDate.of(year, 1, 1), day -> day.getYear() == year, day -> day.plusDays(1))
                .filter(day -> SHIPPED.skipReason(calendar, day).isPresent())
                .toList();
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** Easter Sunday by the anonymous Gregorian algorithm, worked here independently of the generator script. */
    private static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static LocalDate august(List<LocalDate> days) {
        return days.stream().filter(day -> day.getMonth() == Month.AUGUST).findFirst().orElseThrow();
    }

    @Test
    void england_and_wales_2025_has_the_eight_gov_uk_bank_holidays() {
        assertThat(holidays("england-and-wales", 2025)).containsExactly(date(2025, 1, 1), date(2025, 4, 18),
                date(2025, 4, 21), date(2025, 5, 5), date(2025, 5, 26), date(2025, 8, 25), date(2025, 12, 25),
                date(2025, 12, 26));
    }

    @Test
    void england_and_wales_2026_moves_boxing_day_to_monday_28_december() {
        assertThat(holidays("england-and-wales", 2026)).containsExactly(date(2026, 1, 1), date(2026, 4, 3),
                date(2026, 4, 6), date(2026, 5, 4), date(2026, 5, 25), date(2026, 8, 31), date(2026, 12, 25),
                date(2026, 12, 28));
        assertThat(SHIPPED.skipReason("england-and-wales", date(2026, 12, 28)))
                .contains("Boxing Day (substitute day, England & Wales bank holiday)");
    }

    @Test
    void england_and_wales_2027_gives_christmas_and_boxing_day_substitutes_on_27_and_28_december() {
        assertThat(holidays("england-and-wales", 2027)).containsExactly(date(2027, 1, 1), date(2027, 3, 26),
                date(2027, 3, 29), date(2027, 5, 3), date(2027, 5, 31), date(2027, 8, 30), date(2027, 12, 27),
                date(2027, 12, 28));
        assertThat(SHIPPED.skipReason("england-and-wales", date(2027, 12, 25))).isEmpty();
    }

    @Test
    void a_bank_holiday_reason_names_the_day_and_the_nation() {
        assertThat(SHIPPED.skipReason("england-and-wales", date(2025, 12, 25)))
                .contains("Christmas Day (England & Wales bank holiday)");
        assertThat(SHIPPED.skipReason("scotland", date(2026, 11, 30)))
                .contains("St Andrew's Day (Scotland bank holiday)");
        assertThat(SHIPPED.skipReason("england-and-wales", date(2026, 11, 30))).isEmpty();
    }

    @Test
    void scotland_2026_has_2_january_first_monday_of_august_and_st_andrews_day_but_no_easter_monday() {
        assertThat(holidays("scotland", 2026)).containsExactly(date(2026, 1, 1), date(2026, 1, 2), date(2026, 4, 3),
                date(2026, 5, 4), date(2026, 5, 25), date(2026, 8, 3), date(2026, 11, 30), date(2026, 12, 25),
                date(2026, 12, 28));
    }

    @Test
    void scotland_moves_st_andrews_day_on_a_sunday_to_the_monday() {
        assertThat(SHIPPED.skipReason("scotland", date(2025, 12, 1)))
                .contains("St Andrew's Day (substitute day, Scotland bank holiday)");
        assertThat(SHIPPED.skipReason("scotland", date(2030, 12, 2))).isPresent();
    }

    @Test
    void scotland_2028_moves_new_years_day_and_2_january_off_the_weekend_to_3_and_4_january() {
        assertThat(holidays("scotland", 2028)).startsWith(date(2028, 1, 3), date(2028, 1, 4));
    }

    @Test
    void northern_ireland_2026_adds_st_patricks_day_and_the_boyne_substitute_on_monday_13_july() {
        List<LocalDate> days = holidays("northern-ireland", 2026);

        assertThat(days).hasSize(10).contains(date(2026, 3, 17), date(2026, 7, 13)).doesNotContain(date(2026, 7, 12));
        assertThat(days).containsAll(holidays("england-and-wales", 2026));
        assertThat(SHIPPED.skipReason("northern-ireland", date(2026, 3, 17)))
                .contains("St Patrick's Day (Northern Ireland bank holiday)");
    }

    @Test
    void every_shipped_year_2025_to_2030_has_easter_by_the_gregorian_algorithm_and_no_weekend_holidays() {
        for (int year = 2025; year <= 2030; year++) {
            LocalDate easter = easter(year);
            assertThat(SHIPPED.skipReason("england-and-wales", easter.minusDays(2))).contains(
                    "Good Friday (England & Wales bank holiday)");
            assertThat(SHIPPED.skipReason("england-and-wales", easter.plusDays(1))).contains(
                    "Easter Monday (England & Wales bank holiday)");
            assertThat(SHIPPED.skipReason("northern-ireland", easter.plusDays(1))).isPresent();
            assertThat(SHIPPED.skipReason("scotland", easter.minusDays(2))).isPresent();
            assertThat(SHIPPED.skipReason("scotland", easter.plusDays(1))).isEmpty();
            assertThat(holidays("england-and-wales", year)).hasSize(8);
            assertThat(holidays("scotland", year)).hasSize(9);
            assertThat(holidays("northern-ireland", year)).hasSize(10);
            for (String calendar : List.of("england-and-wales", "scotland", "northern-ireland")) {
                assertThat(holidays(calendar, year)).allSatisfy(day -> assertThat(day.getDayOfWeek())
                        .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            }
            assertThat(august(holidays("scotland", year)).getDayOfMonth()).isLessThanOrEqualTo(7);
            assertThat(august(holidays("england-and-wales", year)).getDayOfMonth()).isGreaterThanOrEqualTo(25);
        }
    }

    @Test
    void the_none_calendar_has_no_bank_holidays() {
        assertThat(SHIPPED.skipReason("none", date(2025, 12, 25))).isEmpty();
        assertThat(SHIPPED.knows("none")).isTrue();
        assertThat(SHIPPED.displayName("none")).isEqualTo("no bank holidays");
    }

    @Test
    void ids_list_the_shipped_calendars_then_none_with_their_display_names() {
        assertThat(SHIPPED.ids()).containsExactly("england-and-wales", "northern-ireland", "scotland", "none");
        assertThat(SHIPPED.displayName("england-and-wales")).isEqualTo("England & Wales");
        assertThat(SHIPPED.displayName("scotland")).isEqualTo("Scotland");
        assertThat(SHIPPED.displayName("northern-ireland")).isEqualTo("Northern Ireland");
        assertThat(SHIPPED.knows("closures")).isFalse();
        assertThat(SHIPPED.knows("wales")).isFalse();
        assertThat(SHIPPED.hasClosures()).isFalse();
    }

    @Test
    void an_unknown_calendar_is_refused_rather_than_treated_as_having_no_holidays() {
        assertThatThrownBy(() -> SHIPPED.skipReason("wales", date(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'wales'");
    }

    @Test
    void closure_days_from_the_folder_apply_to_every_calendar_and_to_none() throws IOException {
        write("closures.csv", """
                # Our own closures
                date,name

                2026-12-24,Trust IT freeze
                2026-06-01,"Move to the new building, phase 1"
                """);

        HolidayCalendars calendars = HolidayCalendars.load(folder);

        for (String calendar : calendars.ids()) {
            assertThat(calendars.skipReason(calendar, date(2026, 12, 24))).contains("closure: Trust IT freeze");
        }
        assertThat(calendars.skipReason("none", date(2026, 6, 1)))
                .contains("closure: Move to the new building, phase 1");
        assertThat(calendars.skipReason("england-and-wales", date(2026, 12, 25)))
                .contains("Christmas Day (England & Wales bank holiday)");
        assertThat(calendars.hasClosures()).isTrue();
        assertThat(calendars.ids()).doesNotContain("closures");
    }

    @Test
    void a_file_on_disk_replaces_the_shipped_file_of_the_same_name_and_a_new_file_is_a_new_calendar()
            throws IOException {
        write("scotland.csv", "date,name\n2026-07-01,Made-up holiday\n");
        write("isle-of-man.csv", "Date, Name\n2026-07-06,Tynwald Day\n");

        HolidayCalendars calendars = HolidayCalendars.load(folder);

        assertThat(calendars.skipReason("scotland", date(2026, 7, 1)))
                .contains("Made-up holiday (Scotland bank holiday)");
        assertThat(calendars.skipReason("scotland", date(2026, 11, 30))).isEmpty();
        assertThat(calendars.skipReason("england-and-wales", date(2026, 8, 31))).isPresent();
        assertThat(calendars.ids()).containsExactly("england-and-wales", "isle-of-man", "northern-ireland", "scotland",
                "none");
        assertThat(calendars.displayName("isle-of-man")).isEqualTo("Isle of Man");
        assertThat(calendars.skipReason("isle-of-man", date(2026, 7, 6)))
                .contains("Tynwald Day (Isle of Man bank holiday)");
    }

    @Test
    void a_missing_folder_leaves_the_shipped_calendars() {
        HolidayCalendars calendars = HolidayCalendars.load(folder.resolve("missing"));

        assertThat(calendars.ids()).containsExactly("england-and-wales", "northern-ireland", "scotland", "none");
    }

    @Test
    void a_bad_date_names_the_file_and_line() throws IOException {
        Path file = write("closures.csv", "# comment\ndate,name\n2026-12-24,Freeze\n2026-13-01,Nonsense\n");

        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .isInstanceOf(HolidayFileException.class)
                .hasMessageStartingWith(file + " line 4: ")
                .hasMessageContaining("'2026-13-01' is not a date: use YYYY-MM-DD");
    }

    @Test
    void a_row_without_a_comma_or_a_name_names_the_file_and_line() throws IOException {
        Path file = write("closures.csv", "date,name\n2026-12-24\n");
        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .hasMessageStartingWith(file + " line 2: ")
                .hasMessageContaining("expected date,name");

        write("closures.csv", "date,name\n2026-12-24,  \n");
        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .hasMessageStartingWith(file + " line 2: ")
                .hasMessageContaining("the name is missing");

        write("closures.csv", "date,name\n2026-12-24,\"Freeze\n");
        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .hasMessageStartingWith(file + " line 2: ")
                .hasMessageContaining("quoted name is not closed");
    }

    @Test
    void a_missing_header_or_a_repeated_date_names_the_file_and_line() throws IOException {
        Path file = write("closures.csv", "# comment\n2026-12-24,Freeze\n");
        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .hasMessageStartingWith(file + " line 2: ")
                .hasMessageContaining("header 'date,name'");

        write("closures.csv", "date,name\n2026-12-24,Freeze\n\n2026-12-24,Again\n");
        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .hasMessageStartingWith(file + " line 4: ")
                .hasMessageContaining("listed twice (also on line 2)");

        write("closures.csv", "# only comments\n");
        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .hasMessageStartingWith(file + " line 1: ")
                .hasMessageContaining("needs the header line");
    }

    @Test
    void a_file_name_that_is_not_a_calendar_id_or_is_none_is_refused() throws IOException {
        write("Wales.csv", "date,name\n");
        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .isInstanceOf(HolidayFileException.class)
                .hasMessageContaining("Wales.csv")
                .hasMessageContaining("lower-case letters, digits and dashes");

        Files.delete(folder.resolve("Wales.csv"));
        write("none.csv", "date,name\n");
        assertThatThrownBy(() -> HolidayCalendars.load(folder))
                .hasMessageContaining("none.csv")
                .hasMessageContaining("reserved");
    }

    @Test
    void the_shipped_closures_file_has_a_header_and_no_rows() {
        assertThat(HolidayCalendars.shipped().hasClosures()).isFalse();
        assertThat(HolidayCalendars.class.getResource("/config/holidays/closures.csv")).isNotNull();
    }
}
