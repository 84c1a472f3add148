package dev.nudge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for everything Teams-side that Nudge talks to: the Bot Connector service (the activities'
 * serviceUrl points here), the Microsoft Entra token endpoint, and the OpenID metadata and signing keys of the Bot
 * Framework and of the bot's tenant. It answers as those services do and records every request, so tests can check
 * what Nudge sent. Sends can be told to fail.
 */
public final class FakeTeams implements AutoCloseable {
    public static final String TENANT = "7a3c1b2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public static final String APP_ID = "5f2d9c1e-8b7a-4c3d-9e2f-1a0b3c4d5e6f";
    public static final String APP_PASSWORD = "test-app-password-Zq8~very.secret";
    public static final String BOT_FRAMEWORK_KEY = "bf-key-1";
    public static final String UNENDORSED_KEY = "bf-key-skype-only";
    public static final String TENANT_KEY = "tenant-key-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request Nudge made to the connector or the token endpoint. */
    public record Call(String kind, String httpMethod, String conversationId, String activityId, JsonNode body,
                       String authorization, Instant at) {
        /** Every text in the card (and the summary): what a person would read. */
        public String visibleText() {
            StringBuilder text = new StringBuilder(body.path("summary").asText(""));
            body.findValues("text").forEach(node -> text.append('\n').append(node.asText()));
            body.findValues("title").forEach(node -> text.append('\n').append(node.asText()));
            body.findValues("label").forEach(node -> text.append('\n').append(node.asText()));
            body.findValues("value").forEach(node -> {
                if (node.isTextual()) {
                    text.append('\n').append(node.asText());
                }
            });
            return text.toString();
        }

        public JsonNode card() {
            return body.path("attachments").path(0).path("content");
        }

        /** The data of the button with this title. */
        public JsonNode button(String title) {
            for (JsonNode action : card().findValues("actions")) {
                for (JsonNode button : action) {
                    if (title.equals(button.path("title").asText())) {
                        return button.path("data");
                    }
                }
            }
            throw new AssertionError("no button '" + title + "' in " + card());
        }
    }

