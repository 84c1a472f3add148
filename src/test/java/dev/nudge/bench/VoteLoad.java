package dev.nudge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.slack.SlackSignature;
import dev.nudge.testing.SlackClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Signed block_actions clicks on a poll's vote buttons from {@code clients} threads, each a closed loop (send, wait
 * for the answer, send the next). Every new vote comes from a new user; with {@code changePercent} a thread instead
 * moves one of its own earlier, acknowledged voters to another option, so each user's votes are strictly ordered.
 * Stops at {@code votes} requests or at the time cap, whichever comes first.
 */
final class VoteLoad {
    static final int STATUS_IO_ERROR = -1;
    static final int STATUS_TIMEOUT = -2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where to click: the poll message and its vote buttons, in option order. */
    record Poll(String channel, String messageTs, List<String> actionIds, List<String> values, JsonNode blocks) {}

    /** Per request, by index: who, which option, new or change, status (200 = acknowledged), latency. */
    static final class Result {
        final String[] users;
        final int[] positions;
        final boolean[] changes;
        final int[] statuses;
        final long[] latencyNanos;
        int sent;
        long elapsedNanos;
        boolean timeCapped;
        String firstError;
        /** CPU time of the client threads themselves (building, signing, sending), summed. */
        long clientCpuNanos;

        Result(int capacity) {
            users = new String[capacity];
            positions = new int[capacity];
            changes = new boolean[capacity];
            statuses = new int[capacity];
            latencyNanos = new long[capacity];
        }

        long acked() {
            long acked = 0;
            for (int i = 0; i < sent; i++) {
                if (statuses[i] == 200) {
                    acked++;
                }
            }
            return acked;
        }

        long changesAcked() {
            long count = 0;
            for (int i = 0; i < sent; i++) {
                if (statuses[i] == 200 && changes[i]) {
                    count++;
                }
            }
            return count;
        }

        /** Non-200 answers and failed requests, by status ("io error", "timeout" for the negative codes). */
        Map<String, Integer> errors() {
            Map<String, Integer> errors = new TreeMap<>();
            for (int i = 0; i < sent; i++) {
                if (statuses[i] != 200) {
                    String key = statuses[i] == STATUS_IO_ERROR ? "io error" : statuses[i] == STATUS_TIMEOUT ? "timeout"
                            : "HTTP " + statuses[i];
                    errors.merge(key, 1, Integer::sum);
                }
            }
            return errors;
        }

        double votesPerSecond() {
            return elapsedNanos == 0 ? 0 : acked() / (elapsedNanos / 1e9);
        }

        /** Latency percentiles of acknowledged requests, in ms: p50, p95, p99, max. */
        double[] ackMillis() {
            long[] acked = new long[sent];
            int n = 0;
            for (int i = 0; i < sent; i++) {
                if (statuses[i] == 200) {
                    acked[n++] = latencyNanos[i];
                }
            }
            if (n == 0) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            }
            long[] sorted = Arrays.copyOf(acked, n);
            Arrays.sort(sorted);
            return new double[] {percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[n - 1] / 1e6};
        }

