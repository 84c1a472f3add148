package dev.nudge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Vote throughput benchmark (run it with {@code scripts/bench}; this is a program, not a test).
 *
 * <p>Starts a fake Slack Web API in this JVM, then the real Nudge jar as a separate process on 127.0.0.1 with a fresh
 * SQLite file; creates a 4-option poll with a signed slash command; warms up; then drives signed block_actions
 * clicks from concurrent clients (each new vote a new user, a share of vote changes), records per-request latency,
 * and afterwards checks that every acknowledged vote is in SQLite. In the same run, the same load goes to a bare
 * Bolt App that only acknowledges ({@link BareBoltServer}), also a separate process with the same HTTP stack and
 * signature check, and the two are compared.
 */
public final class VoteBench {
    private static final String CHANNEL = "CBENCH";
    private static final List<String> OPTIONS = List.of("Alpha", "Bravo", "Charlie", "Delta");

    /** Command-line settings. */
    record Options(String client, int clients, int votes, int seconds, int warmup, int changePercent, boolean bare,
                   boolean nudge, boolean withMessage, boolean jfr, boolean perf, List<String> serverJvmOptions,
                   Path jar, Path outDir) {

        /** JVM options for both servers: the user's, plus what --perf needs. */
        List<String> jvmOptions() {
            List<String> all = new ArrayList<>(serverJvmOptions);
            if (perf) {
                all.addAll(PerfProfile.JVM_OPTIONS);
            }
            return all;
        }

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("client", "jdk");
            values.put("clients", "16");
            values.put("votes", "20000");
            values.put("seconds", "60");
            values.put("warmup", "10000");
            values.put("change-percent", "10");
            values.put("server-jvm-opts", "");
            values.put("jar", "target/nudge.jar");
            values.put("out", "target/bench");
            Set<String> flags = new HashSet<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    usage(null);
                }
                if (!arg.startsWith("--")) {
                    usage("unexpected argument '" + arg + "'");
                }
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (Set.of("no-bare", "no-nudge", "with-message", "jfr", "perf").contains(name)) {
                    flags.add(name);
                    continue;
                }
                if (!values.containsKey(name)) {
                    usage("unknown option --" + name);
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        usage("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            }
            int clients = positive(values, "clients");
            int votes = positive(values, "votes");
            int seconds = positive(values, "seconds");
            int warmup = number(values, "warmup");
            int change = number(values, "change-percent");
            if (change > 90) {
                usage("--change-percent must be 0..90");
            }
            String jvm = values.get("server-jvm-opts").trim();
            String client = values.get("client");
            if (!client.equals("jdk") && !client.equals("raw")) {
                usage("--client must be jdk or raw");
            }
            return new Options(client, clients, votes, seconds, warmup, change, !flags.contains("no-bare"),
                    !flags.contains("no-nudge"), flags.contains("with-message"), flags.contains("jfr"),
                    flags.contains("perf"),
                    jvm.isEmpty() ? List.of() : Arrays.asList(jvm.split("\\s+")), Path.of(values.get("jar")),
                    Path.of(values.get("out")));
        }

        private static int positive(Map<String, String> values, String name) {
            int value = number(values, name);
            if (value <= 0) {
                usage("--" + name + " must be above 0");
            }
            return value;
        }

        private static int number(Map<String, String> values, String name) {
            try {
                int value = Integer.parseInt(values.get(name).replace("_", ""));
                if (value < 0) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                usage("--" + name + " must be a whole number, not '" + values.get(name) + "'");
                return 0;
            }
        }

        private static void usage(String problem) {
            if (problem != null) {
                System.err.println("scripts/bench: " + problem);
            }
            System.err.println("""
                    Usage: scripts/bench [options]
                      --clients N          concurrent client threads, each a closed loop (default 16)
                      --client jdk|raw     jdk: java.net.http.HttpClient (default); raw: a minimal keep-alive
                                           HTTP/1.1 client that leaves more of the CPU to the server
                      --votes N            measured votes per server (default 20000)
                      --seconds S          time cap of the measured phase per server (default 60)
                      --warmup N           warm-up votes per server, not measured, also capped by --seconds
                                           (default 10000: on 2 cores the JIT compiler is busy for ~40 s)
                      --change-percent P   share of clicks that change an earlier voter's choice (default 10)
                      --with-message       include the poll message's blocks in each payload, as Slack does
                      --no-bare            skip the bare Bolt baseline
                      --no-nudge           skip Nudge (baseline only)
                      --jfr                profile each server with JFR during the measured phase; print hot spots
                      --perf               profile each server with Linux perf (native, JIT, GC, kernel too)
                      --server-jvm-opts S  extra JVM options for both servers, e.g. "-Xmx512m"
                      --jar PATH           the Nudge jar (default target/nudge.jar)
                      --out DIR            where the summary file goes (default target/bench)
                    Exit code 1 when an acknowledged vote is missing from SQLite, 2 on bad options.""");
            System.exit(problem == null ? 0 : 2);
        }
    }

