package dev.nudge.slack;

import static dev.nudge.slack.SlackPromptJourneyTest.actionId;
import static dev.nudge.slack.SlackPromptJourneyTest.actionValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nudge.testing.ClockedSlackEndToEnd;
import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackForms;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop in one story, as a team lives it over a week: a retro opens with last sprint's action,
 * people rate and add notes, the lead closes it, the summary lands in the thread, an action is made from it, its
 * owner is reminded by direct message two working days before it is due, marks it done from there, and the channel
 * is asked whether it helped.
 */
class SlackRetroToHelpPollJourneyTest extends ClockedSlackEndToEnd {
    /** Monday 30 November 2026, 10:00 in London (GMT). */
    private static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");
    /** Due Friday 4 December: the reminder is due Wednesday 2 December at 09:00. */
    private static final String DUE = "2026-12-04";

    @BeforeEach
    void start() {
        slack.setMemberCount("C1", 5); // Nudge and four people
        startNudge(MONDAY);
    }

    @Test
    void retro_summary_action_reminder_done_and_did_it_help_poll() {
        // Last sprint's action is open when the retro starts.
        client.command("ULEAD", "C1", "action \"Share the triage metrics weekly\" <@UOLD|old> due 2026-12-18 principle 3");
        Eventually.eventually(() -> nudge.count("SELECT count(*) FROM action_items"), n -> n == 1);

        client.command("ULEAD", "C1", "retro");
        FakeSlack.Call card = slack.await("chat.postMessage", call -> call.visibleText().contains("Rate the principles"));
        assertThat(card.visibleText()).contains("Did we do these?", "Share the triage metrics weekly", "Not yet",
                "0 of 4 have answered");
        Eventually.eventually(() -> nudge.count("SELECT count(*) FROM retros WHERE message_id IS NOT NULL"), n -> n == 1);
        client.click("UOLD", "C1", card.ts(), actionId(card, "Not yet"), actionValue(card, "Not yet"));
        assertThat(Eventually.eventually(() -> nudge.query("SELECT status, review FROM action_items"),
                rows -> "not_yet".equals(rows.get(0).get("review"))))
                .containsExactly(Map.of("status", "open", "review", "not_yet"));

        // Three people rate anonymously; one adds a note.
        for (String user : List.of("UA", "UB", "UC")) {
            JsonNode form = openForm(user, card, "Rate the principles");
            SlackForms.submit(client, user, form, Map.of("p1", "4", "p3", "2"));
        }
        JsonNode noteForm = openForm("UA", card, "Add a note");
        SlackForms.submit(client, "UA", noteForm, Map.of("kind", "hindered", "principle", "3",
                "note", "We never looked at the wait-time numbers"));
        slack.await("chat.update", call -> card.ts().equals(call.params().get("ts"))
                && call.visibleText().contains("3 of 4 have answered"));
        assertThat(nudge.count("SELECT count(*) FROM retro_ratings WHERE user_id IS NOT NULL")).isZero();

        // The lead closes it: the summary is posted in the card's thread.
        client.command("ULEAD", "C1", "retro close");
        FakeSlack.Call summary = slack.await("chat.postMessage",
                call -> card.ts().equals(call.params().get("thread_ts")));
        assertThat(summary.visibleText()).contains("Retro summary", "4.0", "2.0",
                "We never looked at the wait-time numbers", "Add an action item");

        // An action from the summary, owned by the person who clicks.
        JsonNode actionForm = openForm("UA", summary, "Add an action item");
        SlackForms.submit(client, "UA", actionForm, Map.of("text", "Review wait times every Friday", "due", DUE,
                "principle", "3"));
        assertThat(Eventually.eventually(() -> nudge.query(
                "SELECT owner_id, due_on, principle_number FROM action_items WHERE text LIKE 'Review wait%'"),
                rows -> !rows.isEmpty())).containsExactly(Map.of("owner_id", "UA", "due_on", DUE, "principle_number", 3));
        assertThat(slack.directMessages("UA")).as("no reminder on Monday").isEmpty();

        // Wednesday, just before 09:00: Nudge restarts (as a server might) and the reminder goes out at nine.
        clock.setNow(Instant.parse("2026-12-02T08:59:58Z"));
        restartNudge();
        FakeSlack.Call reminder = slack.await("chat.postMessage",
                call -> FakeSlack.directChannel("UA").equals(call.params().get("channel")));
        assertThat(reminder.visibleText()).contains("Review wait times every Friday", "Fri 4 Dec 2026");
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-12-02T09:00:00Z"));

        // Done from the reminder: the channel is asked whether it helped, and can answer with one click.
        client.click("UA", FakeSlack.directChannel("UA"), reminder.ts(), actionId(reminder, "Done"),
                actionValue(reminder, "Done"));
        FakeSlack.Call helpPoll = slack.await("chat.postMessage", call -> "C1".equals(call.params().get("channel"))
                && call.visibleText().contains("Did \"Review wait times every Friday\" help us"));
        client.click("UB", "C1", helpPoll.ts(), actionId(helpPoll, "Yes"), actionValue(helpPoll, "Yes"));
        assertThat(Eventually.eventually(() -> nudge.query("SELECT p.question, v.user_id FROM poll_votes v "
                + "JOIN polls p ON p.id = v.poll_id"), rows -> !rows.isEmpty())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("user_id", "UB"));
        assertThat(nudge.query("SELECT status FROM action_items WHERE text LIKE 'Review wait%'"))
                .containsExactly(Map.of("status", "done"));
    }

    private JsonNode openForm(String user, FakeSlack.Call message, String button) {
        int before = slack.calls("views.open").size();
        assertThat(client.click(user, "C1", message.ts(), actionId(message, button), actionValue(message, button))
                .status()).isEqualTo(200);
        return slack.awaitCount("views.open", call -> true, before + 1).get(before).json("view");
    }
}
