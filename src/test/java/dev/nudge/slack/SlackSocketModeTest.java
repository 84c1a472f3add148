package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.config.NudgeConfig;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.TestNudge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode: with SLACK_APP_TOKEN Nudge opens a WebSocket (the URL from apps.connections.open) instead of waiting
 * for HTTP, and the same features work over it. The fake endpoint sends envelopes shaped like Slack's.
 */
class SlackSocketModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakeSlack slack;
    TestNudge nudge;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        nudge = new TestNudge(new NudgeConfig("127.0.0.1", 0, dir.resolve("nudge.db"), Optional.empty(),
                ZoneId.of("Europe/London"), "nhs", dir.resolve("principles"), Optional.empty(), List.of(),
                new NudgeConfig.Slack(Optional.empty(), Optional.of("xoxb-test-token"), Optional.of("xapp-test-token"),
                        URI.create(slack.apiUrl())), NudgeConfig.Schedules.defaults()));
    }

    @AfterEach
    void stop() {
        nudge.close();
        slack.close();
    }

    @Test
    void a_slash_command_and_a_vote_arrive_over_the_socket_and_are_acknowledged() throws Exception {
        FakeSlack.Call open = slack.await("apps.connections.open", call -> true);
        assertThat(open.authorization()).isEqualTo("Bearer xapp-test-token");

        ObjectNode command = JSON.createObjectNode();
        command.put("team_id", "T1").put("channel_id", "C1").put("user_id", "U1").put("command", "/nudge")
                .put("text", "poll \"Tea or coffee?\" \"Tea\" \"Coffee\"").put("api_app_id", "A1")
                .put("response_url", slack.responseUrl("sm-1")).put("trigger_id", "1.2.3");
        slack.sendEnvelope(envelope("env-1", "slash_commands", command, true).toString());

        assertThat(slack.awaitAck("env-1")).contains("\"envelope_id\":\"env-1\"");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> call.visibleText().contains("Tea or coffee?"));

        ObjectNode click = JSON.createObjectNode();
        click.put("type", "block_actions");
        click.putObject("user").put("id", "U2").put("team_id", "T1");
        click.putObject("team").put("id", "T1");
        click.putObject("channel").put("id", "C1");
        click.putObject("container").put("type", "message").put("message_ts", posted.ts()).put("channel_id", "C1");
        click.put("response_url", slack.responseUrl("sm-2")).put("trigger_id", "1.2.4").put("api_app_id", "A1");
        click.putArray("actions").addObject().put("action_id", SlackPromptJourneyTest.actionId(posted, "Coffee"))
                .put("value", SlackPromptJourneyTest.actionValue(posted, "Coffee")).put("type", "button")
                .put("block_id", "b1").put("action_ts", "1.1");
        slack.sendEnvelope(envelope("env-2", "interactive", click, false).toString());

        slack.awaitAck("env-2");
        slack.await("chat.update", call -> call.visibleText().contains("1 vote"));
        assertThat(nudge.query("SELECT user_id, position FROM poll_votes")).containsExactly(
                Map.of("user_id", "U2", "position", 1));
    }

    @Test
    void a_retried_event_envelope_posts_one_welcome() {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "event_callback").put("team_id", "T1").put("api_app_id", "A1").put("event_id", "EvSM1");
        event.putObject("event").put("type", "member_joined_channel").put("user", FakeSlack.BOT_USER).put("channel", "C9")
                .put("team", "T1").put("event_ts", "1.1");

        slack.sendEnvelope(envelope("env-3", "events_api", event, false).toString());
        slack.awaitAck("env-3");
        ObjectNode retry = envelope("env-4", "events_api", event, false);
        retry.put("retry_attempt", 1).put("retry_reason", "timeout");
        slack.sendEnvelope(retry.toString());
        slack.awaitAck("env-4");

        slack.await("chat.postMessage", call -> "C9".equals(call.params().get("channel")));
        slack.settle(java.time.Duration.ofMillis(400));
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void http_events_are_off_in_socket_mode_without_a_signing_secret() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + nudge.port() + "/slack/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Socket Mode");
    }

    private static ObjectNode envelope(String id, String type, ObjectNode payload, boolean acceptsResponse) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("envelope_id", id).put("type", type).put("accepts_response_payload", acceptsResponse);
        envelope.set("payload", payload);
        return envelope;
    }
}