    private final Javalin server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_764_000_000_000L);
    private final Map<String, List<String>> failures = new ConcurrentHashMap<>();
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final Map<String, Integer> memberCounts = new ConcurrentHashMap<>();

    public FakeTeams() {
        keys.put(BOT_FRAMEWORK_KEY, rsa());
        keys.put(UNENDORSED_KEY, rsa());
        keys.put(TENANT_KEY, rsa());
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.post("/v3/conversations", this::createConversation);
            config.routes.post("/v3/conversations/<rest>", this::activity);
            config.routes.put("/v3/conversations/<rest>", this::activity);
            config.routes.get("/v3/conversations/<rest>", this::members);
            config.routes.post("/{tenant}/oauth2/v2.0/token", this::token);
            config.routes.get("/v1/.well-known/openidconfiguration", ctx -> ctx.json(metadata(
                    "https://api.botframework.com", baseUrl() + "v1/.well-known/keys")));
            config.routes.get("/v1/.well-known/keys", ctx -> ctx.json(jwks(List.of(BOT_FRAMEWORK_KEY, UNENDORSED_KEY))));
            config.routes.get("/{tenant}/v2.0/.well-known/openid-configuration", ctx -> ctx.json(metadata(
                    baseUrl() + ctx.pathParam("tenant") + "/v2.0", baseUrl() + ctx.pathParam("tenant") + "/discovery/v2.0/keys")));
            config.routes.get("/{tenant}/discovery/v2.0/keys", ctx -> ctx.json(jwks(List.of(TENANT_KEY))));
        }).start();
    }

    /** The serviceUrl activities carry: the connector's base URL. */
    public String serviceUrl() {
        return baseUrl();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    public String openIdMetadataUrl() {
        return baseUrl() + "v1/.well-known/openidconfiguration";
    }

    public String loginUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public KeyPair key(String kid) {
        return keys.get(kid);
    }

    /**
     * The next calls of a kind ("send", "reply", "update", "create") fail, one per entry: "429" with Retry-After 1,
     * "412", "502", "503", "504" without it, "403" with MessageWritesBlocked, "404".
     */
    public void failNext(String kind, String... statuses) {
        failures.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).addAll(List.of(statuses));
    }

    private void activity(Context ctx) throws Exception {
        // The raw URI: conversation ids carry ';messageid=' and ':', which routers would otherwise reinterpret.
        String raw = org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req())
                .getHttpURI().asString();
        String path = raw.substring(raw.indexOf("/v3/conversations/") + "/v3/conversations/".length());
        String[] parts = path.split("/activities", 2);
        String conversationId = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        String activityId = parts.length > 1 && parts[1].length() > 1
                ? URLDecoder.decode(parts[1].substring(1), StandardCharsets.UTF_8) : null;
        String kind = ctx.method().name().equals("PUT") ? "update" : activityId == null ? "send" : "reply";
        JsonNode body = JSON.readTree(ctx.body());
        if (failed(kind, conversationId, activityId, body, ctx)) {
            return;
        }
        String id = kind.equals("update") ? activityId : String.valueOf(ids.incrementAndGet());
        calls.add(new Call(kind, ctx.method().name(), conversationId, id, body, ctx.header("Authorization"), Instant.now()));
        ctx.status(kind.equals("update") ? 200 : 201).json(Map.of("id", id));
    }

    /** How many people GET .../members lists for a conversation (plus Nudge itself); 5 unless set. */
    public void setMemberCount(String conversationId, int people) {
        memberCounts.put(conversationId, people);
    }

    /**
     * GET .../{conversation}/members: U1..Un as Teams lists them (29: ids with their Entra object ids) plus the bot;
     * GET .../{conversation}/members/{id}: that member, its Entra object id being the id without "29:".
     */
    private void members(Context ctx) {
        String raw = org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req())
                .getHttpURI().getPath();
        String path = raw.substring(raw.indexOf("/v3/conversations/") + "/v3/conversations/".length());
        String[] parts = path.split("/members", 2);
        String conversationId = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (parts.length < 2) {
            ctx.status(404).json(error("NotFound", "unknown resource"));
            return;
        }
        if (parts[1].length() > 1) {
            String member = URLDecoder.decode(parts[1].substring(1), StandardCharsets.UTF_8);
            calls.add(new Call("member", "GET", conversationId, member, JSON.createObjectNode(),
                    ctx.header("Authorization"), Instant.now()));
            ctx.json(Map.of("id", member, "name", "Person " + member.replace("29:", ""),
                    "aadObjectId", member.replace("29:", ""), "objectId", member.replace("29:", "")));
            return;
        }
        calls.add(new Call("members", "GET", conversationId, null, JSON.createObjectNode(), ctx.header("Authorization"),
                Instant.now()));
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 1; i <= memberCounts.getOrDefault(conversationId, 5); i++) {
            list.add(Map.of("id", "29:U" + i, "name", "Person U" + i, "aadObjectId", "U" + i));
        }
        list.add(Map.of("id", "28:" + APP_ID, "name", "Nudge"));
        ctx.json(list);
    }

    private void createConversation(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        if (failed("create", null, null, body, ctx)) {
            return;
        }
        String member = body.path("members").path(0).path("id").asText();
        String id = "a:1on1-" + member.replace("29:", "");
        calls.add(new Call("create", "POST", id, null, body, ctx.header("Authorization"), Instant.now()));
        ctx.status(201).json(Map.of("id", id));
    }

    private boolean failed(String kind, String conversationId, String activityId, JsonNode body, Context ctx) {
        List<String> scripted = failures.get(kind);
        if (scripted == null || scripted.isEmpty()) {
            return false;
        }
        String status = scripted.remove(0);
        calls.add(new Call(kind + ":" + status, ctx.method().name(), conversationId, activityId, body,
                ctx.header("Authorization"), Instant.now()));
        switch (status) {
            case "429" -> ctx.status(429).header("Retry-After", "1").json(error("TooManyRequests", "Too many requests"));
            case "403" -> ctx.status(403).json(error("MessageWritesBlocked", "Bot is not allowed to send messages"));
            default -> ctx.status(Integer.parseInt(status)).json(error("ServiceError", "status " + status));
        }
        return true;
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }

    private void token(Context ctx) {
        Map<String, List<String>> form = ctx.formParamMap();
        ObjectNode body = JSON.createObjectNode().put("tenant", ctx.pathParam("tenant"))
                .put("grant_type", first(form, "grant_type")).put("client_id", first(form, "client_id"))
                .put("scope", first(form, "scope"))
                .put("secret_matches", APP_PASSWORD.equals(first(form, "client_secret")));
        calls.add(new Call("token", "POST", null, null, body, ctx.header("Authorization"), Instant.now()));
        if (!APP_PASSWORD.equals(first(form, "client_secret"))) {
            ctx.status(401).json(Map.of("error", "invalid_client", "error_description", "AADSTS7000215: Invalid client secret provided."));
            return;
        }
        ctx.json(Map.of("token_type", "Bearer", "expires_in", 3599, "ext_expires_in", 3599,
                "access_token", accessToken(ctx.pathParam("tenant"))));
    }

    public static String accessToken(String tenant) {
        return "connector-token-from-" + tenant;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static Map<String, Object> metadata(String issuer, String jwksUri) {
        return Map.of("issuer", issuer, "jwks_uri", jwksUri, "authorization_endpoint", issuer + "/authorize",
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
    }

    private ObjectNode jwks(List<String> kids) {
        ObjectNode jwks = JSON.createObjectNode();
        ArrayNode list = jwks.putArray("keys");
        for (String kid : kids) {
            RSAPublicKey key = (RSAPublicKey) keys.get(kid).getPublic();
            ObjectNode jwk = list.addObject().put("kty", "RSA").put("use", "sig").put("kid", kid)
                    .put("n", base64(key.getModulus())).put("e", base64(key.getPublicExponent()));
            if (kid.equals(BOT_FRAMEWORK_KEY)) {
                jwk.putArray("endorsements").add("msteams").add("emulator").add("webchat");
            } else if (kid.equals(UNENDORSED_KEY)) {
                jwk.putArray("endorsements").add("skype");
            }
        }
        return jwks;
    }

    private static String base64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String kind) {
        return calls.stream().filter(call -> call.kind().equals(kind)).toList();
    }

    /** Waits (up to 10 s) for a call of that kind that matches, and returns it. */
    public Call await(String kind, Predicate<Call> matching) {
        return awaitCount(kind, matching, 1).get(0);
    }

    public List<Call> awaitCount(String kind, Predicate<Call> matching, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<Call> found = new ArrayList<>(calls(kind).stream().filter(matching).toList());
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " " + kind + " call(s) matching; got " + found.size()
                        + ". All calls: " + calls.stream().map(call -> call.kind() + " " + call.conversationId()).toList());
            }
            FakeSlack.sleep(20);
        }
    }

    /** Waits until nothing new has arrived for {@code quiet}, so "nothing was sent" can be checked. */
    public void settle(Duration quiet) {
        int seen = -1;
        while (seen != calls.size()) {
            seen = calls.size();
            FakeSlack.sleep(quiet.toMillis());
        }
    }

    public void clear() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop();
    }
}