    /** What one server did in the measured phase. */
    record Phase(String name, VoteLoad.Result load, Usage usage, Optional<String> heap, Optional<Long> peakRssMb,
                 Optional<Check> check, Map<String, Long> slackCalls, String threads, Optional<String> profile) {}

    /**
     * CPU used during the measured phase, in seconds: the server (and how much of it in the kernel), this JVM (clients
     * and fake Slack), the whole machine, interrupt handling and hypervisor steal.
     */
    record Usage(double serverCpuSeconds, double serverSystemSeconds, double benchCpuSeconds,
                 double benchSystemSeconds, double machineBusySeconds, double interruptSeconds, double stealSeconds,
                 double wallSeconds) {
        /** Busy time not used by the server or this JVM: other processes and the kernel's interrupt work. */
        double otherSeconds() {
            return Double.isNaN(machineBusySeconds) ? 0
                    : Math.max(0, machineBusySeconds - serverCpuSeconds - benchCpuSeconds);
        }
    }

    /** The durability check: acknowledged votes missing or wrong in SQLite. */
    record Check(long ackedVotes, long lost, long ackedUsers, long rowsForMeasuredUsers, long storedThoughNotAcked,
                 long lostAfterStop) {}

    private final Options options;
    private final StringBuilder report = new StringBuilder();

