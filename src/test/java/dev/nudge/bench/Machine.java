package dev.nudge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the benchmark ran on, from /proc and the JDK (Linux; elsewhere the parts that are unknown say so). */
final class Machine {
    /** USER_HZ: /proc/stat counts in 1/100 s on every Linux the JDK supports. */
    static final int CLOCK_TICKS = 100;

    private Machine() {}

    static String describe() {
        return cpus() + " CPUs (" + cpuModel() + "), " + memory() + " RAM, " + javaVersion() + ", load average "
                + loadAverage();
    }

    static String cpus() {
        return run(List.of("nproc")).orElse(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "CPU model unknown";
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    /** The first line of {@code java -version} of the JVM that runs the servers (the same as this one). */
    static String javaVersion() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return run(List.of(java, "-version")).map(out -> out.lines().limit(1).findFirst().orElse(out))
                .orElse("java " + System.getProperty("java.version"));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Busy, total, interrupt (irq + softirq) and steal CPU time of the whole machine so far, in clock ticks, or null off Linux. */
    static long[] cpuJiffies() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] parts = first.trim().split("\\s+");
            long total = 0;
            long idle = 0;
            long irq = 0;
            long steal = 0;
            // cpu user nice system idle iowait irq softirq steal (guest counts are already in user)
            for (int i = 1; i < Math.min(parts.length, 9); i++) {
                long value = Long.parseLong(parts[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                } else if (i == 6 || i == 7) {
                    irq += value;
                } else if (i == 8) {
                    steal += value;
                }
            }
            return new long[] {total - idle, total, irq, steal};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** User and system CPU ticks of a process (utime, stime in /proc/PID/stat), or null off Linux. */
    static long[] userSystemTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * CPU ticks (user + system) per thread group of a process: thread names with their numbers dropped, so
     * "C2 CompilerThread0" and "C2 CompilerThread1" add up. Threads that ended are not counted. Empty off Linux.
     */
    static java.util.Map<String, Long> threadTicks(long pid) {
        java.util.Map<String, Long> groups = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[-#_ ]?[0-9]+$", "");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    groups.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Map.of();
        }
        return groups;
    }

    /** The busiest thread groups between two {@link #threadTicks} snapshots, as "name 1.2 s, ...". */
    static String busiestThreads(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int limit) {
        java.util.Map<String, Long> delta = new java.util.HashMap<>();
        after.forEach((name, ticks) -> delta.put(name, ticks - before.getOrDefault(name, 0L)));
        return delta.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f s", e.getKey(),
                        e.getValue() / (double) CLOCK_TICKS))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static java.util.Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return java.util.Optional.empty();
            }
            return process.exitValue() == 0 && !out.isEmpty() ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
