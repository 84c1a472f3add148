package dev.nudge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A small local stand-in for Slack's Web API and response_url hooks. It answers the methods Nudge calls the way
 * Slack does and records every request, so tests can check what Nudge sent. Methods can be told to fail.
 */
public final class FakeSlack implements AutoCloseable {
    public static final String BOT_USER = "UBOT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request Nudge made. {@code params} holds form fields or top-level JSON fields. */
    public record Call(String method, Map<String, String> params, String authorization, Instant at) {
        /** The ts Slack gave a posted message. */
        public String ts() {
            return params.get("_ts");
        }

        public JsonNode json(String param) {
            try {
                return JSON.readTree(params.get(param));
            } catch (Exception e) {
                throw new AssertionError("param " + param + " is not JSON: " + params.get(param), e);
            }
        }

        /** Every text in the blocks (and the fallback text), joined: what a person would read. */
        public String visibleText() {
            StringBuilder text = new StringBuilder(params.getOrDefault("text", ""));
            String blocks = params.get("blocks");
            if (blocks != null) {
                json("blocks").findValues("text").forEach(node -> text.append('\n')
                        .append(node.isTextual() ? node.asText() : node.path("text").asText()));
            }
            return text.toString();
        }
    }

    private final Javalin server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong ts = new AtomicLong();
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private final Map<String, List<String>> scriptedFailures = new ConcurrentHashMap<>();
    private final Set<String> admins = ConcurrentHashMap.newKeySet();
    private final Set<String> outsideChannels = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> memberCounts = new ConcurrentHashMap<>();
    private volatile String socketUrl;
    private volatile io.javalin.websocket.WsContext socket;
    private final List<String> socketFrames = new CopyOnWriteArrayList<>();

