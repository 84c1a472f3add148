package dev.nudge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends activities to Nudge's /api/messages shaped like Teams' (from the fixtures under fixtures/teams/), each with
 * a Bot Framework token: an RS256 JWT signed with the fake's key, with the claims the Bot Connector puts in.
 */
public final class TeamsClient {
    public static final String CHANNEL = "19:delivery-channel@thread.tacv2";
    public static final String BOT_ISSUER = "https://api.botframework.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1_764_100_000_000L);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final FakeTeams teams;
    private final boolean signed;

    /** A response as the connector would see it. */
    public record Reply(int status, String body) {}

    public TeamsClient(int port, FakeTeams teams, boolean signed) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
        this.teams = teams;
        this.signed = signed;
    }

    /** "@Nudge {text}" posted as a new message in a channel. */
    public Reply mention(String user, String channel, String text) {
        return send(fixture("channel_mention", Map.of("user", user, "conversation", channel, "text", escape(text))));
    }

    /**
     * "@Nudge {text}" in a channel where {text} mentions someone as Teams does: {@code <at>name</at>} in the text and
     * a mention entity with their Teams id ({@code 29:} + user) and name, but no Entra object id.
     */
    public Reply mentionWithPerson(String user, String channel, String text, String mentionedUser, String mentionedName) {
        ObjectNode activity = fixture("channel_mention", Map.of("user", user, "conversation", channel, "text",
                escape(text)));
        ObjectNode entity = ((com.fasterxml.jackson.databind.node.ArrayNode) activity.path("entities")).addObject();
        entity.putObject("mentioned").put("id", "29:" + mentionedUser).put("name", mentionedName);
        entity.put("text", "<at>" + mentionedName + "</at>").put("type", "mention");
        return send(activity);
    }

    /** Text in the person's 1:1 chat with Nudge. */
    public Reply direct(String user, String text) {
        return send(fixture("personal_message", Map.of("user", user, "conversation", personalChat(user), "text",
                escape(text))));
    }

    public static String personalChat(String user) {
        return "a:1on1-" + user;
    }

    /** A click on an Action.Submit button: a message activity whose value is the button's data (plus inputs). */
    public Reply submit(String user, String conversation, String conversationType, String replyToId, JsonNode value) {
        return send(fixture("card_submit", Map.of("user", user, "conversation", conversation, "conversationType",
                conversationType, "replyToId", replyToId, "value", value.toString())));
    }

    /** A click on a card Nudge posted in a channel. */
    public Reply click(String user, FakeTeams.Call card, String buttonTitle) {
        return submit(user, card.conversationId(), "channel", card.activityId(), card.button(buttonTitle));
    }

    /** Nudge added to a team: conversationUpdate with the bot among membersAdded. */
    public Reply botAdded(String user, String channel) {
        return send(fixture("conversation_update_bot_added", Map.of("user", user, "conversation", channel)));
    }

    public Reply botRemoved(String user, String channel) {
        return send(fixture("conversation_update_bot_removed", Map.of("user", user, "conversation", channel)));
    }

    public Reply installation(String action, String user, String channel) {
        return send(fixture("installation_update", Map.of("action", action, "user", user, "conversation", channel)));
    }

    /** A fixture with its placeholders filled; every activity gets a fresh id. */
    public ObjectNode fixture(String name, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putIfAbsent("serviceUrl", teams.serviceUrl());
        all.putIfAbsent("tenant", FakeTeams.TENANT);
        all.putIfAbsent("botId", FakeTeams.APP_ID);
        all.putIfAbsent("activityId", String.valueOf(IDS.incrementAndGet()));
        try (InputStream in = TeamsClient.class.getResourceAsStream("/fixtures/teams/" + name + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : all.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("fixture " + name + " unreadable", e);
        }
    }

    private static String escape(String text) {
        String quoted = JSON.valueToTree(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    public Reply send(JsonNode activity) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (signed) {
            headers.put("Authorization", "Bearer " + token(teams, claims(activity.path("serviceUrl").asText())));
        }
        return post(activity.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    public Reply post(byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
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

    /** The claims the Bot Connector puts in its tokens to a bot. */
    public static ObjectNode claims(String serviceUrl) {
        long now = Instant.now().getEpochSecond();
        return JSON.createObjectNode().put("serviceurl", serviceUrl).put("nbf", now - 60).put("exp", now + 3600)
                .put("iss", BOT_ISSUER).put("aud", FakeTeams.APP_ID);
    }

    /** An RS256 JWT signed with the fake's Bot Framework key. */
    public static String token(FakeTeams teams, JsonNode claims) {
        return token(FakeTeams.BOT_FRAMEWORK_KEY, teams.key(FakeTeams.BOT_FRAMEWORK_KEY).getPrivate(), claims);
    }

    public static String token(String kid, PrivateKey key, JsonNode claims) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid)
                .put("x5t", kid);
        String signingInput = base64(header.toString()) + "." + base64(claims.toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with {@code "alg":"none"} and no signature. */
    public static String unsigned(String kid, JsonNode claims) {
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT").put("kid", kid);
        return base64(header.toString()) + "." + base64(claims.toString()) + ".";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
