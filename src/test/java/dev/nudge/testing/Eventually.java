package dev.nudge.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for state that Nudge writes after answering the platform (a message id noted, an occurrence marked sent):
 * the fake sees the post before Nudge has recorded it, so such checks must poll, not read once.
 */
public final class Eventually {
    private Eventually() {}

    public static <T> T eventually(Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T current = value.get();
        while (!done.test(current)) {
            if (System.nanoTime() > deadline) {
                return current;
            }
            FakeSlack.settleFor(25);
            current = value.get();
        }
        return current;
    }
}
