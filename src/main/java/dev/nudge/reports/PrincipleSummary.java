package dev.nudge.reports;

/**
 * One principle in a channel report: the single score over all evidence, and its parts (prompt answers, principle
 * poll votes, retro ratings), each with a trend against the previous range. Retro spread is in {@code retros}' min
 * and max, shown only with its mean.
 */
public record PrincipleSummary(int number, String title, Score score, AnswerBreakdown answers, Score polls,
                               Score retros) {
    public boolean hasData() {
        return score.status() != Score.Status.NO_DATA;
    }
}
