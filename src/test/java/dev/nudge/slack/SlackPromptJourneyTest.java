package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import dev.nudge.testing.SlackEndToEnd;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Help, principles, ask -> click -> stored, and the note modal, through the real Bolt app over HTTP. */
class SlackPromptJourneyTest extends SlackEndToEnd {

    @Test
    void help_lists_every_command_with_its_usage() {
        SlackClient.Reply reply = client.command("U1", "C1", "help");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"response_type\":\"ephemeral\"");
        assertThat(reply.text()).contains("/nudge help", "/nudge principles", "/nudge ask [principle number or word]",
                "/nudge poll", "/nudge pack [name]");
    }

    @Test
    void an_empty_command_shows_help_and_an_unknown_one_says_what_to_do() {
        assertThat(client.command("U1", "C1", "").text()).contains("/nudge ask");
        SlackClient.Reply unknown = client.command("U1", "C1", "dance");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.text()).contains("I don't know the command 'dance'", "/nudge help");
    }

    @Test
    void principles_lists_the_eight_nhs_principles_with_their_meaning() {
        String text = client.command("U1", "C1", "principles").text();

        assertThat(text).contains("1. Deliver what patients and staff need", "3. Test, measure and learn",
                "8. Don't stick to the wrong plan", "measure early");
    }

    @Test
    void ask_posts_a_prompt_and_a_click_is_stored_with_platform_channel_principle_and_user() {
        SlackClient.Reply reply = client.command("U1", "C1", "ask 3");
        assertThat(reply.status()).isEqualTo(200);

        FakeSlack.Call posted = slack.await("chat.postMessage", call -> call.params().get("channel").equals("C1"));
        assertThat(posted.authorization()).isEqualTo("Bearer xoxb-test-token");
        assertThat(posted.visibleText()).contains("Have you measured this week?", "Yes", "Partly", "Not yet",
                "Add a note");
        String yesAction = actionId(posted, "Yes");
        String yesValue = actionValue(posted, "Yes");
        String ts = posted.ts();

        SlackClient.Reply click = client.click("U2", "C1", ts, yesAction, yesValue);
        assertThat(click.status()).isEqualTo(200);

        Map<String, Object> row = nudge.query("SELECT p.platform, p.workspace_id, p.channel_id, p.principle_number, "
                + "a.user_id, a.answer, a.answered_at FROM prompt_answers a JOIN prompts p ON p.id = a.prompt_id").get(0);
        assertThat(row).containsEntry("platform", "slack").containsEntry("workspace_id", "T1")
                .containsEntry("channel_id", "C1").containsEntry("principle_number", 3)
                .containsEntry("user_id", "U2").containsEntry("answer", "yes");
        assertThat(((Number) row.get("answered_at")).longValue()).isPositive();

        FakeSlack.Call thanks = slack.await("response_url", call -> call.params().getOrDefault("text", "").contains("Yes"));
        assertThat(thanks.params()).containsEntry("response_type", "ephemeral").containsEntry("replace_original", "false");
        assertThat(thanks.visibleText()).contains("What did you measure");
        FakeSlack.Call updated = slack.await("chat.update", call -> call.visibleText().contains("1 answer"));
        assertThat(updated.params()).containsEntry("ts", ts);
    }

    @Test
    void clicking_twice_or_changing_the_answer_keeps_one_answer_per_person() {
        client.command("U1", "C1", "ask measure");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> true);
        String ts = posted.ts();

        client.click("U2", "C1", ts, actionId(posted, "Yes"), actionValue(posted, "Yes"));
        client.click("U2", "C1", ts, actionId(posted, "Yes"), actionValue(posted, "Yes"));
        client.click("U2", "C1", ts, actionId(posted, "Partly"), actionValue(posted, "Partly"));

        assertThat(nudge.query("SELECT user_id, answer FROM prompt_answers"))
                .containsExactly(Map.of("user_id", "U2", "answer", "partly"));
    }

    @Test
    void ask_without_a_principle_picks_the_least_recently_asked_one() {
        client.command("U1", "C1", "ask 1");
        slack.await("chat.postMessage", call -> true);
        // A prompt counts as asked once its message is noted, which happens just after Slack answers.
        Eventually.eventually(() -> nudge.count("SELECT count(*) FROM prompts WHERE message_id IS NOT NULL"), n -> n == 1);
        client.command("U1", "C1", "ask");
        slack.awaitCount("chat.postMessage", call -> true, 2);

        assertThat(nudge.query("SELECT principle_number FROM prompts ORDER BY id"))
                .extracting(row -> row.get("principle_number")).containsExactly(1, 2);
    }

    @Test
    void add_a_note_opens_a_modal_and_the_note_is_stored() throws Exception {
        client.command("U1", "C1", "ask 3");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> true);
        String ts = posted.ts();
        client.click("U2", "C1", ts, actionId(posted, "Yes"), actionValue(posted, "Yes"));

        client.click("U2", "C1", ts, actionId(posted, "Add a note"), actionValue(posted, "Add a note"));
        FakeSlack.Call opened = slack.await("views.open", call -> true);
        var view = opened.json("view");
        assertThat(view.path("callback_id").asText()).isEqualTo("prompt.note");
        assertThat(view.toString()).contains("What did you measure");
        assertThat(view.findValue("max_length").asInt()).isEqualTo(3000);

        SlackClient.Reply submitted = client.submitView("U2", "prompt.note", view.path("private_metadata").asText(),
                "note", "Time to triage: 14 min median, https://example.nhs.uk/dashboard");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(nudge.query("SELECT user_id, answer, note FROM prompt_notes")).containsExactly(Map.of(
                "user_id", "U2", "answer", "yes", "note", "Time to triage: 14 min median, https://example.nhs.uk/dashboard"));
        slack.await("chat.postEphemeral", call -> call.params().get("user").equals("U2")
                && call.visibleText().contains("saved"));
    }

    @Test
    void a_note_over_3000_characters_is_refused_in_the_modal_and_not_stored() throws Exception {
        client.command("U1", "C1", "ask 3");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> true);
        client.click("U2", "C1", posted.ts(), actionId(posted, "Add a note"), actionValue(posted, "Add a note"));
        var view = slack.await("views.open", call -> true).json("view");

        SlackClient.Reply submitted = client.submitView("U2", "prompt.note", view.path("private_metadata").asText(),
                "note", "x".repeat(3001));

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body()).contains("\"response_action\":\"errors\"", "3001 characters");
        assertThat(nudge.count("SELECT count(*) FROM prompt_notes")).isZero();
    }

    @Test
    void a_principle_number_out_of_range_is_explained_and_nothing_is_posted() {
        SlackClient.Reply reply = client.command("U1", "C1", "ask 9");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("There is no principle 9", "1 to 8");
        slack.settle(java.time.Duration.ofMillis(300));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(nudge.count("SELECT count(*) FROM prompts")).isZero();
    }

    @Test
    void when_slack_refuses_the_post_the_user_is_told_and_no_prompt_is_kept() {
        slack.failNext("chat.postMessage", "not_in_channel");

        client.command("U1", "C1", "ask 2");

        FakeSlack.Call reply = slack.await("response_url", call -> true);
        assertThat(reply.visibleText()).contains("/invite @Nudge");
        assertThat(nudge.count("SELECT count(*) FROM prompts")).isZero();
    }

    static String actionId(FakeSlack.Call posted, String buttonText) {
        return button(posted, buttonText).path("action_id").asText();
    }

    static String actionValue(FakeSlack.Call posted, String buttonText) {
        return button(posted, buttonText).path("value").asText();
    }

    static com.fasterxml.jackson.databind.JsonNode button(FakeSlack.Call posted, String buttonText) {
        for (var block : posted.json("blocks")) {
            for (var element : block.path("elements")) {
                if ("button".equals(element.path("type").asText()) && element.path("text").path("text").asText()
                        .equals(buttonText)) {
                    return element;
                }
            }
        }
        throw new AssertionError("no button '" + buttonText + "' in " + posted.params().get("blocks"));
    }
}
