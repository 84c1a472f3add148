package dev.nudge.retros;

import dev.nudge.actions.ActionItem;
import dev.nudge.actions.ActionService;
import dev.nudge.chat.ActionInput;
import dev.nudge.chat.ActionResult;
import dev.nudge.channels.ChannelService;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateway;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Form;
import dev.nudge.chat.FormResult;
import dev.nudge.chat.FormSubmission;
import dev.nudge.chat.Interactions;
import dev.nudge.chat.Roles;
import dev.nudge.chat.MessageRefresher;
import dev.nudge.chat.Platform;
import dev.nudge.chat.PrivateReply;
import dev.nudge.chat.UserInputException;
import dev.nudge.polls.VoterKeys;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.principles.Principle;
import dev.nudge.principles.PrinciplePack;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retros: who may open and close them, the card and its live progress, the rating and note forms, and the
 * summary with its action-item prompt. Anonymous retros store a keyed hash per respondent (erased at close) and
 * never a user id with a rating or note.
 */
public final class RetroService {
    public static final String RATE_ACTION = "retro.rate";
    public static final String NOTE_ACTION = "retro.note";
    public static final String CLOSE_ACTION = "retro.close";
    public static final String ADD_ACTION_ACTION = "retro.action";
    public static final String RATE_FORM = "retro.rate";
    public static final String NOTE_FORM = "retro.note";
    public static final String ACTION_FORM = "retro.action";
    static final String RATING_INPUT_PREFIX = "p";
    static final String KIND_INPUT = "kind";
    static final String PRINCIPLE_INPUT = "principle";
    static final String NOTE_INPUT = "note";
    static final String TEXT_INPUT = "text";
    static final String DUE_INPUT = "due";
    static final List<Form.Option> SCALE = List.of(new Form.Option("1", "1 – not at all"), new Form.Option("2", "2"),
            new Form.Option("3", "3"), new Form.Option("4", "4"), new Form.Option("5", "5 – fully"));
    private static final Logger log = LoggerFactory.getLogger(RetroService.class);

    private final RetroRepository retros;
    private final ChannelPacks packs;
    private final ChatGateways gateways;
    private final MessageRefresher refresher;
    private final VoterKeys voterKeys;
    private final ActionService actions;
    private final Roles roles;
    private final ChannelService channels;
    private final int privacyThreshold;
    private final Executor executor;
    private final Clock clock;

    public RetroService(RetroRepository retros, ChannelPacks packs, ChatGateways gateways, MessageRefresher refresher,
                        VoterKeys voterKeys, ActionService actions, Roles roles, ChannelService channels,
                        int privacyThreshold, Executor executor, Clock clock) {
        if (privacyThreshold < 3) {
            throw new IllegalArgumentException("the privacy threshold is never below 3");
        }
        this.retros = retros;
        this.packs = packs;
        this.gateways = gateways;
        this.refresher = refresher;
        this.voterKeys = voterKeys;
        this.actions = actions;
        this.roles = roles;
        this.channels = channels;
        this.privacyThreshold = privacyThreshold;
        this.executor = executor;
        this.clock = clock;
    }

    public void register(Interactions interactions) {
        interactions.onAction(RATE_ACTION, this::onRate);
        interactions.onAction(NOTE_ACTION, this::onAddNote);
        interactions.onAction(CLOSE_ACTION, this::onClose);
        interactions.onAction(ADD_ACTION_ACTION, this::onAddAction);
        interactions.onForm(RATE_FORM, this::onRatings);
        interactions.onForm(NOTE_FORM, this::onNote);
        interactions.onForm(ACTION_FORM, this::onNewAction);
        // A review click on the card changes what it lists.
        actions.onReviewed(item -> retros.findOpen(item.where()).ifPresent(retro -> refresh(retro.id())));
    }

