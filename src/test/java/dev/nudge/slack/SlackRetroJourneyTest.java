package dev.nudge.slack;

import static dev.nudge.slack.SlackPromptJourneyTest.actionId;
import static dev.nudge.slack.SlackPromptJourneyTest.actionValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nudge.config.NudgeConfig;
import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import dev.nudge.testing.SlackEndToEnd;
import dev.nudge.testing.SlackForms;
import dev.nudge.testing.TestNudge;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retros end to end over HTTP: the card, ratings and notes through modals with drop-downs, live progress, closing
 * by command or button, the summary in the thread, and action items made from it.
 */
class SlackRetroJourneyTest extends SlackEndToEnd {
    private static final String DUE = LocalDate.now(ZoneId.of("Europe/London")).plusDays(20).toString();

    @BeforeEach
    void admins() {
        slack.makeAdmin("UADMIN");
    }

    /** Starts a retro and waits until its card is posted and noted. */
    private FakeSlack.Call openRetro(String user, String text) {
        int before = cards().size();
        SlackClient.Reply reply = client.command(user, "C1", text);
        assertThat(reply.status()).isEqualTo(200);
        FakeSlack.Call card = slack.awaitCount("chat.postMessage", SlackRetroJourneyTest::isCard, before + 1)
                .get(before);
        Eventually.eventually(() -> nudge.count("SELECT count(*) FROM retros WHERE message_id = ?", card.ts()),
                n -> n == 1);
        return card;
    }

    private List<FakeSlack.Call> cards() {
        return slack.calls("chat.postMessage").stream().filter(SlackRetroJourneyTest::isCard).toList();
    }

    private static boolean isCard(FakeSlack.Call call) {
        return call.params().get("thread_ts") == null && call.visibleText().contains("Rate the principles");
    }

    /** Clicks a card button and returns the modal Nudge opened for it. */
    private JsonNode openForm(String user, FakeSlack.Call message, String button) {
        int before = slack.calls("views.open").size();
        assertThat(client.click(user, "C1", message.ts(), actionId(message, button), actionValue(message, button))
                .status()).isEqualTo(200);
        return slack.awaitCount("views.open", call -> true, before + 1).get(before).json("view");
    }

