package dev.nudge.teams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each conversation under Teams' per-bot, per-thread limits for sending: 7 in any second, 8 in any two
 * seconds, 60 in any 30 seconds. A send that would break a limit waits until it would not; sends to one
 * conversation go one at a time. Other conversations are not held up. Each window is counted 100 ms longer than
 * Teams' own, so network jitter cannot bunch sends up on arrival.
 */
public final class SendLimiter {
    /** A limit: at most {@code count} sends in any {@code window}. */
    public record Limit(int count, Duration window) {}

    public static final java.util.List<Limit> TEAMS_LIMITS = java.util.List.of(
            new Limit(7, Duration.ofSeconds(1)), new Limit(8, Duration.ofSeconds(2)), new Limit(60, Duration.ofSeconds(30)));

    static final Duration MARGIN = Duration.ofMillis(100);
    private final java.util.List<Limit> limits;
    private final long longestWindow;
    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();

    public SendLimiter(java.util.List<Limit> limits) {
        this.limits = java.util.List.copyOf(limits);
        this.longestWindow = limits.stream().mapToLong(limit -> limit.window().plus(MARGIN).toNanos()).max().orElse(0);
    }

    /** Waits until one more send to {@code conversation} keeps within every limit, then counts it. */
    public void acquire(String conversation) throws InterruptedException {
        if (sent.size() > 10_000) {
            forgetIdle();
        }
        Deque<Long> times = sent.computeIfAbsent(conversation, key -> new ArrayDeque<>());
        synchronized (times) {
            while (true) {
                long now = System.nanoTime();
                while (!times.isEmpty() && now - times.peekFirst() >= longestWindow) {
                    times.removeFirst();
                }
                long wait = 0;
                for (Limit limit : limits) {
                    wait = Math.max(wait, waitFor(times, limit, now));
                }
                if (wait <= 0) {
                    times.addLast(now);
                    return;
                }
                times.wait(Math.max(1, wait / 1_000_000), 0);
            }
        }
    }

    private void forgetIdle() {
        long now = System.nanoTime();
        sent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                Long last = entry.getValue().peekLast();
                return last == null || now - last >= longestWindow;
            }
        });
    }

    /** How long until a send is allowed under one limit: until the count-th most recent send leaves the window. */
    private static long waitFor(Deque<Long> times, Limit limit, long now) {
        if (times.size() < limit.count()) {
            return 0;
        }
        int skip = times.size() - limit.count();
        long oldestInWindow = times.stream().skip(skip).findFirst().orElseThrow();
        return oldestInWindow + limit.window().toNanos() + MARGIN.toNanos() - now;
    }
}
