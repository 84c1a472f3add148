package dev.nudge.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.Form;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {
    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    @Test
    void a_card_is_adaptive_card_1_5_with_buttons_as_action_submit_carrying_action_and_value() {
        ObjectNode card = renderer.card(ChatMessage.builder("Poll: Q?").header("Q?")
                .buttons(List.of(new ChatMessage.Button("poll.vote", "7:0", "Yes", ChatMessage.Style.PRIMARY),
                        new ChatMessage.Button("poll.close", "7", "Close poll", ChatMessage.Style.DANGER)))
                .build(), null);

        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        JsonNode actions = card.findValue("actions");
        assertThat(actions.get(0).path("type").asText()).isEqualTo("Action.Submit");
        assertThat(actions.get(0).path("data").path("action").asText()).isEqualTo("poll.vote");
        assertThat(actions.get(0).path("data").path("value").asText()).isEqualTo("7:0");
        assertThat(actions.get(0).path("style").asText()).isEqualTo("positive");
        assertThat(actions.get(1).path("style").asText()).isEqualTo("destructive");
        assertThat(actions.get(0).path("data").has("origin")).isFalse();
    }

    @Test
    void bold_markup_becomes_teams_markdown_and_backticks_go() {
        assertThat(AdaptiveCardRenderer.markdown("Your vote for *Red* is `counted`")).isEqualTo("Your vote for **Red** is counted");
        assertThat(AdaptiveCardRenderer.markdown("2 * 3 * 4")).isEqualTo("2 * 3 * 4");
        assertThat(AdaptiveCardRenderer.plain("*Bold* text")).isEqualTo("Bold text");
    }

    @Test
    void more_than_five_buttons_are_split_into_rows_teams_can_show() {
        List<ChatMessage.Button> buttons = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buttons.add(new ChatMessage.Button("poll.vote", "1:" + i, "Option " + i));
        }
        ObjectNode card = renderer.card(ChatMessage.builder("Poll").buttons(buttons).build(), "origin");

        List<JsonNode> rows = card.findValues("actions");
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.size()).isEqualTo(5));
        assertThat(rows.get(1).get(4).path("data").path("origin").asText()).isEqualTo("origin");
    }

    @Test
    void an_oversized_message_is_cut_to_the_size_limit_keeping_its_buttons_and_saying_so() {
        ChatMessage.Builder message = ChatMessage.builder("Big").header("Big");
        for (int i = 0; i < 60; i++) {
            message.text("Paragraph " + i + " " + "x".repeat(1500));
        }
        message.buttons(List.of(new ChatMessage.Button("poll.close", "1", "Close poll")));

        ObjectNode card = renderer.card(message.build(), null);

        assertThat(card.toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
        assertThat(card.toString()).contains("Close poll", "more parts are not shown here", "Paragraph 0");
    }

    @Test
    void long_text_is_clipped_without_splitting_an_emoji() {
        String text = "a".repeat(AdaptiveCardRenderer.MAX_TEXT - 2) + "😀😀";
        String clipped = renderer.card(ChatMessage.text(text), null).findValue("text").asText();

        assertThat(clipped).hasSizeLessThanOrEqualTo(AdaptiveCardRenderer.MAX_TEXT).endsWith("…");
        assertThat(Character.isHighSurrogate(clipped.charAt(clipped.length() - 2))).isFalse();
    }

    @Test
    void a_form_has_prefixed_inputs_with_their_limits_and_a_submit_carrying_form_state_and_origin() {
        Form form = new Form("prompt.note", "Add a note", "Save note", "Have you measured?",
                List.of(new Form.TextInput("note", "Your note", "Up to 3,000 characters", true, 3000, false)), "5:yes");

        ObjectNode card = renderer.form(form, "sealed", Map.of("note", "draft"), Map.of("note", "Too long"));

        JsonNode input = card.findParent("maxLength");
        assertThat(input.path("type").asText()).isEqualTo("Input.Text");
        assertThat(input.path("id").asText()).isEqualTo("input_note");
        assertThat(input.path("maxLength").asInt()).isEqualTo(3000);
        assertThat(input.path("isMultiline").asBoolean()).isTrue();
        assertThat(input.path("isRequired").asBoolean()).isTrue();
        assertThat(input.path("value").asText()).isEqualTo("draft");
        JsonNode data = card.findValue("actions").get(0).path("data");
        assertThat(data.path("form").asText()).isEqualTo("prompt.note");
        assertThat(data.path("state").asText()).isEqualTo("5:yes");
        assertThat(data.path("origin").asText()).isEqualTo("sealed");
        assertThat(card.toString()).contains("Too long");
    }

    @Test
    void a_select_is_a_compact_choice_set_with_its_choices_initial_value_and_required_flag() {
        Form form = new Form("retro.rate", "Rate", "Save", null, List.of(
                new Form.Select("p1", "1. Deliver", List.of(new Form.Option("1", "1 – not at all"),
                        new Form.Option("5", "5 – *fully*")), "5", true),
                new Form.Select("kind", "Kind", List.of(new Form.Option("helped", "What helped"),
                        new Form.Option("hindered", "What got in the way")), null, false)), "9");

        ObjectNode card = renderer.form(form, null, Map.of("kind", "hindered"), Map.of());

        List<JsonNode> sets = new ArrayList<>();
        card.path("body").forEach(node -> {
            if (node.path("type").asText().equals("Input.ChoiceSet")) {
                sets.add(node);
            }
        });
        assertThat(sets).hasSize(2);
        JsonNode rating = sets.get(0);
        assertThat(rating.path("id").asText()).isEqualTo("input_p1");
        assertThat(rating.path("style").asText()).isEqualTo("compact");
        assertThat(rating.path("isRequired").asBoolean()).isFalse();
        assertThat(rating.path("value").asText()).isEqualTo("5");
        assertThat(rating.path("choices").findValuesAsText("value")).containsExactly("1", "5");
        assertThat(rating.path("choices").findValuesAsText("title")).containsExactly("1 – not at all", "5 – fully");
        assertThat(sets.get(1).path("isRequired").asBoolean()).isTrue();
        assertThat(sets.get(1).path("value").asText()).as("refilled with the value sent before").isEqualTo("hindered");
    }
}
