package dev.nudge.web.admin;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.UserInputException;
import dev.nudge.reports.ExportKind;
import dev.nudge.reports.Heatmap;
import dev.nudge.reports.OpenAction;
import dev.nudge.reports.Participation;
import dev.nudge.reports.PollResult;
import dev.nudge.reports.PrincipleSummary;
import dev.nudge.reports.ReportRange;
import dev.nudge.reports.ReportService;
import dev.nudge.reports.RetroResult;
import dev.nudge.reports.Score;
import dev.nudge.reports.TeamInfo;
import dev.nudge.reports.TrendReport;
import dev.nudge.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report pages: every team, one team's trends, the cross-team heatmap, open actions and the CSV export. All
 * need a signed-in session; the export is a POST with the session's CSRF token. Numbers come from the
 * {@link ReportService}, which already applies the privacy threshold: a score from too few people arrives as
 * "not enough answers" and is shown as such, never as a number. No page shows who gave an answer or a vote.
 */
public final class ReportPages implements Routes {
    static final String REPORTS = "/admin/reports";
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);
    private static final List<String[]> RANGES = List.of(new String[] {"4w", "Last 4 weeks"},
            new String[] {"12w", "Last 12 weeks"}, new String[] {"quarter", "This quarter so far"});

    private final AdminWeb web;
    private final ReportService reports;

    ReportPages(AdminWeb web, ReportService reports) {
        this.web = web;
        this.reports = reports;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(REPORTS, web.page(this::teams));
        routes.get(REPORTS + "/{team}", web.page(this::team));
        routes.get("/admin/heatmap", web.page(this::heatmap));
        routes.get("/admin/actions", web.page(this::actions));
        routes.get("/admin/export", web.page((ctx, session) -> web.render(ctx, 200, "admin/export.jte",
                new ReportViews.Export(session.csrf(), "answers", "", "", null, null, reports.privacyThreshold()))));
        routes.post("/admin/export", web.form(this::export));
    }

    private void teams(Context ctx, AdminSessions.Session session) {
        ReportRange range = reports.range("4w");
        List<ReportViews.TeamRow> rows = new ArrayList<>();
        // One read for every team's participation; a channel report per team would read each team's answers.
        Map<ConversationRef, Participation> participation = reports.participationByTeam(range);
        Map<ConversationRef, java.time.Instant> lastActivity = reports.lastActivityByChannel();
        for (TeamInfo team : reports.teams()) {
            ConversationRef channel = team.channel();
            rows.add(new ReportViews.TeamRow(href(channel), team.name(), where(channel), team.pack(),
                    participation.getOrDefault(channel, new Participation(0, team.memberCount())).text(),
                    Optional.ofNullable(lastActivity.get(channel)).map(this::when).orElse("None yet")));
        }
        web.render(ctx, 200, "admin/reports.jte", new ReportViews.Teams(session.csrf(), range.label(), rows));
    }

    private void team(Context ctx, AdminSessions.Session session) {
        Optional<TeamInfo> found = TeamIds.decode(ctx.pathParam("team")).flatMap(this::known);
        if (found.isEmpty()) {
            web.message(ctx, 404, "Team not found", "There is no team with that address on this Nudge server. It may"
                    + " have no answers yet, or the link is incomplete.", REPORTS, "See every team");
            return;
        }
        String rangeText = Optional.ofNullable(ctx.queryParam("range")).orElse("12w");
        ReportRange range;
        try {
            range = reports.range(rangeText);
        } catch (UserInputException e) {
            web.message(ctx, 400, "Unknown range", e.getMessage(), href(found.get().channel()), "Back to the report");
            return;
        }
        ConversationRef channel = found.get().channel();
        var report = reports.channelReport(channel, range);
        TrendReport trend = reports.trend(channel, range);
        List<String> weeks = trend.weeks().stream().map(week -> WEEK.format(week.monday())).toList();

        List<ReportViews.Chart> charts = new ArrayList<>();
        for (TrendReport.PrincipleTrend line : trend.principles()) {
            String title = line.number() + ". " + line.title();
            charts.add(new ReportViews.Chart(line.number(), title, TrendChart.scores("trend-" + line.number(),
                    title + ": weekly score, 1 to 5", weeks, line.scores(), describe(line, weeks)),
                    latest(line, weeks)));
        }
        List<ReportViews.WeekRow> weekRows = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            int week = i;
            weekRows.add(new ReportViews.WeekRow(weeks.get(i), trend.participation().get(i).text(),
                    trend.principles().stream().map(line -> line.scores().get(week).text()).toList()));
        }
        String participationChart = TrendChart.participation("participation", weeks, trend.participation(),
                "People who answered, voted or rated each week, " + range.dates() + ": "
                        + String.join("; ", weekRows.stream().map(row -> row.week() + " " + row.participation())
                        .toList()) + ".");

        web.render(ctx, 200, "admin/team.jte", new ReportViews.Team(session.csrf(), href(channel),
                found.get().name(), where(channel), report.packTitle(), range.label(), range.dates(),
                ranges(rangeText), report.participation().text(), report.previousParticipation().text(),
                reports.privacyThreshold(), report.principles().stream().map(ReportPages::principleRow).toList(),
                participationChart, charts, weeks, weekRows,
                trend.principles().stream().map(line -> line.number() + ". " + line.title()).toList(),
                reports.polls(channel, range).stream().map(this::poll).toList(),
                reports.retros(channel, range).stream().map(this::retro).toList(),
                reports.openActions(channel).stream().map(this::action).toList(),
                report.notes().stream().map(note -> new ReportViews.Note(principleName(report.principles(),
                        note.principle()), answer(note.answer()), note.text(), when(note.at()))).toList()));
    }

    private void heatmap(Context ctx, AdminSessions.Session session) {
        String pack = Optional.ofNullable(ctx.queryParam("pack")).filter(name -> !name.isBlank())
                .orElse(reports.catalog().defaultPack().name());
        String rangeText = Optional.ofNullable(ctx.queryParam("range")).orElse("4w");
        Heatmap map;
        try {
            map = reports.heatmap(pack, reports.range(rangeText));
        } catch (UserInputException e) {
            web.message(ctx, 400, "Cannot draw that heatmap", e.getMessage(), "/admin/heatmap", "Back to the heatmap");
            return;
        }
        List<ReportViews.HeatRow> rows = map.rows().stream().map(row -> new ReportViews.HeatRow(
                href(row.team().channel()), row.team().name(), row.scores().stream().map(ReportPages::cell).toList()))
                .toList();
        web.render(ctx, 200, "admin/heatmap.jte", new ReportViews.Heatmap(session.csrf(), map.packTitle(),
                map.range().label(), map.range().dates(),
                reports.catalog().all().stream().map(p -> new ReportViews.Option(p.name(), p.title(),
                        p.name().equals(map.pack()))).toList(),
                ranges(rangeText), map.privacyThreshold(),
                map.principles().stream().map(column -> column.number() + ". " + column.title()).toList(), rows));
    }

    private void actions(Context ctx, AdminSessions.Session session) {
        web.render(ctx, 200, "admin/actions.jte", new ReportViews.Actions(session.csrf(),
                reports.openActions().stream().map(this::action).toList()));
    }

    /**
     * Writes the whole CSV to memory first, so a refusal (an empty range) or an error part-way never leaves the
     * browser with a half-written file: it gets a page with the reason and a 4xx instead.
     */
    private void export(Context ctx, AdminSessions.Session session) {
        String kindText = Optional.ofNullable(ctx.formParam("kind")).orElse("").strip();
        String fromText = Optional.ofNullable(ctx.formParam("from")).orElse("").strip();
        String toText = Optional.ofNullable(ctx.formParam("to")).orElse("").strip();
        ExportKind kind;
        try {
            kind = ExportKind.fromId(kindText);
        } catch (UserInputException e) {
            exportError(ctx, session, 400, kindText, fromText, toText, "Choose what to export: answers, votes or"
                    + " ratings.", "kind-answers");
            return;
        }
        LocalDate from = date(fromText);
        if (from == null) {
            exportError(ctx, session, 400, kindText, fromText, toText, "The first day must be a date like 2026-11-02"
                    + " (year-month-day).", "from");
            return;
        }
        LocalDate to = date(toText);
        if (to == null) {
            exportError(ctx, session, 400, kindText, fromText, toText, "The last day must be a date like 2026-11-30"
                    + " (year-month-day).", "to");
            return;
        }
        if (to.isBefore(from)) {
            exportError(ctx, session, 400, kindText, fromText, toText, "The last day (" + DAY.format(to) + ") is"
                    + " before the first day (" + DAY.format(from) + "). Swap them or pick new dates.", "to");
            return;
        }
        StringWriter csv = new StringWriter();
        try {
            reports.exportCsv(kind, from, to, csv);
        } catch (UserInputException e) {
            // Nothing in that range: a page that says so, not an empty file.
            exportError(ctx, session, 404, kindText, fromText, toText, e.getMessage(), "from");
            return;
        }
        String name = "nudge-" + kind.id() + "-" + from + "-to-" + to + ".csv";
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void exportError(Context ctx, AdminSessions.Session session, int status, String kind, String from,
                             String to, String error, String field) {
        web.render(ctx, status, "admin/export.jte", new ReportViews.Export(session.csrf(),
                kind.isEmpty() ? "answers" : kind, from, to, error, field, reports.privacyThreshold()));
    }

    private Optional<TeamInfo> known(ConversationRef channel) {
        return reports.teams().stream().filter(team -> team.channel().equals(channel)).findFirst();
    }

    static String href(ConversationRef channel) {
        return REPORTS + "/" + TeamIds.encode(channel);
    }

    private static String where(ConversationRef channel) {
        String platform = channel.platform().id();
        return Character.toUpperCase(platform.charAt(0)) + platform.substring(1) + " channel " + channel.channelId()
                + " (workspace " + channel.workspaceId() + ")";
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(reports.zone()));
    }

    private static LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<ReportViews.Option> ranges(String chosen) {
        String wanted = chosen == null || chosen.isBlank() ? "" : chosen.strip().toLowerCase(Locale.ROOT);
        return RANGES.stream().map(range -> new ReportViews.Option(range[0], range[1], range[0].equals(wanted)))
                .toList();
    }

    private static ReportViews.PrincipleRow principleRow(PrincipleSummary summary) {
        var answers = summary.answers();
        String answerText = answers.score().shown()
                ? answers.score().textWithTrend() + " (" + answers.yes() + " yes, " + answers.partly() + " partly, "
                + answers.notYet() + " not yet)"
                : answers.score().text();
        return new ReportViews.PrincipleRow(summary.number(), summary.title(), summary.score().textWithTrend(),
                summary.score().shown(), answerText, summary.polls().textWithTrend(), summary.retros().textWithTrend());
    }

    private static String describe(TrendReport.PrincipleTrend line, List<String> weeks) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            parts.add("week of " + weeks.get(i) + ": " + line.scores().get(i).text());
        }
        return "Weekly score from 1 (low) to 5 (high). " + String.join("; ", parts) + ".";
    }

    private static String latest(TrendReport.PrincipleTrend line, List<String> weeks) {
        for (int i = line.scores().size() - 1; i >= 0; i--) {
            Score score = line.scores().get(i);
            if (score.status() != Score.Status.NO_DATA) {
                return "Latest: " + score.text() + " (week of " + weeks.get(i) + ")";
            }
        }
        return "No answers in this range";
    }

    private static ReportViews.HeatCell cell(Score score) {
        int level = 0;
        if (score.shown()) {
            double mean = score.mean();
            level = mean < 1.8 ? 1 : mean < 2.6 ? 2 : mean < 3.4 ? 3 : mean < 4.2 ? 4 : 5;
        }
        String people = score.status() == Score.Status.NO_DATA ? ""
                : score.respondents() + (score.respondents() == 1 ? " person" : " people");
        return new ReportViews.HeatCell(score.text(), level, score.shown() ? people : "");
    }

    private ReportViews.Poll poll(PollResult poll) {
        String principle = poll.principleTitle() == null ? "" : poll.principle() + ". " + poll.principleTitle();
        String kind = (poll.anonymous() ? "Anonymous" : "Named") + (poll.hidden() ? ", hidden until closed" : "");
        String result = !poll.resultsShown() && poll.withheldReason() != null ? "Results: " + poll.withheldReason()
                : poll.principlePoll() ? "Average " + poll.score().text() : "";
        return new ReportViews.Poll(poll.question(), principle, poll.open() ? "Open" : "Closed " + when(poll.closedAt()),
                kind, poll.voters() + (poll.voters() == 1 ? " voter" : " voters"), result,
                poll.options().stream().map(option -> new ReportViews.PollOption(option.label(),
                        option.votes() == null ? "–" : Integer.toString(option.votes()))).toList());
    }

    private ReportViews.Retro retro(RetroResult retro) {
        return new ReportViews.Retro(when(retro.openedAt()), retro.open() ? "Open" : "Closed " + when(retro.closedAt()),
                retro.anonymous() ? "Anonymous" : "Named",
                retro.respondents() + (retro.respondents() == 1 ? " person" : " people"),
                retro.ratings().stream().map(rating -> new ReportViews.RetroRating(rating.number() + ". "
                        + rating.title(), rating.score().text())).toList());
    }

    private ReportViews.Action action(OpenAction action) {
        return new ReportViews.Action(href(action.team().channel()), action.team().name(), action.text(),
                action.ownerId(), action.principleTitle() == null ? "" : action.principle() + ". "
                + action.principleTitle(), DAY.format(action.dueOn()), action.overdue(), when(action.createdAt()));
    }

    private static String principleName(List<PrincipleSummary> principles, int number) {
        return principles.stream().filter(p -> p.number() == number).findFirst()
                .map(p -> number + ". " + p.title()).orElse("Principle " + number);
    }

    private static String answer(String answer) {
        if (answer == null) {
            return "";
        }
        return switch (answer) {
            case "yes" -> "Yes";
            case "partly" -> "Partly";
            case "not_yet" -> "Not yet";
            default -> answer;
        };
    }
}
