package dev.nudge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageRefresherTest {
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void fifty_rapid_requests_for_one_message_give_a_few_sends_and_the_last_shows_the_final_state()
            throws InterruptedException {
        MessageRefresher refresher = new MessageRefresher(scheduler, Duration.ofMillis(200));
        AtomicInteger votes = new AtomicInteger();
        List<Integer> sent = new CopyOnWriteArrayList<>();
        Runnable sender = () -> sent.add(votes.get());

        for (int i = 1; i <= 50; i++) {
            votes.set(i);
            refresher.request("poll:1", sender);
        }
        waitUntil(() -> !sent.isEmpty() && sent.get(sent.size() - 1) == 50, Duration.ofSeconds(2));
        Thread.sleep(450); // more than two intervals: any further send would have happened by now

        assertThat(sent).hasSizeBetween(1, 3);
        assertThat(sent.get(sent.size() - 1)).isEqualTo(50);
    }

    @Test
    void a_first_request_is_sent_promptly_without_waiting_an_interval() throws InterruptedException {
        MessageRefresher refresher = new MessageRefresher(scheduler, Duration.ofSeconds(10));
        AtomicInteger sends = new AtomicInteger();

        refresher.request("poll:1", sends::incrementAndGet);

        waitUntil(() -> sends.get() == 1, Duration.ofSeconds(1));
    }

    @Test
    void a_request_soon_after_a_send_waits_for_the_interval_and_then_sends_the_latest_state()
            throws InterruptedException {
        MessageRefresher refresher = new MessageRefresher(scheduler, Duration.ofMillis(300));
        AtomicInteger state = new AtomicInteger(1);
        List<Long> sentAt = new CopyOnWriteArrayList<>();
        List<Integer> sent = new CopyOnWriteArrayList<>();
        Runnable sender = () -> {
            sentAt.add(System.nanoTime());
            sent.add(state.get());
        };

        refresher.request("poll:1", sender);
        waitUntil(() -> sent.size() == 1, Duration.ofSeconds(1));
        state.set(2);
        refresher.request("poll:1", sender);
        waitUntil(() -> sent.size() == 2, Duration.ofSeconds(2));

        assertThat(sent).containsExactly(1, 2);
        assertThat(Duration.ofNanos(sentAt.get(1) - sentAt.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(280));
    }

    @Test
    void the_latest_sender_given_for_a_key_is_the_one_that_runs() throws InterruptedException {
        MessageRefresher refresher = new MessageRefresher(scheduler, Duration.ofMillis(200));
        List<String> sent = new CopyOnWriteArrayList<>();

        refresher.request("poll:1", () -> sent.add("first"));
        waitUntil(() -> sent.size() == 1, Duration.ofSeconds(1));
        refresher.request("poll:1", () -> sent.add("stale"));
        refresher.request("poll:1", () -> sent.add("latest"));
        waitUntil(() -> sent.size() == 2, Duration.ofSeconds(2));
        Thread.sleep(250);

        assertThat(sent).containsExactly("first", "latest");
    }

    @Test
    void requests_for_two_messages_are_independent() throws InterruptedException {
        MessageRefresher refresher = new MessageRefresher(scheduler, Duration.ofSeconds(2));
        AtomicInteger pollOne = new AtomicInteger();
        AtomicInteger pollTwo = new AtomicInteger();
        List<String> sent = new CopyOnWriteArrayList<>();

        pollOne.set(7);
        refresher.request("poll:1", () -> sent.add("one=" + pollOne.get()));
        pollTwo.set(3);
        refresher.request("poll:2", () -> sent.add("two=" + pollTwo.get()));

        // Both go out at once: the second message does not wait for the first one's 2-second interval.
        waitUntil(() -> sent.size() == 2, Duration.ofSeconds(1));
        assertThat(sent).containsExactlyInAnyOrder("one=7", "two=3");
    }

    @Test
    void a_sender_that_fails_does_not_stop_later_updates() throws InterruptedException {
        MessageRefresher refresher = new MessageRefresher(scheduler, Duration.ofMillis(100));
        AtomicInteger sends = new AtomicInteger();

        refresher.request("poll:1", () -> {
            throw new IllegalStateException("Slack is down");
        });
        Thread.sleep(50);
        refresher.request("poll:1", sends::incrementAndGet);

        waitUntil(() -> sends.get() == 1, Duration.ofSeconds(1));
    }

    @Test
    void close_sends_a_pending_update_at_once() throws InterruptedException {
        MessageRefresher refresher = new MessageRefresher(scheduler, Duration.ofSeconds(10));
        AtomicInteger state = new AtomicInteger(1);
        List<Integer> sent = new CopyOnWriteArrayList<>();
        Runnable sender = () -> sent.add(state.get());

        refresher.request("poll:1", sender);
        waitUntil(() -> sent.size() == 1, Duration.ofSeconds(1));
        state.set(2);
        refresher.request("poll:1", sender); // would wait 10 s
        refresher.close();

        assertThat(sent).containsExactly(1, 2);
    }
}
