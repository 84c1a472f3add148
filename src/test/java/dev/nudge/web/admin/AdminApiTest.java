package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nudge.config.NudgeConfig;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedules REST API over real HTTP, against a real SQLite file and the fake Slack. */
class AdminApiTest {
    static final String WEEKLY = "{\"platform\": \"slack\", \"workspace_id\": \"T1\", \"channel_id\": \"C1\","
            + " \"frequency\": \"weekly\", \"days\": [\"mon\", \"thu\"], \"time\": \"09:30\"}";

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

    long storedSchedules() {
        return nudge.count("SELECT COUNT(*) FROM schedules");
    }

    @Test
    void without_a_token_or_with_a_wrong_one_the_api_answers_401_and_creates_nothing() {
        AdminHttp.Reply none = http.api("GET", "/api/v1/schedules", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(none.json().path("error").asText()).contains("Authorization: Bearer");

        AdminHttp.Reply wrong = http.api("POST", "/api/v1/schedules", WEEKLY, "guess-one-two-three");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).hasValue("Bearer realm=\"nudge-admin\", error=\"invalid_token\"");
        assertThat(wrong.body()).doesNotContain("guess-one-two-three").doesNotContain(AdminHttp.TOKEN);

        AdminHttp.Reply prefix = http.api("POST", "/api/v1/schedules", WEEKLY, AdminHttp.TOKEN.substring(0, 10));
        assertThat(prefix.status()).isEqualTo(401);
        assertThat(http.api("DELETE", "/api/v1/schedules/1", null, null).status()).isEqualTo(401);
        assertThat(storedSchedules()).isZero();
    }

    @Test
    void creating_a_schedule_answers_201_with_its_location_and_it_is_listed_with_next_run_and_description() {
        AdminHttp.Reply created = http.api("POST", "/api/v1/schedules", WEEKLY);

        assertThat(created.status()).isEqualTo(201);
        JsonNode schedule = created.json();
        long id = schedule.path("id").asLong();
        assertThat(created.header("Location")).hasValue("/api/v1/schedules/" + id);
        assertThat(schedule.path("platform").asText()).isEqualTo("slack");
        assertThat(schedule.path("channel_id").asText()).isEqualTo("C1");
        assertThat(schedule.path("days").toString()).isEqualTo("[\"mon\",\"thu\"]");
        assertThat(schedule.path("time_zone").asText()).isEqualTo("Europe/London");
        assertThat(schedule.path("calendar").asText()).isEqualTo("england-and-wales");
        assertThat(schedule.path("action").asText()).isEqualTo("prompt");
        assertThat(schedule.path("state").asText()).isEqualTo("active");
        assertThat(schedule.path("created_by").asText()).isEqualTo("admin-api");
        assertThat(schedule.path("last_result").isNull()).isTrue();

        List<JsonNode> listed = list();
        assertThat(listed).hasSize(1);
        JsonNode item = listed.get(0);
        assertThat(item.path("id").asLong()).isEqualTo(id);
        OffsetDateTime next = OffsetDateTime.parse(item.path("next_run").asText());
        assertThat(next.toInstant()).isAfter(Instant.now());
        assertThat(next.atZoneSameInstant(java.time.ZoneId.of("Europe/London")).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(9, 30));
        assertThat(item.path("description").asText()).startsWith("Every Monday and Thursday at 09:30 (Europe/London),"
                + " next: ");
        assertThat(nudge.query("SELECT channel_id, days, local_time, state, created_by FROM schedules").get(0))
                .containsEntry("channel_id", "C1").containsEntry("local_time", "09:30")
                .containsEntry("state", "active").containsEntry("created_by", "admin-api");
    }

