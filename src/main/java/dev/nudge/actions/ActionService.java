package dev.nudge.actions;

import dev.nudge.chat.ActionInput;
import dev.nudge.chat.ActionResult;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Interactions;
import dev.nudge.chat.Roles;
import dev.nudge.chat.UserInputException;
import dev.nudge.polls.Poll;
import dev.nudge.polls.PollRepository;
import dev.nudge.polls.PollService;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.principles.Principle;
import dev.nudge.principles.PrinciplePack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Action items: creates them (checked, stored whole or not at all), reminds owners by direct message two working
 * days before the due date, and handles the Done / Not yet / Drop buttons wherever they are shown. Marking an item
 * done that names a principle posts a one-click "did it help?" poll in its channel.
 */
public final class ActionService {
    public static final String DONE_ACTION = "action.done";
    public static final String NOT_YET_ACTION = "action.notyet";
    public static final String DROP_ACTION = "action.drop";
    public static final int MAX_TEXT = 300;
    /** Each listed item takes two Slack blocks of the 50 a message may have. */
    public static final int MAX_LISTED = 20;
    /** How often a failed reminder is tried again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(15);
    static final List<String> HELP_OPTIONS = List.of("Yes", "A little", "No", "Too early to tell");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(ActionService.class);

    /** What to create; see {@link #create}. */
    public record NewAction(String text, String ownerId, LocalDate dueOn, Optional<Integer> principleNumber,
                            Optional<Long> retroId) {
        public NewAction {
            principleNumber = principleNumber == null ? Optional.empty() : principleNumber;
            retroId = retroId == null ? Optional.empty() : retroId;
        }
    }

    private final ActionRepository actions;
    private final ChannelPacks packs;
    private final ChatGateways gateways;
    private final PollService polls;
    private final Roles roles;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final List<Consumer<ActionItem>> reviewListeners = new CopyOnWriteArrayList<>();
    private ActionReminders reminders;

