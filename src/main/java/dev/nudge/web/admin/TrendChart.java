package dev.nudge.web.admin;

import dev.nudge.reports.Participation;
import dev.nudge.reports.Score;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the report charts as inline SVG on the server, so pages need no chart library or network. Each chart is an
 * image with a title and a description that says what it shows in words; every point has its own tooltip, and the
 * page puts the same numbers in a table beside it. Weeks with too few respondents are grey bands, not points, and
 * the line breaks there.
 */
final class TrendChart {
    private static final int WIDTH = 400;
    private static final int HEIGHT = 190;
    private static final int LEFT = 30;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;
    private static final String BLUE = "#005eb8";
    private static final String GREY_TEXT = "#4c6272";
    private static final String GRID = "#d8dde0";
    private static final String GAP = "#e8edee";

    private TrendChart() {
    }

    /** One principle's weekly score on 1-5; {@code weeks} labels line up with {@code scores}. */
    static String scores(String id, String title, List<String> weeks, List<Score> scores, String description) {
        StringBuilder svg = open(id, title, description);
        for (int value = 1; value <= 5; value++) {
            double y = y(value);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, GRID));
            svg.append(label(LEFT - 8, y + 4, "end", Integer.toString(value)));
        }
        xLabels(svg, weeks);
        double slot = slot(weeks.size());
        List<String> run = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Score score = scores.get(i);
            if (score.shown()) {
                run.add(Svg.number(x(i, weeks.size())) + "," + Svg.number(y(score.mean())));
            } else {
                flush(svg, run);
                if (score.status() == Score.Status.NOT_ENOUGH) {
                    svg.append("<rect x=\"").append(Svg.number(x(i, weeks.size()) - slot / 2)).append("\" y=\"")
                            .append(TOP).append("\" width=\"").append(Svg.number(slot)).append("\" height=\"")
                            .append(plotHeight()).append("\" fill=\"").append(GAP).append("\"><title>")
                            .append(Svg.text("Week of " + weeks.get(i) + ": " + Score.NOT_ENOUGH_TEXT))
                            .append("</title></rect>");
                }
            }
        }
        flush(svg, run);
        for (int i = 0; i < scores.size(); i++) {
            Score score = scores.get(i);
            if (score.shown()) {
                svg.append("<circle class=\"nudge-point\" cx=\"").append(Svg.number(x(i, weeks.size())))
                        .append("\" cy=\"").append(Svg.number(y(score.mean()))).append("\" r=\"5\" fill=\"")
                        .append(BLUE).append("\"><title>").append(Svg.text("Week of " + weeks.get(i) + ": "
                                + score.text() + " from " + people(score.respondents()))).append("</title></circle>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** People taking part each week, as bars. */
    static String participation(String id, List<String> weeks, List<Participation> people, String description) {
        StringBuilder svg = open(id, "People taking part each week", description);
        int most = Math.max(1, people.stream().mapToInt(Participation::people).max().orElse(1));
        svg.append(line(LEFT, TOP + plotHeight(), WIDTH - RIGHT, TOP + plotHeight(), GRID));
        svg.append(label(LEFT - 8, TOP + plotHeight() + 4, "end", "0"));
        svg.append(label(LEFT - 8, TOP + 4, "end", Integer.toString(most)));
        xLabels(svg, weeks);
        double slot = slot(weeks.size());
        for (int i = 0; i < people.size(); i++) {
            int count = people.get(i).people();
            double height = plotHeight() * count / (double) most;
            double x = x(i, weeks.size());
            svg.append("<rect class=\"nudge-bar\" x=\"").append(Svg.number(x - slot * 0.3)).append("\" y=\"")
                    .append(Svg.number(TOP + plotHeight() - height)).append("\" width=\"")
                    .append(Svg.number(slot * 0.6)).append("\" height=\"").append(Svg.number(height))
                    .append("\" fill=\"").append(BLUE).append("\"><title>")
                    .append(Svg.text("Week of " + weeks.get(i) + ": " + people.get(i).text())).append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nudge-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" id=\"").append(id).append("\"><title id=\"").append(id).append("-title\">")
                .append(Svg.text(title)).append("</title><desc id=\"").append(id).append("-desc\">")
                .append(Svg.text(description)).append("</desc>");
    }

    private static void xLabels(StringBuilder svg, List<String> weeks) {
        int every = Math.max(1, (int) Math.ceil(weeks.size() / 5.0));
        for (int i = 0; i < weeks.size(); i += every) {
            svg.append(label(x(i, weeks.size()), HEIGHT - BOTTOM + 18, "middle", weeks.get(i)));
        }
    }

    private static void flush(StringBuilder svg, List<String> run) {
        if (run.size() > 1) {
            svg.append("<polyline class=\"nudge-line\" fill=\"none\" stroke=\"").append(BLUE)
                    .append("\" stroke-width=\"3\" points=\"").append(String.join(" ", run)).append("\"/>");
        }
        run.clear();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + Svg.number(x1) + "\" y1=\"" + Svg.number(y1) + "\" x2=\"" + Svg.number(x2) + "\" y2=\""
                + Svg.number(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>";
    }

    private static String label(double x, double y, String anchor, String text) {
        return "<text x=\"" + Svg.number(x) + "\" y=\"" + Svg.number(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"12\" fill=\"" + GREY_TEXT + "\">" + Svg.text(text) + "</text>";
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static double slot(int count) {
        return (WIDTH - LEFT - RIGHT) / (double) Math.max(1, count);
    }

    private static double x(int index, int count) {
        return LEFT + slot(count) * (index + 0.5);
    }

    private static double y(double score) {
        return TOP + (5 - score) / 4 * plotHeight();
    }

    private static String people(int count) {
        return count + (count == 1 ? " person" : " people");
    }
}
