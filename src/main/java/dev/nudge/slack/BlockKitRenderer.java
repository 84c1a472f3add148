package dev.nudge.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws neutral messages as Block Kit within Slack's limits (50 blocks a message, 3,000 characters a section, 150 a
 * header, 10 fields a section, 25 elements an actions block, 75 characters of button text, 2,000 of button value,
 * 255 of action id; modals: 100 blocks, 24-character title and submit, 75 characters of option text). Long text is cut with an ellipsis; a message
 * with too many blocks is split into pages, each a message Slack accepts.
 */
public final class BlockKitRenderer {
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final int MAX_HEADER_TEXT = 150;
    public static final int MAX_FIELDS = 10;
    public static final int MAX_FIELD_TEXT = 2000;
    public static final int MAX_ACTION_ELEMENTS = 25;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_BUTTON_VALUE = 2000;
    public static final int MAX_ACTION_ID = 255;
    public static final int MAX_FALLBACK_TEXT = 3000;
    public static final int MAX_MODAL_TITLE = 24;
    public static final int MAX_PRIVATE_METADATA = 3000;
    public static final int MAX_INPUT_LABEL = 2000;
    public static final int MAX_PLACEHOLDER = 150;
    public static final int MAX_OPTION_TEXT = 75;
    /** Separates the neutral action name from the per-message counter that keeps action ids unique. */
    public static final char ACTION_SEPARATOR = '#';

    /** All blocks of a message, possibly more than one page. */
    public List<List<LayoutBlock>> pages(ChatMessage message) {
        List<LayoutBlock> blocks = blocks(message);
        List<List<LayoutBlock>> pages = new ArrayList<>();
        for (int start = 0; start < blocks.size(); start += MAX_BLOCKS) {
            pages.add(List.copyOf(blocks.subList(start, Math.min(blocks.size(), start + MAX_BLOCKS))));
        }
        if (pages.isEmpty()) {
            pages.add(List.of(section(s -> s.text(markdownText(clip(escape(message.fallbackText().isBlank() ? "Nudge"
                    : message.fallbackText()), MAX_SECTION_TEXT))))));
        }
        return pages;
    }

    /** One message's blocks, cut to the limit with a note saying so (for updates and replies, which cannot page). */
    public List<LayoutBlock> single(ChatMessage message) {
        List<List<LayoutBlock>> pages = pages(message);
        if (pages.size() == 1) {
            return pages.get(0);
        }
        List<LayoutBlock> all = new ArrayList<>();
        pages.forEach(all::addAll);
        int hidden = all.size() - (MAX_BLOCKS - 1);
        List<LayoutBlock> cut = new ArrayList<>(all.subList(0, MAX_BLOCKS - 1));
        cut.add(context(c -> c.elements(List.of(markdownText("_" + hidden + " more parts are not shown here._")))));
        return cut;
    }

    /** Plain text for notifications and screen readers. */
    public String fallback(ChatMessage message) {
        return clip(message.fallbackText().isBlank() ? "Nudge" : message.fallbackText(), MAX_FALLBACK_TEXT);
    }

    List<LayoutBlock> blocks(ChatMessage message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        int[] actionCounter = {0};
        for (ChatMessage.Part part : message.parts()) {
            if (part instanceof ChatMessage.Part.Header header) {
                blocks.add(header(h -> h.text(plainText(clip(header.text(), MAX_HEADER_TEXT)))));
            } else if (part instanceof ChatMessage.Part.Text text) {
                for (String chunk : chunks(escape(text.text()), MAX_SECTION_TEXT)) {
                    blocks.add(section(s -> s.text(markdownText(chunk))));
                }
            } else if (part instanceof ChatMessage.Part.Fields fields) {
                List<ChatMessage.Field> all = fields.fields();
                for (int start = 0; start < all.size(); start += MAX_FIELDS) {
                    List<TextObject> group = new ArrayList<>();
                    for (ChatMessage.Field field : all.subList(start, Math.min(all.size(), start + MAX_FIELDS))) {
                        group.add(markdownText(clip("*" + escape(field.label()) + "*\n" + escape(field.value()),
                                MAX_FIELD_TEXT)));
                    }
                    blocks.add(section(s -> s.fields(group)));
                }
            } else if (part instanceof ChatMessage.Part.Buttons buttons) {
                List<ChatMessage.Button> all = buttons.buttons();
                for (int start = 0; start < all.size(); start += MAX_ACTION_ELEMENTS) {
                    List<BlockElement> row = new ArrayList<>();
                    for (ChatMessage.Button button : all.subList(start, Math.min(all.size(), start + MAX_ACTION_ELEMENTS))) {
                        row.add(button(button, actionCounter[0]++));
                    }
                    blocks.add(actions(a -> a.elements(row)));
                }
            } else if (part instanceof ChatMessage.Part.Context context) {
                blocks.add(context(c -> c.elements(List.of(markdownText(clip(escape(context.text()), MAX_SECTION_TEXT))))));
            } else if (part instanceof ChatMessage.Part.Divider) {
                blocks.add(divider());
            }
        }
        return blocks;
    }

