package dev.nudge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsNudge;
import dev.nudge.testing.TestNudge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Card-submit votes through the whole Teams path: signed Action.Submit activities POSTed to /api/messages, token
 * check, the real Bot Framework adapter and TeamsBot, the vote in SQLite, coalesced card updates to a local fake
 * connector. Prints votes per second, the ack latency (p50, p99, max) and how many votes were lost.
 *
 * <p>Run after {@code mvn -q test-compile}: {@code java -cp target/test-classes:target/classes:$(mvn -q
 * dependency:build-classpath -Dmdep.outputFile=/dev/stdout) dev.nudge.bench.TeamsVoteBench [votes] [clients]}
 * (defaults 30000 votes from 8 concurrent clients, after 2000 warm-up votes on another poll).
 *
 * <p>Measured on the 2-core development machine, client and server in one JVM, single-tenant tokens checked on
 * every request: 8 clients: 993 votes/s, ack p50 6.8 ms, p99 26.4 ms, 0 lost; 32 clients: 890 votes/s, p50
 * 26.7 ms, p99 113.8 ms, 0 lost (the 32 client threads compete with the server for the two cores).
 */
public final class TeamsVoteBench {
    public static void main(String[] args) throws Exception {
        int votes = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("nudge-teams-bench");
        try (FakeTeams teams = new FakeTeams();
             TestNudge nudge = new TestNudge(TeamsNudge.config(dir, TeamsNudge.singleTenant(teams), List.of()))) {
            TeamsClient client = new TeamsClient(nudge.port(), teams, true);
            client.botAdded("U0", TeamsClient.CHANNEL);
            run(nudge, teams, client, Math.min(2_000, votes), clients, "warm-up");
            Result result = run(nudge, teams, client, votes, clients, "measured");
            System.out.printf("Teams card-submit votes: %d votes, %d clients: %.0f votes/s, ack p50 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms, lost %d%n", votes, clients, result.perSecond(), result.p50(), result.p99(),
                    result.max(), result.lost());
        }
    }

    record Result(double perSecond, double p50, double p99, double max, long lost) {}

    private static Result run(TestNudge nudge, FakeTeams teams, TeamsClient client, int votes, int clients, String label)
            throws Exception {
        client.mention("U0", TeamsClient.CHANNEL, "poll \"Bench " + label + "\" \"A\" \"B\" \"C\"");
        FakeTeams.Call poll = teams.await("send", call -> call.visibleText().contains("Bench " + label));
        List<JsonNode> buttons = List.of(poll.button("A"), poll.button("B"), poll.button("C"));
        // One token for all: the bench measures Nudge, not token minting (tokens are valid for an hour).
        String authorization = "Bearer " + TeamsClient.token(teams, TeamsClient.claims(teams.serviceUrl()));
        List<byte[]> bodies = new ArrayList<>(votes);
        for (int i = 0; i < votes; i++) {
            ObjectNode activity = client.fixture("card_submit", Map.of("user", "V" + i, "conversation", TeamsClient.CHANNEL,
                    "conversationType", "channel", "replyToId", poll.activityId(), "value", buttons.get(i % 3).toString()));
            bodies.add(activity.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI endpoint = URI.create("http://127.0.0.1:" + nudge.port() + "/api/messages");
        long[] latencies = new long[votes];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < votes; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint)
                                .header("Content-Type", "application/json").header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 202) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - sent;
                }
                return null;
            }));
        }
        for (Future<?> task : running) {
            task.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long pollId = ((Number) nudge.query("SELECT max(id) AS id FROM polls").get(0).get("id")).longValue();
        long stored = nudge.count("SELECT count(*) FROM poll_votes WHERE poll_id = ?", pollId);
        Arrays.sort(latencies);
        if (failed.get() > 0) {
            System.out.println(label + ": " + failed.get() + " requests did not get 202");
        }
        return new Result(votes / seconds, latencies[votes / 2] / 1e6, latencies[(int) (votes * 0.99)] / 1e6,
                latencies[votes - 1] / 1e6, votes - stored);
    }
}
