package dev.nudge.teams;

import static dev.nudge.testing.TeamsClient.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsEndToEnd;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Help, principles, ask -> card click -> stored with platform 'teams', and notes through a form card, over HTTP
 * with signed tokens, the real Bot Framework adapter and a fake connector.
 */
class TeamsPromptJourneyTest extends TeamsEndToEnd {
    @Test
    void help_by_mention_answers_in_the_thread_with_every_command() {
        TeamsClient.Reply reply = client.mention("U1", CHANNEL, "help");

        assertThat(reply.status()).isEqualTo(202);
        FakeTeams.Call help = teams.await("send", call -> call.visibleText().contains("Nudge commands"));
        assertThat(help.conversationId()).startsWith(CHANNEL + ";messageid=");
        assertThat(help.visibleText()).contains("@Nudge help", "@Nudge principles", "@Nudge ask [principle number or word]",
                "@Nudge poll", "@Nudge pack [name]", "@Nudge schedule");
        assertThat(help.card().path("version").asText()).isEqualTo("1.5");
        assertThat(help.authorization()).isEqualTo("Bearer " + FakeTeams.accessToken(FakeTeams.TENANT));
    }

    @Test
    void an_unknown_command_in_a_1_to_1_chat_says_what_to_do() {
        client.direct("U1", "dance");

        FakeTeams.Call reply = teams.await("send", call -> call.visibleText().contains("I don't know the command"));
        assertThat(reply.conversationId()).isEqualTo(TeamsClient.personalChat("U1"));
        assertThat(reply.visibleText()).contains("'dance'", "@Nudge help");
    }

    @Test
    void principles_lists_the_eight_nhs_principles() {
        client.mention("U1", CHANNEL, "principles");

        FakeTeams.Call reply = teams.await("send", call -> call.visibleText().contains("Test, measure and learn"));
        assertThat(reply.visibleText()).contains("1. Deliver what patients and staff need",
                "8. Don't stick to the wrong plan");
    }

    @Test
    void pack_lists_the_packs_and_choosing_an_unknown_one_is_explained() {
        client.mention("U1", CHANNEL, "pack");
        assertThat(teams.await("send", call -> call.visibleText().contains("Available packs")).visibleText())
                .contains("This channel uses **nhs**", "@Nudge pack <name>");

        client.mention("U1", CHANNEL, "pack nope");
        teams.await("send", call -> call.visibleText().contains("There is no principle pack called 'nope'"));
        assertThat(nudge.count("SELECT count(*) FROM channels WHERE pack IS NOT NULL")).isZero();
    }

    @Test
    void ask_posts_a_card_and_a_click_is_stored_with_platform_teams_and_the_card_updates() {
        client.mention("U1", CHANNEL, "ask 3");
        FakeTeams.Call card = teams.await("send", call -> call.visibleText().contains("Have you measured this week?"));
        assertThat(card.conversationId()).isEqualTo(CHANNEL);
        assertThat(card.button("Yes").path("action").asText()).isEqualTo("prompt.answer");

        assertThat(client.click("U2", card, "Yes").status()).isEqualTo(202);

        Map<String, Object> row = nudge.query("SELECT p.platform, p.workspace_id, p.channel_id, p.principle_number, "
                + "a.user_id, a.answer FROM prompt_answers a JOIN prompts p ON p.id = a.prompt_id").get(0);
        assertThat(row).containsEntry("platform", "teams").containsEntry("workspace_id", FakeTeams.TENANT)
                .containsEntry("channel_id", CHANNEL).containsEntry("principle_number", 3)
                .containsEntry("user_id", "U2").containsEntry("answer", "yes");
        FakeTeams.Call updated = teams.await("update", call -> call.visibleText().contains("1 answer"));
        assertThat(updated.activityId()).isEqualTo(card.activityId());
        assertThat(updated.conversationId()).isEqualTo(CHANNEL);
        // The thanks goes to the person alone, in a 1:1 chat Nudge opens with them.
        FakeTeams.Call opened = teams.await("create", call -> true);
        assertThat(opened.body().path("members").path(0).path("id").asText()).isEqualTo("29:U2");
        assertThat(opened.body().path("channelData").path("tenant").path("id").asText()).isEqualTo(FakeTeams.TENANT);
        FakeTeams.Call thanks = teams.await("send", call -> call.visibleText().contains("Recorded"));
        assertThat(thanks.conversationId()).isEqualTo(TeamsClient.personalChat("U2"));
        assertThat(thanks.visibleText()).contains("What did you measure");
    }

