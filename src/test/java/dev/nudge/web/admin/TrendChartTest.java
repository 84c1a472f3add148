package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.reports.Participation;
import dev.nudge.reports.Score;
import dev.nudge.reports.Trend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-drawn SVG charts: gaps where too few answered, a broken line there, and escaped text. */
class TrendChartTest {
    private static Score shown(double mean, int people) {
        return new Score(Score.Status.SHOWN, people, mean, mean, mean, Trend.NONE);
    }

    private static final Score TWO_PEOPLE = new Score(Score.Status.NOT_ENOUGH, 2, null, null, null, Trend.NONE);

    @Test
    void a_week_with_too_few_people_is_a_grey_gap_that_breaks_the_line_and_shows_no_number() {
        String svg = TrendChart.scores("trend-1", "Measure", List.of("2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov"),
                List.of(shown(2.0, 4), shown(3.0, 4), TWO_PEOPLE, shown(4.0, 3), shown(5.0, 3)), "desc");

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("role=\"img\"", "aria-labelledby=\"trend-1-title trend-1-desc\"");
        assertThat(count(svg, "<circle")).isEqualTo(4);
        assertThat(count(svg, "<polyline")).as("two runs of points, split by the gap").isEqualTo(2);
        assertThat(svg).contains("<title>Week of 16 Nov: not enough answers</title>")
                .contains("Week of 23 Nov: 4.0 from 3 people");
    }

    @Test
    void higher_scores_are_drawn_higher_and_a_lone_week_is_a_point_without_a_line() {
        String svg = TrendChart.scores("t", "T", List.of("a", "b"), List.of(shown(1.0, 3), Score.NONE), "d");

        assertThat(count(svg, "<circle")).isEqualTo(1);
        assertThat(svg).doesNotContain("<polyline");
        String high = TrendChart.scores("t", "T", List.of("a"), List.of(shown(5.0, 3)), "d");
        assertThat(cy(high)).isLessThan(cy(svg));
    }

    @Test
    void titles_descriptions_and_labels_are_escaped() {
        String svg = TrendChart.scores("t", "<script>alert(1)</script> & \"x\"", List.of("<b>"),
                List.of(shown(3.0, 3)), "a < b");
        String bars = TrendChart.participation("p", List.of("<i>"), List.of(new Participation(3, null)), "d & e");

        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;", "a &lt; b");
        assertThat(bars).doesNotContain("<i>").contains("d &amp; e", "Week of &lt;i&gt;: 3 people");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static double cy(String svg) {
        int at = svg.indexOf("cy=\"") + 4;
        return Double.parseDouble(svg.substring(at, svg.indexOf('"', at)));
    }
}
