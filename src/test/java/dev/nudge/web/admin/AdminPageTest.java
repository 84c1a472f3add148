package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin web page as a browser uses it: sign in, see the schedules, pause and delete through forms, sign out. */
class AdminPageTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;
    FakeSlack slack;
    TestNudge nudge;
    AdminHttp http;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        nudge = new TestNudge(dir, slack);
        http = new AdminHttp(nudge.port());
    }

    @AfterEach
    void stop() {
        nudge.close();
        slack.close();
    }

    @Test
    void the_page_without_a_session_redirects_to_a_labelled_sign_in_form() {
        AdminHttp.Reply page = http.get("/admin/schedules", null);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).hasValue("/admin/login");
        AdminHttp.Reply stale = http.get("/admin/schedules", "nudge_admin_session=made-up");
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.body()).contains("Your session has ended", "<label for=\"token\"",
                "name=\"next\" value=\"/admin/schedules\"");

        AdminHttp.Reply login = http.get("/admin/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(login.body()).contains("<title>Sign in – Nudge admin</title>", "<h1>",
                "<label for=\"token\"", "<input id=\"token\" name=\"token\" type=\"password\"",
                "<button type=\"submit\" class=\"nhsuk-button\"", "Sign in</button>", "lang=\"en-GB\"",
                "href=\"/assets/nhsuk-frontend-10.6.1.min.css\"", "Skip to main content", "id=\"maincontent\"");
        assertThat(login.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'"));
        AdminHttp.Reply css = http.get("/admin/admin.css", null);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.body()).contains("table");
    }

    @Test
    void a_wrong_token_at_sign_in_is_a_401_with_the_form_again_and_no_session() {
        AdminHttp.Reply reply = http.postForm("/admin/login", null, AdminHttp.form("token", "not-the-token-xyz"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("That is not the admin token", "<label for=\"token\"")
                .doesNotContain("not-the-token-xyz").doesNotContain(AdminHttp.TOKEN);
        assertThat(reply.header("Set-Cookie")).isEmpty();
        assertThat(http.postForm("/admin/login", null, AdminHttp.form()).status()).isEqualTo(401);
    }

    @Test
    void signing_in_sets_a_strict_http_only_cookie_and_the_page_lists_every_schedule() {
        long weekly = createSchedule("C1", "\"frequency\": \"weekly\", \"days\": [\"mon\", \"thu\"], \"time\": \"09:30\"");
        long poll = createSchedule("C2&x", "\"frequency\": \"daily\", \"time\": \"16:00\", \"action\": \"poll\","
                + " \"poll_open_minutes\": 120");
        http.api("POST", "/api/v1/schedules/" + poll + "/pause", null);

        AdminHttp.Reply login = http.postForm("/admin/login", null, AdminHttp.form("token", AdminHttp.TOKEN));
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location")).hasValue("/admin/reports");
        String setCookie = login.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("nudge_admin_session=").contains("HttpOnly", "SameSite=Strict",
                "Path=/admin", "Max-Age=28800");
        assertThat(setCookie).doesNotContain(AdminHttp.TOKEN);

        AdminHttp.Reply page = http.get("/admin/schedules", cookie(login));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<title>Schedules – Nudge admin</title>", "<h1>Reminder schedules</h1>",
                ">Last result</th>", "<td class=\"nhsuk-table__cell\">" + weekly + "</td>",
                "Slack channel C1 (workspace T1)", "Every Monday and Thursday at 09:30 (Europe/London), next: ",
                "A prompt rotating through the channel's principles.", "Active", "Nothing yet",
                "Pause<span class=\"nhsuk-u-visually-hidden\"> schedule " + weekly + "</span>",
                "A principle poll that closes after 2 hours.", "Paused", "None while paused",
                "Resume<span class=\"nhsuk-u-visually-hidden\"> schedule " + poll + "</span>", "Sign out",
                "aria-current=\"page\"><strong class=\"nhsuk-header__navigation-item-current-fallback\">Schedules");
        assertThat(page.body()).contains("Slack channel C2&amp;x").doesNotContain("C2&x");
    }

    @Test
    void the_last_result_shows_its_status_and_reason() throws Exception {
        long id = createSchedule("C1", "\"frequency\": \"weekly\", \"days\": [\"thu\"], \"time\": \"09:30\"");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + nudge.config().database().toAbsolutePath());
             var insert = connection.prepareStatement("INSERT INTO schedule_occurrences (schedule_id, scheduled_at,"
                     + " status, reason, attempts, updated_at) VALUES (?, ?, 'failed', ?, 3, ?)")) {
            long at = java.time.Instant.parse("2025-11-27T09:30:00Z").toEpochMilli();
            insert.setLong(1, id);
            insert.setLong(2, at);
            insert.setString(3, "channel_not_found <gone>");
            insert.setLong(4, at);
            insert.executeUpdate();
        }

        String page = http.get("/admin/schedules", signIn()).body();

        assertThat(page).contains("Failed for Thu 27 Nov 2025 09:30 (Europe/London): channel_not_found &lt;gone&gt;");
    }

    @Test
    void a_post_without_or_with_a_wrong_csrf_token_is_a_403_and_changes_nothing() {
        long id = createSchedule("C1", "\"frequency\": \"daily\", \"time\": \"09:30\"");
        String cookie = signIn();

        AdminHttp.Reply without = http.postForm("/admin/schedules/" + id + "/pause", cookie, AdminHttp.form());
        AdminHttp.Reply wrong = http.postForm("/admin/schedules/" + id + "/delete", cookie,
                AdminHttp.form("csrf", "forged"));
        AdminHttp.Reply otherSession = http.postForm("/admin/schedules/" + id + "/pause", cookie,
                AdminHttp.form("csrf", csrf(http.get("/admin/schedules", signIn()).body())));
        AdminHttp.Reply logout = http.postForm("/admin/logout", cookie, AdminHttp.form("csrf", "forged"));

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.body()).contains("nothing was changed");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(otherSession.status()).isEqualTo(403);
        assertThat(logout.status()).isEqualTo(403);
        assertThat(nudge.query("SELECT state FROM schedules WHERE id = ?", id)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("state", "active"));
        assertThat(http.get("/admin/schedules", cookie).status()).isEqualTo(200);
    }

    @Test
    void a_form_post_without_a_session_goes_to_sign_in_and_changes_nothing() {
        long id = createSchedule("C1", "\"frequency\": \"daily\", \"time\": \"09:30\"");

        AdminHttp.Reply reply = http.postForm("/admin/schedules/" + id + "/delete", null, AdminHttp.form("csrf", "x"));

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.header("Location")).hasValue("/admin/login");
        assertThat(nudge.count("SELECT COUNT(*) FROM schedules")).isEqualTo(1);
    }

    @Test
    void pause_resume_and_delete_through_the_forms_change_the_stored_schedule() {
        long id = createSchedule("C1", "\"frequency\": \"daily\", \"time\": \"09:30\"");
        String cookie = signIn();
        String csrf = csrf(http.get("/admin/schedules", cookie).body());

        AdminHttp.Reply paused = http.postForm("/admin/schedules/" + id + "/pause", cookie,
                AdminHttp.form("csrf", csrf));
        assertThat(paused.status()).isEqualTo(303);
        assertThat(paused.header("Location")).hasValue("/admin/schedules?done=paused&id=" + id);
        assertThat(state(id)).isEqualTo("paused");
        assertThat(http.get(paused.header("Location").orElseThrow(), cookie).body())
                .contains("Schedule " + id + " is paused.", "Paused", "None while paused");

        http.postForm("/admin/schedules/" + id + "/resume", cookie, AdminHttp.form("csrf", csrf));
        assertThat(state(id)).isEqualTo("active");

        AdminHttp.Reply deleted = http.postForm("/admin/schedules/" + id + "/delete", cookie,
                AdminHttp.form("csrf", csrf));
        assertThat(deleted.header("Location")).hasValue("/admin/schedules?done=deleted&id=" + id);
        assertThat(nudge.count("SELECT COUNT(*) FROM schedules")).isZero();
        assertThat(http.get(deleted.header("Location").orElseThrow(), cookie).body())
                .contains("Schedule " + id + " is deleted.", "There are no schedules yet");

        AdminHttp.Reply again = http.postForm("/admin/schedules/" + id + "/pause", cookie, AdminHttp.form("csrf", csrf));
        assertThat(again.header("Location")).hasValue("/admin/schedules?done=gone");
    }

    @Test
    void signing_out_ends_the_session() {
        String cookie = signIn();
        String csrf = csrf(http.get("/admin/schedules", cookie).body());

        AdminHttp.Reply out = http.postForm("/admin/logout", cookie, AdminHttp.form("csrf", csrf));

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).hasValue("/admin/login");
        assertThat(out.header("Set-Cookie")).hasValueSatisfying(value -> assertThat(value).contains("Max-Age=0"));
        AdminHttp.Reply after = http.get("/admin/schedules", cookie);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body()).contains("Your session has ended").doesNotContain("Reminder schedules");
        AdminHttp.Reply fresh = http.get("/admin/schedules", null);
        assertThat(fresh.status()).isEqualTo(303);
        assertThat(fresh.header("Location")).hasValue("/admin/login");
    }

    @Test
    void the_notice_shows_only_fixed_text_whatever_the_address_says() {
        String page = http.get("/admin/schedules?done=%3Cscript%3E&id=%3Cb%3E1%3C/b%3E", signIn()).body();
        assertThat(page).doesNotContain("<script>").doesNotContain("<b>1</b>").doesNotContain("role=\"status\"");
        assertThat(http.get("/admin/schedules?done=paused&id=%3Cb%3E", signIn()).body())
                .contains("That schedule is paused.").doesNotContain("<b>");
    }

    private long createSchedule(String channel, String rule) {
        AdminHttp.Reply created = http.api("POST", "/api/v1/schedules", "{\"platform\": \"slack\", \"workspace_id\":"
                + " \"T1\", \"channel_id\": \"" + channel + "\", " + rule + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private String signIn() {
        AdminHttp.Reply login = http.postForm("/admin/login", null, AdminHttp.form("token", AdminHttp.TOKEN));
        assertThat(login.status()).isEqualTo(303);
        return cookie(login);
    }

    private static String cookie(AdminHttp.Reply login) {
        return login.header("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private String state(long id) {
        return (String) nudge.query("SELECT state FROM schedules WHERE id = ?", id).get(0).get("state");
    }
}
