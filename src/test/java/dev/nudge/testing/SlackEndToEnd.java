package dev.nudge.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For end-to-end tests: a fresh fake Slack, a real Nudge on a temp SQLite file, and a signing client, per test. */
public abstract class SlackEndToEnd {
    @TempDir
    protected Path dir;
    protected FakeSlack slack;
    protected TestNudge nudge;
    protected SlackClient client;

    @BeforeEach
    void startNudge() {
        slack = new FakeSlack();
        nudge = new TestNudge(dir, slack);
        client = new SlackClient(nudge.port(), slack);
    }

    @AfterEach
    void stopNudge() {
        nudge.close();
        slack.close();
    }
}
