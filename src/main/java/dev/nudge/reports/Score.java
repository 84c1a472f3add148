package dev.nudge.reports;

/**
 * A mean on the 1-5 scale from one group of respondents, as reports may show it. When fewer people than the privacy
 * threshold answered, {@code status} is {@link Status#NOT_ENOUGH} and {@code mean}, {@code min} and {@code max} are
 * null: show "not enough answers", never a number. {@code respondents} is the number of distinct people (each
 * anonymous vote or retro respondent counts as one). {@code trend} compares with the previous range.
 */
public record Score(Status status, int respondents, Double mean, Double min, Double max, Trend trend) {
    public static final String NOT_ENOUGH_TEXT = "not enough answers";
    public static final String NO_DATA_TEXT = "no answers";

    public enum Status { NO_DATA, NOT_ENOUGH, SHOWN }

    public static final Score NONE = new Score(Status.NO_DATA, 0, null, null, null, Trend.NONE);

    public Score {
        if (status != Status.SHOWN && (mean != null || min != null || max != null)) {
            throw new IllegalArgumentException("a score that is not shown carries no values");
        }
    }

    public boolean shown() {
        return status == Status.SHOWN;
    }

    public Score withTrend(Trend trend) {
        return new Score(status, respondents, mean, min, max, trend);
    }

    /** "3.4", "not enough answers" or "no answers". */
    public String text() {
        return switch (status) {
            case SHOWN -> String.format(java.util.Locale.ROOT, "%.1f", mean);
            case NOT_ENOUGH -> NOT_ENOUGH_TEXT;
            case NO_DATA -> NO_DATA_TEXT;
        };
    }

    /** "3.4 ↑", or the text alone when there is no arrow. */
    public String textWithTrend() {
        return trend == Trend.NONE ? text() : text() + " " + trend.arrow();
    }
}
