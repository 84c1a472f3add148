package dev.nudge.bench;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.principles.PackCatalog;
import dev.nudge.principles.PackLoader;
import dev.nudge.reports.ReportRange;
import dev.nudge.reports.ReportService;
import dev.nudge.storage.Database;
import dev.nudge.storage.JdbcChannels;
import dev.nudge.storage.JdbcReports;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Report speed on a big history: seeds 1,000,000 prompt answers (plus polls, retros and notes) across 500 channels
 * and 3 years into a real SQLite file migrated by Flyway, then times the channel report (12 weeks), the trend (12
 * weeks and a year) and the heatmap (this quarter) through the real ReportService and JdbcReports: warm-up first,
 * then many runs on random channels; prints p50, p95 and max.
 *
 * <p>Run by {@code scripts/bench reports}; flags: --answers N --channels N --weeks N --runs N --db PATH (reuse a
 * seeded file).
 */
public final class ReportBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> flags = ScheduleBench.Flags.parse(args);
        long answers = Long.parseLong(flags.getOrDefault("answers", "1000000"));
        int channels = Integer.parseInt(flags.getOrDefault("channels", "500"));
        int weeks = Integer.parseInt(flags.getOrDefault("weeks", "157"));
        int runs = Integer.parseInt(flags.getOrDefault("runs", "200"));
        ZoneId zone = ZoneId.of("Europe/London");
        Clock clock = Clock.system(zone);
        Path db = flags.containsKey("db") ? Path.of(flags.get("db"))
                : Files.createTempDirectory("nudge-report-bench").resolve("nudge.db");
        boolean seed = !Files.exists(db);

        System.out.println("Machine: " + Machine.describe());
        try (Database database = Database.open(db)) {
            // Opening ran the real migrations; the history goes in beside the pool, in one transaction.
        }
        if (seed) {
            long started = System.nanoTime();
            ReportSeeder.Seeded seeded = new ReportSeeder().seed(db, channels, weeks, answers, Instant.now());
            System.out.printf(Locale.ROOT, "Seeded in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, seeded);
        } else {
            System.out.println("Reusing " + db);
        }
        System.out.printf(Locale.ROOT, "Database: %s, %.0f MB%n", db, Files.size(db) / 1e6);

        try (Database database = Database.open(db)) {
            PackCatalog catalog = new PackCatalog(new PackLoader().load(Path.of("config/principles")), "nhs");
            ReportService reports = new ReportService(new JdbcReports(database),
                    new ChannelPacks(catalog, new JdbcChannels(database), clock), 3, clock, zone);
            ReportRange twelveWeeks = ReportRange.parse("12w", clock, zone);
            ReportRange year = ReportRange.lastWeeks(52, clock, zone);
            ReportRange quarter = ReportRange.parse("quarter", clock, zone);
            Random random = new Random(7);
            List<ConversationRef> refs = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                refs.add(new ConversationRef(Platform.SLACK, ReportSeeder.workspace(c), ReportSeeder.channelId(c)));
            }
            ConversationRef sample = refs.get(0);
            System.out.println("Sample 12-week report, " + sample.channelId() + ": "
                    + reports.channelReport(sample, twelveWeeks).principles().get(0));
            System.out.println("Heatmap rows (" + quarter.dates() + "): "
                    + reports.heatmap("nhs", quarter).rows().size());

            List<String> results = new ArrayList<>();
            results.add(time("channel report, 12w", runs, i -> reports.channelReport(refs.get(random.nextInt(refs.size())),
                    twelveWeeks)));
            results.add(time("trend, 12w", runs, i -> reports.trend(refs.get(random.nextInt(refs.size())), twelveWeeks)));
            results.add(time("trend, 52w", runs, i -> reports.trend(refs.get(random.nextInt(refs.size())), year)));
            results.add(time("heatmap, quarter (" + quarter.days() + " days)", Math.max(20, runs / 4),
                    i -> reports.heatmap("nhs", quarter)));
            results.add(time("participation of every team, 4w", Math.max(20, runs / 4),
                    i -> reports.participationByTeam(ReportRange.parse("4w", clock, zone))));
            results.add(time("heatmap, 12w", Math.max(20, runs / 4), i -> reports.heatmap("nhs", twelveWeeks)));
            results.addAll(pages(db, refs, random, runs));
            System.out.println();
            System.out.println("Load average after: " + Machine.loadAverage());
            System.out.println("| operation | runs | p50 | p95 | max | CPU p50 | CPU p95 |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            results.forEach(System.out::println);
        }
    }

    /**
     * The pages as a lead sees them: a real Nudge server on the seeded file (Slack off, admin token on), signed in
     * over loopback HTTP, timing whole GETs (query, SVG charts, template, transfer). CPU columns are left empty here:
     * the work runs on the server's threads, not this one.
     */
    private static List<String> pages(Path db, List<ConversationRef> refs, Random random, int runs) throws Exception {
        String token = "bench-admin-token-0123456789";
        dev.nudge.config.NudgeConfig config = new dev.nudge.config.NudgeConfig("127.0.0.1", 0, db,
                java.util.Optional.of(token), ZoneId.of("Europe/London"), "nhs", Path.of("config/principles"),
                java.util.Optional.of("bench-voter-key-0123456789"), List.of(),
                new dev.nudge.config.NudgeConfig.Slack(java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.net.URI.create("http://127.0.0.1:9/api/")),
                dev.nudge.config.NudgeConfig.Schedules.defaults());
        List<String> lines = new ArrayList<>();
        try (dev.nudge.Nudge nudge = dev.nudge.Nudge.start(config, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + nudge.port();
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow(() ->
                    new IllegalStateException("sign-in failed: " + login.statusCode())).split(";", 2)[0];
            java.util.function.Function<String, Integer> get = path -> {
                try {
                    var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                            .header("Cookie", cookie).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    return response.body().length();
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(path + ": " + e.getMessage(), e);
                }
            };
            System.out.println("Team page bytes: " + get.apply(teamPage(refs.get(0))));
            lines.add(time("page: team report with trend charts, 12w (HTTP)", runs,
                    i -> get.apply(teamPage(refs.get(random.nextInt(refs.size()))))));
            lines.add(time("page: heatmap, quarter, 500 teams (HTTP)", Math.max(20, runs / 4),
                    i -> get.apply("/admin/heatmap?range=quarter")));
            lines.add(time("page: teams list, 500 teams (HTTP)", Math.max(20, runs / 4),
                    i -> get.apply("/admin/reports")));
        }
        return lines;
    }

    private static String teamPage(ConversationRef ref) {
        String joined = ref.platform().id() + "\n" + ref.workspaceId() + "\n" + ref.channelId();
        return "/admin/reports/" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?range=12w";
    }

    /**
     * Warms up with a fifth of the runs (at least 10), then times each run: wall time, and the CPU time of this
     * thread (SQLite runs in it, through JNI), which other processes on a shared machine do not inflate.
     */
    private static String time(String name, int runs, IntConsumer work) {
        for (int i = 0; i < Math.max(10, runs / 5); i++) {
            work.accept(i);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.accept(i);
            millis.add((System.nanoTime() - start) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        }
        Collections.sort(millis);
        Collections.sort(cpu);
        String line = String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", name,
                runs, percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1),
                percentile(cpu, 50), percentile(cpu, 95));
        System.out.println(line);
        return line;
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