        private static double percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
        }
    }

    private final HttpClient http;
    private final int port;
    private final URI endpoint;
    private final Poll poll;
    private final String template;
    private final SlackSignature signer = new SlackSignature(SlackClient.SECRET, Clock.systemUTC());

    /**
     * {@code withMessage} adds the poll message's blocks to each payload, as Slack does for clicks on a message
     * (heavier to parse); without it the payload has the shape of {@link SlackClient#click}.
     */
    /** With {@code http} null, each client thread uses its own {@link RawHttpConnection} instead of java.net.http. */
    VoteLoad(HttpClient http, int port, Poll poll, String responseUrl, boolean withMessage) {
        this.http = http;
        this.port = port;
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.poll = poll;
        this.template = template(poll, responseUrl, withMessage);
    }

    /** The form body with placeholders for user, action id and value (placeholders survive URL encoding as is). */
    private static String template(Poll poll, String responseUrl, boolean withMessage) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("user").put("id", "ZZUSERZZ").put("username", "bench").put("team_id", SlackClient.TEAM);
        payload.put("api_app_id", "A1");
        payload.put("token", "unused");
        payload.putObject("container").put("type", "message").put("message_ts", poll.messageTs())
                .put("channel_id", poll.channel()).put("is_ephemeral", false);
        payload.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        payload.putObject("team").put("id", SlackClient.TEAM).put("domain", "test");
        payload.putObject("channel").put("id", poll.channel()).put("name", "delivery");
        if (withMessage) {
            ObjectNode message = payload.putObject("message");
            message.put("type", "message").put("subtype", "bot_message").put("ts", poll.messageTs())
                    .put("bot_id", "B1").put("text", "poll");
            message.set("blocks", poll.blocks());
        }
        payload.put("response_url", responseUrl);
        ArrayNode actions = payload.putArray("actions");
        actions.addObject().put("action_id", "ZZACTIONZZ").put("block_id", "b1").put("type", "button")
                .put("value", "ZZVALUEZZ").put("action_ts", "1700000000.1").putObject("text")
                .put("type", "plain_text").put("text", "x");
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    byte[] body(String user, int position) {
        return template.replace("ZZUSERZZ", enc(user)).replace("ZZACTIONZZ", enc(poll.actionIds().get(position)))
                .replace("ZZVALUEZZ", enc(poll.values().get(position))).getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Runs the load; returns when every client thread has stopped (at most time cap + request timeout). */
    Result run(String userPrefix, int clients, int votes, Duration timeCap, int changePercent, long seed)
            throws InterruptedException {
        Result result = new Result(votes);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        int options = poll.actionIds().size();
        long start = System.nanoTime();
        long deadline = start + timeCap.toNanos();
        long[] lastEnd = new long[clients];
        long[] cpu = new long[clients];
        boolean[] capped = new boolean[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed * 1_000_003L + client);
                List<String> myVoters = new ArrayList<>();
                Map<String, Integer> current = new HashMap<>();
                long[] started = new long[1];
                RawHttpConnection raw = http == null ? new RawHttpConnection(port, 10_000) : null;
                long cpuAtStart = threadCpu();
                int fresh = 0;
                while (true) {
                    if (System.nanoTime() >= deadline) {
                        capped[client] = true;
                        break;
                    }
                    int i = next.getAndIncrement();
                    if (i >= votes) {
                        break;
                    }
                    boolean change = changePercent > 0 && !myVoters.isEmpty() && random.nextInt(100) < changePercent;
                    String user;
                    int position;
                    if (change && options > 1) {
                        user = myVoters.get(random.nextInt(myVoters.size()));
                        position = (current.get(user) + 1 + random.nextInt(options - 1)) % options;
                    } else {
                        change = false;
                        user = userPrefix + client + "X" + fresh++;
                        position = random.nextInt(options);
                    }
                    byte[] body = body(user, position);
                    int status = send(body, firstError, started, raw);
                    long end = System.nanoTime();
                    result.users[i] = user;
                    result.positions[i] = position;
                    result.changes[i] = change;
                    result.statuses[i] = status;
                    result.latencyNanos[i] = end - started[0];
                    lastEnd[client] = end;
                    if (status == 200) {
                        if (!change) {
                            myVoters.add(user);
                        }
                        current.put(user, position);
                    }
                }
                if (raw != null) {
                    raw.close();
                }
                cpu[client] = threadCpu() - cpuAtStart;
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // A thread checks the deadline before it claims an index and always fills in what it claimed, so the
        // sent requests are exactly 0..n-1.
        int filled = 0;
        while (filled < votes && result.users[filled] != null) {
            filled++;
        }
        result.sent = filled;
        long end = start;
        for (long clientEnd : lastEnd) {
            end = Math.max(end, clientEnd);
        }
        result.elapsedNanos = end - start;
        for (boolean c : capped) {
            result.timeCapped |= c;
        }
        result.firstError = firstError.get();
        for (long nanos : cpu) {
            result.clientCpuNanos += nanos;
        }
        return result;
    }

    private static long threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** Sends one click; {@code started[0]} gets the send time, so latency excludes building the body. */
    private int send(byte[] body, AtomicReference<String> firstError, long[] started, RawHttpConnection raw) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = signer.sign(timestamp, body);
        if (raw != null) {
            started[0] = System.nanoTime();
            try {
                RawHttpConnection.Answer answer = raw.post("/slack/events", "application/x-www-form-urlencoded",
                        new String[] {"X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature}, body);
                if (answer.status() != 200) {
                    firstError.compareAndSet(null, "HTTP " + answer.status() + ": " + clip(answer.body()));
                }
                return answer.status();
            } catch (java.net.SocketTimeoutException e) {
                firstError.compareAndSet(null, "timeout: " + e.getMessage());
                return STATUS_TIMEOUT;
            } catch (IOException | RuntimeException e) {
                firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                return STATUS_IO_ERROR;
            }
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        started[0] = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                firstError.compareAndSet(null, "HTTP " + response.statusCode() + ": " + clip(response.body()));
            }
            return response.statusCode();
        } catch (HttpTimeoutException e) {
            firstError.compareAndSet(null, "timeout: " + e.getMessage());
            return STATUS_TIMEOUT;
        } catch (IOException e) {
            firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            return STATUS_IO_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return STATUS_IO_ERROR;
        }
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