    /** Checks that the user may start a retro here and none is open; throws {@link UserInputException} if not. */
    public RetroRepository.NewRetro prepare(ConversationRef where, String userId, boolean anonymous, String prefix) {
        if (!roles.isLead(where, userId)) {
            throw new UserInputException("Only the team's leads (NUDGE_LEADS) or an admin can start a retro here.");
        }
        if (retros.findOpen(where).isPresent()) {
            throw alreadyOpen(prefix);
        }
        return new RetroRepository.NewRetro(where, packs.forChannel(where).name(), anonymous, userId, clock.instant());
    }

    /** Stores the retro and posts its card; if the post fails nothing is kept and the user is told why. */
    public Optional<Retro> start(RetroRepository.NewRetro request, String prefix, PrivateReply reply) {
        Retro retro = retros.open(request).orElseThrow(() -> alreadyOpen(prefix));
        ChatGateway gateway = gateways.forConversation(retro.where());
        channels.refreshDetails(retro.where()); // the member count behind "N of M have answered"
        try {
            String messageId = gateway.post(retro.where(), null, card(retro));
            retros.attachMessage(retro.id(), messageId);
            if (retros.respondents(retro.id()) > 0) {
                refresh(retro.id()); // someone answered before the card's id was known
            }
        } catch (ChatDeliveryException e) {
            retros.delete(retro.id());
            log.warn("Retro {} not posted in {}: {}", retro.id(), retro.where().channelId(), e.getMessage());
            reply.send(ChatMessage.text("I couldn't post the retro: " + e.getMessage()));
            return Optional.empty();
        } catch (RuntimeException e) {
            retros.delete(retro.id()); // an open retro without a card would block the channel
            throw e;
        }
        return retros.find(retro.id());
    }

    /** The open retro the user may close (command form); throws {@link UserInputException} with the reason if not. */
    public Retro closable(ConversationRef where, String userId, String prefix) {
        Retro retro = retros.findOpen(where).orElseThrow(() -> new UserInputException(
                "There is no open retro in this channel. Start one with `" + prefix + " retro`."));
        requireMayClose(retro, userId);
        return retro;
    }

    /** Closes the retro (once), turns the card into "closed" and posts the summary in its thread. */
    public void close(long retroId, String closedBy, PrivateReply reply) {
        if (!retros.close(retroId, closedBy, clock.instant())) {
            throw new UserInputException("This retro is already closed. The summary is in its thread.");
        }
        Retro retro = retros.find(retroId).orElseThrow();
        refresh(retroId);
        List<ChatMessage> summary = summary(retro);
        ChatGateway gateway = gateways.forConversation(retro.where());
        try {
            retros.attachSummary(retroId, gateway.post(retro.where(), retro.messageId(), summary.get(0)));
            for (ChatMessage more : summary.subList(1, summary.size())) {
                gateway.post(retro.where(), retro.messageId(), more);
            }
        } catch (ChatDeliveryException e) {
            log.warn("Summary of retro {} not posted: {}", retroId, e.getMessage());
            reply.send(ChatMessage.text("The retro is closed, but I couldn't post its summary: " + e.getMessage()));
        }
    }

    public Optional<Retro> find(long retroId) {
        return retros.find(retroId);
    }

    /** The summary messages of a closed retro, as they are posted. */
    public List<ChatMessage> summary(Retro retro) {
        PrinciplePack pack = packOf(retro);
        Optional<Retro> previous = retros.previousClosed(retro.where(), retro.id())
                .filter(p -> p.pack().equals(retro.pack()));
        List<RetroSummary.Score> scores = RetroSummary.scores(pack, retros.scores(retro.id()),
                previous.map(p -> retros.scores(p.id())), privacyThreshold);
        return RetroSummary.messages(retro, pack, scores, previous.isPresent(), retros.notes(retro.id()),
                progress(retro), privacyThreshold, prefix(retro.where().platform()));
    }

