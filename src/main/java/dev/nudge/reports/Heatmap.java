package dev.nudge.reports;

import java.util.List;

/**
 * Teams x principles of one pack: each cell the principle's score in that team over the range. {@code principles}
 * are the column titles in pack order; each row's {@code scores} line up with them. A cell's {@code respondents}
 * means "at least this many people" (see {@link ReportService#heatmap}); min and max are not given.
 */
public record Heatmap(String pack, String packTitle, ReportRange range, List<Column> principles, List<Row> rows,
                      int privacyThreshold) {
    public Heatmap {
        principles = List.copyOf(principles);
        rows = List.copyOf(rows);
    }

    public record Column(int number, String title) {}

    public record Row(TeamInfo team, List<Score> scores) {
        public Row {
            scores = List.copyOf(scores);
        }
    }
}
