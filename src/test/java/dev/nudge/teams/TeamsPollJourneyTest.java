package dev.nudge.teams;

import static dev.nudge.testing.TeamsClient.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsEndToEnd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Polls in a Teams channel: create, vote, change vote, counts in the updated card, close, anonymity, timed close. */
class TeamsPollJourneyTest extends TeamsEndToEnd {
    @Override
    protected List<String> admins() {
        return List.of("UADMIN");
    }

    private FakeTeams.Call createPoll(String text) {
        assertThat(client.mention("U1", CHANNEL, "poll " + text).status()).isEqualTo(202);
        return teams.await("send", call -> call.conversationId().equals(CHANNEL) && call.visibleText().contains("Poll"));
    }

    @Test
    void votes_are_counted_once_per_person_can_change_and_the_card_shows_the_true_counts() {
        FakeTeams.Call poll = createPoll("\"Ship on Friday?\" \"Yes\" \"No\" \"Not sure\"");

        assertThat(client.click("U2", poll, "Yes").status()).isEqualTo(202);
        client.click("U2", poll, "Yes");
        client.click("U3", poll, "Yes");
        client.click("U4", poll, "No");
        client.click("U4", poll, "Not sure");

        assertThat(nudge.query("SELECT user_id, position FROM poll_votes ORDER BY user_id")).containsExactly(
                Map.of("user_id", "U2", "position", 0), Map.of("user_id", "U3", "position", 0),
                Map.of("user_id", "U4", "position", 2));
        assertThat(nudge.query("SELECT platform, workspace_id, channel_id FROM polls")).containsExactly(
                Map.of("platform", "teams", "workspace_id", FakeTeams.TENANT, "channel_id", CHANNEL));
        FakeTeams.Call updated = teams.await("update", call -> call.visibleText().contains("3 votes"));
        assertThat(updated.activityId()).isEqualTo(poll.activityId());
        assertThat(updated.visibleText()).contains("2 votes (67%)", "0 votes", "1 vote (33%)", "█");
    }

    @Test
    void the_creator_closes_the_poll_the_result_goes_in_the_thread_and_later_votes_are_refused() {
        FakeTeams.Call poll = createPoll("\"Retro day?\" \"Tue\" \"Thu\"");
        client.click("U2", poll, "Thu");

        client.click("U1", poll, "Close poll");

        FakeTeams.Call result = teams.await("send", call -> call.conversationId().equals(
                CHANNEL + ";messageid=" + poll.activityId()));
        assertThat(result.visibleText()).contains("Poll closed", "Retro day?", "Thu: 1 (100%)", "Most votes: **Thu**");
        FakeTeams.Call closed = teams.await("update", call -> call.visibleText().contains("Closed: Retro day?"));
        assertThat(closed.card().toString()).doesNotContain("poll.vote");

        client.click("U3", poll, "Tue");
        teams.await("send", call -> call.conversationId().equals(TeamsClient.personalChat("U3"))
                && call.visibleText().contains("votes are no longer counted"));
        assertThat(nudge.count("SELECT count(*) FROM poll_votes")).isEqualTo(1);
    }

    @Test
    void only_the_creator_or_someone_in_nudge_admins_can_close_a_poll() {
        FakeTeams.Call poll = createPoll("\"Q?\" \"A\" \"B\"");

        client.click("U9", poll, "Close poll");
        teams.await("send", call -> call.visibleText().contains("Only the person who started this poll"));
        assertThat(nudge.count("SELECT count(*) FROM polls WHERE closed_at IS NULL")).isEqualTo(1);

        client.click("UADMIN", poll, "Close poll");
        teams.await("send", call -> call.conversationId().contains(";messageid=" + poll.activityId()));
        assertThat(nudge.query("SELECT closed_by FROM polls")).containsExactly(Map.of("closed_by", "UADMIN"));
    }

    @Test
    void an_anonymous_hidden_poll_stores_no_user_id_anywhere_and_confirms_privately() {
        FakeTeams.Call poll = createPoll("\"How is morale?\" \"Good\" \"Low\" anonymous hidden");
        assertThat(poll.visibleText()).contains("Anonymous: Nudge never stores who voted");

        client.click("USECRET1", poll, "Low");
        client.click("USECRET2", poll, "Good");
        client.click("USECRET2", poll, "Good");
        teams.await("send", call -> call.conversationId().equals(TeamsClient.personalChat("USECRET1"))
                && call.visibleText().contains("Your vote for **Low** is counted"));
        teams.await("update", call -> call.visibleText().contains("2 votes"));

        assertThat(nudge.count("SELECT count(*) FROM poll_votes")).isEqualTo(2);
        assertThat(nudge.count("SELECT count(*) FROM poll_votes WHERE user_id IS NOT NULL")).isZero();
        assertThat(databaseText()).doesNotContain("USECRET1", "USECRET2");

        client.click("U1", poll, "Close poll");
        teams.await("send", call -> call.conversationId().contains(";messageid=" + poll.activityId()));
        assertThat(nudge.count("SELECT count(*) FROM poll_votes WHERE voter_key IS NOT NULL")).isZero();
        assertThat(databaseText()).doesNotContain("USECRET1", "USECRET2");
    }

    @Test
    void a_timed_poll_closes_itself_on_time_even_after_a_restart() throws Exception {
        FakeTeams.Call poll = createPoll("\"Quick one\" \"A\" \"B\" closes 1m");
        client.click("U2", poll, "A");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nudge.db"));
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE polls SET closes_at = " + (System.currentTimeMillis() + 1500));
        }
        nudge.restart();

        FakeTeams.Call result = teams.await("send", call -> call.conversationId().equals(
                CHANNEL + ";messageid=" + poll.activityId()));
        assertThat(result.visibleText()).contains("Poll closed", "A: 1 (100%)");
        assertThat(nudge.count("SELECT count(*) FROM polls WHERE closed_at IS NOT NULL AND closed_by IS NULL")).isEqualTo(1);
    }

    @Test
    void a_poll_with_one_option_is_refused_in_the_thread_and_nothing_is_stored() {
        client.mention("U1", CHANNEL, "poll \"Q?\" \"Only\"");

        assertThat(teams.await("send", call -> true).visibleText()).contains("2 to 10 options");
        assertThat(nudge.count("SELECT count(*) FROM polls")).isZero();
    }

    @Test
    void a_vote_for_an_unknown_option_or_a_button_nudge_does_not_know_is_explained() {
        FakeTeams.Call poll = createPoll("\"Q?\" \"A\" \"B\"");
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) poll.button("A").deepCopy();

        client.submit("U2", CHANNEL, "channel", poll.activityId(), data.deepCopy().put("value", poll.button("A")
                .path("value").asText().replace(":0", ":7")));
        teams.await("send", call -> call.visibleText().contains("That option is not part of this poll."));
        client.submit("U2", CHANNEL, "channel", poll.activityId(), data.deepCopy().put("action", "dance.party"));
        teams.await("send", call -> call.visibleText().contains("not one Nudge knows"));
        assertThat(nudge.count("SELECT count(*) FROM poll_votes")).isZero();
    }

    /** Every text value in every table, to prove a user id appears nowhere. */
    private String databaseText() {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> table : nudge.query("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            for (Map<String, Object> row : nudge.query("SELECT * FROM \"" + table.get("name") + "\"")) {
                all.append(row.values()).append('\n');
            }
        }
        return all.toString();
    }
}