    ChatMessage card(Retro retro) {
        List<RetroCard.ReviewLine> review = new ArrayList<>();
        if (!retro.isClosed()) {
            for (ActionItem item : actions.open(retro.where())) {
                review.add(new RetroCard.ReviewLine(actions.describe(item), actions.reviewButtons(item)));
            }
        }
        return RetroCard.render(retro, retros.respondents(retro.id()), retros.memberCount(retro.where()), review,
                prefix(retro.where().platform()));
    }

    private String progress(Retro retro) {
        return RetroCard.progress(retros.respondents(retro.id()), retros.memberCount(retro.where()));
    }

    private ActionResult onRate(ActionInput input) {
        Retro retro = openRetro(input.value(), input.where());
        PrinciplePack pack = packOf(retro);
        Map<Integer, Integer> mine = retros.ratingsOf(retro.id(), respondentKey(retro, input.userId()));
        List<Form.Input> inputs = new ArrayList<>();
        for (Principle principle : pack.principles()) {
            Integer given = mine.get(principle.number());
            inputs.add(new Form.Select(RATING_INPUT_PREFIX + principle.number(), principle.numberedTitle(), SCALE,
                    given == null ? null : String.valueOf(given), true));
        }
        return new ActionResult.OpenForm(new Form(RATE_FORM, "Rate the principles", "Save ratings",
                "How well did the team live each principle this sprint? 1 = not at all, 5 = fully. Skip any you can't"
                        + " judge. " + RetroCard.privacyLine(retro), inputs, String.valueOf(retro.id())));
    }

    private FormResult onRatings(FormSubmission submission) {
        Retro retro = openRetro(submission.state(), submission.where());
        PrinciplePack pack = packOf(retro);
        String firstInput = RATING_INPUT_PREFIX + pack.principles().get(0).number();
        Map<Integer, Integer> scores = new TreeMap<>();
        for (Map.Entry<String, String> value : new TreeMap<>(submission.values()).entrySet()) {
            Optional<Integer> number = principleNumber(value.getKey().startsWith(RATING_INPUT_PREFIX)
                    ? value.getKey().substring(RATING_INPUT_PREFIX.length()) : "", pack);
            if (number.isEmpty()) {
                return new FormResult.Rejected(Map.of(firstInput, "Unknown principle '" + clip(value.getKey())
                        + "': nothing was saved. Please rate from a fresh form."));
            }
            if (value.getValue().isBlank()) {
                continue;
            }
            String score = value.getValue().strip();
            if (!score.matches("[1-5]")) {
                return new FormResult.Rejected(Map.of(value.getKey(), "'" + clip(score) + "' is not a score: pick 1 to"
                        + " 5, or leave it empty to skip. Nothing was saved."));
            }
            scores.put(number.get(), Integer.parseInt(score));
        }
        if (scores.isEmpty()) {
            return new FormResult.Rejected(Map.of(firstInput, "Rate at least one principle, or close this form."));
        }
        retros.rate(retro.id(), respondentKey(retro, submission.userId()),
                retro.anonymous() ? null : submission.userId(), scores, clock.instant());
        refresh(retro.id());
        return new FormResult.Accepted(ChatMessage.text("Thanks, your ratings of " + scores.size()
                + (scores.size() == 1 ? " principle are" : " principles are") + " saved"
                + (retro.anonymous() ? " without your name" : "") + ". Rate again to change them until the retro closes."));
    }

    private ActionResult onAddNote(ActionInput input) {
        Retro retro = openRetro(input.value(), input.where());
        List<Form.Option> kinds = new ArrayList<>();
        for (RetroNote.Kind kind : RetroNote.Kind.values()) {
            kinds.add(new Form.Option(kind.id(), kind.label()));
        }
        return new ActionResult.OpenForm(new Form(NOTE_FORM, "Add a note", "Save note",
                "A note for the retro summary, tagged to a principle. " + RetroCard.privacyLine(retro),
                List.of(new Form.Select(KIND_INPUT, "What is it about?", kinds, null, false),
                        new Form.Select(PRINCIPLE_INPUT, "Principle", principleOptions(packOf(retro)), null, false),
                        new Form.TextInput(NOTE_INPUT, "Your note", "Up to 3,000 characters", true, RetroNote.MAX_TEXT,
                                false)),
                String.valueOf(retro.id())));
    }

