package dev.nudge.teams;

import static dev.nudge.testing.TeamsClient.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.MovableClock;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsNudge;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Action items in a Teams channel: the owner @mentioned in the command (Teams' {@code <at>} text and mention entity,
 * without an Entra id, so Nudge looks the member up), the confirmation card mentioning them, the reminder in their
 * 1:1 chat at 09:00 two working days before the due date, and Done from that chat posting the did-it-help poll.
 */
class TeamsActionJourneyTest {
    /** Wed 9 Dec 2026 just before 09:00 London; an action due Fri 11 Dec is reminded at 09:00 today. */
    private static final Instant WEDNESDAY_0900 = Instant.parse("2026-12-09T09:00:00Z");

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
        clock.setNow(WEDNESDAY_0900.minusSeconds(60));
        nudge = new TestNudge(TeamsNudge.config(dir, TeamsNudge.singleTenant(teams), List.of()), clock);
        client = new TeamsClient(nudge.port(), teams, true);
        client.botAdded("U1", CHANNEL);
        teams.await("send", call -> call.visibleText().contains("I'm Nudge"));
        teams.clear();
    }

    @AfterEach
    void stop() {
        nudge.close();
        teams.close();
    }

    @Test
    void an_action_is_created_by_mention_reminded_in_a_1to1_chat_and_done_there_posts_the_poll() {
        clock.setNow(WEDNESDAY_0900.minusSeconds(3));
        assertThat(client.mentionWithPerson("U1", CHANNEL,
                "action \"Run a 5-user test\" <at>Alex Owner</at> due 2026-12-11 principle 3", "U2", "Alex Owner")
                .status()).isEqualTo(202);

        FakeTeams.Call confirmation = teams.await("send", call -> call.conversationId().equals(CHANNEL)
                && call.visibleText().contains("New action for"));
        assertThat(confirmation.visibleText()).contains("New action for <at>Alex Owner</at>", "Run a 5-user test",
                "due Fri 11 Dec 2026").doesNotContain("<@");
        assertThat(confirmation.card().path("msteams").path("entities").toString())
                .contains("\"type\":\"mention\"", "\"id\":\"U2\"", "\"name\":\"Alex Owner\"");
        assertThat(nudge.query("SELECT platform, owner_id, created_by, principle_number FROM action_items"))
                .containsExactly(Map.of("platform", "teams", "owner_id", "U2", "created_by", "U1", "principle_number", 3));

        FakeTeams.Call reminder = teams.await("send", call -> call.conversationId().equals(TeamsClient.personalChat("U2"))
                && call.visibleText().contains("Reminder: your action"));
        assertThat(clock.instant()).isAfterOrEqualTo(WEDNESDAY_0900);
        assertThat(nudge.query("SELECT remind_at FROM action_items"))
                .containsExactly(Map.of("remind_at", WEDNESDAY_0900.toEpochMilli()));
        assertThat(reminder.visibleText()).contains("Run a 5-user test", "due Fri 11 Dec 2026", "From the channel",
                "Done", "Not yet", "Drop");
        Eventually.eventually(() -> nudge.query("SELECT reminded_at FROM action_items"),
                rows -> rows.get(0).get("reminded_at") != null);

        client.submit("U2", TeamsClient.personalChat("U2"), "personal", reminder.activityId(), reminder.button("Done"));

        FakeTeams.Call poll = teams.await("send", call -> call.conversationId().equals(CHANNEL)
                && call.visibleText().contains("help us test, measure and learn?"));
        assertThat(poll.visibleText()).contains("Yes", "A little", "No", "Too early to tell");
        assertThat(Eventually.eventually(() -> nudge.query("SELECT status, closed_by, help_poll_id FROM action_items"),
                rows -> rows.get(0).get("help_poll_id") != null)).containsExactly(
                Map.of("status", "done", "closed_by", "U2", "help_poll_id", 1));

        client.click("U3", poll, "Yes");
        assertThat(Eventually.eventually(() -> nudge.query("SELECT user_id, position FROM poll_votes"),
                rows -> !rows.isEmpty())).containsExactly(Map.of("user_id", "U3", "position", 0));
    }

    @Test
    void someone_else_cannot_mark_it_and_bad_input_is_answered_privately_with_nothing_stored() {
        client.mention("U1", CHANNEL, "action \"No owner here\" due 2026-12-11");
        FakeTeams.Call refusal = teams.await("send", call -> call.visibleText().contains("has no owner"));
        assertThat(refusal.visibleText()).contains("@Nudge action \"What will be done\" @owner due YYYY-MM-DD");
        assertThat(nudge.count("SELECT count(*) FROM action_items")).isZero();

        client.mentionWithPerson("U1", CHANNEL, "action \"Tidy the board\" <at>Alex Owner</at> due 2026-12-18",
                "U2", "Alex Owner");
        FakeTeams.Call confirmation = teams.await("send", call -> call.visibleText().contains("New action for"));
        client.mention("U4", CHANNEL, "actions");
        FakeTeams.Call list = teams.await("send", call -> call.visibleText().contains("Open actions (1)"));
        // As for every command on Teams, the answer is a reply in the thread of the @mention.
        assertThat(list.conversationId()).startsWith(CHANNEL + ";messageid=");

        client.submit("U4", list.conversationId(), "personal", list.activityId(), list.button("Done"));

        teams.await("send", call -> call.visibleText().contains("Only the owner"));
        assertThat(nudge.query("SELECT status FROM action_items")).containsExactly(Map.of("status", "open"));
        assertThat(confirmation.conversationId()).startsWith(CHANNEL);
    }
}