    private VoteBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // The fake Slack's Javalin runs in this JVM: keep its start/stop lines out of the report.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        int code = new VoteBench(options).run();
        System.exit(code);
    }

    private int run() throws Exception {
        if (options.nudge() && !Files.isRegularFile(options.jar())) {
            System.err.println("No Nudge jar at " + options.jar().toAbsolutePath() + "; build it with "
                    + "mvn -B -q package -DskipTests (scripts/bench does this)");
            return 2;
        }
        Path work = Files.createTempDirectory("nudge-bench-");
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        say("Nudge vote benchmark, " + started);
        say("Machine: " + Machine.describe());
        say("Load: " + options.clients() + " clients (closed loop, HTTP/1.1 keep-alive, "
                + (options.client().equals("raw") ? "minimal socket client" : "java.net.http") + "), "
                + options.votes() + " measured votes per server (cap " + options.seconds() + " s) after "
                + options.warmup() + " warm-up votes; " + options.changePercent() + "% vote changes; payload "
                + (options.withMessage() ? "with" : "without") + " the message blocks. Servers run as separate JVMs"
                + (options.serverJvmOptions().isEmpty() ? "" : " with " + String.join(" ", options.serverJvmOptions()))
                + "; client and fake Slack share this JVM.");
        say("Work dir (logs, SQLite file): " + work);
        say("");

        List<Phase> phases = new ArrayList<>();
        VoteLoad.Poll poll = null;
        try (FakeSlack slack = new FakeSlack()) {
            if (options.nudge()) {
                NudgeRun nudge = runNudge(slack, work);
                poll = nudge.poll();
                phases.add(nudge.phase());
            }
            if (options.bare()) {
                if (poll == null) {
                    poll = syntheticPoll();
                }
                phases.add(runBare(slack, work, poll));
            }
        }
        say("");
        summarize(phases);

        Path out = options.outDir().resolve("vote-bench-" + ZonedDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("Summary written to " + out.toAbsolutePath());
        System.out.println("Server logs and the SQLite file are in " + work);
        boolean lost = phases.stream().anyMatch(p -> p.check().map(c -> c.lost() > 0 || c.lostAfterStop() > 0)
                .orElse(false));
        if (lost) {
            System.out.println("FAILED: acknowledged votes are missing from SQLite (exit code 1)");
        }
        return lost ? 1 : 0;
    }

    private record NudgeRun(VoteLoad.Poll poll, Phase phase) {}

    private NudgeRun runNudge(FakeSlack slack, Path work) throws Exception {
        int port = ServerProcess.freePort();
        Path db = work.resolve("nudge.db");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NUDGE_PORT", Integer.toString(port));
        env.put("NUDGE_HOST", "127.0.0.1");
        env.put("NUDGE_DB", db.toString());
        env.put("SLACK_SIGNING_SECRET", SlackClient.SECRET);
        env.put("SLACK_BOT_TOKEN", "xoxb-bench");
        env.put("SLACK_API_URL", slack.apiUrl());
        say("== Nudge (java -jar " + options.jar() + ", port " + port + ")");
        try (ServerProcess server = ServerProcess.start("Nudge", options.jvmOptions(),
                List.of("-jar", options.jar().toAbsolutePath().toString()), Path.of("").toAbsolutePath(), env, port,
                work.resolve("nudge.log"))) {
            VoteLoad.Poll poll = createPoll(slack, port);
            say("Poll " + poll.values().get(0).split(":")[0] + " posted as " + poll.messageTs() + " with "
                    + OPTIONS.size() + " options");
            Measured measured = measure("Nudge", server, slack, port, poll, work);

            Thread.sleep(2_000);
            long pollId = Long.parseLong(poll.values().get(0).split(":")[0]);
            Check whileRunning = check(db, pollId, measured.load(), -1);
            server.close();
            Check check = check(db, pollId, measured.load(), whileRunning.lost());
            Phase phase = new Phase("Nudge", measured.load(), measured.usage(), measured.heap(), measured.rss(),
                    Optional.of(check), measured.slackCalls(), measured.threads(),
                    profiles(measured));
            report(phase);
            return new NudgeRun(poll, phase);
        }
    }

    private Phase runBare(FakeSlack slack, Path work, VoteLoad.Poll poll) throws Exception {
        int port = ServerProcess.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BENCH_PORT", Integer.toString(port));
        env.put("BENCH_HOST", "127.0.0.1");
        env.put("SLACK_SIGNING_SECRET", SlackClient.SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        say("== Bare Bolt (" + BareBoltServer.class.getName() + ", port " + port + ")");
        try (ServerProcess server = ServerProcess.start("Bare Bolt", options.jvmOptions(),
                List.of("-cp", System.getProperty("java.class.path"), BareBoltServer.class.getName()),
                Path.of("").toAbsolutePath(), env, port, work.resolve("bare-bolt.log"))) {
            Measured measured = measure("Bare Bolt", server, slack, port, poll, work);
            server.close();
            Phase phase = new Phase("Bare Bolt", measured.load(), measured.usage(), measured.heap(), measured.rss(),
                    Optional.empty(), measured.slackCalls(), measured.threads(),
                    profiles(measured));
            report(phase);
            return phase;
        }
    }

    private record Measured(VoteLoad.Result load, Usage usage, Optional<String> heap, Optional<Long> rss,
                            Map<String, Long> slackCalls, String threads, Optional<String> profile,
                            Optional<PerfProfile> perf) {}

    /** JFR and perf findings, once the server has stopped (perf needs the JIT symbol map written at exit). */
    private static Optional<String> profiles(Measured measured) {
        List<String> parts = new ArrayList<>();
        measured.profile().ifPresent(jfr -> parts.add("  Profile of the measured phase (JFR):\n" + jfr));
        measured.perf().ifPresent(perf -> parts.add("  Profile of the measured phase (perf):\n" + perf.report()));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
    }

    /** Warm-up, then the measured phase with CPU accounting (and JFR when asked). */
    private Measured measure(String name, ServerProcess server, FakeSlack slack, int port, VoteLoad.Poll poll,
                             Path work) throws Exception {
        HttpClient http = options.client().equals("raw") ? null : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        VoteLoad load = new VoteLoad(http, port, poll, slack.responseUrl("bench"), options.withMessage());
        String tag = name.startsWith("Nudge") ? "N" : "B";
        if (options.warmup() > 0) {
            VoteLoad.Result warm = load.run("UW" + tag, options.clients(), options.warmup(),
                    Duration.ofSeconds(options.seconds()), options.changePercent(), 7);
            say(String.format(Locale.ROOT, "Warm-up: %d votes in %.1f s (%.0f/s), %s", warm.sent,
                    warm.elapsedNanos / 1e9, warm.votesPerSecond(), errorsText(warm)));
        }
        Path jfr = work.resolve(tag.equals("N") ? "nudge.jfr" : "bare-bolt.jfr");
        if (options.jfr()) {
            Jcmd.run(server.pid(), "JFR.start", "name=bench", "settings=profile");
        }
        int callsBefore = slack.calls().size();
        long serverCpu = server.cpuNanos();
        long benchCpu = benchCpuNanos();
        long[] serverTicks = server.userSystemTicks();
        long[] benchTicks = Machine.userSystemTicks(ProcessHandle.current().pid());
        long[] machine = Machine.cpuJiffies();
        Map<String, Long> serverThreads = Machine.threadTicks(server.pid());
        Map<String, Long> benchThreads = Machine.threadTicks(ProcessHandle.current().pid());
        Optional<PerfProfile> perf = Optional.empty();
        if (options.perf()) {
            try {
                perf = Optional.of(PerfProfile.start(server.pid(), work.resolve(tag.equals("N") ? "nudge.perf.data"
                        : "bare-bolt.perf.data"), work.resolve(tag.equals("N") ? "nudge.perf.log"
                        : "bare-bolt.perf.log")));
            } catch (IOException e) {
                say("  (perf could not start, so no perf profile: " + e.getMessage() + ")");
            }
        }
        long wall = System.nanoTime();
        VoteLoad.Result result = load.run("UM" + tag, options.clients(), options.votes(),
                Duration.ofSeconds(options.seconds()), options.changePercent(), 42);
        wall = System.nanoTime() - wall;
        List<FakeSlack.Call> calls = slack.calls();
        Map<String, Long> slackCalls = new java.util.TreeMap<>();
        calls.subList(Math.min(callsBefore, calls.size()), calls.size())
                .forEach(call -> slackCalls.merge(call.method(), 1L, Long::sum));
        long[] machineAfter = Machine.cpuJiffies();
        if (perf.isPresent()) {
            perf.get().stop();
        }
        String threads = "server: " + Machine.busiestThreads(serverThreads, Machine.threadTicks(server.pid()), 6)
                + "; bench JVM: " + String.format(Locale.ROOT, "bench-client (all) %.1f s, ",
                        result.clientCpuNanos / 1e9)
                + Machine.busiestThreads(benchThreads, Machine.threadTicks(ProcessHandle.current().pid()), 5);
        long[] serverTicksAfter = server.userSystemTicks();
        long[] benchTicksAfter = Machine.userSystemTicks(ProcessHandle.current().pid());
        Usage usage = new Usage((server.cpuNanos() - serverCpu) / 1e9, ticks(serverTicks, serverTicksAfter, 1),
                (benchCpuNanos() - benchCpu) / 1e9, ticks(benchTicks, benchTicksAfter, 1),
                ticks(machine, machineAfter, 0), ticks(machine, machineAfter, 2), ticks(machine, machineAfter, 3),
                wall / 1e9);
        Optional<String> profile = Optional.empty();
        if (options.jfr()) {
            Jcmd.run(server.pid(), "JFR.stop", "name=bench", "filename=" + jfr);
            profile = JfrSummary.summarize(jfr);
        }
        Optional<String> heap = server.heap();
        Optional<Long> rss = server.peakRssMb();
        return new Measured(result, usage, heap, rss, slackCalls, threads, profile, perf);
    }

    private static double ticks(long[] before, long[] after, int index) {
        return before == null || after == null ? Double.NaN
                : (after[index] - before[index]) / (double) Machine.CLOCK_TICKS;
    }

    private VoteLoad.Poll createPoll(FakeSlack slack, int port) {
        SlackClient client = new SlackClient(port, slack);
        StringBuilder text = new StringBuilder("poll \"Bench: which option?\"");
        OPTIONS.forEach(option -> text.append(" \"").append(option).append('"'));
        SlackClient.Reply reply = client.command("UBENCHOWNER", CHANNEL, text.toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("the poll command got HTTP " + reply.status() + ": " + reply.body());
        }
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> CHANNEL.equals(call.params().get("channel"))
                && call.params().get("thread_ts") == null);
        JsonNode blocks = posted.json("blocks");
        List<String> actionIds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String option : OPTIONS) {
            JsonNode button = button(blocks, option);
            actionIds.add(button.path("action_id").asText());
            values.add(button.path("value").asText());
        }
        return new VoteLoad.Poll(CHANNEL, posted.ts(), actionIds, values, blocks);
    }

    private static JsonNode button(JsonNode blocks, String text) {
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asText()) && text.equals(element.path("text").path("text")
                        .asText())) {
                    return element;
                }
            }
        }
        throw new IllegalStateException("the posted poll has no button '" + text + "': " + blocks);
    }

    /** Used only with --no-nudge: buttons shaped like Nudge's. */
    private static VoteLoad.Poll syntheticPoll() {
        List<String> ids = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < OPTIONS.size(); i++) {
            ids.add("poll.vote~" + i);
            values.add("1:" + i);
        }
        return new VoteLoad.Poll(CHANNEL, "1700000000.000101", ids, values,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode());
    }

    /**
     * Every acknowledged vote must be visible: a user's last acknowledged choice is the stored one (or a later,
     * unacknowledged one, which may or may not have been applied), and a user with any acknowledged vote has a row.
     */
    static Check check(Path db, long pollId, VoteLoad.Result load, long lostWhileRunning) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT user_id, position FROM poll_votes WHERE poll_id = ? AND user_id LIKE 'UM%'")) {
            query.setLong(1, pollId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        Map<String, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < load.sent; i++) {
            byUser.computeIfAbsent(load.users[i], u -> new ArrayList<>()).add(i);
        }
        long acked = 0;
        long lost = 0;
        long ackedUsers = 0;
        long storedNotAcked = 0;
        for (Map.Entry<String, List<Integer>> entry : byUser.entrySet()) {
            List<Integer> indexes = entry.getValue();
            Integer row = stored.get(entry.getKey());
            int lastAck = -1;
            for (int i : indexes) {
                if (load.statuses[i] == 200) {
                    lastAck = i;
                }
            }
            if (lastAck < 0) {
                if (row != null) {
                    storedNotAcked++;
                }
                continue;
            }
            ackedUsers++;
            Set<Integer> accepted = new HashSet<>();
            accepted.add(load.positions[lastAck]);
            for (int i : indexes) {
                if (i > lastAck) {
                    accepted.add(load.positions[i]);
                }
            }
            for (int i : indexes) {
                if (load.statuses[i] != 200) {
                    continue;
                }
                acked++;
                if (row == null || i == lastAck && !accepted.contains(row)) {
                    lost++;
                }
            }
        }
        return new Check(acked, lostWhileRunning < 0 ? lost : lostWhileRunning, ackedUsers, stored.size(),
                storedNotAcked, lostWhileRunning < 0 ? -1 : lost);
    }

    private void report(Phase phase) {
        VoteLoad.Result load = phase.load();
        double[] ms = load.ackMillis();
        say(String.format(Locale.ROOT, "Measured: %d sent, %d acknowledged (%d vote changes) in %.2f s%s",
                load.sent, load.acked(), load.changesAcked(), load.elapsedNanos / 1e9,
                load.timeCapped ? " (stopped by the time cap)" : ""));
        say(String.format(Locale.ROOT, "  %.0f votes/s; ack p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; %s",
                load.votesPerSecond(), ms[0], ms[1], ms[2], ms[3], errorsText(load)));
        phase.check().ifPresent(check -> say(String.format(Locale.ROOT,
                "  SQLite: %d acknowledged votes from %d users, %d rows for them; lost %d (2 s after the run),"
                        + " %d (after the server stopped); %d stored though not acknowledged",
                check.ackedVotes(), check.ackedUsers(), check.rowsForMeasuredUsers(), check.lost(),
                check.lostAfterStop(), check.storedThoughNotAcked())));
        Usage usage = phase.usage();
        say(String.format(Locale.ROOT, "  CPU during the run (%.1f s wall x %d cores = %.1f s): server %.1f s"
                        + " (%.0f µs/vote; %.1f s of it in the kernel), bench client + fake Slack %.1f s (%.1f s kernel),"
                        + " everything else %.1f s (interrupts %.1f s), steal %.1f s; machine busy %.0f%%",
                usage.wallSeconds(), Runtime.getRuntime().availableProcessors(),
                usage.wallSeconds() * Runtime.getRuntime().availableProcessors(), usage.serverCpuSeconds(),
                load.acked() == 0 ? 0 : usage.serverCpuSeconds() * 1e6 / load.acked(), usage.serverSystemSeconds(),
                usage.benchCpuSeconds(), usage.benchSystemSeconds(), usage.otherSeconds(), usage.interruptSeconds(),
                usage.stealSeconds(), 100 * usage.machineBusySeconds()
                        / (usage.wallSeconds() * Runtime.getRuntime().availableProcessors())));
        say("  Busiest threads during the run (CPU): " + phase.threads());
        say("  Server memory: heap " + phase.heap().orElse("n/a") + ", peak RSS "
                + phase.peakRssMb().map(mb -> mb + " MB").orElse("n/a"));
        say("  Calls to the fake Slack API during the run: " + (phase.slackCalls().isEmpty() ? "none"
                : phase.slackCalls().toString()));
        if (load.firstError != null) {
            say("  First error: " + load.firstError);
        }
        phase.profile().ifPresent(this::say);
        say("");
    }

    private void summarize(List<Phase> phases) {
        say("== Summary");
        say(String.format(Locale.ROOT, "%-10s %9s %8s %8s %8s %8s %7s %7s %10s", "server", "votes/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "errors", "lost", "cpu µs/v"));
        for (Phase phase : phases) {
            VoteLoad.Result load = phase.load();
            double[] ms = load.ackMillis();
            long errors = load.sent - load.acked();
            say(String.format(Locale.ROOT, "%-10s %9.0f %8.2f %8.2f %8.2f %8.2f %7d %7s %10.0f", phase.name(),
                    load.votesPerSecond(), ms[0], ms[1], ms[2], ms[3], errors,
                    phase.check().map(c -> Long.toString(Math.max(c.lost(), c.lostAfterStop()))).orElse("n/a"),
                    load.acked() == 0 ? 0 : phase.usage().serverCpuSeconds() * 1e6 / load.acked()));
        }
        Optional<Phase> nudge = phases.stream().filter(p -> p.name().equals("Nudge")).findFirst();
        Optional<Phase> bare = phases.stream().filter(p -> p.name().equals("Bare Bolt")).findFirst();
        if (nudge.isPresent() && bare.isPresent()) {
            double ratio = nudge.get().load().votesPerSecond() / bare.get().load().votesPerSecond();
            say(String.format(Locale.ROOT, "Nudge / bare Bolt throughput: %.2f", ratio));
        }
        if (nudge.isPresent()) {
            VoteLoad.Result load = nudge.get().load();
            double[] ms = load.ackMillis();
            long lost = nudge.get().check().map(c -> Math.max(c.lost(), c.lostAfterStop())).orElse(-1L);
            say("Targets (2-core machine):");
            say(target(load.votesPerSecond() >= 2000, String.format(Locale.ROOT, ">= 2,000 votes/s: %.0f",
                    load.votesPerSecond())));
            say(target(ms[2] < 50, String.format(Locale.ROOT, "ack p99 < 50 ms: %.2f ms", ms[2])));
            say(target(lost == 0 && load.sent == load.acked(), "0 lost: " + lost + " lost, "
                    + (load.sent - load.acked()) + " not acknowledged"));
            bare.ifPresent(b -> {
                double ratio = load.votesPerSecond() / b.load().votesPerSecond();
                say(target(ratio >= 0.5, String.format(Locale.ROOT, ">= 0.5 x bare Bolt: %.2f", ratio)));
            });
        }
        double others = phases.stream().mapToDouble(p -> p.usage().otherSeconds()).max().orElse(0);
        double wall = phases.stream().mapToDouble(p -> p.usage().wallSeconds()).max().orElse(1);
        if (others / wall > 0.1) {
            say(String.format(Locale.ROOT, "Note: other processes used up to %.0f%% of one core during a measured"
                    + " phase; numbers may be low.", 100 * others / wall));
        }
    }

    private static String target(boolean met, String text) {
        return "  [" + (met ? "MET" : "NOT MET") + "] " + text;
    }

    private static String errorsText(VoteLoad.Result result) {
        Map<String, Integer> errors = result.errors();
        return errors.isEmpty() ? "no errors" : "errors " + errors;
    }

    private void say(String line) {
        System.out.println(line);
        System.out.flush();
        report.append(line).append('\n');
    }

    private static long benchCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /** jcmd against a server (JFR start/stop). */
    static final class Jcmd {
        private Jcmd() {}

        static void run(long pid, String... command) throws IOException, InterruptedException {
            List<String> args = new ArrayList<>();
            args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
            args.add(Long.toString(pid));
            args.addAll(List.of(command));
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out);
            }
        }
    }
}
