package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report pages over plain HTTP, against seeded data: what they show (and withhold under the privacy threshold),
 * and the clear 4xx answers to a missing or stale session, a forged form, an empty export and bad input.
 */
class ReportPagesTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();

    @TempDir
    static Path dir;
    static FakeSlack slack;
    static TestNudge nudge;
    static AdminHttp http;
    static String cookie;
    static String csrf;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        nudge = new TestNudge(dir, slack);
        ReportSeed.seed(nudge);
        http = new AdminHttp(nudge.port());
        AdminHttp.Reply login = http.postForm("/admin/login", null, AdminHttp.form("token", AdminHttp.TOKEN));
        cookie = login.header("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher matcher = CSRF.matcher(http.get("/admin/export", cookie).body());
        assertThat(matcher.find()).isTrue();
        csrf = matcher.group(1);
    }

    @AfterAll
    static void stop() {
        nudge.close();
        slack.close();
    }

    /** Participation counts everyone who answered or voted: U1-U4, and each of the 2 anonymous votes
     * and the 2 anonymous retro respondents. */
    @Test
    void the_reports_page_lists_each_team_with_participation_and_last_activity_escaped() {
        AdminHttp.Reply page = http.get("/admin/reports", cookie);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Team reports</h1>", ">Team Alpha</a>", "Team &lt;Beta&gt;",
                "8 of 9 people (89%)", "Slack channel C-ALPHA (workspace T1)")
                .doesNotContain("Team <Beta>", "None yet");
        // Last activity: Alpha's latest answers came 2 hours before the seed's "now", Beta's 5 hours before.
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
                java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));
        assertThat(rowWith(page.body(), ">Team Alpha</a>"))
                .contains(when.format(ReportSeed.seededAt.minus(java.time.Duration.ofHours(2))));
        assertThat(rowWith(page.body(), "Team &lt;Beta&gt;"))
                .contains(when.format(ReportSeed.seededAt.minus(java.time.Duration.ofHours(5))));
    }

    @Test
    void a_team_report_shows_scores_from_three_people_and_hides_those_from_two() {
        String page = http.get(ReportPages.href(alpha()), cookie).body();

        // Principle 3: exactly 3 people (yes, yes, partly) -> 4.3; principle 2: 2 people -> not enough answers.
        assertThat(row(page, "3. ")).contains("4.3").doesNotContain("not enough answers");
        assertThat(row(page, "2. ")).contains("not enough answers").doesNotContain("4.0").doesNotContain("yes,");
        // The weekly chart of principle 1 and its table: 2.0, 3.0 and 4.5 in three weeks.
        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nudge-chart\"",
                "id=\"trend-1-title\"", "<desc id=\"trend-1-desc\">", ": 2.0 from 4 people", ": 3.0 from 4 people",
                ": 4.5 from 4 people", "<caption class=\"nhsuk-table__caption\">The charts' numbers");
        // Polls: the named principle poll has a result; the anonymous one with 2 votes is withheld.
        assertThat(page).contains("How well did we work in the open?", "Average 4.7",
                "Retro on Tuesday or Thursday?", "Results: not enough answers");
        // Retros: 2 anonymous respondents -> withheld; 3 named -> 4.0, and still nobody named.
        assertThat(page).contains("Anonymous · Closed", "2 people", "5. Invest in a dedicated")
                .contains("Named · Closed", "3 people", "6. Get the best out of technology suppliers");
        assertThat(row(page, "6. ")).contains("4.0");
        assertThat(row(page, "5. ")).contains("not enough answers");
        assertThat(page).contains(ReportSeed.ACTION, "Overdue");
        // Nobody who answered or voted is named on the page.
        assertThat(page).doesNotContain(">U1<").doesNotContain("U2").doesNotContain("k-U1");
    }

    @Test
    void the_heatmap_writes_the_number_in_each_coloured_cell_and_withholds_small_groups() {
        AdminHttp.Reply page = http.get("/admin/heatmap?pack=nhs&range=4w", cookie);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("nudge-heat-cell nudge-heat-3\">3.2<", "nudge-heat-cell nudge-heat-5\">5.0<",
                "nudge-heat-5\">4.3<", "<span class=\"nudge-not-enough\">not enough answers</span>", "Team &lt;Beta&gt;");
    }

    @Test
    void the_actions_page_lists_open_actions_across_teams() {
        AdminHttp.Reply page = http.get("/admin/actions", cookie);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(ReportSeed.ACTION, "U9", "1. ", ">Team Alpha</a>", "Overdue");
    }

    @Test
    void every_report_page_without_a_session_goes_to_sign_in_and_a_stale_one_gets_401_saying_why() {
        for (String path : new String[] {"/admin/reports", ReportPages.href(alpha()), "/admin/heatmap",
                "/admin/actions", "/admin/export"}) {
            AdminHttp.Reply none = http.get(path, null);
            assertThat(none.status()).as(path).isEqualTo(303);
            assertThat(none.header("Location")).as(path).hasValue("/admin/login");

            AdminHttp.Reply stale = http.get(path, "nudge_admin_session=expired-or-forgotten");
            assertThat(stale.status()).as(path).isEqualTo(401);
            assertThat(stale.body()).as(path).contains("Your session has ended", "name=\"next\" value=\"" + path)
                    .doesNotContain(ReportSeed.ALPHA_NAME);
        }
        AdminHttp.Reply export = http.postForm("/admin/export", "nudge_admin_session=expired-or-forgotten",
                AdminHttp.form("csrf", csrf, "kind", "answers", "from", "2020-01-01", "to", TODAY));
        assertThat(export.status()).isEqualTo(401);
        assertThat(export.body()).contains("Your session has ended", "Nothing was changed").doesNotContain("user_id");
    }

    @Test
    void signing_in_from_a_stale_page_returns_to_it() {
        String path = ReportPages.href(alpha());
        AdminHttp.Reply login = http.postForm("/admin/login", null, AdminHttp.form("token", AdminHttp.TOKEN,
                "next", path));
        assertThat(login.header("Location")).hasValue(path);

        AdminHttp.Reply elsewhere = http.postForm("/admin/login", null, AdminHttp.form("token", AdminHttp.TOKEN,
                "next", "//evil.example/admin/x"));
        assertThat(elsewhere.header("Location")).hasValue("/admin/reports");
    }

    @Test
    void an_export_with_a_forged_or_missing_csrf_token_is_a_403_and_no_file() {
        AdminHttp.Reply forged = http.postForm("/admin/export", cookie, AdminHttp.form("csrf", "forged", "kind",
                "answers", "from", "2020-01-01", "to", TODAY));
        AdminHttp.Reply missing = http.postForm("/admin/export", cookie, AdminHttp.form("kind", "answers", "from",
                "2020-01-01", "to", TODAY));

        for (AdminHttp.Reply reply : new AdminHttp.Reply[] {forged, missing}) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(reply.header("Content-Disposition")).isEmpty();
            assertThat(reply.body()).contains("Form expired", "nothing was changed").doesNotContain("user_id");
        }
    }

    @Test
    void an_export_downloads_csv_with_the_answers_of_the_range() {
        AdminHttp.Reply csv = http.postForm("/admin/export", cookie, AdminHttp.form("csrf", csrf, "kind", "answers",
                "from", LocalDate.parse(TODAY).minusDays(30).toString(), "to", TODAY));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.header("Content-Disposition")).hasValue("attachment; filename=\"nudge-answers-"
                + LocalDate.parse(TODAY).minusDays(30) + "-to-" + TODAY + ".csv\"");
        String[] lines = csv.body().split("\r?\n");
        assertThat(lines[0]).startsWith("date,time,platform,workspace_id,channel_id,channel_name");
        // 12 + 2 + 3 answers for Alpha, 3 for Beta.
        assertThat(lines).filteredOn(line -> !line.startsWith("#")).hasSize(1 + 20);
        assertThat(csv.body()).contains("C-ALPHA", "Team Alpha");
    }

    @Test
    void an_export_of_an_empty_range_is_a_404_page_that_says_so_not_an_empty_file() {
        AdminHttp.Reply empty = http.postForm("/admin/export", cookie, AdminHttp.form("csrf", csrf, "kind", "ratings",
                "from", "2020-01-01", "to", "2020-01-31"));

        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.header("Content-Disposition")).isEmpty();
        assertThat(empty.body()).contains("There is a problem", "nothing to export", "value=\"2020-01-01\"",
                "<title>Error: Export – Nudge admin</title>");
    }

    @Test
    void an_export_with_bad_dates_or_kind_is_a_400_that_names_the_problem() {
        AdminHttp.Reply notDate = http.postForm("/admin/export", cookie, AdminHttp.form("csrf", csrf, "kind", "votes",
                "from", "1 Nov", "to", TODAY));
        AdminHttp.Reply impossible = http.postForm("/admin/export", cookie, AdminHttp.form("csrf", csrf, "kind",
                "votes", "from", "2026-02-30", "to", TODAY));
        AdminHttp.Reply backwards = http.postForm("/admin/export", cookie, AdminHttp.form("csrf", csrf, "kind",
                "votes", "from", TODAY, "to", "2020-01-01"));
        AdminHttp.Reply kind = http.postForm("/admin/export", cookie, AdminHttp.form("csrf", csrf, "kind",
                "<everything>", "from", "2020-01-01", "to", TODAY));

        assertThat(notDate.status()).isEqualTo(400);
        assertThat(notDate.body()).contains("The first day must be a date like", "href=\"#from\"", "value=\"1 Nov\"");
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.body()).contains("The first day must be a date");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("is before the first day");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body()).contains("Choose what to export").doesNotContain("<everything>");
    }

    @Test
    void unknown_teams_ranges_and_packs_are_4xx_pages_not_errors() {
        ConversationRef stranger = new ConversationRef(Platform.SLACK, "T1", "C-NOBODY");
        for (String path : new String[] {ReportPages.href(stranger), "/admin/reports/not-a-team",
                "/admin/reports/%2F..%2Fetc", "/admin/reports/" + "A".repeat(900)}) {
            AdminHttp.Reply reply = http.get(path, cookie);
            assertThat(reply.status()).as(path).isIn(400, 404);
            assertThat(reply.body()).as(path).doesNotContain("internal error");
        }
        assertThat(http.get(ReportPages.href(stranger), cookie).body()).contains("Team not found");

        AdminHttp.Reply range = http.get(ReportPages.href(alpha()) + "?range=forever", cookie);
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body()).contains("I don't understand the report range 'forever'");

        AdminHttp.Reply pack = http.get("/admin/heatmap?pack=%3Cnone%3E", cookie);
        assertThat(pack.status()).isEqualTo(400);
        assertThat(pack.body()).contains("Cannot draw that heatmap").doesNotContain("<none>");
    }

    private static ConversationRef alpha() {
        return new ConversationRef(Platform.SLACK, "T1", ReportSeed.ALPHA);
    }

    /** The summary table's row for the principle whose heading starts with {@code number}. */
    private static String row(String page, String number) {
        int table = page.indexOf("id=\"summary-table\"");
        int start = page.indexOf("<th scope=\"row\" class=\"nhsuk-table__header\">" + number, table);
        assertThat(start).as("a summary row for principle " + number).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** The table row (from {@code <tr} to {@code </tr>}) that contains {@code text}. */
    private static String rowWith(String html, String text) {
        int at = html.indexOf(text);
        assertThat(at).as("'" + text + "' on the page").isNotNegative();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }
}
