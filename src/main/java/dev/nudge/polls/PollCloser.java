package dev.nudge.polls;

import java.time.Instant;

/** Closes polls on time; implemented by the scheduler so a close time survives a restart. */
public interface PollCloser {
    void closeAt(long pollId, Instant at);

    void cancel(long pollId);
}