    public ActionService(ActionRepository actions, ChannelPacks packs, ChatGateways gateways, PollService polls,
                         Roles roles, WorkingDays workingDays, Clock clock) {
        this.actions = actions;
        this.packs = packs;
        this.gateways = gateways;
        this.polls = polls;
        this.roles = roles;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public void register(Interactions interactions) {
        interactions.onAction(DONE_ACTION, input -> onReview(input, ActionRepository.Review.DONE));
        interactions.onAction(NOT_YET_ACTION, input -> onReview(input, ActionRepository.Review.NOT_YET));
        interactions.onAction(DROP_ACTION, input -> onReview(input, ActionRepository.Review.DROPPED));
    }

    /** The scheduler and the service need each other; the composition root connects them once at start. */
    public void useReminders(ActionReminders reminders) {
        this.reminders = reminders;
    }

    /** Open items of a channel, by due date. */
    public List<ActionItem> open(ConversationRef where) {
        return actions.open(where);
    }

    public Optional<ActionItem> find(long id) {
        return actions.find(id).map(ActionRepository.Stored::item);
    }

    /** "Done" / "Not yet" / "Drop" for one item; clicks are handled here, from whatever message shows them. */
    public List<ChatMessage.Button> reviewButtons(ActionItem item) {
        String id = String.valueOf(item.id());
        return List.of(new ChatMessage.Button(DONE_ACTION, id, "Done", ChatMessage.Style.PRIMARY),
                new ChatMessage.Button(NOT_YET_ACTION, id, "Not yet"),
                new ChatMessage.Button(DROP_ACTION, id, "Drop", ChatMessage.Style.DANGER));
    }

    /**
     * Checks and stores an item and arms its owner's reminder. Nothing is posted: the caller announces it (see
     * {@link #announcement}). Throws {@link UserInputException} with a clear message for a missing owner, a due date
     * in the past, an unknown principle, or a text that is empty or longer than {@value #MAX_TEXT} characters;
     * nothing is stored then.
     */
    public ActionItem create(ConversationRef where, String createdBy, NewAction action) {
        String text = action.text() == null ? "" : action.text().strip();
        if (text.isEmpty()) {
            throw new UserInputException("The action has no text. Put what will be done in quotes.");
        }
        if (text.length() > MAX_TEXT) {
            throw new UserInputException("The action is " + text.length() + " characters; please keep it to "
                    + MAX_TEXT + ".");
        }
        if (action.ownerId() == null || action.ownerId().isBlank()) {
            throw new UserInputException("The action has no owner. Mention the person who will do it, e.g. @sam.");
        }
        if (action.dueOn() == null) {
            throw new UserInputException("The action has no due date. Add one, e.g. `due 2026-12-12`.");
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(workingDays.zone()).toLocalDate();
        if (action.dueOn().isBefore(today)) {
            throw new UserInputException("The due date " + action.dueOn() + " is in the past. Pick today or later.");
        }
        if (action.dueOn().isAfter(today.plusYears(5))) {
            throw new UserInputException("The due date " + action.dueOn() + " is more than five years away.");
        }
        PrinciplePack pack = packs.forChannel(where);
        Integer principle = action.principleNumber().map(n -> pack.number(n).number()).orElse(null);
        ActionItem item = actions.create(new ActionRepository.NewItem(where, action.retroId().orElse(null), text,
                action.ownerId(), pack.name(), principle, action.dueOn(), createdBy, now,
                workingDays.reminderFor(action.dueOn(), now)));
        armReminder(item.id());
        return item;
    }

    /** Today in the server's time zone (due dates are dates there). */
    public LocalDate today() {
        return clock.instant().atZone(workingDays.zone()).toLocalDate();
    }

    /** The number of a principle of the channel's pack, by number, key or title word; clear message if none. */
    public int principleNumber(ConversationRef where, String reference) {
        return packs.forChannel(where).find(reference).number();
    }

    /** Posts {@link #announcement} in the item's channel. */
    public void announce(ActionItem item, String createdBy) {
        gateways.forConversation(item.where()).post(item.where(), null, announcement(item, createdBy));
    }

    /** The open items of a channel, each with its review buttons (at most {@value #MAX_LISTED}). */
    public ChatMessage list(ConversationRef where) {
        List<ActionItem> open = open(where);
        if (open.isEmpty()) {
            return ChatMessage.text("No open actions in this channel. Add one with `action \"What will be done\" "
                    + "@owner due YYYY-MM-DD`.");
        }
        StringBuilder fallback = new StringBuilder("Open actions (" + open.size() + "):");
        ChatMessage.Builder message = ChatMessage.builder("").header("Open actions (" + open.size() + ")");
        for (ActionItem item : open.subList(0, Math.min(open.size(), MAX_LISTED))) {
            fallback.append('\n').append(describe(item));
            message.text(describe(item)).buttons(reviewButtons(item));
        }
        if (open.size() > MAX_LISTED) {
            message.context("…and " + (open.size() - MAX_LISTED) + " more, due later.");
        }
        ChatMessage built = message.build();
        return new ChatMessage(fallback.toString(), built.parts());
    }

    /** The short channel message saying an item was added. */
    public ChatMessage announcement(ActionItem item, String createdBy) {
        String line = "New action for " + ChatMessage.mention(item.ownerId()) + ": *" + item.text() + "*, due "
                + DUE.format(item.dueOn()) + principleSuffix(item) + ".";
        return ChatMessage.builder(line).text(line)
                .context("Added by " + ChatMessage.mention(createdBy) + ". The owner gets a reminder two working days"
                        + " before it is due.")
                .build();
    }

    /** One item as a line of text, for lists and cards: text, owner, due date, principle. */
    public String describe(ActionItem item) {
        return "*" + item.text() + "*, " + ChatMessage.mention(item.ownerId()) + ", due " + DUE.format(item.dueOn())
                + principleSuffix(item) + (item.notYet() ? " (not yet)" : "");
    }

    /** Called after a review click changed an item (for example, the retro card refreshes itself). */
    public void onReviewed(Consumer<ActionItem> listener) {
        reviewListeners.add(listener);
    }

    private ActionResult onReview(ActionInput input, ActionRepository.Review review) {
        long id;
        try {
            id = Long.parseLong(input.value());
        } catch (NumberFormatException e) {
            throw new UserInputException("That button does not point at an action Nudge knows.");
        }
        ActionRepository.Stored stored = actions.find(id)
                .orElseThrow(() -> new UserInputException("That action no longer exists."));
        ActionItem item = stored.item();
        if (!item.isOpen()) {
            throw new UserInputException("This action is already " + (item.status() == ActionItem.Status.DONE
                    ? "done" : "dropped") + ".");
        }
        boolean allowed = input.userId().equals(item.ownerId()) || input.userId().equals(stored.createdBy())
                || roles.isAdmin(item.where(), input.userId());
        if (!allowed) {
            throw new UserInputException("Only the owner (" + ChatMessage.mention(item.ownerId())
                    + "), the person who added it, or an admin can mark this action.");
        }
        if (!actions.review(id, review, input.userId(), clock.instant())) {
            throw new UserInputException("This action was closed a moment ago by someone else.");
        }
        if (review != ActionRepository.Review.NOT_YET && reminders != null) {
            reminders.cancelReminder(id);
        }
        ActionItem changed = find(id).orElseThrow();
        for (Consumer<ActionItem> listener : reviewListeners) {
            try {
                listener.accept(changed);
            } catch (RuntimeException e) {
                log.warn("A listener failed after action {} was reviewed: {}", id, e.getMessage());
            }
        }
        return new ActionResult.Private(ChatMessage.text(switch (review) {
            case DONE -> afterDone(changed, input.userId(), input.reply());
            case NOT_YET -> "Noted: *" + changed.text() + "* is not done yet and stays open (due "
                    + DUE.format(changed.dueOn()) + ").";
            case DROPPED -> "Dropped: *" + changed.text() + "*. It no longer shows in the open actions.";
        }));
    }

    /** Posts the did-it-help poll (with a principle) or a thank-you (without) in the item's channel. */
    private String afterDone(ActionItem item, String by, dev.nudge.chat.PrivateReply reply) {
        Optional<Principle> principle = principleOf(item);
        try {
            if (principle.isPresent()) {
                String question = "Did \"" + clip(item.text(), 200) + "\" help us " + afterHelpUs(principle.get().title())
                        + "?";
                Optional<Poll> poll = polls.start(new PollRepository.NewPoll(item.where(), Poll.Kind.CUSTOM, null,
                        null, question, HELP_OPTIONS, false, false, by, clock.instant(), null), reply);
                if (poll.isEmpty()) {
                    return "Marked done: *" + item.text() + "*.";
                }
                actions.attachHelpPoll(item.id(), poll.get().id());
                return "Marked done: *" + item.text() + "*. I asked the channel whether it helped.";
            }
            gateways.forConversation(item.where()).post(item.where(), null, ChatMessage.text(
                    "Done: *" + item.text() + "* (" + ChatMessage.mention(item.ownerId()) + "). Thank you!"));
            return "Marked done: *" + item.text() + "*. Thank you!";
        } catch (ChatDeliveryException e) {
            log.warn("Follow-up of done action {} not posted: {}", item.id(), e.getMessage());
            return "Marked done: *" + item.text() + "*, but I couldn't post in its channel: " + e.getMessage();
        }
    }

    /** Sends the owner's reminder (called by the timer); retried later when the direct message fails. */
    public void remind(long id) {
        Optional<ActionRepository.Stored> found = actions.find(id);
        if (found.isEmpty() || !found.get().item().isOpen() || found.get().remindedAt() != null) {
            return;
        }
        ActionItem item = found.get().item();
        try {
            gateways.forConversation(item.where()).sendDirect(item.where(), item.ownerId(), reminder(item));
        } catch (RuntimeException e) {
            LocalDate today = today();
            if (today.isAfter(item.dueOn())) {
                // Still recorded as not reminded: the next start tries once more, and the item stays in lists.
                log.warn("Reminder for action {} not delivered and its due date {} has passed; no more retries until"
                        + " the next start: {}", id, item.dueOn(), e.getMessage());
                return;
            }
            log.warn("Reminder for action {} not delivered, trying again in {} minutes: {}", id,
                    RETRY_AFTER.toMinutes(), e.getMessage());
            if (reminders != null) {
                reminders.remindOwnerAt(id, clock.instant().plus(RETRY_AFTER));
            }
            return;
        }
        actions.markReminded(id, clock.instant());
    }

    /** The reminder owners get in a direct message. */
    public ChatMessage reminder(ActionItem item) {
        String line = "Reminder: your action *" + item.text() + "* is due " + DUE.format(item.dueOn()) + ".";
        return ChatMessage.builder(line).text(line)
                .context("From " + channelMention(item.where()) + principleSuffix(item) + ".")
                .buttons(reviewButtons(item))
                .build();
    }

    /** After a restart: arm every reminder not sent yet (those already due go out at once). */
    public void resumeReminders() {
        if (reminders == null) {
            return;
        }
        for (ActionRepository.PendingReminder pending : actions.pendingReminders()) {
            reminders.remindOwnerAt(pending.actionId(), pending.remindAt());
        }
    }

    /** Arms the stored reminder; if the timer fails, the reminder stays pending and is armed at the next start. */
    private void armReminder(long id) {
        if (reminders == null) {
            return;
        }
        try {
            actions.find(id).filter(s -> s.remindAt() != null)
                    .ifPresent(s -> reminders.remindOwnerAt(id, s.remindAt()));
        } catch (RuntimeException e) {
            log.error("Reminder for action {} could not be armed now; it stays pending for the next start", id, e);
        }
    }

    private Optional<Principle> principleOf(ActionItem item) {
        if (item.principleNumber() == null) {
            return Optional.empty();
        }
        PrinciplePack pack = packs.catalog().byNameOrDefault(item.pack());
        return item.principleNumber() <= pack.principles().size() ? Optional.of(pack.number(item.principleNumber()))
                : Optional.empty();
    }

    private String principleSuffix(ActionItem item) {
        return principleOf(item).map(p -> " (principle " + p.numberedTitle() + ")").orElse("");
    }

    private static String channelMention(ConversationRef where) {
        return ChatMessage.channel(where.channelId());
    }

    /** A principle title as it reads after "help us": "Test, measure and learn" → "test, measure and learn". */
    static String afterHelpUs(String title) {
        String phrase = title.strip();
        for (String negation : List.of("Don't ", "Do not ", "Never ")) {
            if (phrase.startsWith(negation)) {
                return "not " + phrase.substring(negation.length());
            }
        }
        return phrase.isEmpty() ? phrase : Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
