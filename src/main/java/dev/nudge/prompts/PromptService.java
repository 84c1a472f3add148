package dev.nudge.prompts;

import dev.nudge.chat.ActionInput;
import dev.nudge.chat.ActionResult;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Form;
import dev.nudge.chat.FormResult;
import dev.nudge.chat.FormSubmission;
import dev.nudge.chat.Interactions;
import dev.nudge.chat.MessageRefresher;
import dev.nudge.chat.PrivateReply;
import dev.nudge.chat.UserInputException;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.principles.Principle;
import dev.nudge.principles.PrinciplePack;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks a principle's question in a channel and records the answers and notes. */
public final class PromptService {
    public static final String ANSWER_ACTION = "prompt.answer";
    public static final String NOTE_ACTION = "prompt.note";
    public static final String NOTE_FORM = "prompt.note";
    public static final String NOTE_INPUT = "note";
    public static final int MAX_NOTE = 3000;
    private static final Logger log = LoggerFactory.getLogger(PromptService.class);

    private final PromptRepository prompts;
    private final ChannelPacks packs;
    private final ChatGateways gateways;
    private final MessageRefresher refresher;
    private final Clock clock;

    public PromptService(PromptRepository prompts, ChannelPacks packs, ChatGateways gateways, MessageRefresher refresher,
                         Clock clock) {
        this.prompts = prompts;
        this.packs = packs;
        this.gateways = gateways;
        this.refresher = refresher;
        this.clock = clock;
    }

    public void register(Interactions interactions) {
        interactions.onAction(ANSWER_ACTION, this::onAnswer);
        interactions.onAction(NOTE_ACTION, this::onAddNote);
        interactions.onForm(NOTE_FORM, this::onNote);
    }

    /** Picks the principle named, or the one least recently asked in the channel. */
    public Principle choosePrinciple(ConversationRef where, Optional<String> reference) {
        PrinciplePack pack = packs.forChannel(where);
        if (reference.isPresent()) {
            return pack.find(reference.get());
        }
        Map<Integer, Instant> lastAsked = prompts.lastAsked(where, pack.name());
        return pack.principles().stream()
                .min(Comparator.comparing((Principle p) -> lastAsked.getOrDefault(p.number(), Instant.MIN))
                        .thenComparingInt(Principle::number))
                .orElseThrow();
    }

