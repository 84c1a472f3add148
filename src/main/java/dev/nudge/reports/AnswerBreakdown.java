package dev.nudge.reports;

/**
 * Prompt answers to one principle: counts of Yes, Partly and Not yet, and their score (yes = 5, partly = 3,
 * not yet = 1). Under the privacy threshold the counts are null like the score.
 */
public record AnswerBreakdown(Integer yes, Integer partly, Integer notYet, Score score) {
    public static final AnswerBreakdown NONE = new AnswerBreakdown(null, null, null, Score.NONE);

    public AnswerBreakdown {
        if (!score.shown() && (yes != null || partly != null || notYet != null)) {
            throw new IllegalArgumentException("counts are only kept with a score that is shown");
        }
    }

    public AnswerBreakdown withTrend(Trend trend) {
        return new AnswerBreakdown(yes, partly, notYet, score.withTrend(trend));
    }
}
