package dev.nudge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Linux {@code perf record} on a server process during the measured phase: unlike JFR it also sees time in native
 * code (SQLite), the JIT compiler, GC and the kernel. Java frames get names from the perf map the server writes at
 * exit ({@code -XX:+DumpPerfMapAtExit}), so the report is read after the server has stopped.
 */
final class PerfProfile {
    static final List<String> JVM_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DumpPerfMapAtExit",
            "-XX:+PreserveFramePointer");

    private final Process perf;
    private final Path data;

    private PerfProfile(Process perf, Path data) {
        this.perf = perf;
        this.data = data;
    }

    static PerfProfile start(long pid, Path data, Path log) throws IOException {
        Process perf = new ProcessBuilder("perf", "record", "-g", "-F", "499", "-p", Long.toString(pid), "-o",
                data.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PerfProfile(perf, data);
    }

    /** Stops recording (perf writes its file on SIGTERM). */
    void stop() throws InterruptedException {
        perf.destroy();
        if (!perf.waitFor(30, TimeUnit.SECONDS)) {
            perf.destroyForcibly();
        }
    }

    /** Where the server's CPU went: by thread group, then request-thread time by component; after the server exited. */
    String report() {
        return report(data);
    }

    /** Components of a request, checked in this order against every frame of a sample's stack. */
    private static final List<Map.Entry<String, List<String>>> COMPONENTS = List.of(
            Map.entry("Bolt request parsing (SlackRequestParser; a new Gson per block_actions payload)",
                    List.of("com.google.gson.", "com.slack.api.bolt.util.SlackRequestParser.",
                            "com.slack.api.bolt.request.builtin.")),
            Map.entry("SQLite: sqlite-jdbc, native library, HikariCP, Nudge storage code",
                    List.of("org.sqlite.", "com.zaxxer.hikari.", "dev.nudge.storage.", "sqlite3_", "libsqlitejdbc")),
            Map.entry("signature checks (Nudge's SlackSignature, Bolt's middleware)",
                    List.of("dev.nudge.slack.SlackSignature.", "com.slack.api.bolt.middleware.builtin.RequestVerification.",
                            "com.slack.api.app_backend.SlackSignature")),
            Map.entry("Nudge feature code (SlackBot, Interactions, PollService, refresher)",
                    List.of("dev.nudge.slack.SlackBot.", "dev.nudge.chat.", "dev.nudge.polls.", "dev.nudge.prompts.")),
            Map.entry("Bolt App.run (middleware chain, listener lookup, ack)", List.of("com.slack.api.")));

    /** The same report for an existing recording. */
    static String report(Path data) {
        Map<String, Integer> threads = new LinkedHashMap<>();
        Map<String, Integer> parts = new LinkedHashMap<>();
        Map<String, Integer> self = new LinkedHashMap<>();
        int samples = 0;
        List<String> script = lines(List.of("perf", "script", "-i", data.toString(), "-F", "comm,tid,ip,sym,dso"),
                Integer.MAX_VALUE);
        String thread = null;
        List<String> frames = new ArrayList<>();
        script.add("");
        for (String line : script) {
            if (line.isBlank()) {
                if (thread != null) {
                    samples++;
                    String group = threadGroup(thread);
                    threads.merge(group, 1, Integer::sum);
                    if (group.equals(REQUEST_THREADS)) {
                        parts.merge(component(frames), 1, Integer::sum);
                    }
                    if (!frames.isEmpty()) {
                        self.merge(clip(frames.get(0)), 1, Integer::sum);
                    }
                }
                thread = null;
                frames.clear();
            } else if (!Character.isWhitespace(line.charAt(0))) {
                thread = line.trim().replaceFirst("\\s+\\d+$", "");
            } else {
                frames.add(frameName(line.trim()));
            }
        }
        if (samples == 0) {
            return "    (perf recorded nothing readable; see " + data + ")";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "    %d samples of server CPU. By thread:%n", samples));
        int total = samples;
        sorted(threads).forEach(e -> out.append(String.format(Locale.ROOT, "      %5.1f%%  %s%n",
                100.0 * e.getValue() / total, e.getKey())));
        out.append("    Request threads, by what is on the stack (% of all server CPU samples):\n");
        sorted(parts).forEach(e -> out.append(String.format(Locale.ROOT, "      %5.1f%%  %s%n",
                100.0 * e.getValue() / total, e.getKey())));
        out.append("    Hottest functions (self):\n");
        sorted(self).stream().limit(10).forEach(e -> out.append(String.format(Locale.ROOT, "      %5.1f%%  %s%n",
                100.0 * e.getValue() / total, e.getKey())));
        out.append("    Recording: ").append(data).append(" (perf report -i <file> --sort comm,dso,sym)");
        return out.toString();
    }

    /** "7fc9b5eb809c void a.b.C.m(args) (/tmp/perf-1.map)" to "void a.b.C.m(args)". */
    private static String frameName(String frame) {
        String withoutAddress = frame.replaceFirst("^[0-9a-f]+\\s+", "");
        int dso = withoutAddress.lastIndexOf(" (");
        String name = dso > 0 ? withoutAddress.substring(0, dso) : withoutAddress;
        String library = dso > 0 ? withoutAddress.substring(dso) : "";
        return name.equals("[unknown]") || name.isEmpty() ? "[unknown]" + library
                : library.contains("libsqlitejdbc") ? name + " libsqlitejdbc" : name;
    }

    private static String clip(String frame) {
        String name = frame.replaceFirst("^[\\w.$<>\\[\\]]+ (?=[\\w.$]+\\()", "");
        return name.length() > 110 ? name.substring(0, 110) + "..." : name;
    }

    private static final String REQUEST_THREADS = "request threads (Jetty pool)";

    private static String threadGroup(String comm) {
        if (comm.startsWith("JettyServerThre") || comm.startsWith("qtp")) {
            return REQUEST_THREADS;
        }
        if (comm.startsWith("C2 Compiler") || comm.startsWith("C1 Compiler")) {
            return "JIT compiler threads";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
            return "GC and VM thread";
        }
        return "other threads: " + comm.replaceAll("[-#_ ]?[0-9]+$", "");
    }

    private static String component(List<String> frames) {
        for (Map.Entry<String, List<String>> component : COMPONENTS) {
            for (String frame : frames) {
                for (String marker : component.getValue()) {
                    if (frame.contains(marker)) {
                        return component.getKey();
                    }
                }
            }
        }
        return "the rest: Jetty and Javalin (HTTP parsing, socket I/O, thread hand-offs), kernel, JVM";
    }

    private static <K> List<Map.Entry<K, Integer>> sorted(Map<K, Integer> values) {
        return values.entrySet().stream().sorted(Map.Entry.<K, Integer>comparingByValue().reversed()).toList();
    }

    private static List<String> lines(List<String> command, int limit) {
        List<String> lines = new ArrayList<>();
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            text.lines().filter(line -> !line.startsWith("#")).limit(limit).forEach(lines::add);
        } catch (IOException e) {
            lines.add("(perf report failed: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines;
    }
}
