package dev.nudge.slack;

import static dev.nudge.slack.SlackPromptJourneyTest.actionId;
import static dev.nudge.slack.SlackPromptJourneyTest.actionValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.ClockedSlackEndToEnd;
import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Action items end to end over Slack: `/nudge action` with a real mention (as Slack escapes it), the owner's DM
 * reminder two working days before the due date (Europe/London, England & Wales bank holidays; in December London
 * time is UTC), review buttons from the DM and the list, and the did-it-help poll.
 */
class SlackActionJourneyTest extends ClockedSlackEndToEnd {
    /** Mon 7 Dec 2026, 10:00 London. */
    private static final Instant MONDAY = Instant.parse("2026-12-07T10:00:00Z");
    private static final String FORM = "/nudge action \"What will be done\" @owner due YYYY-MM-DD [principle N]";

    private SlackClient.Reply action(String user, String text) {
        SlackClient.Reply reply = client.command(user, "C1", "action " + text);
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    private FakeSlack.Call awaitReminder(String owner) {
        return slack.await("chat.postMessage", call -> FakeSlack.directChannel(owner).equals(call.params().get("channel")));
    }

    private List<Map<String, Object>> items() {
        return nudge.query("SELECT text, owner_id, created_by, principle_number, due_on, status, review, closed_by,"
                + " remind_at FROM action_items ORDER BY id");
    }

    @Test
    void an_action_with_a_mentioned_owner_is_stored_and_announced_in_the_channel() {
        startNudge(MONDAY, "UADMIN");

        SlackClient.Reply reply = action("U1",
                "\"Run a 5-user test of the triage form &amp; report\" <@U2|sam> due 2026-12-11 principle 3");

        assertThat(reply.text()).doesNotContain("form is");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> "C1".equals(call.params().get("channel")));
        assertThat(posted.visibleText()).contains("New action for <@U2>", "Run a 5-user test of the triage form &amp; report",
                "due Fri 11 Dec 2026", "principle 3. Test, measure and learn", "Added by <@U1>");
        assertThat(items()).singleElement().satisfies(row -> assertThat(row).containsAllEntriesOf(Map.of(
                "text", "Run a 5-user test of the triage form & report",
                "owner_id", "U2", "created_by", "U1", "principle_number", 3, "due_on", "2026-12-11", "status", "open",
                // Wed 9 Dec 09:00: two working days before Friday.
                "remind_at", Instant.parse("2026-12-09T09:00:00Z").toEpochMilli())));
    }

