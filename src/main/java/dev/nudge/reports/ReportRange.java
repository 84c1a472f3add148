package dev.nudge.reports;

import dev.nudge.chat.UserInputException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whole days {@code first..last} (inclusive) in a time zone, with a label for people. Reports count what happened
 * from the start of {@code first} to the end of {@code last}; {@link #previous()} is the same number of days just
 * before, which trend arrows compare against.
 */
public record ReportRange(String label, LocalDate first, LocalDate last, ZoneId zone) {
    /** What {@link #parse} accepts, in the words of the help text. */
    public static final String FORMS = "4w (the last 4 weeks, the default), 12w (the last 12 weeks) or quarter"
            + " (this calendar quarter so far)";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    public ReportRange {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(zone, "zone");
        if (last.isBefore(first)) {
            throw new UserInputException("A report range must end on or after its first day (" + DAY.format(first)
                    + " is after " + DAY.format(last) + ").");
        }
    }

    /**
     * {@code 4w} (or nothing), {@code 12w} or {@code quarter}, counted back from today in {@code zone}; anything else
     * is refused with the accepted forms.
     */
    public static ReportRange parse(String text, Clock clock, ZoneId zone) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "", "4w" -> lastWeeks(4, clock, zone);
            case "12w" -> lastWeeks(12, clock, zone);
            case "quarter", "q" -> quarterToDate(clock, zone);
            default -> throw new UserInputException("I don't understand the report range '" + clip(text)
                    + "'. Use " + FORMS + ".");
        };
    }

    /** The last {@code weeks} x 7 days, ending today. */
    public static ReportRange lastWeeks(int weeks, Clock clock, ZoneId zone) {
        if (weeks < 1 || weeks > 520) {
            throw new UserInputException("A report covers 1 to 520 weeks, not " + weeks + ".");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new ReportRange("last " + weeks + " weeks", today.minusDays(7L * weeks - 1), today, zone);
    }

    /** From the first day of this calendar quarter to today. */
    public static ReportRange quarterToDate(Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.with(IsoFields.DAY_OF_QUARTER, 1);
        return new ReportRange("Q" + today.get(IsoFields.QUARTER_OF_YEAR) + " " + today.getYear() + " so far", first,
                today, zone);
    }

    /** Any span of whole days, e.g. for a page or an export. */
    public static ReportRange between(LocalDate first, LocalDate last, ZoneId zone) {
        return new ReportRange(DAY.format(first) + " – " + DAY.format(last), first, last, zone);
    }

    /** Start of the first day. */
    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** Start of the day after the last (exclusive). */
    public Instant to() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The same number of days just before this range. */
    public ReportRange previous() {
        return new ReportRange("the previous " + days() + " days", first.minusDays(days()), first.minusDays(1), zone);
    }

    /** "28 Oct 2026 – 24 Nov 2026" */
    public String dates() {
        return DAY.format(first) + " – " + DAY.format(last);
    }

    /** Weeks starting on Monday, the first and last cut to the range. */
    public List<Week> weeks() {
        List<Week> weeks = new ArrayList<>();
        LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            LocalDate start = monday.isBefore(first) ? first : monday;
            LocalDate end = monday.plusDays(6).isAfter(last) ? last : monday.plusDays(6);
            weeks.add(new Week(monday, start.atStartOfDay(zone).toInstant(),
                    end.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return weeks;
    }

    /** One week of a range: its Monday, and the instants it covers within the range ({@code to} exclusive). */
    public record Week(LocalDate monday, Instant from, Instant to) {}

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