    private static ButtonElement button(ChatMessage.Button button, int counter) {
        String suffix = ACTION_SEPARATOR + Integer.toString(counter);
        String actionId = clip(button.action(), MAX_ACTION_ID - suffix.length()) + suffix;
        ButtonElement.ButtonElementBuilder element = ButtonElement.builder()
                .actionId(actionId)
                .text(plainText(clip(button.label(), MAX_BUTTON_TEXT)))
                .value(clip(button.value(), MAX_BUTTON_VALUE));
        switch (button.style()) {
            case PRIMARY -> element.style("primary");
            case DANGER -> element.style("danger");
            default -> { }
        }
        return element.build();
    }

    /** The neutral action name of a Slack action id ({@code poll.vote#3} is {@code poll.vote}). */
    public static String actionName(String actionId) {
        int separator = actionId.lastIndexOf(ACTION_SEPARATOR);
        return separator < 0 ? actionId : actionId.substring(0, separator);
    }

    /** A modal for a form; {@code privateMetadata} carries the state back on submit. */
    public View modal(Form form, String privateMetadata) {
        if (privateMetadata.length() > MAX_PRIVATE_METADATA) {
            throw new IllegalArgumentException("form state too long for a Slack modal");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        if (form.intro() != null && !form.intro().isBlank()) {
            blocks.add(section(s -> s.text(markdownText(clip(escape(form.intro()), MAX_SECTION_TEXT)))));
        }
        for (Form.Input field : form.inputs()) {
            blocks.add(input(i -> i.blockId(field.id())
                    .label(plainText(clip(field.label(), MAX_INPUT_LABEL)))
                    .optional(field.optional())
                    .element(element(field))));
        }
        return View.builder()
                .type("modal")
                .callbackId(form.formId())
                .privateMetadata(privateMetadata)
                .title(ViewTitle.builder().type("plain_text").text(clip(form.title(), MAX_MODAL_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(clip(form.submitLabel(), MAX_MODAL_TITLE)).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }

    private static BlockElement element(Form.Input field) {
        if (field instanceof Form.Select select) {
            List<OptionObject> options = select.options().stream().map(BlockKitRenderer::option).toList();
            return StaticSelectElement.builder()
                    .actionId(select.id())
                    .placeholder(plainText("Choose…"))
                    .options(options)
                    .initialOption(select.initialValue() == null ? null : options.stream()
                            .filter(option -> option.getValue().equals(select.initialValue())).findFirst().orElseThrow())
                    .build();
        }
        Form.TextInput text = (Form.TextInput) field;
        return PlainTextInputElement.builder()
                .actionId(text.id())
                .multiline(text.multiline())
                .maxLength(Math.min(text.maxLength(), 3000))
                .placeholder(text.placeholder() == null ? null : plainText(clip(text.placeholder(), MAX_PLACEHOLDER)))
                .build();
    }

    private static OptionObject option(Form.Option option) {
        return OptionObject.builder().text(plainText(clip(option.label(), MAX_OPTION_TEXT))).value(option.value()).build();
    }

    /** The neutral user and channel mentions ({@code <@U123>}, {@code <#C123>}) with Slack-shaped ids. */
    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("<([@#])([A-Z0-9]{2,40})>");

    /**
     * Slack mrkdwn treats &, < and > as control characters: escape them so user text cannot ping @channel. User and
     * channel mentions in the neutral markup ({@code <@U123>}, {@code <#C123>}) are Slack's own syntax and stay.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher mention = MENTION.matcher(text);
        int from = 0;
        while (mention.find()) {
            out.append(escapeAll(text.substring(from, mention.start()))).append(mention.group());
            from = mention.end();
        }
        return out.append(escapeAll(text.substring(from))).toString();
    }

    private static String escapeAll(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        // Never split a surrogate pair (an emoji): Slack would show a broken character.
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    /** Splits long text at line breaks where possible, each chunk at most {@code max} characters. */
    static List<String> chunks(String text, int max) {
        List<String> chunks = new ArrayList<>();
        String rest = text.isEmpty() ? " " : text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = max;
            }
            chunks.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        // Slack rejects a section with empty text, so trailing whitespace after a cut is dropped, not sent alone.
        if (!rest.isBlank() || chunks.isEmpty()) {
            chunks.add(rest.isBlank() ? " " : rest);
        }
        return chunks;
    }
}
