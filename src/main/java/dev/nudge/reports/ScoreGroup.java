package dev.nudge.reports;

import java.util.HashSet;
import java.util.Set;

/** Collects 1-5 values and who gave them, then applies the privacy rule once. Not thread-safe; one per group. */
final class ScoreGroup {
    private final Set<String> respondents = new HashSet<>();
    private long sum;
    private int count;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;

    /** {@code who} identifies a person ("u:U123") or one anonymous vote/respondent ("v:17"). */
    void add(String who, int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("scores are 1 to 5, not " + score);
        }
        respondents.add(who);
        sum += score;
        count++;
        min = Math.min(min, score);
        max = Math.max(max, score);
    }

    int respondents() {
        return respondents.size();
    }

    int count() {
        return count;
    }

    Score score(PrivacyRule privacy) {
        return privacy.score(respondents.size(), count, sum, min, max);
    }
}
