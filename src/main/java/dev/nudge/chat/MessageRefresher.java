package dev.nudge.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces updates of one message: however many votes arrive, the message is re-sent at most once per interval,
 * and the last send always happens after the last request, so it ends on the true final state. The sender reads
 * the current state when it runs, so a skipped request loses nothing. (Slack's chat.update allows about 50 calls a
 * minute per workspace.)
 */
public final class MessageRefresher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MessageRefresher.class);

    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        Runnable sender;
        boolean scheduled;
        boolean forgotten;
        long lastSentNanos = System.nanoTime() - Long.MAX_VALUE / 4;
    }

    public MessageRefresher(ScheduledExecutorService scheduler, Duration interval) {
        this.scheduler = scheduler;
        this.intervalNanos = interval.toNanos();
    }

    /** Asks for the message under {@code key} to be re-sent by {@code sender} soon. */
    public void request(String key, Runnable sender) {
        while (true) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            synchronized (slot) {
                if (slot.forgotten) {
                    continue;
                }
                schedule(key, slot, sender);
                return;
            }
        }
    }

    /** Called holding the slot's lock. */
    private void schedule(String key, Slot slot, Runnable sender) {
        slot.sender = sender;
        if (slot.scheduled) {
            return;
        }
        slot.scheduled = true;
        long wait = Math.max(0, slot.lastSentNanos + intervalNanos - System.nanoTime());
        scheduler.schedule(() -> send(key, slot), wait, TimeUnit.NANOSECONDS);
    }

    private void send(String key, Slot slot) {
        Runnable sender;
        synchronized (slot) {
            sender = slot.sender;
            slot.scheduled = false;
            slot.lastSentNanos = System.nanoTime();
        }
        try {
            sender.run();
        } catch (RuntimeException e) {
            log.warn("Could not update message {}: {}", key, e.getMessage());
        }
        scheduler.schedule(() -> forgetIfIdle(key, slot), intervalNanos, TimeUnit.NANOSECONDS);
    }

    private void forgetIfIdle(String key, Slot slot) {
        synchronized (slot) {
            if (!slot.scheduled && System.nanoTime() - slot.lastSentNanos >= intervalNanos) {
                slot.forgotten = true;
                slots.remove(key, slot);
            }
        }
    }

    /** Sends whatever is pending now (at shutdown), so the last state is not lost. */
    @Override
    public void close() {
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            Runnable sender = null;
            synchronized (entry.getValue()) {
                if (entry.getValue().scheduled) {
                    sender = entry.getValue().sender;
                    entry.getValue().scheduled = false;
                }
            }
            if (sender != null) {
                try {
                    sender.run();
                } catch (RuntimeException e) {
                    log.warn("Could not update message {} at shutdown: {}", entry.getKey(), e.getMessage());
                }
            }
        }
    }
}
