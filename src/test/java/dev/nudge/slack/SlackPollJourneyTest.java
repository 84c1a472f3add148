package dev.nudge.slack;

import static dev.nudge.slack.SlackPromptJourneyTest.actionId;
import static dev.nudge.slack.SlackPromptJourneyTest.actionValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import dev.nudge.testing.SlackEndToEnd;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polls end to end: create, vote, change vote, live counts, close by hand and on time, anonymity. */
class SlackPollJourneyTest extends SlackEndToEnd {

    @BeforeEach
    void admins() {
        slack.makeAdmin("UADMIN");
    }

    private FakeSlack.Call createPoll(String text) {
        SlackClient.Reply reply = client.command("U1", "C1", "poll " + text);
        assertThat(reply.status()).isEqualTo(200);
        return slack.await("chat.postMessage", call -> call.params().get("thread_ts") == null);
    }

    @Test
    void a_principle_poll_offers_a_1_to_5_scale_and_says_it_is_named() {
        FakeSlack.Call posted = createPoll("3");

        assertThat(posted.visibleText()).contains("How well did we test, measure and learn this week?",
                "1 = not at all, 5 = fully", "Named: Nudge records who voted for what");
        for (String score : List.of("1", "2", "3", "4", "5")) {
            assertThat(actionValue(posted, score)).endsWith(":" + (Integer.parseInt(score) - 1));
        }
        assertThat(nudge.query("SELECT kind, principle_number, anonymous FROM polls"))
                .containsExactly(Map.of("kind", "principle", "principle_number", 3, "anonymous", 0));
    }

    @Test
    void a_poll_without_a_principle_takes_the_one_polled_least_recently() {
        createPoll("");
        client.command("U1", "C1", "poll anonymous");
        slack.awaitCount("chat.postMessage", call -> true, 2);

        assertThat(nudge.query("SELECT principle_number, anonymous FROM polls ORDER BY id")).containsExactly(
                Map.of("principle_number", 1, "anonymous", 0), Map.of("principle_number", 2, "anonymous", 1));
    }

    @Test
    void votes_are_counted_once_per_person_can_change_and_the_message_shows_the_true_counts() {
        FakeSlack.Call posted = createPoll("\"Ship on Friday?\" \"Yes\" \"No\" \"Not sure\"");
        String ts = posted.ts();

        assertThat(client.click("U2", "C1", ts, actionId(posted, "Yes"), actionValue(posted, "Yes")).status()).isEqualTo(200);
        client.click("U2", "C1", ts, actionId(posted, "Yes"), actionValue(posted, "Yes"));
        client.click("U3", "C1", ts, actionId(posted, "Yes"), actionValue(posted, "Yes"));
        client.click("U4", "C1", ts, actionId(posted, "No"), actionValue(posted, "No"));
        client.click("U4", "C1", ts, actionId(posted, "Not sure"), actionValue(posted, "Not sure"));

        assertThat(nudge.query("SELECT user_id, position FROM poll_votes ORDER BY user_id")).containsExactly(
                Map.of("user_id", "U2", "position", 0), Map.of("user_id", "U3", "position", 0),
                Map.of("user_id", "U4", "position", 2));
        FakeSlack.Call updated = slack.await("chat.update", call -> call.visibleText().contains("3 votes"));
        assertThat(updated.params()).containsEntry("ts", ts).containsEntry("channel", "C1");
        assertThat(updated.visibleText()).contains("2 votes (67%)", "0 votes", "1 vote (33%)", "█");
    }

    @Test
    void a_burst_of_votes_updates_the_message_about_once_a_second_and_ends_on_the_final_counts() {
        FakeSlack.Call posted = createPoll("\"Lunch?\" \"Soup\" \"Salad\"");
        for (int i = 0; i < 40; i++) {
            client.click("V" + i, "C1", posted.ts(), actionId(posted, "Soup"), actionValue(posted, "Soup"));
        }
        slack.await("chat.update", call -> call.visibleText().contains("40 votes"));
        slack.settle(Duration.ofMillis(1500));

        List<FakeSlack.Call> updates = slack.calls("chat.update");
        assertThat(updates.get(updates.size() - 1).visibleText()).contains("40 votes");
        for (int i = 1; i < updates.size(); i++) {
            assertThat(Duration.between(updates.get(i - 1).at(), updates.get(i).at())).isGreaterThan(Duration.ofMillis(900));
        }
        assertThat(updates.size()).isLessThan(10);
    }