    @Test
    void every_field_a_create_request_can_set_is_stored_and_shown() {
        AdminHttp.Reply created = http.api("POST", "/api/v1/schedules", "{\"platform\": \"slack\", \"workspace_id\":"
                + " \"T1\", \"channel_id\": \"C2\", \"frequency\": \"fortnightly\", \"days\": [\"Friday\"],"
                + " \"time\": \"16:00\", \"time_zone\": \"europe/dublin\", \"calendar\": \"scotland\","
                + " \"include_weekends\": true, \"action\": \"poll\", \"principle\": \"3\", \"poll_open_minutes\": 120,"
                + " \"remind_after_minutes\": 240}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode schedule = created.json();
        assertThat(schedule.path("frequency").asText()).isEqualTo("fortnightly");
        assertThat(schedule.path("days").toString()).isEqualTo("[\"fri\"]");
        assertThat(schedule.path("time_zone").asText()).isEqualTo("Europe/Dublin");
        assertThat(schedule.path("calendar").asText()).isEqualTo("scotland");
        assertThat(schedule.path("include_weekends").asBoolean()).isTrue();
        assertThat(schedule.path("action").asText()).isEqualTo("poll");
        assertThat(schedule.path("principle").asText()).isEqualTo("3");
        assertThat(schedule.path("poll_open_minutes").asInt()).isEqualTo(120);
        assertThat(schedule.path("remind_after_minutes").asInt()).isEqualTo(240);
        assertThat(nudge.query("SELECT action, poll_open_minutes, remind_after_minutes, calendar FROM schedules").get(0))
                .containsEntry("action", "poll").containsEntry("poll_open_minutes", 120)
                .containsEntry("remind_after_minutes", 240).containsEntry("calendar", "scotland");

        AdminHttp.Reply daily = http.api("POST", "/api/v1/schedules", "{\"platform\": \"slack\", \"workspace_id\":"
                + " \"T1\", \"channel_id\": \"C2\", \"frequency\": \"daily\", \"time\": \"08:05\"}");
        assertThat(daily.status()).isEqualTo(201);
        assertThat(daily.json().path("days").isNull()).isTrue();
        assertThat(daily.json().path("poll_open_minutes").isNull()).isTrue();
    }

    @Test
    void a_channel_the_bot_is_not_in_is_a_400_naming_the_channel_and_nothing_is_stored() {
        slack.leaveChannel("C1");

        AdminHttp.Reply reply = http.api("POST", "/api/v1/schedules", WEEKLY);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).isEqualTo("channel_id");
        assertThat(reply.json().path("error").asText()).contains("not in that channel");
        assertThat(storedSchedules()).isZero();
    }

