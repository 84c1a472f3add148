package dev.nudge.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server under test in its own JVM on 127.0.0.1: started, waited for on /health, measured, stopped. */
final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code java <jvmOptions> <launch...>} in {@code workDir} with the given environment on top of ours
     * (Slack and Nudge settings of the caller's shell are removed first), output to {@code log}.
     */
    static ServerProcess start(String name, List<String> jvmOptions, List<String> launch, Path workDir,
                               Map<String, String> env, int port, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("NUDGE_") || key.startsWith("SLACK_")
                || key.startsWith("BENCH_") || key.equals("JAVA_TOOL_OPTIONS") || key.equals("_JAVA_OPTIONS"));
        builder.environment().putAll(env);
        ServerProcess server = new ServerProcess(name, builder.start(), log, port);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    private void awaitHealthy(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was healthy."
                        + " Last lines of " + log + ":\n" + tail(30));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException(name + " did not answer GET /health with 200 within " + limit.toSeconds()
                + " s. Last lines of " + log + ":\n" + tail(30));
    }

    /** CPU time (user + system) the server process has used so far, or -1 when the OS does not say. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** User and system CPU ticks (1/100 s) of the process from /proc, or null off Linux. */
    long[] userSystemTicks() {
        return Machine.userSystemTicks(process.pid());
    }

    /** Peak resident memory of the process (VmHWM), in MB, when /proc says. */
    Optional<Long> peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or gone
        }
        return Optional.empty();
    }

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    /** Java heap in use and committed ("used/committed MB"), from {@code jcmd <pid> GC.heap_info}, when available. */
    Optional<String> heap() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        try {
            Process info = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            byte[] out = info.getInputStream().readAllBytes();
            if (!info.waitFor(20, TimeUnit.SECONDS)) {
                info.destroyForcibly();
                return Optional.empty();
            }
            Matcher matcher = HEAP.matcher(new String(out, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return Optional.of(Long.parseLong(matcher.group(2)) / 1024 + " MB used of "
                        + Long.parseLong(matcher.group(1)) / 1024 + " MB committed");
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (the server's shutdown hook runs), then wait; force only if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println(name + " did not stop within 30 s of SIGTERM; killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