    /** Rates through the modal: principle number to score. */
    private SlackClient.Reply rate(String user, FakeSlack.Call card, Map<Integer, Integer> scores) {
        JsonNode view = openForm(user, card, "Rate the principles");
        Map<String, String> values = new HashMap<>();
        scores.forEach((principle, score) -> values.put("p" + principle, String.valueOf(score)));
        SlackClient.Reply reply = SlackForms.submit(client, user, view, values);
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    private SlackClient.Reply note(String user, FakeSlack.Call card, String kind, int principle, String text) {
        JsonNode view = openForm(user, card, "Add a note");
        SlackClient.Reply reply = SlackForms.submit(client, user, view, Map.of("kind", kind, "principle",
                String.valueOf(principle), "note", text));
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    private List<FakeSlack.Call> threadOf(FakeSlack.Call card, int count) {
        return slack.awaitCount("chat.postMessage", call -> card.ts().equals(call.params().get("thread_ts")), count);
    }

    private FakeSlack.Call closeWithButton(String user, FakeSlack.Call card) {
        client.click(user, "C1", card.ts(), actionId(card, "Close retro"), actionValue(card, "Close retro"));
        return threadOf(card, 1).get(0);
    }

    @Test
    void a_full_retro_reviews_actions_collects_answers_and_posts_a_summary_compared_with_the_last_retro() {
        slack.setMemberCount("C1", 10); // Nudge and nine people

        // Sprint 1: three people rate, the lead closes, someone adds an action item from the summary.
        FakeSlack.Call first = openRetro("U1", "retro");
        assertThat(nudge.query("SELECT member_count FROM channels WHERE channel_id = 'C1'"))
                .containsExactly(Map.of("member_count", 9));
        assertThat(first.visibleText()).contains("Did we do these?", "No open action items", "0 of 9 have answered",
                "Anonymous: Nudge never stores who gave which rating or note");
        rate("UA", first, Map.of(1, 4, 2, 2, 3, 3));
        rate("UB", first, Map.of(1, 4, 2, 3, 3, 3));
        rate("UC", first, Map.of(1, 5, 2, 2, 3, 3));
        assertThat(client.command("U1", "C1", "retro close").status()).isEqualTo(200);
        FakeSlack.Call firstSummary = threadOf(first, 1).get(0);
        assertThat(firstSummary.visibleText()).contains("4.3", "2.3", "3.0").doesNotContain("since the last retro");

        JsonNode actionForm = openForm("UOWNER", firstSummary, "Add an action item");
        assertThat(SlackForms.options(actionForm, "principle")).hasSize(8);
        SlackClient.Reply added = SlackForms.submit(client, "UOWNER", actionForm, Map.of("text",
                "Pair on supplier calls", "due", DUE, "principle", "2"));
        assertThat(added.body()).doesNotContain("errors");
        assertThat(nudge.query("SELECT text, owner_id, principle_number, due_on, retro_id, status FROM action_items"))
                .containsExactly(Map.of("text", "Pair on supplier calls", "owner_id", "UOWNER", "principle_number", 2,
                        "due_on", DUE, "retro_id", 1, "status", "open"));

        // Sprint 2: the card asks about the open action, four people rate, two add notes, progress shows.
        FakeSlack.Call second = openRetro("U1", "retro");
        assertThat(second.visibleText()).contains("Did we do these?", "Pair on supplier calls", "Done", "Not yet",
                "Drop");
        client.click("UOWNER", "C1", second.ts(), actionId(second, "Done"), actionValue(second, "Done"));
        Eventually.eventually(() -> nudge.count("SELECT count(*) FROM action_items WHERE status = 'done'"), n -> n == 1);
        slack.await("chat.update", call -> second.ts().equals(call.params().get("ts"))
                && call.visibleText().contains("No open action items"));

        rate("UA", second, Map.of(1, 5, 2, 1, 3, 3));
        rate("UB", second, Map.of(1, 5, 2, 2, 3, 4));
        rate("UC", second, Map.of(1, 4, 2, 2, 3, 3));
        rate("UD", second, Map.of(1, 4, 2, 1));
        note("UA", second, "helped", 1, "Daily stand-ups with the ward kept us honest");
        note("UE", second, "hindered", 2, "Waiting three weeks on the supplier's test data");
        FakeSlack.Call progress = slack.await("chat.update", call -> second.ts().equals(call.params().get("ts"))
                && call.visibleText().contains("5 of 9 have answered"));
        assertThat(progress.visibleText()).doesNotContain("UA", "UB", "UE");

        FakeSlack.Call summary = closeWithButton("U1", second);
        String text = summary.visibleText();
        assertThat(text).contains("Retro summary", "5 of 9 have answered",
                "1. Deliver what patients and staff need*: *4.5* · spread 4–5 · 4 ratings · ↑ 0.2 since the last retro",
                "*1.5* · spread 1–2 · 4 ratings · ↓ 0.8 since the last retro · ⚠ lowest",
                "*3.3* · spread 3–4 · 3 ratings · ↑ 0.3 since the last retro · ⚠ lowest",
                "*Lowest:* 2. Set clear, realistic goals (1.5) and 3. Test, measure and learn (3.3)",
                "4. Think long term, deliver in the short term*: not enough answers",
                "What helped:", "Daily stand-ups with the ward kept us honest",
                "What got in the way:", "Waiting three weeks on the supplier's test data",
                "action \"What will be done\" @owner due YYYY-MM-DD principle 2", "Add an action item");
        assertThat(text).doesNotContain("UA", "UB", "UE");
        slack.await("chat.update", call -> second.ts().equals(call.params().get("ts"))
                && call.visibleText().contains("Retro (closed)"));
        Eventually.eventually(() -> nudge.count("SELECT count(*) FROM retros WHERE summary_message_id = ?", summary.ts()),
                n -> n == 1);

        // An action item straight from the new summary, owned by whoever clicks.
        JsonNode form = openForm("UD", summary, "Add an action item");
        SlackForms.submit(client, "UD", form, Map.of("text", "Book supplier test data early", "due", DUE));
        assertThat(nudge.query("SELECT owner_id, retro_id, principle_number IS NULL AS no_principle FROM action_items "
                + "WHERE status = 'open'")).containsExactly(Map.of("owner_id", "UD", "retro_id", 2, "no_principle", 1));
        slack.await("chat.postMessage", call -> call.visibleText().contains("New action")
                && call.visibleText().contains("Book supplier test data early"));
    }

    @Test
    void an_anonymous_retro_stores_no_user_id_and_forgets_respondent_keys_at_close() {
        FakeSlack.Call card = openRetro("U1", "retro");
        rate("USECRET1", card, Map.of(1, 2, 3, 4));
        rate("USECRET2", card, Map.of(1, 3));
        rate("USECRET3", card, Map.of(1, 4));
        rate("USECRET1", card, Map.of(1, 1)); // rating again replaces, it does not add
        note("USECRET2", card, "hindered", 1, "Too many hand-offs");

        assertThat(nudge.query("SELECT principle_number, score FROM retro_ratings ORDER BY principle_number, score"))
                .containsExactly(Map.of("principle_number", 1, "score", 1), Map.of("principle_number", 1, "score", 3),
                        Map.of("principle_number", 1, "score", 4));
        assertThat(nudge.count("SELECT count(*) FROM retro_ratings WHERE user_id IS NOT NULL")).isZero();
        assertThat(nudge.count("SELECT count(*) FROM retro_notes WHERE user_id IS NOT NULL")).isZero();
        assertThat(nudge.count("SELECT count(*) FROM retro_respondents")).isEqualTo(3);
        assertThat(databaseText()).doesNotContain("USECRET");

        FakeSlack.Call summary = closeWithButton("U1", card);

        assertThat(nudge.count("SELECT count(*) FROM retro_respondents WHERE respondent_key IS NOT NULL")).isZero();
        assertThat(databaseText()).doesNotContain("USECRET");
        assertThat(summary.visibleText()).contains("Too many hand-offs", "*2.7* · spread 1–4 · 3 ratings")
                .doesNotContain("USECRET");
        for (FakeSlack.Call update : slack.calls("chat.update")) {
            assertThat(update.visibleText()).doesNotContain("USECRET");
        }
    }

    @Test
    void a_named_retro_stores_who_answered_and_shows_names_with_notes() {
        FakeSlack.Call card = openRetro("U1", "retro named");
        assertThat(card.visibleText()).contains("Named: Nudge stores who gave each rating and note");
        rate("U2", card, Map.of(1, 4));
        note("U2", card, "helped", 1, "Show and tell every Friday");

        assertThat(nudge.query("SELECT user_id FROM retro_ratings")).containsExactly(Map.of("user_id", "U2"));
        assertThat(nudge.query("SELECT user_id, kind FROM retro_notes")).containsExactly(Map.of("user_id", "U2",
                "kind", "helped"));
        FakeSlack.Call summary = closeWithButton("U1", card);
        assertThat(summary.visibleText()).contains("Named retro", "Show and tell every Friday — <@U2>");
        assertThat(nudge.query("SELECT respondent_key FROM retro_respondents")).containsExactly(Map.of("respondent_key",
                "U2"));
    }

    @Test
    void a_principle_rated_by_two_shows_not_enough_answers_and_one_rated_by_three_shows_its_score() {
        FakeSlack.Call card = openRetro("U1", "retro");
        rate("UA", card, Map.of(1, 2, 2, 5));
        rate("UB", card, Map.of(1, 3, 2, 5));
        rate("UC", card, Map.of(1, 4));

        String summary = closeWithButton("U1", card).visibleText();

        assertThat(summary).contains("1. Deliver what patients and staff need*: *3.0* · spread 2–4 · 3 ratings · ⚠ lowest",
                "2. Set clear, realistic goals*: not enough answers");
        assertThat(summary.lines().filter(line -> line.startsWith("*2.")).findFirst().orElseThrow())
                .doesNotContain("5.0", "spread");
    }

    @Test
    void a_second_retro_while_one_is_open_is_refused_with_a_pointer_to_close() {
        openRetro("U1", "retro");

        SlackClient.Reply again = client.command("U2", "C1", "retro named");

        assertThat(again.text()).contains("A retro is already open in this channel", "/nudge retro close");
        slack.settle(Duration.ofMillis(300));
        assertThat(cards()).hasSize(1);
        assertThat(nudge.count("SELECT count(*) FROM retros")).isEqualTo(1);
    }

    @Test
    void closing_with_no_retro_open_or_as_someone_else_is_refused_and_an_admin_may_close() {
        assertThat(client.command("U1", "C1", "retro close").text()).contains("There is no open retro in this channel",
                "/nudge retro");
        FakeSlack.Call card = openRetro("U1", "retro");

        assertThat(client.command("U9", "C1", "retro close").text())
                .contains("Only the person who started this retro, or an admin, can close it.");
        client.click("U9", "C1", card.ts(), actionId(card, "Close retro"), actionValue(card, "Close retro"));
        assertThat(slack.await("response_url", call -> call.visibleText().contains("Only the person")).visibleText())
                .contains("can close it");
        assertThat(nudge.count("SELECT count(*) FROM retros WHERE closed_at IS NULL")).isEqualTo(1);

        client.command("UADMIN", "C1", "retro close");
        threadOf(card, 1);
        assertThat(nudge.query("SELECT closed_by FROM retros")).containsExactly(Map.of("closed_by", "UADMIN"));
        assertThat(client.command("U1", "C1", "retro close").text()).contains("There is no open retro");
    }

    @Test
    void with_leads_configured_only_a_lead_or_an_admin_can_start_a_retro() {
        nudge.close();
        NudgeConfig.Schedules defaults = NudgeConfig.Schedules.defaults();
        nudge = new TestNudge(dir, slack, Clock.systemUTC(), List.of("UADMIN2"), new NudgeConfig.Schedules(
                List.of("ULEAD"), defaults.maxPerChannel(), defaults.missedGrace(), defaults.holidaysDir(),
                defaults.defaultCalendar(), defaults.workspacePostsPerMinute()));
        client = new SlackClient(nudge.port(), slack);

        assertThat(client.command("U9", "C1", "retro").text()).contains("Only the team's leads (NUDGE_LEADS) or an admin");
        assertThat(nudge.count("SELECT count(*) FROM retros")).isZero();

        openRetro("ULEAD", "retro");
        client.command("ULEAD", "C1", "retro close");
        Eventually.eventually(() -> nudge.count("SELECT count(*) FROM retros WHERE closed_at IS NOT NULL"), n -> n == 1);
        openRetro("UADMIN2", "retro named");
        assertThat(nudge.query("SELECT opened_by, anonymous FROM retros ORDER BY id")).containsExactly(
                Map.of("opened_by", "ULEAD", "anonymous", 1), Map.of("opened_by", "UADMIN2", "anonymous", 0));
    }

    @Test
    void a_note_over_3000_characters_is_refused_in_the_modal_and_nothing_is_stored() {
        FakeSlack.Call card = openRetro("U1", "retro");

        SlackClient.Reply reply = note("U2", card, "helped", 1, "x".repeat(3001));

        assertThat(reply.body()).contains("\"response_action\":\"errors\"", "3001 characters", "3000");
        assertThat(nudge.count("SELECT count(*) FROM retro_notes")).isZero();
        assertThat(nudge.count("SELECT count(*) FROM retro_respondents")).isZero();
    }

    @Test
    void tampered_ratings_or_an_unknown_principle_get_a_clear_message_and_nothing_is_stored() {
        FakeSlack.Call card = openRetro("U1", "retro");
        JsonNode view = openForm("U2", card, "Rate the principles");
        assertThat(SlackForms.options(view, "p1")).containsExactly("1", "2", "3", "4", "5");

        SlackClient.Reply badScore = SlackForms.submit(client, "U2", view, Map.of("p1", "4", "p2", "9"));
        assertThat(badScore.body()).contains("\"response_action\":\"errors\"", "\"p2\"", "not a score");

        JsonNode tampered = view.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tampered.path("blocks").get(1).path("element"))
                .put("action_id", "p99");
        SlackClient.Reply badPrinciple = SlackForms.submit(client, "U2", tampered, Map.of("p99", "3"));
        assertThat(badPrinciple.body()).contains("\"response_action\":\"errors\"", "Unknown principle");

        JsonNode noteForm = openForm("U2", card, "Add a note");
        SlackClient.Reply badNote = SlackForms.submit(client, "U2", noteForm, Map.of("kind", "helped", "principle", "42",
                "note", "Fine"));
        assertThat(badNote.body()).contains("\"principle\"", "Unknown principle");

        assertThat(nudge.count("SELECT count(*) FROM retro_ratings")).isZero();
        assertThat(nudge.count("SELECT count(*) FROM retro_notes")).isZero();
        assertThat(nudge.count("SELECT count(*) FROM retro_respondents")).isZero();
    }

    @Test
    void answers_after_the_retro_closed_are_refused() {
        FakeSlack.Call card = openRetro("U1", "retro");
        JsonNode view = openForm("U2", card, "Rate the principles");
        closeWithButton("U1", card);

        SlackClient.Reply late = SlackForms.submit(client, "U2", view, Map.of("p1", "3"));

        assertThat(late.body()).contains("\"response_action\":\"errors\"", "This retro has closed");
        assertThat(nudge.count("SELECT count(*) FROM retro_ratings")).isZero();
    }

    @Test
    void an_unknown_word_after_retro_gets_the_usage() {
        assertThat(client.command("U1", "C1", "retro start").text()).contains("I don't understand 'start'",
                "/nudge retro named", "/nudge retro close");
        assertThat(client.command("U1", "C1", "help retro").text()).contains("/nudge retro [named] | close",
                "/nudge retro named");
        assertThat(nudge.count("SELECT count(*) FROM retros")).isZero();
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
