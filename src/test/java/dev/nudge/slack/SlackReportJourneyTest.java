package dev.nudge.slack;

import static dev.nudge.slack.SlackPromptJourneyTest.actionId;
import static dev.nudge.slack.SlackPromptJourneyTest.actionValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackEndToEnd;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /nudge report} end to end: answers and votes given through the bot, then what the channel sees. */
class SlackReportJourneyTest extends SlackEndToEnd {

    /** Asks principle {@code number} in C1 and has each user click their answer; returns the prompt message. */
    private FakeSlack.Call askAndAnswer(String principle, List<String> users, List<String> answers) {
        slack.clear();
        client.command("ULEAD", "C1", "ask " + principle);
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> call.params().get("thread_ts") == null);
        for (int i = 0; i < users.size(); i++) {
            client.click(users.get(i), "C1", posted.ts(), actionId(posted, answers.get(i)),
                    actionValue(posted, answers.get(i)));
        }
        return posted;
    }

    private FakeSlack.Call report(String text) {
        slack.clear();
        assertThat(client.command("ULEAD", "C1", ("report " + text).strip()).status()).isEqualTo(200);
        return slack.await("chat.postMessage", call -> call.visibleText().contains("Principles report"));
    }

    @Test
    void three_answers_show_counts_and_a_score_while_two_show_not_enough_answers() {
        askAndAnswer("3", List.of("U1", "U2", "U3"), List.of("Yes", "Partly", "Not yet"));
        askAndAnswer("4", List.of("U1", "U2"), List.of("Yes", "Yes"));

        String text = report("").visibleText();

        assertThat(text).contains("last 4 weeks", "Participation:* 3 people took part");
        assertThat(text).contains("*3. Test, measure and learn* · score 3.0",
                "Answers: 1 Yes · 1 Partly · 1 Not yet (3.0)");
        String four = text.substring(text.indexOf("*4."));
        assertThat(four.substring(0, four.indexOf('\n', four.indexOf('\n') + 1)))
                .contains("score not enough answers", "Answers: not enough answers").doesNotContain("5.0", "2 Yes");
        assertThat(text).contains("*1. Deliver what patients and staff need*\nNo answers, votes or retro ratings");
    }

    @Test
    void votes_in_named_and_anonymous_polls_count_without_names_and_participation_uses_the_member_count()
            throws Exception {
        sql("INSERT INTO channels (platform, workspace_id, channel_id, pack, joined_at, member_count, display_name)"
                + " VALUES ('slack', 'T1', 'C1', NULL, 1, 8, 'team-triage')");
        FakeSlack.Call named = poll("3");
        vote(named, "USECRET1", "4");
        vote(named, "USECRET2", "5");
        FakeSlack.Call anonymous = poll("3 anonymous");
        vote(anonymous, "USECRET3", "1");
        vote(anonymous, "USECRET4", "2");

        String text = report("12w").visibleText();

        assertThat(text).contains("Principles report: team-triage, last 12 weeks",
                "Participation:* 4 of 8 people (50%) took part");
        // Four voters, mean (4 + 5 + 1 + 2) / 4 = 3.0; the prompt answers are missing, so they say so.
        assertThat(text).contains("*3. Test, measure and learn* · score 3.0\nAnswers: none · Polls: 3.0 · Retros: none");
        assertThat(text).doesNotContain("USECRET");
    }

    @Test
    void arrows_compare_with_the_previous_four_weeks_and_are_left_out_when_that_had_too_few_people() throws Exception {
        // History: five weeks ago everyone said Not yet to principle 3, and two people answered principle 5.
        long fiveWeeksAgo = System.currentTimeMillis() - 35L * 24 * 3600 * 1000;
        history(3, fiveWeeksAgo, "not_yet", "U1", "U2", "U3");
        history(5, fiveWeeksAgo, "yes", "U1", "U2");

        askAndAnswer("3", List.of("U1", "U2", "U3"), List.of("Yes", "Partly", "Yes"));
        askAndAnswer("5", List.of("U1", "U2", "U3"), List.of("Yes", "Yes", "Yes"));
        String text = report("").visibleText();

        assertThat(text).contains("*3. Test, measure and learn* · score 4.3 ↑",
                "Answers: 2 Yes · 1 Partly · 0 Not yet (4.3 ↑)");
        String five = text.substring(text.indexOf("*5."));
        assertThat(five.substring(0, five.indexOf("Polls"))).contains("score 5.0\n")
                .doesNotContain("↑", "↓", "→");
    }

    @Test
    void the_evidence_notes_of_the_range_are_shown_without_who_wrote_them() {
        FakeSlack.Call posted = askAndAnswer("3", List.of("UNOTER"), List.of("Yes"));
        client.click("UNOTER", "C1", posted.ts(), actionId(posted, "Add a note"), actionValue(posted, "Add a note"));
        var view = slack.await("views.open", call -> true).json("view");
        client.submitView("UNOTER", "prompt.note", view.path("private_metadata").asText(), "note",
                "Time to triage: 14 min median");

        String text = report("").visibleText();

        assertThat(text).contains("What you measured* (1 note)", "_3. Test, measure and learn_: “Time to triage: 14 min median”");
        assertThat(text).doesNotContain("UNOTER");
    }

    @Test
    void help_lists_the_report_command_with_its_ranges() {
        assertThat(client.command("ULEAD", "C1", "help report").text()).contains("/nudge report [4w|12w|quarter]",
                "quarter: this calendar quarter so far", "report 12w");
    }

    @Test
    void a_range_that_is_not_understood_gets_a_private_message_with_the_accepted_forms() {
        var reply = client.command("ULEAD", "C1", "report fortnight");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("ephemeral");
        assertThat(reply.text()).contains("I don't understand the report range 'fortnight'", "4w", "12w", "quarter");
        assertThat(client.command("ULEAD", "C1", "report 4w 12w").text()).contains("one range at most");
        slack.settle(Duration.ofMillis(300));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    private FakeSlack.Call poll(String args) {
        slack.clear();
        client.command("ULEAD", "C1", "poll " + args);
        return slack.await("chat.postMessage", call -> call.params().get("thread_ts") == null);
    }

    private void vote(FakeSlack.Call poll, String user, String score) {
        assertThat(client.click(user, "C1", poll.ts(), actionId(poll, score), actionValue(poll, score)).status())
                .isEqualTo(200);
    }

    /** Bulk history, written as the bot would have stored it. */
    private void history(int principle, long at, String answer, String... users) throws Exception {
        sql("INSERT INTO prompts (platform, workspace_id, channel_id, pack, principle_number, question, asked_by,"
                + " asked_at, message_id) VALUES ('slack', 'T1', 'C1', 'nhs', " + principle + ", 'Q?', 'ULEAD', " + at
                + ", 'old')");
        for (String user : users) {
            sql("INSERT INTO prompt_answers (prompt_id, user_id, answer, answered_at) VALUES ((SELECT max(id) FROM"
                    + " prompts), '" + user + "', '" + answer + "', " + (at + 1000) + ")");
        }
    }

    private void sql(String statement) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nudge.db"));
             var update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }
}
