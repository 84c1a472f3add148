package dev.nudge.teams;

import static dev.nudge.testing.TeamsClient.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsEndToEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A retro in a Teams channel: open by mention, rate through a drop-down form card, close, summary in the thread. */
class TeamsRetroJourneyTest extends TeamsEndToEnd {
    @Override
    protected List<String> admins() {
        return List.of("UADMIN");
    }

    private FakeTeams.Call openRetro() {
        assertThat(client.mention("U1", CHANNEL, "retro").status()).isEqualTo(202);
        FakeTeams.Call card = teams.await("send", call -> call.conversationId().equals(CHANNEL)
                && call.visibleText().contains("Rate the principles"));
        Eventually.eventually(() -> nudge.count("SELECT count(*) FROM retros WHERE message_id IS NOT NULL"), n -> n == 1);
        return card;
    }

    /** Clicks Rate the principles, then fills in the form card Nudge sends to the person's 1:1 chat. */
    private void rate(String user, FakeTeams.Call card, Map<Integer, String> scores) {
        int before = forms(user).size();
        client.click(user, card, "Rate the principles");
        FakeTeams.Call form = teams.awaitCount("send", call -> isForm(call, user), before + 1).get(before);
        List<JsonNode> choiceSets = choiceSets(form);
        assertThat(choiceSets).hasSize(8);
        assertThat(choiceSets.get(0).path("style").asText()).isEqualTo("compact");
        assertThat(choiceSets.get(0).path("choices").findValuesAsText("value")).containsExactly("1", "2", "3", "4", "5");
        ObjectNode data = (ObjectNode) form.button("Save ratings").deepCopy();
        for (JsonNode set : choiceSets) {
            data.put(set.path("id").asText(), ""); // Teams sends an untouched drop-down as an empty string
        }
        scores.forEach((principle, score) -> data.put("input_p" + principle, score));
        assertThat(client.submit(user, form.conversationId(), "personal", form.activityId(), data).status())
                .isEqualTo(202);
        // The form card becomes the confirmation, so it cannot be sent twice.
        teams.await("update", call -> call.activityId().equals(form.activityId())
                && call.visibleText().contains("saved without your name"));
    }

    private List<FakeTeams.Call> forms(String user) {
        return teams.calls("send").stream().filter(call -> isForm(call, user)).toList();
    }

    private static boolean isForm(FakeTeams.Call call, String user) {
        return call.conversationId().equals(TeamsClient.personalChat(user))
                && call.card().toString().contains("Input.ChoiceSet");
    }

    private static List<JsonNode> choiceSets(FakeTeams.Call form) {
        List<JsonNode> sets = new ArrayList<>();
        form.card().path("body").forEach(node -> {
            if (node.path("type").asText().equals("Input.ChoiceSet")) {
                sets.add(node);
            }
        });
        return sets;
    }

    @Test
    void a_retro_opens_by_mention_takes_ratings_from_form_cards_and_closes_with_a_summary_in_the_thread() {
        FakeTeams.Call card = openRetro();
        assertThat(card.visibleText()).contains("Did we do these?", "Anonymous: Nudge never stores who gave which rating",
                "@Nudge retro close");

        rate("USECRET1", card, Map.of(1, "4", 3, "2"));
        rate("USECRET2", card, Map.of(1, "5", 3, "2"));
        rate("USECRET3", card, Map.of(1, "3"));
        teams.await("update", call -> call.activityId().equals(card.activityId())
                && call.visibleText().matches("(?s).*\\b3 (of \\d+ )?have answered.*"));
        assertThat(nudge.query("SELECT principle_number, score FROM retro_ratings ORDER BY principle_number, score"))
                .containsExactly(Map.of("principle_number", 1, "score", 3), Map.of("principle_number", 1, "score", 4),
                        Map.of("principle_number", 1, "score", 5), Map.of("principle_number", 3, "score", 2),
                        Map.of("principle_number", 3, "score", 2));
        assertThat(nudge.query("SELECT platform, workspace_id, channel_id FROM retros")).containsExactly(
                Map.of("platform", "teams", "workspace_id", FakeTeams.TENANT, "channel_id", CHANNEL));
        assertThat(nudge.count("SELECT count(*) FROM retro_ratings WHERE user_id IS NOT NULL")).isZero();

        client.click("USECRET1", card, "Add a note");
        FakeTeams.Call noteForm = teams.await("send", call -> call.conversationId().equals(TeamsClient.personalChat(
                "USECRET1")) && call.card().toString().contains("Input.Text"));
        assertThat(choiceSets(noteForm)).extracting(set -> set.path("id").asText())
                .containsExactly("input_kind", "input_principle");
        client.submit("USECRET1", noteForm.conversationId(), "personal", noteForm.activityId(),
                ((ObjectNode) noteForm.button("Save note").deepCopy()).put("input_kind", "hindered")
                        .put("input_principle", "3").put("input_note", "Nobody owned the test plan"));
        teams.await("update", call -> call.activityId().equals(noteForm.activityId())
                && call.visibleText().contains("note is saved without your name"));
        assertThat(nudge.query("SELECT kind, principle_number, user_id IS NULL AS nameless FROM retro_notes"))
                .containsExactly(Map.of("kind", "hindered", "principle_number", 3, "nameless", 1));

        client.click("U9", card, "Close retro");
        teams.await("send", call -> call.visibleText().contains("Only the person who started this retro"));

        client.click("U1", card, "Close retro");

        FakeTeams.Call summary = teams.await("send", call -> call.conversationId().equals(
                CHANNEL + ";messageid=" + card.activityId()));
        assertThat(summary.visibleText()).contains("Retro summary", "**4.0** · spread 3–5 · 3 ratings",
                "3. Test, measure and learn**: not enough answers", "What got in the way:", "Nobody owned the test plan",
                "Add an action item", "@Nudge action");
        teams.await("update", call -> call.activityId().equals(card.activityId())
                && call.visibleText().contains("Retro (closed)"));
        assertThat(nudge.count("SELECT count(*) FROM retro_respondents WHERE respondent_key IS NOT NULL")).isZero();
        assertThat(nudge.query("SELECT closed_by FROM retros")).containsExactly(Map.of("closed_by", "U1"));
    }

    @Test
    void a_tampered_rating_is_refused_in_the_chat_and_nothing_is_stored() {
        FakeTeams.Call card = openRetro();
        client.click("U2", card, "Rate the principles");
        FakeTeams.Call form = teams.await("send", call -> isForm(call, "U2"));

        client.submit("U2", form.conversationId(), "personal", form.activityId(),
                ((ObjectNode) form.button("Save ratings").deepCopy()).put("input_p1", "11"));

        FakeTeams.Call refused = teams.await("send", call -> call.visibleText().contains("Not saved yet"));
        assertThat(refused.visibleText()).contains("'11' is not a score");
        assertThat(nudge.count("SELECT count(*) FROM retro_ratings")).isZero();
        assertThat(nudge.count("SELECT count(*) FROM retro_respondents")).isZero();
    }
}
