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
    void a_range_that_is_not_understood_gets_a_private_message_with_the_accepted_forms() {
        var reply = client.command("ULEAD", "C1", "report fortnight");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("ephemeral");
        assertThat(reply.text()).contains("I don't understand the report range 'fortnight'", "4w", "12w", "quarter");
        slack.settle(Duration.ofMillis(300));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }
}
