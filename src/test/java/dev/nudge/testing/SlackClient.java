package dev.nudge.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.slack.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends requests to Nudge's /slack/events signed exactly as Slack signs them, with payloads shaped like Slack's. */
public final class SlackClient {
    public static final String SECRET = "test-signing-secret-0123456789";
    public static final String TEAM = "T1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final FakeSlack slack;
    private final SlackSignature signer = new SlackSignature(SECRET, Clock.systemUTC());
    private final AtomicInteger hooks = new AtomicInteger();

    public SlackClient(int port, FakeSlack slack) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.slack = slack;
    }

    /** A response as Slack would see it. */
    public record Reply(int status, String body) {
        public String text() {
            try {
                var node = JSON.readTree(body);
                StringBuilder text = new StringBuilder(node.path("text").asText());
                node.path("blocks").findValues("text").forEach(t -> text.append('\n')
                        .append(t.isTextual() ? t.asText() : t.path("text").asText()));
                return text.toString();
            } catch (IOException e) {
                return body;
            }
        }
    }

    public Reply command(String user, String channel, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "unused");
        form.put("team_id", TEAM);
        form.put("team_domain", "test");
        form.put("channel_id", channel);
        form.put("channel_name", "delivery");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/nudge");
        form.put("text", text);
        form.put("api_app_id", "A1");
        form.put("response_url", slack.responseUrl("cmd-" + hooks.incrementAndGet()));
        form.put("trigger_id", "1.2.trigger");
        return post(formBody(form), "application/x-www-form-urlencoded");
    }

    /** A click on a button, as a block_actions payload. */
    public Reply click(String user, String channel, String messageTs, String actionId, String value) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", TEAM);
        payload.put("api_app_id", "A1");
        payload.put("token", "unused");
        payload.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channel)
                .put("is_ephemeral", false);
        payload.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        payload.putObject("team").put("id", TEAM).put("domain", "test");
        payload.putObject("channel").put("id", channel).put("name", "delivery");
        payload.put("response_url", slack.responseUrl("act-" + hooks.incrementAndGet()));
        ArrayNode actions = payload.putArray("actions");
        actions.addObject().put("action_id", actionId).put("block_id", "b1").put("type", "button").put("value", value)
                .put("action_ts", "1700000000.1").putObject("text").put("type", "plain_text").put("text", "x");
        return post("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    /** A modal submission with one text input. */
    public Reply submitView(String user, String callbackId, String privateMetadata, String inputId, String value) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", TEAM).put("domain", "test");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", TEAM);
        payload.put("api_app_id", "A1");
        payload.put("token", "unused");
        payload.put("trigger_id", "1.2.3");
        ObjectNode view = payload.putObject("view");
        view.put("id", "V1").put("type", "modal").put("callback_id", callbackId).put("private_metadata", privateMetadata)
                .put("team_id", TEAM);
        view.putObject("state").putObject("values").putObject(inputId).putObject(inputId)
                .put("type", "plain_text_input").put("value", value);
        return post("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    /** An Events API callback; retries carry X-Slack-Retry-Num. */
    public Reply event(String eventId, ObjectNode event, Integer retryNum) {
        ObjectNode body = JSON.createObjectNode();
        body.put("token", "unused");
        body.put("team_id", TEAM);
        body.put("api_app_id", "A1");
        body.set("event", event);
        body.put("type", "event_callback");
        body.put("event_id", eventId);
        body.put("event_time", System.currentTimeMillis() / 1000);
        Map<String, String> headers = new LinkedHashMap<>();
        if (retryNum != null) {
            headers.put("X-Slack-Retry-Num", retryNum.toString());
            headers.put("X-Slack-Retry-Reason", "http_timeout");
        }
        return send(body.toString().getBytes(StandardCharsets.UTF_8), "application/json", headers, true, 0);
    }

    public Reply post(String body, String contentType) {
        return send(body.getBytes(StandardCharsets.UTF_8), contentType, Map.of(), true, 0);
    }

    /** Full control for bad-input tests: sign or not, shift the timestamp by {@code skewSeconds}. */
    public Reply send(byte[] body, String contentType, Map<String, String> headers, boolean sign, long skewSeconds) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000 + skewSeconds);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (sign) {
            request.header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signer.sign(timestamp, body));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request to Nudge failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public static String formBody(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return body.toString();
    }

    public static ObjectNode memberJoined(String user, String channel) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "member_joined_channel").put("user", user).put("channel", channel).put("channel_type", "C")
                .put("team", TEAM).put("event_ts", "1700000000.000001");
        return event;
    }

    public static ObjectNode appMention(String user, String channel, String text) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "app_mention").put("user", user).put("text", text).put("ts", "1700000001.000200")
                .put("channel", channel).put("event_ts", "1700000001.000200");
        return event;
    }
}
