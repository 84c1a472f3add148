package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.Form;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {
    private final BlockKitRenderer renderer = new BlockKitRenderer();

    /** Checks every Block Kit limit Slack enforces on a message, so a failure names the limit broken. */
    private static void assertSlackAccepts(List<LayoutBlock> blocks) {
        assertThat(blocks).as("blocks in one message").isNotEmpty().hasSizeLessThanOrEqualTo(50);
        Set<String> actionIds = new HashSet<>();
        for (LayoutBlock block : blocks) {
            if (block instanceof HeaderBlock header) {
                assertThat(header.getText().getText()).as("header text").isNotEmpty().hasSizeLessThanOrEqualTo(150);
            } else if (block instanceof SectionBlock section) {
                if (section.getText() != null) {
                    assertThat(section.getText().getText()).as("section text").isNotEmpty()
                            .hasSizeLessThanOrEqualTo(3000);
                }
                if (section.getFields() != null) {
                    assertThat(section.getFields()).as("fields in a section").hasSizeLessThanOrEqualTo(10);
                    section.getFields().forEach(f -> assertThat(f.getText()).as("field text").hasSizeLessThanOrEqualTo(2000));
                }
                assertThat(section.getText() != null || section.getFields() != null).as("section has content").isTrue();
            } else if (block instanceof ActionsBlock actions) {
                assertThat(actions.getElements()).as("elements in an actions block").isNotEmpty()
                        .hasSizeLessThanOrEqualTo(25);
                for (BlockElement element : actions.getElements()) {
                    ButtonElement button = (ButtonElement) element;
                    assertThat(button.getText().getText()).as("button text").isNotEmpty().hasSizeLessThanOrEqualTo(75);
                    assertThat(button.getValue()).as("button value").hasSizeLessThanOrEqualTo(2000);
                    assertThat(button.getActionId()).as("action id").hasSizeLessThanOrEqualTo(255);
                    assertThat(actionIds.add(button.getActionId())).as("action id %s is unique", button.getActionId())
                            .isTrue();
                }
            } else if (block instanceof ContextBlock context) {
                assertThat(context.getElements()).as("context elements").hasSizeLessThanOrEqualTo(10);
            }
        }
    }

    private static String text(LayoutBlock block) {
        if (block instanceof SectionBlock section) {
            return section.getText().getText();
        }
        if (block instanceof ContextBlock context) {
            return ((TextObject) context.getElements().get(0)).getText();
        }
        if (block instanceof HeaderBlock header) {
            return header.getText().getText();
        }
        throw new AssertionError("no text in " + block.getType());
    }

    private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
        List<ButtonElement> buttons = new ArrayList<>();
        for (LayoutBlock block : blocks) {
            if (block instanceof ActionsBlock actions) {
                actions.getElements().forEach(e -> buttons.add((ButtonElement) e));
            }
        }
        return buttons;
    }

    @Test
    void a_header_longer_than_150_characters_is_cut_to_150_with_an_ellipsis() {
        List<LayoutBlock> blocks = renderer.single(ChatMessage.builder("x").header("H".repeat(400)).build());

        assertSlackAccepts(blocks);
        String header = ((HeaderBlock) blocks.get(0)).getText().getText();
        assertThat(header).hasSize(150).startsWith("HHH").endsWith("…");
    }

    @Test
    void a_short_header_is_kept_as_written() {
        List<LayoutBlock> blocks = renderer.single(ChatMessage.builder("x").header("Weekly check-in").build());
        assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).isEqualTo("Weekly check-in");
    }

    @Test
    void a_7000_character_text_becomes_several_sections_of_at_most_3000_that_keep_all_the_text() {
        String long7000 = "abcdefghij".repeat(700);
        List<LayoutBlock> blocks = renderer.single(ChatMessage.text(long7000));

        assertSlackAccepts(blocks);
        assertThat(blocks).hasSize(3).allSatisfy(b -> assertThat(b).isInstanceOf(SectionBlock.class));
        assertThat(String.join("", blocks.stream().map(BlockKitRendererTest::text).toList())).isEqualTo(long7000);
    }

    @Test
    void long_text_is_split_at_a_line_break_when_there_is_one() {
        String first = "a".repeat(2500);
        String second = "b".repeat(2500);
        List<LayoutBlock> blocks = renderer.single(ChatMessage.text(first + "\n" + second));

        assertSlackAccepts(blocks);
        assertThat(blocks).extracting(BlockKitRendererTest::text).containsExactly(first, second);
    }

    @Test
    void twenty_three_fields_are_split_into_sections_of_at_most_ten() {
        List<ChatMessage.Field> fields = IntStream.rangeClosed(1, 23)
                .mapToObj(i -> new ChatMessage.Field("Label " + i, "Value " + i)).toList();
        List<LayoutBlock> blocks = renderer.single(ChatMessage.builder("x").fields(fields).build());

        assertSlackAccepts(blocks);
        assertThat(blocks).hasSize(3);
        assertThat(blocks).extracting(b -> ((SectionBlock) b).getFields().size()).containsExactly(10, 10, 3);
        assertThat(((SectionBlock) blocks.get(2)).getFields().get(2).getText()).isEqualTo("*Label 23*\nValue 23");
    }

    @Test
    void thirty_buttons_are_split_into_actions_blocks_of_at_most_25_in_order() {
        List<ChatMessage.Button> buttons = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> new ChatMessage.Button("poll.vote", "poll-1:" + i, "Option " + i)).toList();
        List<LayoutBlock> blocks = renderer.single(ChatMessage.builder("x").buttons(buttons).build());

        assertSlackAccepts(blocks);
        assertThat(blocks).hasSize(2);
        assertThat(blocks).extracting(b -> ((ActionsBlock) b).getElements().size()).containsExactly(25, 5);
        assertThat(buttons(blocks)).extracting(ButtonElement::getValue)
                .containsExactlyElementsOf(buttons.stream().map(ChatMessage.Button::value).toList());
    }

    @Test
    void button_text_is_cut_to_75_and_value_to_2000_characters() {
        ChatMessage.Button big = new ChatMessage.Button("poll.vote", "v".repeat(5000), "L".repeat(200));
        List<LayoutBlock> blocks = renderer.single(ChatMessage.builder("x").buttons(List.of(big)).build());

        assertSlackAccepts(blocks);
        ButtonElement button = buttons(blocks).get(0);
        assertThat(button.getText().getText()).hasSize(75).endsWith("…");
        assertThat(button.getValue()).hasSize(2000);
    }

    @Test
    void button_styles_become_slack_styles() {
        List<LayoutBlock> blocks = renderer.single(ChatMessage.builder("x").buttons(List.of(
                new ChatMessage.Button("a", "1", "Plain"),
                new ChatMessage.Button("a", "2", "Go", ChatMessage.Style.PRIMARY),
                new ChatMessage.Button("a", "3", "Stop", ChatMessage.Style.DANGER))).build());

        assertThat(buttons(blocks)).extracting(ButtonElement::getStyle).containsExactly(null, "primary", "danger");
    }

    @Test
    void action_ids_are_unique_within_a_message_and_map_back_to_the_action_name() {
        ChatMessage message = ChatMessage.builder("x")
                .buttons(List.of(new ChatMessage.Button("poll.vote", "1", "One"), new ChatMessage.Button("poll.vote", "2", "Two")))
                .text("between")
                .buttons(List.of(new ChatMessage.Button("poll.vote", "3", "Three"), new ChatMessage.Button("poll.close", "x", "Close")))
                .build();
        List<ButtonElement> buttons = buttons(renderer.single(message));

        assertThat(buttons).extracting(ButtonElement::getActionId).doesNotHaveDuplicates().hasSize(4);
        assertThat(buttons).extracting(b -> BlockKitRenderer.actionName(b.getActionId()))
                .containsExactly("poll.vote", "poll.vote", "poll.vote", "poll.close");
    }

    @Test
    void action_name_strips_the_per_message_counter() {
        assertThat(BlockKitRenderer.actionName("poll.vote#3")).isEqualTo("poll.vote");
        assertThat(BlockKitRenderer.actionName("poll.vote")).isEqualTo("poll.vote");
    }

    @Test
    void a_very_long_action_name_still_gives_an_action_id_within_255_characters_that_maps_back() {
        String action = "a".repeat(300);
        List<ButtonElement> buttons = buttons(renderer.single(ChatMessage.builder("x")
                .buttons(List.of(new ChatMessage.Button(action, "1", "One"))).build()));

        assertThat(buttons.get(0).getActionId()).hasSizeLessThanOrEqualTo(255).contains("#");
    }

    @Test
    void a_message_with_120_parts_is_split_into_pages_of_at_most_50_blocks() {
        ChatMessage.Builder builder = ChatMessage.builder("many");
        for (int i = 1; i <= 120; i++) {
            builder.text("Part " + i);
        }
        List<List<LayoutBlock>> pages = renderer.pages(builder.build());

        assertThat(pages).hasSize(3);
        pages.forEach(BlockKitRendererTest::assertSlackAccepts);
        assertThat(pages).extracting(List::size).containsExactly(50, 50, 20);
        assertThat(text(pages.get(0).get(0))).isEqualTo("Part 1");
        assertThat(text(pages.get(2).get(19))).isEqualTo("Part 120");
    }

    @Test
    void single_cuts_a_120_part_message_to_50_blocks_ending_with_a_note_that_parts_are_not_shown() {
        ChatMessage.Builder builder = ChatMessage.builder("many");
        for (int i = 1; i <= 120; i++) {
            builder.text("Part " + i);
        }
        List<LayoutBlock> blocks = renderer.single(builder.build());

        assertSlackAccepts(blocks);
        assertThat(blocks).hasSize(50);
        assertThat(text(blocks.get(48))).isEqualTo("Part 49");
        LayoutBlock last = blocks.get(49);
        assertThat(last).isInstanceOf(ContextBlock.class);
        assertThat(text(last)).contains("71 more parts are not shown");
    }

    @Test
    void a_message_of_exactly_50_blocks_is_one_page_without_a_note() {
        ChatMessage.Builder builder = ChatMessage.builder("fifty");
        for (int i = 1; i <= 50; i++) {
            builder.text("Part " + i);
        }
        List<LayoutBlock> blocks = renderer.single(builder.build());

        assertThat(blocks).hasSize(50);
        assertThat(text(blocks.get(49))).isEqualTo("Part 50");
    }

    @Test
    void a_message_without_parts_still_gives_one_page_showing_the_fallback_text() {
        List<List<LayoutBlock>> pages = renderer.pages(new ChatMessage("Just this", List.of()));

        assertThat(pages).hasSize(1);
        assertSlackAccepts(pages.get(0));
        assertThat(text(pages.get(0).get(0))).isEqualTo("Just this");
    }

    @Test
    void channel_mentions_and_ampersands_in_user_text_are_escaped_while_person_mentions_stay_mentions() {
        ChatMessage message = ChatMessage.builder("x")
                .text("Hey <!channel> fish & chips <@U123> <@U1|x> <#C9> <@lower>")
                .fields(List.of(new ChatMessage.Field("<!here>", "a & b")))
                .context("<!everyone>")
                .build();
        List<LayoutBlock> blocks = renderer.single(message);

        // <@U123> and <#C9> are the neutral markup for one person and one channel (ChatMessage.mention), which is
        // Slack's own syntax; anything else in angle brackets is escaped, so nobody can ping the whole channel.
        assertThat(text(blocks.get(0))).isEqualTo(
                "Hey &lt;!channel&gt; fish &amp; chips <@U123> &lt;@U1|x&gt; <#C9> &lt;@lower&gt;");
        assertThat(((SectionBlock) blocks.get(1)).getFields().get(0).getText()).isEqualTo("*&lt;!here&gt;*\na &amp; b");
        assertThat(text(blocks.get(2))).isEqualTo("&lt;!everyone&gt;");
        String json = GsonFactory.createSnakeCase().toJson(blocks);
        assertThat(json).doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<!everyone>");
    }

    @Test
    void the_rendered_blocks_serialize_to_slack_json_with_snake_case_names() {
        List<LayoutBlock> blocks = renderer.single(ChatMessage.builder("x").header("Poll")
                .buttons(List.of(new ChatMessage.Button("poll.vote", "p1:1", "Yes"))).build());
        String json = GsonFactory.createSnakeCase().toJson(blocks);

        assertThat(json).contains("\"type\":\"header\"").contains("\"type\":\"actions\"")
                .contains("\"action_id\":\"poll.vote#0\"").contains("\"value\":\"p1:1\"");
    }

    @Test
    void the_fallback_text_is_cut_to_3000_characters_and_never_blank() {
        assertThat(renderer.fallback(new ChatMessage("f".repeat(5000), List.of(new ChatMessage.Part.Divider()))))
                .hasSize(3000);
        assertThat(renderer.fallback(new ChatMessage("  ", List.of(new ChatMessage.Part.Divider())))).isEqualTo("Nudge");
    }

    private static Form form(String title, String submit, List<Form.Input> inputs) {
        return new Form("prompt.evidence", title, submit, "Tell us <!channel> & more", inputs, "state");
    }

    @Test
    void a_modal_cuts_title_and_submit_label_to_24_characters() {
        View view = renderer.modal(form("A title that is far too long for Slack", "Submit this answer right now please",
                List.of(new Form.TextInput("evidence", "Evidence", null, true, 500, false))), "{}");

        assertThat(view.getTitle().getText()).hasSizeLessThanOrEqualTo(24).startsWith("A title");
        assertThat(view.getSubmit().getText()).hasSizeLessThanOrEqualTo(24).startsWith("Submit");
        assertThat(view.getCallbackId()).isEqualTo("prompt.evidence");
        assertThat(view.getPrivateMetadata()).isEqualTo("{}");
    }

    @Test
    void a_modal_input_block_ids_equal_the_input_ids_and_carry_max_length() {
        View view = renderer.modal(form("Evidence", "Save", List.of(
                new Form.TextInput("evidence", "What did you do?", "A link is welcome", true, 500, false),
                new Form.TextInput("note", "Anything else?", null, false, 9000, true))), "{\"prompt\":7}");

        List<InputBlock> inputs = view.getBlocks().stream().filter(InputBlock.class::isInstance)
                .map(InputBlock.class::cast).toList();
        assertThat(inputs).extracting(InputBlock::getBlockId).containsExactly("evidence", "note");
        PlainTextInputElement first = (PlainTextInputElement) inputs.get(0).getElement();
        PlainTextInputElement second = (PlainTextInputElement) inputs.get(1).getElement();
        assertThat(first.getActionId()).isEqualTo("evidence");
        assertThat(first.getMaxLength()).isEqualTo(500);
        assertThat(first.isMultiline()).isTrue();
        assertThat(second.getMaxLength()).as("Slack's plain text input limit").isEqualTo(3000);
        assertThat(inputs.get(1).isOptional()).isTrue();
    }

    @Test
    void a_modal_intro_is_escaped() {
        View view = renderer.modal(form("Evidence", "Save",
                List.of(new Form.TextInput("evidence", "Evidence", null, true, 500, false))), "{}");

        assertThat(text(view.getBlocks().get(0))).isEqualTo("Tell us &lt;!channel&gt; &amp; more");
    }

    @Test
    void private_metadata_over_3000_characters_is_refused() {
        Form form = form("Evidence", "Save", List.of(new Form.TextInput("evidence", "Evidence", null, true, 500, false)));

        assertThat(renderer.modal(form, "m".repeat(3000)).getPrivateMetadata()).hasSize(3000);
        assertThatThrownBy(() -> renderer.modal(form, "m".repeat(3001))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_select_becomes_a_static_select_in_an_input_block_with_its_options_initial_choice_and_optional_flag() {
        View view = renderer.modal(form("Rate", "Save", List.of(
                new Form.Select("p1", "1. Deliver what patients need", List.of(new Form.Option("1", "1 – not at all"),
                        new Form.Option("5", "5 – fully")), "5", true),
                new Form.Select("kind", "Kind", List.of(new Form.Option("helped", "What helped")), null, false))),
                "{}");

        List<InputBlock> inputs = view.getBlocks().stream().filter(InputBlock.class::isInstance)
                .map(InputBlock.class::cast).toList();
        assertThat(inputs).extracting(InputBlock::getBlockId).containsExactly("p1", "kind");
        assertThat(inputs.get(0).isOptional()).isTrue();
        assertThat(inputs.get(1).isOptional()).isFalse();
        StaticSelectElement rating = (StaticSelectElement) inputs.get(0).getElement();
        assertThat(rating.getActionId()).isEqualTo("p1");
        assertThat(rating.getOptions()).extracting(OptionObject::getValue).containsExactly("1", "5");
        assertThat(rating.getOptions()).extracting(option -> ((TextObject) option.getText()).getText()) // plain_text
                .containsExactly("1 – not at all", "5 – fully");
        assertThat(rating.getInitialOption().getValue()).isEqualTo("5");
        assertThat(((StaticSelectElement) inputs.get(1).getElement()).getInitialOption()).isNull();
        String json = GsonFactory.createSnakeCase().toJson(view);
        assertThat(json).contains("\"type\":\"static_select\"", "\"initial_option\"");
    }

    @Test
    void option_text_is_cut_to_75_characters_and_a_value_over_75_is_refused_by_the_form() {
        View view = renderer.modal(form("Rate", "Save", List.of(new Form.Select("p", "P",
                List.of(new Form.Option("1", "x".repeat(200))), null, false))), "{}");

        StaticSelectElement select = (StaticSelectElement) ((InputBlock) view.getBlocks().get(1)).getElement();
        assertThat(((TextObject) select.getOptions().get(0).getText()).getText()).hasSize(75).endsWith("…");
        assertThatThrownBy(() -> new Form.Option("v".repeat(76), "too long a value"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Form.Select("p", "P", List.of(new Form.Option("1", "One")), "2", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Known bugs in BlockKitRenderer: enable once fixed.

    @Test
    void a_long_text_ending_in_whitespace_never_gives_an_empty_section() {
        List<LayoutBlock> blocks = renderer.single(ChatMessage.text("a".repeat(3000) + "\n\n  "));

        assertSlackAccepts(blocks);
    }

    @Test
    void a_message_without_parts_keeps_the_escaped_fallback_within_3000_characters() {
        List<List<LayoutBlock>> pages = renderer.pages(new ChatMessage("fish & chips ".repeat(300), List.of()));

        assertSlackAccepts(pages.get(0));
    }

    @Test
    void cutting_a_long_header_never_splits_an_emoji() {
        List<LayoutBlock> blocks = renderer.single(ChatMessage.builder("x").header("\uD83D\uDE00".repeat(100)).build());

        String header = ((HeaderBlock) blocks.get(0)).getText().getText();
        assertThat(header).hasSizeLessThanOrEqualTo(150).endsWith("…");
        assertThat(Character.isHighSurrogate(header.charAt(header.length() - 2))).as("lone high surrogate before …").isFalse();
    }
}