    private FormResult onNote(FormSubmission submission) {
        Retro retro = openRetro(submission.state(), submission.where());
        Optional<RetroNote.Kind> kind = submission.value(KIND_INPUT).flatMap(RetroNote.Kind::fromId);
        if (kind.isEmpty()) {
            return new FormResult.Rejected(Map.of(KIND_INPUT, "Choose What helped or What got in the way."));
        }
        Optional<Integer> principle = submission.value(PRINCIPLE_INPUT).flatMap(raw -> principleNumber(raw, packOf(retro)));
        if (principle.isEmpty()) {
            return new FormResult.Rejected(Map.of(PRINCIPLE_INPUT, "Unknown principle: choose one from the list."));
        }
        String note = submission.value(NOTE_INPUT).orElse("");
        if (note.isEmpty()) {
            return new FormResult.Rejected(Map.of(NOTE_INPUT, "Please write a note, or close this form."));
        }
        if (note.length() > RetroNote.MAX_TEXT) {
            return new FormResult.Rejected(Map.of(NOTE_INPUT, "Your note is " + note.length()
                    + " characters; please keep it to " + RetroNote.MAX_TEXT + ". Nothing was saved."));
        }
        retros.addNote(retro.id(), respondentKey(retro, submission.userId()), new RetroNote(kind.get(), principle.get(),
                note, retro.anonymous() ? null : submission.userId(), clock.instant()), clock.instant());
        refresh(retro.id());
        return new FormResult.Accepted(ChatMessage.text("Thanks, your note is saved"
                + (retro.anonymous() ? " without your name" : "") + ". It appears in the summary when the retro closes."));
    }

    private ActionResult onClose(ActionInput input) {
        Retro retro = find(input.value(), input.where());
        if (retro.isClosed()) {
            throw new UserInputException("This retro is already closed. The summary is in its thread.");
        }
        requireMayClose(retro, input.userId());
        executor.execute(() -> {
            try {
                close(retro.id(), input.userId(), input.reply());
            } catch (UserInputException e) {
                input.reply().send(ChatMessage.text(e.getMessage()));
            } catch (RuntimeException e) {
                log.error("Closing retro {} failed", retro.id(), e);
                input.reply().send(ChatMessage.text("Something went wrong on Nudge's side and it has been logged."));
            }
        });
        return ActionResult.NOTHING;
    }

    private ActionResult onAddAction(ActionInput input) {
        Retro retro = find(input.value(), input.where());
        return new ActionResult.OpenForm(new Form(ACTION_FORM, "Add an action item", "Add action",
                "You will own this action. Nudge reminds you two working days before it is due.",
                List.of(new Form.TextInput(TEXT_INPUT, "What will be done?", "Up to 300 characters", false,
                                ActionService.MAX_TEXT, false),
                        new Form.TextInput(DUE_INPUT, "Due date (YYYY-MM-DD)", "e.g. " + actions.today().plusWeeks(2),
                                false, 10, false),
                        new Form.Select(PRINCIPLE_INPUT, "Principle it should help (optional)",
                                principleOptions(packOf(retro)), null, true)),
                String.valueOf(retro.id())));
    }

