package dev.nudge.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For Slack end-to-end tests that move time: a fresh fake Slack whose message timestamps follow a
 * {@link MovableClock}, and a real Nudge on a temp SQLite file started at a moment the test chooses.
 */
public abstract class ClockedSlackEndToEnd {
    @TempDir
    protected Path dir;
    protected FakeSlack slack;
    protected MovableClock clock;
    protected TestNudge nudge;
    protected SlackClient client;

    @BeforeEach
    void fakeSlack() {
        slack = new FakeSlack();
        clock = new MovableClock();
        slack.useClock(clock);
    }

    /** Starts Nudge with its clock at {@code now} and NUDGE_ADMINS set to {@code admins}. */
    protected void startNudge(Instant now, String... admins) {
        clock.setNow(now);
        nudge = new TestNudge(dir, slack, clock, List.of(admins));
        client = new SlackClient(nudge.port(), slack);
    }

    /** Stops and starts Nudge on the same database (it listens on a new port, so the client follows). */
    protected void restartNudge() {
        nudge.restart();
        client = new SlackClient(nudge.port(), slack);
    }

    @AfterEach
    void stopNudge() {
        if (nudge != null) {
            nudge.close();
        }
        slack.close();
    }
}
