package dev.nudge.reports;

import dev.nudge.config.NudgeConfig;

/**
 * The k-rule: a score from fewer than {@code threshold} distinct respondents (and more than none) is not shown, nor
 * its spread. The threshold is never below {@link NudgeConfig.Insights#MIN_PRIVACY_THRESHOLD}.
 */
public record PrivacyRule(int threshold) {
    public PrivacyRule {
        if (threshold < NudgeConfig.Insights.MIN_PRIVACY_THRESHOLD) {
            throw new IllegalArgumentException("the privacy threshold is at least "
                    + NudgeConfig.Insights.MIN_PRIVACY_THRESHOLD + ", not " + threshold);
        }
    }

    public boolean enough(int respondents) {
        return respondents >= threshold;
    }

    /** A score from totals: {@code count} values summing to {@code sum}, from {@code respondents} people. */
    public Score score(int respondents, int count, long sum, int min, int max) {
        if (respondents <= 0 || count <= 0) {
            return Score.NONE;
        }
        if (!enough(respondents)) {
            return new Score(Score.Status.NOT_ENOUGH, respondents, null, null, null, Trend.NONE);
        }
        return new Score(Score.Status.SHOWN, respondents, (double) sum / count, (double) min, (double) max, Trend.NONE);
    }
}
