package dev.nudge.schedules;

import dev.nudge.chat.ConversationRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spaces scheduled posts to honour the platforms' limits: at most one post per channel per channel interval (Slack
 * asks for one a second) and a steady rate per workspace. Each job reserves the earliest slot both allow and runs
 * then, so thousands of posts due in the same minute go out as fast as the limits permit and no faster.
 */
public final class DeliveryQueue {
    private final ScheduledExecutorService scheduler;
    private final Executor workers;
    private final long workspaceIntervalNanos;
    private final Map<String, Long> channelNext = new HashMap<>();
    private final Map<String, Long> workspaceNext = new HashMap<>();

    public DeliveryQueue(ScheduledExecutorService scheduler, Executor workers, int workspacePostsPerMinute) {
        if (workspacePostsPerMinute < 1) {
            throw new IllegalArgumentException("workspace rate must be at least one post a minute");
        }
        this.scheduler = scheduler;
        this.workers = workers;
        this.workspaceIntervalNanos = TimeUnit.MINUTES.toNanos(1) / workspacePostsPerMinute;
    }

    /** Runs {@code job} no earlier than {@code delay} from now, in the next free slot for its channel and workspace. */
    public void submit(ConversationRef where, Duration channelInterval, Duration delay, Runnable job) {
        long now = System.nanoTime();
        long start;
        synchronized (this) {
            String workspace = where.platform().id() + "/" + where.workspaceId();
            String channel = workspace + "/" + where.channelId();
            start = Math.max(now + delay.toNanos(), Math.max(channelNext.getOrDefault(channel, now),
                    workspaceNext.getOrDefault(workspace, now)));
            channelNext.put(channel, start + channelInterval.toNanos());
            workspaceNext.put(workspace, start + workspaceIntervalNanos);
            forgetPast(now);
        }
        scheduler.schedule(() -> workers.execute(job), start - now, TimeUnit.NANOSECONDS);
    }

    /** Keeps the maps small: slots already in the past constrain nothing. */
    private void forgetPast(long now) {
        if (channelNext.size() > 10_000) {
            channelNext.values().removeIf(next -> next < now);
            workspaceNext.values().removeIf(next -> next < now);
        }
    }
}
