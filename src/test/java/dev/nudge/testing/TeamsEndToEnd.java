package dev.nudge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For Teams end-to-end tests: a fresh fake connector, a real single-tenant Nudge on a temp SQLite file, and Nudge
 * installed in {@link TeamsClient#CHANNEL} (its welcome seen and cleared), per test.
 */
public abstract class TeamsEndToEnd {
    @TempDir
    protected Path dir;
    protected FakeTeams teams;
    protected TestNudge nudge;
    protected TeamsClient client;

    /** NUDGE_ADMINS for the test's Nudge; none unless a test class says otherwise. */
    protected List<String> admins() {
        return List.of();
    }

    @BeforeEach
    void installNudge() {
        teams = new FakeTeams();
        nudge = new TestNudge(TeamsNudge.config(dir, TeamsNudge.singleTenant(teams), admins()));
        client = new TeamsClient(nudge.port(), teams, true);
        assertThat(client.botAdded("U1", TeamsClient.CHANNEL).status()).isEqualTo(202);
        teams.await("send", call -> call.visibleText().contains("I'm Nudge"));
        teams.clear();
    }

    @AfterEach
    void stopNudge() {
        nudge.close();
        teams.close();
    }
}