    @Test
    void a_principle_can_be_named_by_word_and_the_due_date_by_day_and_month() {
        startNudge(MONDAY, "UADMIN");

        action("U1", "\"Book the supplier review\" <@U2|sam> due 14 Dec principle suppliers");

        assertThat(Eventually.eventually(this::items, rows -> rows.size() == 1)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("principle_number", 6).containsEntry("due_on", "2026-12-14");
            // Due Monday: the reminder skips the weekend to Thursday.
            assertThat(row).containsEntry("remind_at", Instant.parse("2026-12-10T09:00:00Z").toEpochMilli());
        });
    }

    @Test
    void bad_input_gets_a_clear_private_message_with_the_right_form_and_nothing_is_stored() {
        startNudge(MONDAY, "UADMIN");
        Map<String, String> cases = Map.of(
                "\"Run a test\" due 2026-12-11", "no owner",
                "\"Run a test\" <@U2|sam> due 2026-12-01", "is in the past",
                "\"Run a test\" <@U2|sam> due 2026-13-45", "'2026-13-45' is not a date",
                "\"Run a test\" <@U2|sam> due soon", "'soon' is not a date",
                "\"Run a test\" <@U2|sam> due 2026-12-11 principle 12", "There is no principle 12",
                "\"Run a test\" <@U2|sam> due 2026-12-11 principle juggling", "No principle matches 'juggling'",
                "\"" + "x".repeat(301) + "\" <@U2|sam> due 2026-12-11", "301 characters; please keep it to 300",
                "<@U2|sam> due 2026-12-11", "has no text",
                "\"Run a test\" <@U2|sam>", "has no due date",
                "\"Run a test\" @sam due 2026-12-11", "couldn't tell who @sam is");

        cases.forEach((text, expected) -> assertThat(action("U1", text).text()).as(text)
                .contains(expected, FORM).doesNotContain("Something went wrong"));

        assertThat(nudge.count("SELECT count(*) FROM action_items")).isZero();
        slack.settle(Duration.ofMillis(300));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void the_owner_is_reminded_by_direct_message_at_nine_two_working_days_before_with_review_buttons() {
        startNudge(Instant.parse("2026-12-09T08:59:56Z"), "UADMIN");
        action("U1", "\"Run a 5-user test\" <@U2|sam> due 2026-12-11 principle 3");
        slack.await("chat.postMessage", call -> "C1".equals(call.params().get("channel")));
        assertThat(slack.directMessages("U2")).as("not before 09:00").isEmpty();

        FakeSlack.Call reminder = awaitReminder("U2");

        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-12-09T09:00:00Z"));
        assertThat(slack.calls("conversations.open")).singleElement()
                .satisfies(call -> assertThat(call.params()).containsEntry("users", "U2"));
        assertThat(reminder.visibleText()).contains("Reminder: your action *Run a 5-user test* is due Fri 11 Dec 2026",
                "<#C1>", "Test, measure and learn");
        assertThat(actionValue(reminder, "Done")).isEqualTo("1");
        assertThat(actionValue(reminder, "Not yet")).isEqualTo("1");
        assertThat(actionValue(reminder, "Drop")).isEqualTo("1");
        assertThat(Eventually.eventually(() -> nudge.query("SELECT reminded_at FROM action_items"),
                rows -> rows.get(0).get("reminded_at") != null).get(0).get("reminded_at")).isNotNull();
    }

    @Test
    void the_reminder_skips_bank_holidays_and_weekends() {
        // Due Tue 29 Dec 2026: Mon 28 (Boxing Day substitute), the weekend and Fri 25 (Christmas) do not count.
        startNudge(Instant.parse("2026-12-23T08:59:57Z"), "UADMIN");
        action("U1", "\"Clear the backlog\" <@U2|sam> due 2026-12-29");

        awaitReminder("U2");
        assertThat(items()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("remind_at", Instant.parse("2026-12-23T09:00:00Z").toEpochMilli()));
    }

    @Test
    void a_pending_reminder_survives_a_restart_and_is_sent_once() {
        startNudge(Instant.parse("2026-12-09T08:59:54Z"), "UADMIN");
        action("U1", "\"Run a 5-user test\" <@U2|sam> due 2026-12-11");
        Eventually.eventually(this::items, rows -> rows.size() == 1);
        nudge.restart();

        awaitReminder("U2");
        Eventually.eventually(() -> nudge.query("SELECT reminded_at FROM action_items"),
                rows -> rows.get(0).get("reminded_at") != null);
        nudge.restart();
        slack.settle(Duration.ofMillis(800));
        assertThat(slack.directMessages("U2")).hasSize(1);
    }

    @Test
    void a_reminder_slack_refuses_is_kept_pending_and_sent_when_tried_again() {
        startNudge(Instant.parse("2026-12-09T08:59:58Z"), "UADMIN");
        slack.failNext("conversations.open", "user_not_found");
        action("U1", "\"Run a 5-user test\" <@U2|sam> due 2026-12-11");
        slack.await("conversations.open", call -> true);
        slack.settle(Duration.ofMillis(300));
        assertThat(slack.directMessages("U2")).isEmpty();
        assertThat(nudge.query("SELECT reminded_at FROM action_items").get(0).get("reminded_at")).isNull();

        // The retry is due 15 minutes later; a restart then (the reminder is still pending in the database) sends it.
        nudge.close();
        clock.advance(Duration.ofMinutes(16));
        nudge.start();

        assertThat(awaitReminder("U2").visibleText()).contains("Run a 5-user test");
    }

    @Test
    void an_action_due_too_soon_for_the_usual_reminder_is_reminded_at_once() {
        startNudge(MONDAY, "UADMIN");
        action("U1", "\"Send the agenda\" <@U2|sam> due 2026-12-08");

        awaitReminder("U2");
    }

    @Test
    void done_from_the_reminder_asks_the_channel_whether_it_helped_and_the_poll_takes_votes() {
        startNudge(Instant.parse("2026-12-09T08:59:58Z"), "UADMIN");
        action("U1", "\"Run a 5-user test\" <@U2|sam> due 2026-12-11 principle 3");
        FakeSlack.Call reminder = awaitReminder("U2");

        SlackClient.Reply click = client.click("U2", FakeSlack.directChannel("U2"), reminder.ts(),
                actionId(reminder, "Done"), actionValue(reminder, "Done"));
        assertThat(click.status()).isEqualTo(200);

        FakeSlack.Call poll = slack.await("chat.postMessage", call -> "C1".equals(call.params().get("channel"))
                && call.visibleText().contains("Did \"Run a 5-user test\" help us test, measure and learn?"));
        for (String option : List.of("Yes", "A little", "No", "Too early to tell")) {
            assertThat(actionValue(poll, option)).isNotBlank();
        }
        slack.await("response_url", call -> call.visibleText().contains("Marked done")
                && call.visibleText().contains("I asked the channel whether it helped"));
        assertThat(Eventually.eventually(() -> nudge.query("SELECT status, closed_by, help_poll_id FROM action_items"),
                rows -> rows.get(0).get("help_poll_id") != null)).containsExactly(
                Map.of("status", "done", "closed_by", "U2", "help_poll_id", 1));

        client.click("U3", "C1", poll.ts(), actionId(poll, "A little"), actionValue(poll, "A little"));
        assertThat(Eventually.eventually(() -> nudge.query("SELECT user_id, position FROM poll_votes"),
                rows -> !rows.isEmpty())).containsExactly(Map.of("user_id", "U3", "position", 1));
    }

    @Test
    void done_without_a_principle_thanks_the_owner_in_the_channel_without_a_poll() {
        startNudge(MONDAY, "UADMIN");
        action("U1", "\"Tidy the board\" <@U2|sam> due 2026-12-18");
        SlackClient.Reply list = client.command("U2", "C1", "actions");
        assertThat(list.body()).contains("action.done");

        client.click("U2", "C1", "1.1", "action.done#0", "1");

        slack.await("chat.postMessage", call -> "C1".equals(call.params().get("channel"))
                && call.visibleText().contains("Done: *Tidy the board* (<@U2>). Thank you!"));
        assertThat(nudge.count("SELECT count(*) FROM polls")).isZero();
        assertThat(items()).singleElement().satisfies(row -> assertThat(row).containsEntry("status", "done"));
    }

    @Test
    void not_yet_keeps_it_open_and_the_list_says_so_while_drop_closes_it() {
        startNudge(MONDAY, "UADMIN");
        action("U1", "\"First\" <@U2|sam> due 2026-12-18");
        action("U1", "\"Second\" <@U3|kim> due 2026-12-16");
        Eventually.eventually(this::items, rows -> rows.size() == 2);

        client.click("U2", "C1", "1.1", "action.notyet#0", "1");
        slack.await("response_url", call -> call.visibleText().contains("stays open"));
        client.click("U1", "C1", "1.1", "action.drop#0", "2");
        slack.await("response_url", call -> call.visibleText().contains("Dropped: *Second*"));

        assertThat(items()).extracting(row -> row.get("text") + ":" + row.get("status") + ":" + row.get("review")
                + ":" + row.get("closed_by")).containsExactly("First:open:not_yet:null", "Second:dropped:null:U1");
        SlackClient.Reply list = client.command("U5", "C1", "actions");
        assertThat(list.text()).contains("Open actions (1)", "*First*, <@U2>, due Fri 18 Dec 2026 (not yet)")
                .doesNotContain("Second");

        client.click("U2", "C1", "1.1", "action.done#0", "2");
        slack.await("response_url", call -> call.visibleText().contains("This action is already dropped."));
    }

    @Test
    void only_the_owner_the_creator_or_an_admin_may_mark_an_action() {
        startNudge(MONDAY, "UADMIN");
        slack.makeAdmin("UWS");
        action("U1", "\"First\" <@U2|sam> due 2026-12-18");
        action("U1", "\"Second\" <@U2|sam> due 2026-12-18");
        action("U1", "\"Third\" <@U2|sam> due 2026-12-18");
        Eventually.eventually(this::items, rows -> rows.size() == 3);

        client.click("U9", "C1", "1.1", "action.done#0", "1");

        slack.await("response_url", call -> call.visibleText().contains(
                "Only the owner (<@U2>), the person who added it, or an admin can mark this action."));
        assertThat(items().get(0)).containsEntry("status", "open");
        client.click("UADMIN", "C1", "1.1", "action.drop#0", "1");
        client.click("UWS", "C1", "1.1", "action.drop#0", "2");
        client.click("U1", "C1", "1.1", "action.drop#0", "3");
        assertThat(Eventually.eventually(this::items, rows -> rows.stream().allMatch(r -> "dropped".equals(r.get("status")))))
                .extracting(row -> row.get("closed_by")).containsExactly("UADMIN", "UWS", "U1");
    }

    @Test
    void the_list_is_private_and_says_when_there_is_nothing_open() {
        startNudge(MONDAY, "UADMIN");
        assertThat(client.command("U1", "C1", "actions").text()).contains("No open actions in this channel");
        action("U1", "\"Later\" <@U2|sam> due 2026-12-30");
        action("U1", "\"Sooner\" <@U3|kim> due 2026-12-10");
        Eventually.eventually(this::items, rows -> rows.size() == 2);

        SlackClient.Reply list = client.command("U1", "C1", "actions");

        assertThat(list.body()).contains("\"response_type\":\"ephemeral\"");
        assertThat(list.text()).containsSubsequence("Sooner", "Later");
    }

    @Test
    void slack_escaping_is_undone_so_other_commands_read_what_people_typed() {
        startNudge(MONDAY, "UADMIN");

        client.command("U1", "C1", "poll \"Ship &amp; tell &lt;today&gt;?\" \"Yes\" \"No\"");

        slack.await("chat.postMessage", call -> "C1".equals(call.params().get("channel")));
        assertThat(nudge.query("SELECT question FROM polls")).containsExactly(Map.of("question", "Ship & tell <today>?"));
    }
}
