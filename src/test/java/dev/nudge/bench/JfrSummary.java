package dev.nudge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/** A short, text-only reading of a JFR recording: where the CPU samples fall, what threads waited on, GC pauses. */
final class JfrSummary {
    private JfrSummary() {}

    /** Stack markers: share of Java CPU samples with such a frame anywhere on the stack (inclusive). */
    private static final Map<String, String> INCLUSIVE = new LinkedHashMap<>();

    static {
        INCLUSIVE.put("io.javalin.", "Javalin handler chain (the whole request)");
        INCLUSIVE.put("dev.nudge.slack.SlackEndpoint.handle", "SlackEndpoint.handle");
        INCLUSIVE.put("dev.nudge.slack.SlackSignature.", "  Nudge signature check");
        INCLUSIVE.put("com.slack.api.bolt.util.SlackRequestParser.", "  Bolt request parsing");
        INCLUSIVE.put("com.slack.api.bolt.App.run", "  Bolt App.run (middleware + listener)");
        INCLUSIVE.put("com.slack.api.bolt.middleware.builtin.RequestVerification.", "    Bolt signature middleware");
        INCLUSIVE.put("com.google.gson.", "  Gson (Bolt payload/response JSON)");
        INCLUSIVE.put("dev.nudge.slack.SlackBot.onAction", "  SlackBot.onAction");
        INCLUSIVE.put("dev.nudge.polls.PollService.onVote", "    PollService.onVote");
        INCLUSIVE.put("dev.nudge.storage.JdbcPolls.vote", "      JdbcPolls.vote (write transaction)");
        INCLUSIVE.put("dev.nudge.storage.JdbcPolls.find", "      JdbcPolls.find (poll read)");
        INCLUSIVE.put("org.sqlite.", "  sqlite-jdbc (any)");
        INCLUSIVE.put("com.zaxxer.hikari.", "  HikariCP");
        INCLUSIVE.put("dev.nudge.chat.MessageRefresher.", "MessageRefresher (chat.update)");
        INCLUSIVE.put("okhttp3.", "OkHttp (Slack Web API calls)");
        INCLUSIVE.put("org.slf4j.", "Logging");
    }

    /** Self-time groups by the top frame's package. */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("org.sqlite.", "sqlite-jdbc");
        GROUPS.put("com.zaxxer.", "HikariCP");
        GROUPS.put("com.google.gson.", "Gson");
        GROUPS.put("com.slack.api.", "Slack SDK / Bolt");
        GROUPS.put("dev.nudge.", "Nudge");
        GROUPS.put("org.eclipse.jetty.", "Jetty");
        GROUPS.put("io.javalin.", "Javalin");
        GROUPS.put("com.fasterxml.jackson.", "Jackson");
        GROUPS.put("okhttp3.", "OkHttp");
        GROUPS.put("okio.", "OkHttp");
        GROUPS.put("kotlin.", "Kotlin stdlib");
        GROUPS.put("java.", "JDK");
        GROUPS.put("javax.", "JDK");
        GROUPS.put("jdk.", "JDK");
        GROUPS.put("sun.", "JDK");
        GROUPS.put("com.sun.", "JDK");
    }

    static Optional<String> summarize(Path recording) {
        if (!Files.isRegularFile(recording)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(recording));
        } catch (IOException | RuntimeException e) {
            return Optional.of("    (could not read " + recording + ": " + e.getMessage() + ")");
        }
    }

    private static String read(Path recording) throws IOException {
        int javaSamples = 0;
        int nativeSamples = 0;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> groups = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> natives = new HashMap<>();
        Map<String, Duration> blocked = new HashMap<>();
        Map<String, Integer> blockedCount = new HashMap<>();
        long gcPauses = 0;
        Duration gcPause = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    javaSamples++;
                    String top = name(stack.getFrames().get(0));
                    self.merge(top, 1, Integer::sum);
                    groups.merge(group(top), 1, Integer::sum);
                    for (String marker : INCLUSIVE.keySet()) {
                        if (stack.getFrames().stream().anyMatch(frame -> name(frame).startsWith(marker))) {
                            inclusive.merge(marker, 1, Integer::sum);
                        }
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    String top = name(stack.getFrames().get(0));
                    if (top.startsWith("org.sqlite.")) {
                        nativeSamples++;
                        natives.merge(top, 1, Integer::sum);
                    }
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    String where = stack == null ? "?" : stack.getFrames().stream().map(JfrSummary::name)
                            .filter(name -> !name.startsWith("java.") && !name.startsWith("jdk.")
                                    && !name.startsWith("sun."))
                            .findFirst().orElse(name(stack.getFrames().get(0)));
                    String key = (type.equals("jdk.ThreadPark") ? "park " : "monitor ") + where;
                    blocked.merge(key, event.getDuration(), Duration::plus);
                    blockedCount.merge(key, 1, Integer::sum);
                }
                case "jdk.GCPhasePause" -> {
                    gcPauses++;
                    gcPause = gcPause.plus(event.getDuration());
                }
                default -> { }
            }
        }
        StringBuilder out = new StringBuilder();
        int total = Math.max(1, javaSamples);
        out.append(String.format(Locale.ROOT, "    %d Java CPU samples. Self time by package:%n", javaSamples));
        top(groups, 12).forEach(e -> out.append(String.format(Locale.ROOT, "      %5.1f%%  %s%n",
                100.0 * e.getValue() / total, e.getKey())));
        out.append("    Hottest methods (self):\n");
        top(self, 12).forEach(e -> out.append(String.format(Locale.ROOT, "      %5.1f%%  %s%n",
                100.0 * e.getValue() / total, e.getKey())));
        out.append("    Share of CPU samples with this on the stack (inclusive):\n");
        for (Map.Entry<String, String> marker : INCLUSIVE.entrySet()) {
            int count = inclusive.getOrDefault(marker.getKey(), 0);
            if (count > 0) {
                out.append(String.format(Locale.ROOT, "      %5.1f%%  %s%n", 100.0 * count / total, marker.getValue()));
            }
        }
        if (nativeSamples > 0) {
            out.append(String.format(Locale.ROOT, "    Threads sampled inside SQLite native code: %d samples%n",
                    nativeSamples));
            top(natives, 5).forEach(e -> out.append(String.format(Locale.ROOT, "      %6d  %s%n", e.getValue(),
                    e.getKey())));
        }
        if (!blocked.isEmpty()) {
            out.append("    Longest waits (parks and monitor waits over the JFR threshold, 10 ms in the profile settings), total:\n");
            blocked.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(6)
                    .forEach(e -> out.append(String.format(Locale.ROOT, "      %8d ms in %5d waits  %s%n",
                            e.getValue().toMillis(), blockedCount.get(e.getKey()), e.getKey())));
        }
        out.append(String.format(Locale.ROOT, "    GC: %d pauses, %d ms in total%n", gcPauses, gcPause.toMillis()));
        out.append("    Recording: ").append(recording);
        return out.toString();
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit).toList();
    }

    private static String group(String frame) {
        for (Map.Entry<String, String> group : GROUPS.entrySet()) {
            if (frame.startsWith(group.getKey())) {
                return group.getValue();
            }
        }
        return "other";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod() == null ? "?" : frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
