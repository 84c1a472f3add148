package dev.nudge.bench;

import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scheduled delivery at scale: 10,000 schedules across 2,000 channels (200 workspaces of 10 channels) all due in the
 * same minute, sent by a real Nudge server (a separate JVM running target/nudge.jar) to a local fake Slack. Prints
 * the time to dispatch all, Nudge's CPU per delivery, its peak heap, and the floor that the rate limits Nudge honours
 * (one post a second per channel, NUDGE_WORKSPACE_POSTS_PER_MINUTE per workspace) put on the dispatch time.
 *
 * <p>Run by scripts/bench; flags: --schedules N --channels N --workspaces N --rate N (posts per minute per workspace).
 */
public final class ScheduleBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> flags = Flags.parse(args);
        int schedules = Integer.parseInt(flags.getOrDefault("schedules", "10000"));
        int channels = Integer.parseInt(flags.getOrDefault("channels", "2000"));
        int workspaces = Integer.parseInt(flags.getOrDefault("workspaces", "200"));
        int ratePerMinute = Integer.parseInt(flags.getOrDefault("rate", "300"));
        int warmup = Integer.parseInt(flags.getOrDefault("warmup", "3000"));
        // The heap target is checked by giving the server no more than that: it must finish within -Xmx256m.
        List<String> serverOptions = List.of(flags.getOrDefault("server-opts", "-Xmx256m").trim().split("\\s+"));
        Path dir = Files.createTempDirectory("nudge-schedule-bench");
        Path db = dir.resolve("nudge.db");

        try (FakeSlack slack = new FakeSlack()) {
            int port = freePort();
            Map<String, String> env = Map.of("NUDGE_PORT", Integer.toString(port), "NUDGE_HOST", "127.0.0.1",
                    "NUDGE_DB", db.toString(), "SLACK_SIGNING_SECRET", SlackClient.SECRET, "SLACK_BOT_TOKEN", "xoxb-bench",
                    "SLACK_API_URL", slack.apiUrl(), "NUDGE_WORKSPACE_POSTS_PER_MINUTE", Integer.toString(ratePerMinute),
                    "NUDGE_TIME_ZONE", "UTC");
            // First start creates the schema; then the schedules are written straight into the table, as if set
            // earlier, and the second start arms them all from the database.
            Process first = Server.start(env, serverOptions, dir.resolve("server-1.log"));
            Server.awaitHealth(port, first);
            Server.stop(first);

            Instant warmupDue = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            if (Duration.between(Instant.now(), warmupDue).toSeconds() < 40) {
                warmupDue = warmupDue.plus(Duration.ofMinutes(1));
            }
            // A running server has compiled its hot paths long before; a first wave in another set of channels one
            // minute earlier warms the JIT so the measured wave shows the steady cost per delivery.
            Instant due = warmup > 0 ? warmupDue.plus(Duration.ofMinutes(1)) : warmupDue;
            if (warmup > 0) {
                insertSchedules(db, warmup, Math.min(warmup, channels), workspaces, warmupDue, "W");
            }
            insertSchedules(db, schedules, channels, workspaces, due, "C");
            System.out.printf("Inserted %,d schedules in %,d channels (%d workspaces), all due at %s, after a warm-up"
                    + " wave of %,d at %s%n", schedules, channels, workspaces, due, warmup, warmupDue);

            Process server = Server.start(env, serverOptions, dir.resolve("server-2.log"));
            Server.awaitHealth(port, server);
            long pid = server.pid();
            HeapSampler heap = new HeapSampler(pid);
            heap.start();
            if (warmup > 0) {
                System.out.println("Warm-up wave due at " + warmupDue + " ...");
            }
            while (Instant.now().isBefore(due.minusMillis(500))) {
                Thread.sleep(100);
            }
            long cpuBefore = Server.cpuMillis(pid);
            Instant start = Instant.now();
            Instant deadline = due.plus(Duration.ofMinutes(10));
            int delivered = 0;
            while (Instant.now().isBefore(deadline)) {
                delivered = (int) slack.calls("chat.postMessage").stream()
                        .filter(call -> call.params().get("channel").startsWith("C")).count();
                if (delivered >= schedules) {
                    break;
                }
                Thread.sleep(50);
            }
            Instant end = Instant.now();
            long cpuAfter = Server.cpuMillis(pid);
            heap.stopSampling();
            double seconds = Duration.between(due, end).toMillis() / 1000.0;

            int perChannel = (int) Math.ceil((double) schedules / channels);
            int perWorkspace = (int) Math.ceil((double) schedules / workspaces);
            double channelFloor = (perChannel - 1) * 1.0;
            double workspaceFloor = (perWorkspace - 1) * 60.0 / ratePerMinute;
            double floor = Math.max(channelFloor, workspaceFloor);
            Set<String> keys = new HashSet<>();
            slack.calls("chat.postMessage").stream().filter(call -> call.params().get("channel").startsWith("C"))
                    .forEach(call -> keys.add(call.params().get("metadata")));
            Thread.sleep(1000);
            Map<String, Long> statuses = statuses(db);
            Server.stop(server);

            System.out.println();
            System.out.println("Schedule dispatch (" + Machine.describe() + ")");
            System.out.printf("  delivered            %,d of %,d (distinct delivery tags: %,d)%n", delivered, schedules, keys.size());
            System.out.printf("  occurrences          %s%n", statuses);
            System.out.printf("  time to dispatch all %.1f s after the due minute (first check at %s)%n", seconds, start);
            System.out.printf("  rate-limit floor     %.1f s (per channel: %d posts at 1/s = %.1f s; per workspace: %d posts at %d/min = %.1f s)%n",
                    floor, perChannel, channelFloor, perWorkspace, ratePerMinute, workspaceFloor);
            System.out.printf("  Nudge CPU            %,d ms in all, %.3f ms per delivery%n", cpuAfter - cpuBefore,
                    (double) (cpuAfter - cpuBefore) / Math.max(1, delivered));
            System.out.printf("  Nudge peak heap used %,d MB (sampled with jcmd GC.heap_info; server options %s)%n",
                    heap.peakMegabytes(), String.join(" ", serverOptions));
            System.out.printf("  server log           %s%n", dir.resolve("server-2.log"));
        }
    }

    private static void insertSchedules(Path db, int schedules, int channels, int workspaces, Instant due,
                                        String channelPrefix) throws Exception {
        LocalTime time = LocalTime.ofInstant(due, ZoneOffset.UTC);
        long checkpoint = Instant.now().toEpochMilli();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schedules (platform, workspace_id,"
                    + " channel_id, frequency, days, local_time, time_zone, anchor_date, include_weekends, calendar, action,"
                    + " principle, poll_open_minutes, remind_after_minutes, state, created_by, created_at, checkpoint_at)"
                    + " VALUES ('slack', ?, ?, 'daily', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY', ?, 'UTC',"
                    + " '2026-01-05', 1, 'none', 'prompt', NULL, 1440, NULL, 'active', 'bench', ?, ?)")) {
                for (int i = 0; i < schedules; i++) {
                    int channel = i % channels;
                    insert.setString(1, "T" + (channel % workspaces));
                    insert.setString(2, channelPrefix + channel);
                    insert.setString(3, time.toString());
                    insert.setLong(4, checkpoint);
                    insert.setLong(5, checkpoint);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static Map<String, Long> statuses(Path db) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT status, count(*) FROM schedule_occurrences GROUP BY status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Samples the server's used heap with jcmd (from the same JDK) about twice a second. */
    static final class HeapSampler extends Thread {
        private final long pid;
        private final AtomicLong peakKilobytes = new AtomicLong();
        private volatile boolean running = true;

        HeapSampler(long pid) {
            super("heap-sampler");
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            while (running) {
                try {
                    Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                            .redirectErrorStream(true).start();
                    String out = new String(process.getInputStream().readAllBytes());
                    process.waitFor();
                    java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
                    if (used.find()) {
                        long kilobytes = Long.parseLong(used.group(1));
                        peakKilobytes.accumulateAndGet(kilobytes, Math::max);
                    }
                    Thread.sleep(500);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        long peakMegabytes() {
            return peakKilobytes.get() / 1024;
        }
    }

    /** The Nudge server as a separate process. */
    static final class Server {
        static Process start(Map<String, String> env, List<String> options, Path log) throws IOException {
            List<String> command = new java.util.ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options.stream().filter(option -> !option.isBlank()).toList());
            command.add("-jar");
            command.add("target/nudge.jar");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return builder.start();
        }

        static void awaitHealth(int port, Process process) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 600; i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Nudge exited during start-up, see its log");
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("Nudge did not become healthy within 60 s");
        }

        static void stop(Process process) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        /** User plus system CPU of a process, from /proc (Linux). */
        static long cpuMillis(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10;
        }
    }

    /** --name value flags. */
    static final class Flags {
        static Map<String, String> parse(String[] args) {
            Map<String, String> flags = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --flag value, got " + args[i]);
                }
                flags.put(args[i].substring(2), args[i + 1]);
            }
            return flags;
        }
    }

    /** One line about the machine, for the results. */
    static final class Machine {
        static String describe() {
            String cpu = "unknown CPU";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse(cpu);
            } catch (IOException ignored) {
                // not Linux
            }
            long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize() / (1024 * 1024 * 1024);
            return Runtime.getRuntime().availableProcessors() + " cores, " + memory + " GiB, " + cpu + ", Java "
                    + System.getProperty("java.version");
        }
    }

    private ScheduleBench() {}

}
