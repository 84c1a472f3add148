package dev.nudge.reports;

import java.util.List;

/**
 * A channel's weekly trend: {@code weeks} (Monday start, cut to the range), the people taking part each week, and
 * each principle's score per week ({@code scores} lines up with {@code weeks}).
 */
public record TrendReport(TeamInfo team, String packTitle, ReportRange range, List<ReportRange.Week> weeks,
                          List<Participation> participation, List<PrincipleTrend> principles) {
    public TrendReport {
        weeks = List.copyOf(weeks);
        participation = List.copyOf(participation);
        principles = List.copyOf(principles);
    }

    public record PrincipleTrend(int number, String title, List<Score> scores) {
        public PrincipleTrend {
            scores = List.copyOf(scores);
        }
    }
}
