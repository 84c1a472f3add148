package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import dev.nudge.testing.SlackEndToEnd;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What /slack/events does with forged, stale, oversized and malformed requests, and with Events API callbacks. */
class SlackEndpointTest extends SlackEndToEnd {

    private static byte[] commandBody(String text) {
        return SlackClient.formBody(Map.of("team_id", "T1", "channel_id", "C1", "user_id", "U1", "command", "/nudge",
                "text", text, "response_url", "http://127.0.0.1:1/x")).getBytes(StandardCharsets.UTF_8);
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void an_unsigned_request_is_refused_with_401_and_does_nothing() {
        SlackClient.Reply reply = client.send(commandBody("poll \"Q?\" \"A\" \"B\""), FORM, Map.of(), false, 0);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("invalid request");
        assertThat(nudge.count("SELECT count(*) FROM polls")).isZero();
    }

    @Test
    void a_forged_signature_is_refused_with_401() {
        SlackClient.Reply reply = client.send(commandBody("help"), FORM, Map.of(
                "X-Slack-Request-Timestamp", Long.toString(System.currentTimeMillis() / 1000),
                "X-Slack-Signature", "v0=" + "0".repeat(64)), false, 0);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void a_malformed_signature_header_is_refused_with_401() {
        SlackClient.Reply reply = client.send(commandBody("help"), FORM, Map.of(
                "X-Slack-Request-Timestamp", Long.toString(System.currentTimeMillis() / 1000),
                "X-Slack-Signature", "v1=abc"), false, 0);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void a_timestamp_more_than_five_minutes_old_or_ahead_is_refused_with_401() {
        assertThat(client.send(commandBody("help"), FORM, Map.of(), true, -301).status()).isEqualTo(401);
        assertThat(client.send(commandBody("help"), FORM, Map.of(), true, 301).status()).isEqualTo(401);
        assertThat(client.send(commandBody("help"), FORM, Map.of(), true, -290).status()).isEqualTo(200);
    }

    @Test
    void a_body_over_one_megabyte_is_refused_with_413() {
        byte[] huge = ("text=" + "a".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);

        assertThat(client.send(huge, FORM, Map.of(), true, 0).status()).isEqualTo(413);
    }

    @Test
    void a_malformed_interactivity_payload_is_refused_with_400() {
        assertThat(client.post("payload=" + SlackClient.encode("{not json"), FORM).status()).isEqualTo(400);
        assertThat(client.post("payload=" + SlackClient.encode("{\"type\":\"block_actions\"}"), FORM).status())
                .isEqualTo(400);
    }

    @Test
    void a_form_that_is_not_a_slack_request_is_refused_with_400() {
        assertThat(client.post("hello=world", FORM).status()).isBetween(400, 499);
        assertThat(client.post("{\"type\":", "application/json").status()).isBetween(400, 499);
    }

    @Test
    void a_full_block_actions_payload_as_slack_sends_it_records_the_vote() throws Exception {
        client.command("U1", "C1", "poll \"Ship on Friday?\" \"Yes\" \"No\"");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> true);
        String fixture = new String(getClass().getResourceAsStream("/fixtures/slack/block_actions_vote.json").readAllBytes(),
                StandardCharsets.UTF_8)
                .replace("${MESSAGE_TS}", posted.ts())
                .replace("${ACTION_ID}", SlackPromptJourneyTest.actionId(posted, "Yes"))
                .replace("${VALUE}", SlackPromptJourneyTest.actionValue(posted, "Yes"))
                .replace("${RESPONSE_URL}", slack.responseUrl("fixture"));

        SlackClient.Reply reply = client.post("payload=" + SlackClient.encode(fixture), FORM);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(nudge.query("SELECT user_id, position FROM poll_votes")).containsExactly(
                Map.of("user_id", "U0VOTER01", "position", 0));
    }

    @Test
    void url_verification_echoes_the_challenge() {
        SlackClient.Reply reply = client.post("{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}", "application/json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void being_added_to_a_channel_records_it_and_posts_one_welcome_even_when_slack_retries() {
        assertThat(client.event("Ev1", SlackClient.memberJoined(FakeSlack.BOT_USER, "C7"), null).status()).isEqualTo(200);
        assertThat(client.event("Ev1", SlackClient.memberJoined(FakeSlack.BOT_USER, "C7"), 1).status()).isEqualTo(200);

        FakeSlack.Call welcome = slack.await("chat.postMessage", call -> "C7".equals(call.params().get("channel")));
        assertThat(welcome.visibleText()).contains("I'm Nudge", "/nudge help");
        slack.settle(Duration.ofMillis(400));
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(nudge.query("SELECT platform, workspace_id, channel_id FROM channels"))
                .containsExactly(Map.of("platform", "slack", "workspace_id", "T1", "channel_id", "C7"));
    }

    @Test
    void another_member_joining_is_acknowledged_without_a_welcome() {
        assertThat(client.event("Ev2", SlackClient.memberJoined("U5", "C7"), null).status()).isEqualTo(200);

        slack.settle(Duration.ofMillis(400));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_mention_is_answered_with_help_in_the_thread() {
        client.event("Ev3", SlackClient.appMention("U1", "C1", "<@UBOT> hi"), null);

        FakeSlack.Call help = slack.await("chat.postMessage", call -> true);
        assertThat(help.params()).containsEntry("channel", "C1").containsEntry("thread_ts", "1700000001.000200");
        assertThat(help.visibleText()).contains("/nudge poll", "/nudge ask");
    }

    @Test
    void health_reports_the_database() {
        var http = java.net.http.HttpClient.newHttpClient();
        try {
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + nudge.port() + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"database\":\"ok\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