    @Test
    void a_channel_that_already_has_the_most_schedules_is_a_409_and_nothing_more_is_stored() {
        nudge.close();
        NudgeConfig.Schedules defaults = NudgeConfig.Schedules.defaults();
        nudge = new TestNudge(dir.resolve("capped"), slack, Clock.systemUTC(), List.of(), new NudgeConfig.Schedules(
                defaults.leads(), 2, defaults.missedGrace(), defaults.holidaysDir(), defaults.defaultCalendar(),
                defaults.workspacePostsPerMinute()));
        http = new AdminHttp(nudge.port());
        assertThat(http.api("POST", "/api/v1/schedules", WEEKLY).status()).isEqualTo(201);
        assertThat(http.api("POST", "/api/v1/schedules", WEEKLY).status()).isEqualTo(201);

        AdminHttp.Reply third = http.api("POST", "/api/v1/schedules", WEEKLY);

        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().path("field").asText()).isEqualTo("channel_id");
        assertThat(third.json().path("error").asText()).contains("already has 2 schedules");
        assertThat(storedSchedules()).isEqualTo(2);
        assertThat(http.api("POST", "/api/v1/schedules", WEEKLY.replace("\"C1\"", "\"C9\"")).status()).isEqualTo(201);
    }

    @Test
    void pause_resume_and_delete_change_the_stored_schedule() {
        long id = http.api("POST", "/api/v1/schedules", WEEKLY).json().path("id").asLong();

        AdminHttp.Reply paused = http.api("POST", "/api/v1/schedules/" + id + "/pause", null);
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().path("state").asText()).isEqualTo("paused");
        assertThat(paused.json().path("next_run").isNull()).isTrue();
        assertThat(state(id)).isEqualTo("paused");

        AdminHttp.Reply resumed = http.api("POST", "/api/v1/schedules/" + id + "/resume", null);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("state").asText()).isEqualTo("active");
        assertThat(resumed.json().path("next_run").isTextual()).isTrue();
        assertThat(state(id)).isEqualTo("active");

        AdminHttp.Reply deleted = http.api("DELETE", "/api/v1/schedules/" + id, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(storedSchedules()).isZero();
        assertThat(http.api("GET", "/api/v1/schedules/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void an_unknown_schedule_id_is_a_404_with_a_json_error() {
        for (String[] call : new String[][] {{"GET", "/api/v1/schedules/999"}, {"POST", "/api/v1/schedules/999/pause"},
                {"POST", "/api/v1/schedules/999/resume"}, {"DELETE", "/api/v1/schedules/999"},
                {"GET", "/api/v1/schedules/not-a-number"}}) {
            AdminHttp.Reply reply = http.api(call[0], call[1], null);
            assertThat(reply.status()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertThat(reply.json().path("error").asText()).startsWith("There is no schedule");
        }
    }

    @Test
    void one_schedule_shows_its_recent_history_and_last_result_with_the_reason() throws Exception {
        long id = http.api("POST", "/api/v1/schedules", WEEKLY).json().path("id").asLong();
        Instant christmas = Instant.parse("2025-12-25T09:30:00Z");
        insertOccurrence(id, christmas.minus(Duration.ofDays(7)), "sent", null);
        insertOccurrence(id, christmas, "skipped", "Christmas Day");

        AdminHttp.Reply reply = http.api("GET", "/api/v1/schedules/" + id, null);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode schedule = reply.json();
        assertThat(schedule.path("last_result").path("status").asText()).isEqualTo("skipped");
        assertThat(schedule.path("last_result").path("reason").asText()).isEqualTo("Christmas Day");
        assertThat(schedule.path("last_result").path("scheduled_at").asText()).isEqualTo("2025-12-25T09:30:00Z");
        assertThat(schedule.path("history")).hasSize(2);
        assertThat(schedule.path("history").get(1).path("status").asText()).isEqualTo("sent");
        assertThat(list().get(0).path("last_result").path("reason").asText()).isEqualTo("Christmas Day");
    }

    @Test
    void without_an_admin_token_set_the_api_and_the_pages_answer_503() {
        nudge.close();
        NudgeConfig on = nudge.config();
        nudge = new TestNudge(new NudgeConfig(on.host(), on.port(), on.database(), Optional.empty(), on.timeZone(),
                on.defaultPack(), on.principlesDir(), on.voterKey(), on.adminUsers(), on.slack(), on.schedules()));
        http = new AdminHttp(nudge.port());

        AdminHttp.Reply api = http.api("POST", "/api/v1/schedules", WEEKLY, "anything");
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.json().path("error").asText()).isEqualTo("admin is off: set NUDGE_ADMIN_TOKEN");
        AdminHttp.Reply page = http.get("/admin/schedules", null);
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("admin is off: set NUDGE_ADMIN_TOKEN");
        assertThat(http.postForm("/admin/login", null, AdminHttp.form("token", "")).status()).isEqualTo(503);
        for (String path : new String[] {"/admin/reports", "/admin/heatmap", "/admin/actions", "/admin/export"}) {
            assertThat(http.get(path, null).status()).as(path).isEqualTo(503);
        }
        assertThat(http.postForm("/admin/export", null, AdminHttp.form("kind", "answers")).status()).isEqualTo(503);
        assertThat(storedSchedules()).isZero();
    }

    private List<JsonNode> list() {
        AdminHttp.Reply reply = http.api("GET", "/api/v1/schedules", null);
        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        reply.json().forEach(items::add);
        return items;
    }

    private String state(long id) {
        return (String) nudge.query("SELECT state FROM schedules WHERE id = ?", id).get(0).get("state");
    }

    private void insertOccurrence(long scheduleId, Instant at, String status, String reason) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + nudge.config().database().toAbsolutePath());
             var insert = connection.prepareStatement("INSERT INTO schedule_occurrences (schedule_id, scheduled_at,"
                     + " status, reason, attempts, updated_at) VALUES (?, ?, ?, ?, 1, ?)")) {
            insert.setLong(1, scheduleId);
            insert.setLong(2, at.toEpochMilli());
            insert.setString(3, status);
            insert.setString(4, reason);
            insert.setLong(5, at.toEpochMilli());
            insert.executeUpdate();
        }
    }
}