    private FormResult onNewAction(FormSubmission submission) {
        Retro retro = find(submission.state(), submission.where());
        String text = submission.value(TEXT_INPUT).orElse("");
        if (text.isEmpty() || text.length() > ActionService.MAX_TEXT) {
            return new FormResult.Rejected(Map.of(TEXT_INPUT, text.isEmpty() ? "Say what will be done."
                    : "The action is " + text.length() + " characters; please keep it to " + ActionService.MAX_TEXT + "."));
        }
        LocalDate due;
        try {
            due = LocalDate.parse(submission.value(DUE_INPUT).orElse(""));
        } catch (DateTimeParseException e) {
            return new FormResult.Rejected(Map.of(DUE_INPUT, "Write the due date as YYYY-MM-DD, e.g. "
                    + actions.today().plusWeeks(2) + "."));
        }
        if (due.isBefore(actions.today())) {
            return new FormResult.Rejected(Map.of(DUE_INPUT, "The due date " + due + " is in the past. Pick today or later."));
        }
        Optional<Integer> principle = Optional.empty();
        if (submission.value(PRINCIPLE_INPUT).isPresent()) {
            principle = principleNumber(submission.value(PRINCIPLE_INPUT).get(), packOf(retro));
            if (principle.isEmpty()) {
                return new FormResult.Rejected(Map.of(PRINCIPLE_INPUT, "Unknown principle: choose one from the list."));
            }
        }
        ActionItem item;
        try {
            item = actions.create(retro.where(), submission.userId(), new ActionService.NewAction(text,
                    submission.userId(), due, principle, Optional.of(retro.id())));
        } catch (UserInputException e) {
            return new FormResult.Rejected(Map.of(TEXT_INPUT, e.getMessage()));
        }
        executor.execute(() -> {
            try {
                actions.announce(item, submission.userId());
            } catch (RuntimeException e) {
                log.warn("Action {} from retro {} not announced: {}", item.id(), retro.id(), e.getMessage());
            }
        });
        return new FormResult.Accepted(ChatMessage.text("Added your action: *" + item.text() + "*, due " + item.dueOn()
                + ". Nudge will remind you two working days before."));
    }

    private void requireMayClose(Retro retro, String userId) {
        if (!retro.openedBy().equals(userId) && !roles.isAdmin(retro.where(), userId)) {
            throw new UserInputException("Only the person who started this retro, or an admin, can close it.");
        }
    }

    private String respondentKey(Retro retro, String userId) {
        return retro.anonymous() ? voterKeys.anonymousRetroKey(retro.where(), retro.id(), userId) : userId;
    }

    private Retro openRetro(String rawId, ConversationRef where) {
        Retro retro = find(rawId, where);
        if (retro.isClosed()) {
            throw new RetroClosedException();
        }
        return retro;
    }

    private Retro find(String rawId, ConversationRef where) {
        Retro retro;
        try {
            retro = retros.find(Long.parseLong(rawId.strip())).orElseThrow(() -> new UserInputException(
                    "That retro no longer exists."));
        } catch (NumberFormatException e) {
            throw new UserInputException("That button does not point at a retro Nudge knows.");
        }
        if (where != null && !retro.where().equals(where)) {
            throw new UserInputException("That retro belongs to another channel.");
        }
        return retro;
    }

    private PrinciplePack packOf(Retro retro) {
        return packs.catalog().byNameOrDefault(retro.pack());
    }

    private static List<Form.Option> principleOptions(PrinciplePack pack) {
        return pack.principles().stream()
                .map(p -> new Form.Option(String.valueOf(p.number()), p.numberedTitle())).toList();
    }

    /** The number of a principle of the pack, from a submitted value; empty when it is not one. */
    private static Optional<Integer> principleNumber(String raw, PrinciplePack pack) {
        if (!raw.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(raw);
        return number >= 1 && number <= pack.principles().size() ? Optional.of(number) : Optional.empty();
    }

    private UserInputException alreadyOpen(String prefix) {
        return new UserInputException("A retro is already open in this channel. Close it first with `" + prefix
                + " retro close` or the Close retro button on its message.");
    }

    private void refresh(long retroId) {
        refresher.request("retro:" + retroId, () -> retros.find(retroId).filter(r -> r.messageId() != null).ifPresent(
                r -> gateways.forConversation(r.where()).update(r.where(), r.messageId(), card(r))));
    }

    /** How people type commands on each platform, for the hints in cards posted without a command. */
    static String prefix(Platform platform) {
        return platform == Platform.TEAMS ? "@Nudge" : "/nudge";
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