    /** Stores the prompt, then posts it; if the post fails the prompt is removed and the user told why. */
    public Optional<Prompt> ask(ConversationRef where, Principle principle, String askedBy, PrivateReply reply) {
        Prompt prompt = prepare(where, principle, askedBy);
        try {
            deliver(prompt, null);
            return prompts.find(prompt.id());
        } catch (ChatDeliveryException e) {
            prompts.delete(prompt.id());
            log.warn("Prompt {} not posted in {}: {}", prompt.id(), where.channelId(), e.getMessage());
            reply.send(ChatMessage.text("I couldn't post the prompt: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Stores a prompt for the principle, taking its questions in turn; nothing is posted yet. */
    public Prompt prepare(ConversationRef where, Principle principle, String askedBy) {
        PrinciplePack pack = packs.forChannel(where);
        int asked = prompts.timesAsked(where, pack.name(), principle.number());
        String question = principle.prompts().get(asked % principle.prompts().size());
        return prompts.create(where, pack.name(), principle.number(), question, askedBy, clock.instant());
    }

    /** Posts a stored prompt (tagged with {@code deliveryKey} when not null) and remembers its message. */
    public String deliver(Prompt prompt, String deliveryKey) {
        String messageId = gateways.forConversation(prompt.where()).post(prompt.where(), null,
                PromptCard.open(prompt, principleOf(prompt), prompts.counts(prompt.id())), deliveryKey);
        prompts.attachMessage(prompt.id(), messageId);
        return messageId;
    }

    /** Records the message of a prompt that was found posted after a restart. */
    public void attach(long promptId, String messageId) {
        prompts.attachMessage(promptId, messageId);
    }

    public Optional<Prompt> find(long promptId) {
        return prompts.find(promptId);
    }

    /** One follow-up in the prompt's thread saying how many have answered; it mentions no one. */
    public void remind(long promptId, String deliveryKey) {
        Prompt prompt = prompts.find(promptId).filter(p -> p.messageId() != null).orElse(null);
        if (prompt == null) {
            return;
        }
        AnswerCounts counts = prompts.counts(promptId);
        String text = counts.total() == 0
                ? "Reminder: nobody has answered _" + prompt.question() + "_ yet. One click above is enough."
                : "Reminder: " + counts.total() + (counts.total() == 1 ? " colleague has" : " colleagues have")
                + " answered _" + prompt.question() + "_ so far. If you haven't yet, one click above is enough.";
        gateways.forConversation(prompt.where()).post(prompt.where(), prompt.messageId(), ChatMessage.text(text),
                deliveryKey);
    }

    private ActionResult onAnswer(ActionInput input) {
        String[] parts = input.value().split(":", 2);
        if (parts.length != 2) {
            throw new UserInputException("That answer button is damaged. Please ask again with a new prompt.");
        }
        Prompt prompt = find(parts[0]);
        Answer answer = Answer.fromId(parts[1]);
        requireSameChannel(prompt, input.where());
        prompts.answer(prompt.id(), input.userId(), answer, clock.instant());
        refresh(prompt);
        Principle principle = principleOf(prompt);
        String follow = answer == Answer.YES ? principle.evidenceQuestion() : "Want to add a note for the team?";
        ChatMessage thanks = ChatMessage.builder("Recorded: " + answer.label())
                .text("Recorded *" + answer.label() + "* for _" + principle.title() + "_. You can change it by clicking"
                        + " another answer.\n" + follow)
                .buttons(List.of(new ChatMessage.Button(NOTE_ACTION, prompt.id() + ":" + answer.id(),
                        answer == Answer.YES ? "Add evidence" : "Add a note")))
                .build();
        return new ActionResult.Private(thanks);
    }

    private ActionResult onAddNote(ActionInput input) {
        String[] parts = input.value().split(":", 2);
        Prompt prompt = find(parts[0]);
        requireSameChannel(prompt, input.where());
        Optional<Answer> answer = parts.length == 2 ? Optional.of(Answer.fromId(parts[1]))
                : prompts.answerOf(prompt.id(), input.userId());
        Principle principle = principleOf(prompt);
        String label = answer.filter(a -> a == Answer.YES).isPresent() ? principle.evidenceQuestion() : "Your note";
        Form form = new Form(NOTE_FORM, "Add a note", "Save note", prompt.question(),
                List.of(new Form.TextInput(NOTE_INPUT, label, "Up to 3,000 characters", true, MAX_NOTE, false)),
                prompt.id() + ":" + answer.map(Answer::id).orElse(""));
        return new ActionResult.OpenForm(form);
    }

    private FormResult onNote(FormSubmission submission) {
        String[] parts = submission.state().split(":", 2);
        Prompt prompt = find(parts[0]);
        String note = submission.values().getOrDefault(NOTE_INPUT, "").strip();
        if (note.isEmpty()) {
            return new FormResult.Rejected(Map.of(NOTE_INPUT, "Please write a note, or close this window."));
        }
        if (note.length() > MAX_NOTE) {
            return new FormResult.Rejected(Map.of(NOTE_INPUT, "Your note is " + note.length()
                    + " characters; please keep it to " + MAX_NOTE + "."));
        }
        Answer answer = parts.length == 2 && !parts[1].isEmpty() ? Answer.fromId(parts[1]) : null;
        prompts.addNote(prompt.id(), submission.userId(), answer, note, clock.instant());
        refresh(prompt);
        return new FormResult.Accepted(ChatMessage.text("Thanks, your note on _" + prompt.question() + "_ is saved."));
    }

    private Prompt find(String rawId) {
        try {
            return prompts.find(Long.parseLong(rawId)).orElseThrow(() -> new UserInputException(
                    "That prompt no longer exists. Ask a new one with the ask command."));
        } catch (NumberFormatException e) {
            throw new UserInputException("That button does not point at a prompt Nudge knows.");
        }
    }

    private static void requireSameChannel(Prompt prompt, ConversationRef where) {
        if (where != null && !prompt.where().equals(where)) {
            throw new UserInputException("That prompt belongs to another channel.");
        }
    }

    private Principle principleOf(Prompt prompt) {
        PrinciplePack pack = packs.catalog().byNameOrDefault(prompt.pack());
        return prompt.principleNumber() <= pack.principles().size() ? pack.number(prompt.principleNumber())
                : pack.principles().get(0);
    }

    private void refresh(Prompt prompt) {
        if (prompt.messageId() == null) {
            return;
        }
        refresher.request("prompt:" + prompt.id(), () -> gateways.forConversation(prompt.where()).update(
                prompt.where(), prompt.messageId(), PromptCard.open(prompt, principleOf(prompt), prompts.counts(prompt.id()))));
    }
}