    public FakeSlack() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.post("/api/{method}", this::api);
            config.routes.ws("/link", ws -> {
                ws.onConnect(ctx -> {
                    socket = ctx;
                    ctx.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                            + "\"connection_info\":{\"app_id\":\"A1\"}}");
                });
                ws.onMessage(ctx -> socketFrames.add(ctx.message()));
            });
            config.routes.post("/hooks/{id}", ctx -> {
                calls.add(new Call("response_url", jsonParams(ctx.body()), ctx.header("Authorization"), Instant.now()));
                ctx.result("ok");
            });
        }).start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.port() + "/hooks/" + id;
    }

    /** The fake Socket Mode endpoint that apps.connections.open hands out. */
    public String socketUrl() {
        return socketUrl != null ? socketUrl : "ws://127.0.0.1:" + server.port() + "/link";
    }

    /** Sends a Socket Mode envelope to the connected app, once it has connected. */
    public void sendEnvelope(String envelopeJson) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (socket == null || !socket.session.isOpen()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Nudge never connected over Socket Mode");
            }
            sleep(20);
        }
        socket.send(envelopeJson);
    }

    /** Waits for the frame Nudge sends back for an envelope (its acknowledgement). */
    public String awaitAck(String envelopeId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (String frame : socketFrames) {
                if (frame.contains("\"" + envelopeId + "\"")) {
                    return frame;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ack for " + envelopeId + "; frames: " + socketFrames);
            }
            sleep(20);
        }
    }

    /** Channels the bot is not a member of (conversations.info answers is_member false). */
    public void leaveChannel(String channelId) {
        outsideChannels.add(channelId);
    }

    /** What conversations.history returns: the messages posted in the channel, newest first, with their metadata. */
    private List<Map<String, Object>> history(String channel, String oldest) {
        double from = oldest == null ? 0 : Double.parseDouble(oldest);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Call call : calls) {
            if (call.method().equals("chat.postMessage") && channel.equals(call.params().get("channel"))
                    && call.ts() != null && Double.parseDouble(call.ts()) >= from) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("type", "message");
                message.put("ts", call.ts());
                message.put("bot_id", "B1");
                message.put("text", call.params().getOrDefault("text", ""));
                if (call.params().get("metadata") != null) {
                    message.put("metadata", call.json("metadata"));
                }
                messages.add(0, message);
            }
        }
        return messages;
    }

    /** Pretends a message was posted earlier (for example by a Nudge that crashed before noting it). */
    public String injectPosted(String channel, String text, String metadataJson) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("channel", channel);
        params.put("text", text);
        params.put("metadata", metadataJson);
        params.put("_ts", nextTs());
        calls.add(new Call("chat.postMessage", params, "injected", Instant.now()));
        return params.get("_ts");
    }

    /** The direct-message channel conversations.open gives for a user: "D" + the user id. */
    public static String directChannel(String userId) {
        return "D" + userId;
    }

    /** What conversations.info reports as num_members for the channel (Nudge included); 5 unless set. */
    public void setMemberCount(String channelId, int members) {
        memberCounts.put(channelId, members);
    }

    /** Messages Nudge posted in its direct-message channel with the user (after conversations.open). */
    public List<Call> directMessages(String userId) {
        return calls("chat.postMessage").stream()
                .filter(call -> directChannel(userId).equals(call.params().get("channel"))).toList();
    }

    public void makeAdmin(String userId) {
        admins.add(userId);
    }

    /**
     * The next calls to {@code method} fail, one per entry: "429" answers HTTP 429 with Retry-After 1, "500" HTTP 500,
     * anything else {"ok":false,"error":entry}.
     */
    public void failNext(String method, String... failures) {
        scriptedFailures.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).addAll(List.of(failures));
    }

    private void api(Context ctx) throws Exception {
        String method = ctx.pathParam("method");
        Map<String, String> params = ctx.contentType() != null && ctx.contentType().startsWith("application/json")
                ? jsonParams(ctx.body()) : formParams(ctx.body());
        List<String> failures = scriptedFailures.get(method);
        if (failures != null && !failures.isEmpty()) {
            calls.add(new Call(method, params, ctx.header("Authorization"), Instant.now()));
            String failure = failures.remove(0);
            if (failure.equals("429")) {
                ctx.status(429).header("Retry-After", "1").json(Map.of("ok", false, "error", "ratelimited"));
            } else if (failure.equals("500")) {
                ctx.status(500).result("oops");
            } else {
                ctx.json(Map.of("ok", false, "error", failure));
            }
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        try {
            answer(method, params, answer);
        } finally {
            calls.add(new Call(method, params, ctx.header("Authorization"), Instant.now()));
        }
        ctx.json(answer);
    }

    private void answer(String method, Map<String, String> params, Map<String, Object> answer) {
        switch (method) {
            case "auth.test" -> {
                answer.put("url", "https://nudge-test.slack.com/");
                answer.put("team", "Test Team");
                answer.put("user", "nudge");
                answer.put("team_id", "T1");
                answer.put("user_id", BOT_USER);
                answer.put("bot_id", "B1");
            }
            case "chat.postMessage" -> {
                String ts = nextTs();
                // Recorded beside the request so tests can click on the message Nudge posted.
                params.put("_ts", ts);
                answer.put("channel", params.get("channel"));
                answer.put("ts", ts);
            }
            case "chat.update" -> {
                answer.put("channel", params.get("channel"));
                answer.put("ts", params.get("ts"));
            }
            case "chat.postEphemeral" -> answer.put("message_ts", nextTs());
            case "users.info" -> {
                String user = params.get("user");
                answer.put("user", Map.of("id", user, "name", user.toLowerCase(), "is_admin", admins.contains(user),
                        "is_owner", false, "is_primary_owner", false));
            }
            case "apps.connections.open" -> answer.put("url", socketUrl());
            case "conversations.info" -> {
                Map<String, Object> channel = new LinkedHashMap<>();
                channel.put("id", params.get("channel"));
                channel.put("is_member", !outsideChannels.contains(params.get("channel")));
                if (List.of("true", "1").contains(params.get("include_num_members"))) {
                    channel.put("num_members", memberCounts.getOrDefault(params.get("channel"), 5));
                }
                answer.put("channel", channel);
            }
            case "conversations.open" -> answer.put("channel", Map.of("id", directChannel(params.get("users"))));
            case "conversations.history" -> answer.put("messages", history(params.get("channel"), params.get("oldest")));
            case "views.open" -> answer.put("view", Map.of("id", "V" + nextTs()));
            default -> { }
        }
    }

    /** Message timestamps follow this clock, as Slack's follow real time (tests may move Nudge's clock). */
    public void useClock(java.time.Clock clock) {
        this.clock = clock;
    }

    private String nextTs() {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        long value = ts.updateAndGet(previous -> Math.max(previous + 1, micros));
        return value / 1_000_000 + "." + String.format("%06d", value % 1_000_000);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Waits (up to 10 s) for a call to {@code method} that matches, and returns it. */
    public Call await(String method, Predicate<Call> matching) {
        return awaitCount(method, matching, 1).get(0);
    }

    public List<Call> awaitCount(String method, Predicate<Call> matching, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<Call> found = new ArrayList<>(calls(method).stream().filter(matching).toList());
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " " + method + " call(s) matching; got " + found.size()
                        + ". All calls: " + calls.stream().map(Call::method).toList());
            }
            sleep(20);
        }
    }

    /** Waits until nothing new has arrived for {@code quiet}, so "nothing was sent" can be checked. */
    public void settle(Duration quiet) {
        int seen = -1;
        while (seen != calls.size()) {
            seen = calls.size();
            sleep(quiet.toMillis());
        }
    }

    public void clear() {
        calls.clear();
    }

    /** Lets time pass in a test (for "nothing happens" checks). */
    public static void settleFor(long millis) {
        sleep(millis);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JSON.readTree(body).fields().forEachRemaining(field -> params.put(field.getKey(),
                    field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        } catch (Exception e) {
            params.put("_raw", body);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop();
    }
}
