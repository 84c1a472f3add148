package dev.nudge.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.Form;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Draws neutral messages and forms as Adaptive Cards 1.5, the newest version Teams renders. Buttons become
 * Action.Submit whose data carries {@code {action, value}} (forms: {@code {form, state}}), so a click arrives as a
 * message activity with that object as its value. A card is kept under {@link #MAX_CARD_BYTES}: Teams refuses bot
 * messages over about 40-100 KB depending on the client, and 28 KB is the lowest limit it documents anywhere.
 */
public final class AdaptiveCardRenderer {
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    public static final String VERSION = "1.5";
    public static final int MAX_CARD_BYTES = 28_000;
    public static final int MAX_TEXT = 2_000;
    /** Teams shows at most about six actions in a row; more go into an overflow menu. */
    public static final int ACTIONS_PER_ROW = 5;
    /** Input ids get this prefix so they can never clash with the data keys of the submit action. */
    public static final String INPUT_PREFIX = "input_";
    public static final String ACTION_KEY = "action";
    public static final String VALUE_KEY = "value";
    public static final String FORM_KEY = "form";
    public static final String STATE_KEY = "state";
    public static final String ORIGIN_KEY = "origin";

    /** *bold* as Slack reads it: no space just inside the asterisks, so "2 * 3 * 4" stays arithmetic. */
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*([^*\\s](?:[^*\\n]*[^*\\s])?)\\*(?![\\w*])");
    /** The neutral markup's user and channel references: {@code <@id>} and {@code <#id>}. */
    private static final Pattern USER = Pattern.compile("<@([^<>|\\s]+)>");
    private static final Pattern CHANNEL = Pattern.compile("<#([^<>|\\s]+)>");
    /** Said instead of a person Nudge cannot name (it has not heard their name since it started). */
    static final String UNNAMED = "a teammate";
    private final ObjectMapper json = new ObjectMapper();
    private final TeamsPeople people;

    public AdaptiveCardRenderer() {
        this(new TeamsPeople());
    }

    public AdaptiveCardRenderer(TeamsPeople people) {
        this.people = people;
    }

    /** The card for a message. {@code origin}, when not null, is added to every button's data. */
    public ObjectNode card(ChatMessage message, String origin) {
        List<ObjectNode> mentions = new ArrayList<>();
        ObjectNode card = drawn(withMentions(message, mentions), origin);
        if (!mentions.isEmpty()) {
            ArrayNode entities = ((ObjectNode) card.path("msteams")).putArray("entities");
            mentions.forEach(entities::add);
        }
        return card;
    }

    /**
     * The message with each {@code <@id>} made a Teams mention ({@code <at>Name</at>}, its entity added to
     * {@code mentions}) when the name is known, else "a teammate"; {@code <#id>} becomes "the channel".
     */
    private ChatMessage withMentions(ChatMessage message, List<ObjectNode> mentions) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.function.UnaryOperator<String> text = raw -> {
            if (raw == null) {
                return null;
            }
            java.util.regex.Matcher user = USER.matcher(raw);
            StringBuilder out = new StringBuilder();
            while (user.find()) {
                String id = user.group(1);
                java.util.Optional<String> name = people.name(id);
                String replacement = name.map(n -> "<at>" + n + "</at>").orElse(UNNAMED);
                if (name.isPresent() && seen.add(id)) {
                    ObjectNode entity = json.createObjectNode().put("type", "mention").put("text", replacement);
                    entity.putObject("mentioned").put("id", id).put("name", name.get());
                    mentions.add(entity);
                }
                user.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
            }
            user.appendTail(out);
            return CHANNEL.matcher(out.toString()).replaceAll("the channel");
        };
        List<ChatMessage.Part> parts = new ArrayList<>();
        for (ChatMessage.Part part : message.parts()) {
            if (part instanceof ChatMessage.Part.Header header) {
                parts.add(new ChatMessage.Part.Header(text.apply(header.text())));
            } else if (part instanceof ChatMessage.Part.Text body) {
                parts.add(new ChatMessage.Part.Text(text.apply(body.text())));
            } else if (part instanceof ChatMessage.Part.Context context) {
                parts.add(new ChatMessage.Part.Context(text.apply(context.text())));
            } else if (part instanceof ChatMessage.Part.Fields fields) {
                parts.add(new ChatMessage.Part.Fields(fields.fields().stream()
                        .map(f -> new ChatMessage.Field(text.apply(f.label()), text.apply(f.value()))).toList()));
            } else {
                parts.add(part);
            }
        }
        return new ChatMessage(message.fallbackText(), parts);
    }

    private ObjectNode drawn(ChatMessage message, String origin) {
        List<ObjectNode> body = new ArrayList<>();
        boolean separateNext = false;
        for (ChatMessage.Part part : message.parts()) {
            int before = body.size();
            if (part instanceof ChatMessage.Part.Header header) {
                body.add(textBlock(header.text()).put("size", "Medium").put("weight", "Bolder"));
            } else if (part instanceof ChatMessage.Part.Text text) {
                lines(text.text(), false).forEach(body::add);
            } else if (part instanceof ChatMessage.Part.Fields fields) {
                ObjectNode factSet = json.createObjectNode().put("type", "FactSet");
                ArrayNode facts = factSet.putArray("facts");
                for (ChatMessage.Field field : fields.fields()) {
                    facts.addObject().put("title", clip(plain(field.label()), 200)).put("value", clip(markdown(field.value()), MAX_TEXT));
                }
                body.add(factSet);
            } else if (part instanceof ChatMessage.Part.Buttons buttons) {
                List<ChatMessage.Button> all = buttons.buttons();
                for (int start = 0; start < all.size(); start += ACTIONS_PER_ROW) {
                    ObjectNode set = json.createObjectNode().put("type", "ActionSet");
                    ArrayNode actions = set.putArray("actions");
                    for (ChatMessage.Button button : all.subList(start, Math.min(all.size(), start + ACTIONS_PER_ROW))) {
                        actions.add(submit(button, origin));
                    }
                    body.add(set);
                }
            } else if (part instanceof ChatMessage.Part.Context context) {
                lines(context.text(), true).forEach(body::add);
            } else if (part instanceof ChatMessage.Part.Divider) {
                separateNext = true;
                continue;
            }
            if (separateNext && body.size() > before) {
                body.get(before).put("separator", true).put("spacing", "Medium");
                separateNext = false;
            }
        }
        if (body.isEmpty()) {
            body.add(textBlock(message.fallbackText().isBlank() ? "Nudge" : message.fallbackText()));
        }
        return withinLimit(body);
    }

    /** A form: its intro, one input per field (text or drop-down), an error line per rejected field, a submit button. */
    public ObjectNode form(Form form, String origin, Map<String, String> values, Map<String, String> errors) {
        List<ObjectNode> body = new ArrayList<>();
        body.add(textBlock(form.title()).put("size", "Medium").put("weight", "Bolder"));
        if (form.intro() != null && !form.intro().isBlank()) {
            body.add(textBlock(form.intro()));
        }
        for (Form.Input field : form.inputs()) {
            body.add(input(field, values.get(field.id())));
            String error = errors.get(field.id());
            if (error != null) {
                body.add(textBlock(error).put("color", "Attention").put("spacing", "Small"));
            }
        }
        ObjectNode data = json.createObjectNode().put(FORM_KEY, form.formId()).put(STATE_KEY, form.state());
        if (origin != null) {
            data.put(ORIGIN_KEY, origin);
        }
        ObjectNode submit = json.createObjectNode().put("type", "Action.Submit").put("title", clip(form.submitLabel(), 80))
                .put("style", "positive");
        submit.set("data", data);
        ObjectNode set = json.createObjectNode().put("type", "ActionSet");
        set.putArray("actions").add(submit);
        body.add(set);
        return withinLimit(body);
    }

    /** Input.Text, or a compact Input.ChoiceSet (a drop-down) for a select; {@code value} refills it (may be null). */
    private ObjectNode input(Form.Input field, String value) {
        ObjectNode input = json.createObjectNode();
        if (field instanceof Form.Select select) {
            input.put("type", "Input.ChoiceSet").put("id", INPUT_PREFIX + select.id())
                    .put("label", clip(select.label(), 200))
                    .put("style", "compact")
                    .put("isRequired", !select.optional())
                    .put("placeholder", "Choose…")
                    .put("errorMessage", "Please choose one.");
            ArrayNode choices = input.putArray("choices");
            select.options().forEach(option -> choices.addObject().put("title", clip(plain(option.label()), 200))
                    .put("value", option.value()));
            String chosen = value != null && select.offers(value) ? value : select.initialValue();
            if (chosen != null) {
                input.put("value", chosen);
            }
            return input;
        }
        Form.TextInput text = (Form.TextInput) field;
        input.put("type", "Input.Text")
                .put("id", INPUT_PREFIX + text.id())
                .put("label", clip(text.label(), 200))
                .put("isMultiline", text.multiline())
                .put("maxLength", text.maxLength())
                .put("isRequired", !text.optional())
                .put("errorMessage", "Please fill this in.");
        if (text.placeholder() != null) {
            input.put("placeholder", clip(text.placeholder(), 200));
        }
        if (value != null) {
            input.put("value", value.length() > text.maxLength() ? value.substring(0, text.maxLength()) : value);
        }
        return input;
    }

    /** The card as a Bot Framework attachment. */
    public static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }

    /** Plain text for notifications and screen readers. */
    public static String fallback(ChatMessage message) {
        String text = message.fallbackText().isBlank() ? "Nudge" : message.fallbackText();
        text = CHANNEL.matcher(USER.matcher(text).replaceAll(UNNAMED)).replaceAll("the channel");
        return clip(plain(text), 1000);
    }

    private ObjectNode submit(ChatMessage.Button button, String origin) {
        ObjectNode action = json.createObjectNode().put("type", "Action.Submit").put("title", clip(button.label(), 80));
        switch (button.style()) {
            case PRIMARY -> action.put("style", "positive");
            case DANGER -> action.put("style", "destructive");
            default -> { }
        }
        ObjectNode data = action.putObject("data").put(ACTION_KEY, button.action()).put(VALUE_KEY, button.value());
        if (origin != null) {
            data.put(ORIGIN_KEY, origin);
        }
        return action;
    }

    /** One TextBlock per line: Teams clients differ in how they treat line breaks inside a block. */
    private List<ObjectNode> lines(String text, boolean subtle) {
        List<ObjectNode> blocks = new ArrayList<>();
        boolean gap = false;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                gap = true;
                continue;
            }
            ObjectNode block = textBlock(line).put("spacing", gap ? "Medium" : blocks.isEmpty() ? "Default" : "None");
            if (subtle) {
                block.put("size", "Small").put("isSubtle", true);
            }
            blocks.add(block);
            gap = false;
        }
        return blocks;
    }

    private ObjectNode textBlock(String text) {
        return json.createObjectNode().put("type", "TextBlock").put("text", clip(markdown(text), MAX_TEXT))
                .put("wrap", true);
    }

    private ObjectNode withinLimit(List<ObjectNode> body) {
        ObjectNode card = wrap(body);
        int hidden = 0;
        List<ObjectNode> kept = new ArrayList<>(body);
        while (bytes(card) > MAX_CARD_BYTES) {
            int last = lastRemovable(kept);
            if (last < 0) {
                throw new IllegalArgumentException("a card's buttons alone exceed " + MAX_CARD_BYTES + " bytes");
            }
            kept.remove(last);
            hidden++;
            List<ObjectNode> withNote = new ArrayList<>(kept);
            withNote.add(last, textBlock("_" + hidden + " more parts are not shown here._")
                    .put("size", "Small").put("isSubtle", true));
            card = wrap(withNote);
        }
        return card;
    }

    private static int lastRemovable(List<ObjectNode> body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            String type = body.get(i).path("type").asText();
            if (!type.equals("ActionSet") && !type.startsWith("Input.") && i > 0) {
                return i;
            }
        }
        return -1;
    }

    private ObjectNode wrap(List<ObjectNode> body) {
        ObjectNode card = json.createObjectNode();
        card.put("type", "AdaptiveCard").put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", VERSION);
        card.putArray("body").addAll(body);
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    private int bytes(ObjectNode card) {
        return card.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Nudge's shared markup to Teams markdown: *bold* becomes **bold**, `code` loses its backticks. */
    static String markdown(String text) {
        return BOLD.matcher(text.replace("`", "")).replaceAll("**$1**");
    }

    /** Markup removed, for plain-text places (fact titles, notifications). */
    static String plain(String text) {
        return BOLD.matcher(text.replace("`", "")).replaceAll("$1");
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }
}
