package dev.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.config.NudgeConfig;
import dev.nudge.principles.PackFileException;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.SlackClient;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsNudge;
import dev.nudge.testing.TestNudge;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running Nudge: start without credentials, health, packs on disk, shutdown, and logs that hold no secrets. */
class OperationsTest {
    @TempDir
    Path dir;

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private NudgeConfig withoutSlack(Path db) {
        return new NudgeConfig("127.0.0.1", 0, db, Optional.empty(), ZoneId.of("Europe/London"), "nhs",
                dir.resolve("principles"), Optional.empty(), List.of(),
                new NudgeConfig.Slack(Optional.empty(), Optional.empty(), Optional.empty(), URI.create("https://slack.com/api/")), NudgeConfig.Schedules.defaults());
    }

    @Test
    void without_slack_settings_nudge_starts_and_slack_events_answer_503_with_the_reason() throws Exception {
        try (Nudge nudge = Nudge.start(withoutSlack(dir.resolve("sub/folder/nudge.db")), Clock.systemUTC())) {
            HttpResponse<String> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + nudge.port() + "/slack/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(503);
            assertThat(events.body()).contains("SLACK_BOT_TOKEN is not set");
            assertThat(get(nudge.port(), "/health").statusCode()).isEqualTo(200);
            assertThat(dir.resolve("sub/folder/nudge.db")).exists();
        }
    }

    @Test
    void health_answers_503_when_the_database_file_is_gone() throws Exception {
        Path db = dir.resolve("nudge.db");
        try (Nudge nudge = Nudge.start(withoutSlack(db), Clock.systemUTC())) {
            assertThat(get(nudge.port(), "/health").statusCode()).isEqualTo(200);
            Files.delete(db);
            HttpResponse<String> health = get(nudge.port(), "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("not usable");
        }
    }

    @Test
    void a_broken_pack_file_stops_start_up_naming_file_and_line() throws Exception {
        Files.createDirectories(dir.resolve("principles"));
        Files.writeString(dir.resolve("principles/broken.yml"), String.join("\n",
                "name: broken", "title: Broken pack", "principles:", "  - key: one", "    title: One",
                "    meaning: The first", "    prompts: [\"A?\", \"B?\"]", "    poll: How?",
                "  - key: two", "    title: Two", "    prompts: [\"A?\", \"B?\"]", "    poll: How?", ""));

        assertThatThrownBy(() -> Nudge.start(withoutSlack(dir.resolve("nudge.db")), Clock.systemUTC()))
                .isInstanceOf(PackFileException.class)
                .hasMessageContaining("broken.yml line 9")
                .hasMessageContaining("meaning");
    }

    @Test
    void a_team_pack_in_the_folder_can_be_chosen_for_a_channel() throws Exception {
        Files.createDirectories(dir.resolve("principles"));
        Files.writeString(dir.resolve("principles/gds.yml"), String.join("\n",
                "name: gds", "title: Service standard basics", "principles:",
                "  - key: users", "    title: Understand users and their needs", "    meaning: Research with real users.",
                "    prompts: [\"Did you see a user this week?\", \"Did research change a decision?\"]",
                "    poll: How well did we understand users this week?",
                "  - key: team", "    title: Have a multidisciplinary team", "    meaning: The right skills, together.",
                "    prompts: [\"Is the team complete?\", \"Did we pair across roles?\"]",
                "    poll: How well did we work as one team this week?", ""));
        try (FakeSlack slack = new FakeSlack(); TestNudge nudge = new TestNudge(dir, slack)) {
            SlackClient client = new SlackClient(nudge.port(), slack);

            assertThat(client.command("U1", "C1", "pack").text()).contains("This channel uses *nhs*", "*gds*", "2 principles");
            assertThat(client.command("U1", "C1", "pack gds").text()).contains("now uses *gds*");
            assertThat(client.command("U1", "C1", "principles").text()).contains("1. Understand users and their needs")
                    .doesNotContain("Test, measure and learn");
            assertThat(client.command("U1", "C2", "principles").text()).contains("Test, measure and learn");
            assertThat(client.command("U1", "C1", "pack nope").text()).contains("There is no principle pack called 'nope'");
            assertThat(nudge.query("SELECT channel_id, pack FROM channels")).containsExactly(
                    Map.of("channel_id", "C1", "pack", "gds"));
        }
    }

    @Test
    void work_accepted_before_shutdown_is_finished() {
        try (FakeSlack slack = new FakeSlack()) {
            TestNudge nudge = new TestNudge(dir, slack);
            SlackClient client = new SlackClient(nudge.port(), slack);
            assertThat(client.command("U1", "C1", "poll \"Last one?\" \"Yes\" \"No\"").status()).isEqualTo(200);
            nudge.close();

            assertThat(slack.calls("chat.postMessage")).hasSize(1);
            TestNudge reopened = new TestNudge(dir, slack);
            try {
                assertThat(reopened.query("SELECT message_id FROM polls").get(0).get("message_id"))
                        .isEqualTo(slack.calls("chat.postMessage").get(0).ts());
            } finally {
                reopened.close();
            }
        }
    }

    @Test
    void logs_never_contain_tokens_or_the_signing_secret() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FakeSlack slack = new FakeSlack(); TestNudge nudge = new TestNudge(dir, slack)) {
            SlackClient client = new SlackClient(nudge.port(), slack);
            slack.failNext("chat.postMessage", "invalid_auth", "429");
            client.command("U1", "C1", "ask 1");
            client.command("U1", "C1", "ask 2");
            client.send("x=1".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", Map.of(), false, 0);
            slack.awaitCount("chat.postMessage", call -> true, 3);
            slack.settle(java.time.Duration.ofMillis(300));
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("Refused a Slack request", "invalid_auth", "rate-limited");
        assertThat(logs).doesNotContain("xoxb-test-token", SlackClient.SECRET, "admin-token-for-tests");
    }

    @Test
    void logs_never_contain_the_microsoft_app_password_or_connector_tokens() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FakeTeams teams = new FakeTeams();
             TestNudge nudge = new TestNudge(TeamsNudge.config(dir, TeamsNudge.singleTenant(teams), List.of()))) {
            TeamsClient client = new TeamsClient(nudge.port(), teams, true);
            teams.failNext("send", "429", "403");
            client.botAdded("U1", TeamsClient.CHANNEL);
            client.mention("U1", TeamsClient.CHANNEL, "help");
            new TeamsClient(nudge.port(), teams, false).mention("U1", TeamsClient.CHANNEL, "help");
            teams.await("send:403", call -> true);
            teams.settle(java.time.Duration.ofMillis(500));
            System.err.println(nudge.config());
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("Teams is on", "Refused a Teams request", "MessageWritesBlocked", "appPassword=(set)");
        assertThat(logs).doesNotContain(FakeTeams.APP_PASSWORD, FakeTeams.accessToken(FakeTeams.TENANT), "eyJ");
    }

    @Test
    void without_teams_credentials_the_log_says_only_local_emulator_traffic_is_accepted() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Nudge nudge = Nudge.start(withoutSlack(dir.resolve("nudge.db")), Clock.systemUTC())) {
            assertThat(nudge.port()).isPositive();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Teams is OFF", "only unauthenticated local traffic");
    }
}
