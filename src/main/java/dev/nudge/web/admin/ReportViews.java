package dev.nudge.web.admin;

import java.util.List;

/** What the report pages show, already in words: the templates only lay it out. */
public final class ReportViews {
    private ReportViews() {
    }

    /** A choice in a select box. */
    public record Option(String value, String label, boolean selected) {}

    /** {@code /admin/reports}: every team with data. */
    public record Teams(String csrf, String rangeLabel, List<TeamRow> teams) {
        public Teams {
            teams = List.copyOf(teams);
        }
    }

    public record TeamRow(String href, String name, String where, String pack, String participation,
                          String lastActivity) {}

    /** {@code /admin/reports/{team}}. */
    public record Team(String csrf, String href, String name, String where, String packTitle, String rangeLabel,
                       String rangeDates, List<Option> ranges, String participation, String previousParticipation,
                       int threshold, List<PrincipleRow> principles, String participationChart, List<Chart> charts,
                       List<String> weeks, List<WeekRow> weekRows, List<String> principleHeads, List<Poll> polls,
                       List<Retro> retros, List<Action> actions, List<Note> notes) {
        public Team {
            ranges = List.copyOf(ranges);
            principles = List.copyOf(principles);
            charts = List.copyOf(charts);
            weeks = List.copyOf(weeks);
            weekRows = List.copyOf(weekRows);
            principleHeads = List.copyOf(principleHeads);
            polls = List.copyOf(polls);
            retros = List.copyOf(retros);
            actions = List.copyOf(actions);
            notes = List.copyOf(notes);
        }
    }

    /** One principle over the whole range: the score and where it came from. */
    public record PrincipleRow(int number, String title, String score, boolean shown, String answers, String polls,
                               String retros) {}

    /** One principle's trend chart: {@code svg} is markup built (and escaped) by {@link TrendChart}. */
    public record Chart(int number, String title, String svg, String latest) {}

    /** One week in the data table under the charts. */
    public record WeekRow(String week, String participation, List<String> scores) {
        public WeekRow {
            scores = List.copyOf(scores);
        }
    }

    public record Poll(String question, String principle, String state, String kind, String voters, String result,
                       List<PollOption> options) {
        public Poll {
            options = List.copyOf(options);
        }
    }

    public record PollOption(String label, String votes) {}

    public record Retro(String when, String state, String kind, String respondents, List<RetroRating> ratings) {
        public Retro {
            ratings = List.copyOf(ratings);
        }
    }

    public record RetroRating(String principle, String score) {}

    public record Action(String teamHref, String team, String text, String owner, String principle, String due,
                         boolean overdue, String created) {}

    public record Note(String principle, String answer, String text, String when) {}

    /** {@code /admin/heatmap}. */
    public record Heatmap(String csrf, String packTitle, String rangeLabel, String rangeDates, List<Option> packs,
                          List<Option> ranges, int threshold, List<String> columns, List<HeatRow> rows) {
        public Heatmap {
            packs = List.copyOf(packs);
            ranges = List.copyOf(ranges);
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    public record HeatRow(String href, String team, List<HeatCell> cells) {
        public HeatRow {
            cells = List.copyOf(cells);
        }
    }

    /** A heatmap cell: {@code level} 1-5 picks the colour, 0 is "not shown"; the text always says the same. */
    public record HeatCell(String text, int level, String respondents) {}

    /** {@code /admin/actions}. */
    public record Actions(String csrf, List<Action> actions) {
        public Actions {
            actions = List.copyOf(actions);
        }
    }

    /** {@code /admin/export}: the form, what was typed, and what is wrong with it (null when nothing). */
    public record Export(String csrf, String kind, String from, String to, String error, String errorField,
                         int threshold) {}
}
