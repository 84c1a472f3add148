package dev.nudge.teams;

import static dev.nudge.testing.TeamsClient.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.MovableClock;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsNudge;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules reach Teams channels like Slack ones: set by @mention, fired by the timer after a restart, posted
 * proactively with the stored conversation reference. The clock starts just before Mon 30 Nov 2026 09:30 London.
 */
class TeamsScheduleJourneyTest {
    private static final Instant MONDAY_0930 = Instant.parse("2026-11-30T09:30:00Z");

    @TempDir
    Path dir;
    FakeTeams teams;
    MovableClock clock;
    TestNudge nudge;
    TeamsClient client;

    @BeforeEach
    void start() {
        teams = new FakeTeams();
        clock = new MovableClock();
    }

    @AfterEach
    void stop() {
        if (nudge != null) {
            nudge.close();
        }
        teams.close();
    }

    /** The occurrence is marked sent just after the connector answered. */
    private void awaitSent() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (nudge.count("SELECT count(*) FROM schedule_occurrences WHERE status = 'sent'") == 0
                && System.nanoTime() < deadline) {
            teams.settle(Duration.ofMillis(50));
        }
    }

    @Test
    void a_schedule_set_by_mention_fires_after_a_restart_and_posts_the_prompt_card_in_the_channel() {
        clock.setNow(MONDAY_0930.minusSeconds(10));
        nudge = new TestNudge(TeamsNudge.config(dir, TeamsNudge.singleTenant(teams), List.of()), clock);
        client = new TeamsClient(nudge.port(), teams, true);
        client.botAdded("U1", CHANNEL);
        teams.await("send", call -> call.visibleText().contains("I'm Nudge"));

        client.mention("U1", CHANNEL, "schedule weekly mon 09:30 principle 3");
        FakeTeams.Call confirmation = teams.await("send", call -> call.visibleText().contains("Schedule 1 set."));
        assertThat(confirmation.conversationId()).startsWith(CHANNEL + ";messageid=");
        nudge.restart();

        FakeTeams.Call prompt = teams.await("send", call -> call.conversationId().equals(CHANNEL)
                && call.visibleText().contains("Test, measure and learn"));
        assertThat(prompt.authorization()).isEqualTo("Bearer " + FakeTeams.accessToken(FakeTeams.TENANT));
        awaitSent();
        assertThat(nudge.query("SELECT status, message_id FROM schedule_occurrences")).containsExactly(
                Map.of("status", "sent", "message_id", prompt.activityId()));
        assertThat(nudge.query("SELECT platform, workspace_id, channel_id FROM schedules")).containsExactly(
                Map.of("platform", "teams", "workspace_id", FakeTeams.TENANT, "channel_id", CHANNEL));
        teams.settle(Duration.ofMillis(500));
        assertThat(teams.calls("send").stream().filter(call -> call.visibleText().contains("Test, measure and learn")))
                .hasSize(1);
    }
}