    @Test
    void evidence_from_the_private_thanks_is_collected_in_a_form_card_and_stored() {
        client.mention("U1", CHANNEL, "ask 3");
        FakeTeams.Call card = teams.await("send", call -> call.visibleText().contains("Have you measured"));
        client.click("U2", card, "Yes");
        FakeTeams.Call thanks = teams.await("send", call -> call.visibleText().contains("Recorded"));

        client.submit("U2", thanks.conversationId(), "personal", thanks.activityId(), thanks.button("Add evidence"));

        FakeTeams.Call form = teams.await("send", call -> call.card().toString().contains("Input.Text"));
        assertThat(form.conversationId()).isEqualTo(TeamsClient.personalChat("U2"));
        JsonNode input = form.card().findParent("maxLength");
        assertThat(input.path("maxLength").asInt()).isEqualTo(3000);
        assertThat(form.visibleText()).contains("What did you measure");
        ObjectNode data = ((ObjectNode) form.button("Save note").deepCopy())
                .put(input.path("id").asText(), "Time to triage: 14 min median");

        assertThat(client.submit("U2", form.conversationId(), "personal", form.activityId(), data).status()).isEqualTo(202);

        FakeTeams.Call saved = teams.await("update", call -> call.activityId().equals(form.activityId()));
        assertThat(saved.visibleText()).contains("saved");
        assertThat(nudge.query("SELECT user_id, answer, note FROM prompt_notes")).containsExactly(Map.of(
                "user_id", "U2", "answer", "yes", "note", "Time to triage: 14 min median"));
        teams.await("update", call -> call.activityId().equals(card.activityId()) && call.visibleText().contains("1 note"));
    }

    @Test
    void a_note_over_3000_characters_is_refused_with_a_message_and_not_stored() {
        client.mention("U1", CHANNEL, "ask 2");
        FakeTeams.Call card = teams.await("send", call -> call.visibleText().contains("Principle 2"));
        client.click("U2", card, "Add a note");
        FakeTeams.Call form = teams.await("send", call -> call.card().toString().contains("Input.Text"));
        String inputId = form.card().findParent("maxLength").path("id").asText();

        client.submit("U2", form.conversationId(), "personal", form.activityId(),
                ((ObjectNode) form.button("Save note").deepCopy()).put(inputId, "x".repeat(3001)));

        FakeTeams.Call refused = teams.await("send", call -> call.visibleText().contains("Not saved yet"));
        assertThat(refused.visibleText()).contains("3001 characters");
        assertThat(nudge.count("SELECT count(*) FROM prompt_notes")).isZero();
    }

    @Test
    void a_forged_or_stale_button_gets_a_clear_message_and_stores_nothing() {
        client.mention("U1", CHANNEL, "ask 3");
        FakeTeams.Call card = teams.await("send", call -> call.visibleText().contains("Have you measured"));

        client.submit("U2", CHANNEL, "channel", card.activityId(),
                ((ObjectNode) card.button("Yes").deepCopy()).put("value", "999:yes"));
        assertThat(teams.await("send", call -> call.visibleText().contains("no longer exists")).conversationId())
                .isEqualTo(TeamsClient.personalChat("U2"));
        client.submit("U2", CHANNEL, "channel", card.activityId(),
                ((ObjectNode) card.button("Yes").deepCopy()).put("origin", CHANNEL + "|forged-seal-000000000000"));
        teams.await("send", call -> call.visibleText().contains("This button has expired"));
        assertThat(nudge.count("SELECT count(*) FROM prompt_answers")).isZero();
    }

    @Test
    void ask_out_of_range_is_explained_and_nothing_is_posted() {
        client.mention("U1", CHANNEL, "ask 9");

        assertThat(teams.await("send", call -> true).visibleText()).contains("There is no principle 9", "1 to 8");
        teams.settle(Duration.ofMillis(300));
        assertThat(teams.calls("send")).hasSize(1);
        assertThat(nudge.count("SELECT count(*) FROM prompts")).isZero();
    }
}