    @Test
    void the_creator_closes_the_poll_the_result_goes_in_the_thread_and_later_votes_are_refused() {
        FakeSlack.Call posted = createPoll("\"Retro day?\" \"Tue\" \"Thu\"");
        client.click("U2", "C1", posted.ts(), actionId(posted, "Thu"), actionValue(posted, "Thu"));

        client.click("U1", "C1", posted.ts(), actionId(posted, "Close poll"), actionValue(posted, "Close poll"));

        FakeSlack.Call result = slack.await("chat.postMessage", call -> posted.ts().equals(call.params().get("thread_ts")));
        assertThat(result.visibleText()).contains("Poll closed", "Retro day?", "Thu: 1 (100%)", "Most votes: *Thu*");
        FakeSlack.Call closedCard = slack.await("chat.update", call -> call.visibleText().contains("Closed: Retro day?"));
        assertThat(closedCard.params().get("blocks")).doesNotContain("poll.vote");

        client.click("U3", "C1", posted.ts(), actionId(posted, "Tue"), actionValue(posted, "Tue"));
        assertThat(slack.await("response_url", call -> call.visibleText().contains("closed")).visibleText())
                .contains("votes are no longer counted");
        assertThat(nudge.count("SELECT count(*) FROM poll_votes")).isEqualTo(1);
    }

    @Test
    void only_the_creator_or_a_workspace_admin_can_close_a_poll() {
        FakeSlack.Call posted = createPoll("\"Q?\" \"A\" \"B\"");

        client.click("U9", "C1", posted.ts(), actionId(posted, "Close poll"), actionValue(posted, "Close poll"));
        assertThat(slack.await("response_url", call -> true).visibleText())
                .contains("Only the person who started this poll, or an admin, can close it.");
        assertThat(nudge.count("SELECT count(*) FROM polls WHERE closed_at IS NULL")).isEqualTo(1);

        client.click("UADMIN", "C1", posted.ts(), actionId(posted, "Close poll"), actionValue(posted, "Close poll"));
        slack.await("chat.postMessage", call -> posted.ts().equals(call.params().get("thread_ts")));
        assertThat(nudge.query("SELECT closed_by FROM polls")).containsExactly(Map.of("closed_by", "UADMIN"));
    }

    @Test
    void an_anonymous_poll_never_stores_who_voted_and_says_so() {
        FakeSlack.Call posted = createPoll("\"How is morale?\" \"Good\" \"Fine\" \"Low\" anonymous");
        assertThat(posted.visibleText()).contains("Anonymous: Nudge never stores who voted for what, and this cannot be changed.");

        client.click("USECRET1", "C1", posted.ts(), actionId(posted, "Low"), actionValue(posted, "Low"));
        client.click("USECRET2", "C1", posted.ts(), actionId(posted, "Good"), actionValue(posted, "Good"));
        client.click("USECRET2", "C1", posted.ts(), actionId(posted, "Good"), actionValue(posted, "Good"));

        assertThat(nudge.count("SELECT count(*) FROM poll_votes")).isEqualTo(2);
        assertThat(nudge.count("SELECT count(*) FROM poll_votes WHERE user_id IS NOT NULL")).isZero();
        assertThat(databaseText()).doesNotContain("USECRET1", "USECRET2");

        client.click("U1", "C1", posted.ts(), actionId(posted, "Close poll"), actionValue(posted, "Close poll"));
        slack.await("chat.postMessage", call -> posted.ts().equals(call.params().get("thread_ts")));
        assertThat(nudge.count("SELECT count(*) FROM poll_votes WHERE voter_key IS NOT NULL")).isZero();
        assertThat(nudge.count("SELECT count(*) FROM poll_votes")).isEqualTo(2);
    }

    @Test
    void a_hidden_poll_shows_no_counts_until_it_closes() {
        FakeSlack.Call posted = createPoll("\"Pick\" \"Red\" \"Blue\" hidden");
        assertThat(posted.visibleText()).contains("Results are hidden until the poll closes.").doesNotContain("votes (");

        client.click("U2", "C1", posted.ts(), actionId(posted, "Red"), actionValue(posted, "Red"));
        assertThat(slack.await("response_url", call -> true).visibleText()).contains("Your vote for *Red* is counted");
        FakeSlack.Call update = slack.await("chat.update", call -> call.visibleText().contains("1 vote"));
        assertThat(update.visibleText()).doesNotContain("(100%)");

        client.click("U1", "C1", posted.ts(), actionId(posted, "Close poll"), actionValue(posted, "Close poll"));
        assertThat(slack.await("chat.update", call -> call.visibleText().contains("Closed")).visibleText()).contains("(100%)");
    }

    @Test
    void a_timed_poll_closes_itself_on_time_even_after_a_restart() throws Exception {
        FakeSlack.Call posted = createPoll("\"Quick one\" \"A\" \"B\" closes 1m");
        client.click("U2", "C1", posted.ts(), actionId(posted, "A"), actionValue(posted, "A"));
        // Bring the close time near, as if the minute had almost passed, then restart Nudge.
        nudge.query("SELECT 1");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nudge.db"));
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE polls SET closes_at = " + (System.currentTimeMillis() + 1500));
        }
        nudge.restart();

        FakeSlack.Call result = slack.await("chat.postMessage", call -> posted.ts().equals(call.params().get("thread_ts")));
        assertThat(result.visibleText()).contains("Poll closed", "A: 1 (100%)");
        assertThat(nudge.count("SELECT count(*) FROM polls WHERE closed_at IS NOT NULL AND closed_by IS NULL")).isEqualTo(1);
        long closedAt = (Long) nudge.query("SELECT closed_at FROM polls").get(0).get("closed_at");
        long closesAt = (Long) nudge.query("SELECT closes_at FROM polls").get(0).get("closes_at");
        // Quartz may fire a millisecond or two early (its clock and ours are read separately); a few seconds late
        // would mean the close was not timed at all.
        assertThat(closedAt - closesAt).isBetween(-100L, 5000L);
    }

    @Test
    void a_poll_with_one_or_eleven_options_is_refused_and_nothing_is_stored() {
        assertThat(client.command("U1", "C1", "poll \"Q?\" \"Only\"").text()).contains("2 to 10 options");
        StringBuilder eleven = new StringBuilder("poll \"Q?\"");
        for (int i = 1; i <= 11; i++) {
            eleven.append(" \"O").append(i).append('"');
        }
        assertThat(client.command("U1", "C1", eleven.toString()).text()).contains("2 to 10 options", "11");
        slack.settle(Duration.ofMillis(300));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(nudge.count("SELECT count(*) FROM polls")).isZero();
    }

    @Test
    void a_vote_for_an_unknown_poll_or_option_gets_a_clear_message_and_stores_nothing() {
        FakeSlack.Call posted = createPoll("\"Q?\" \"A\" \"B\"");
        client.click("U2", "C1", posted.ts(), "poll.vote#0", "999:0");
        assertThat(slack.await("response_url", call -> true).visibleText()).contains("That poll no longer exists.");
        slack.clear();
        client.click("U2", "C1", posted.ts(), "poll.vote#0", actionValue(posted, "A").replace(":0", ":7"));
        assertThat(slack.await("response_url", call -> true).visibleText()).contains("That option is not part of this poll.");
        slack.clear();
        client.click("U2", "C1", posted.ts(), "dance.party#0", "1");
        assertThat(slack.await("response_url", call -> true).visibleText()).contains("not one Nudge knows");
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
