package dev.nudge.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import dev.nudge.channels.ChannelService;
import dev.nudge.chat.ActionInput;
import dev.nudge.chat.ActionResult;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.FormResult;
import dev.nudge.chat.FormSubmission;
import dev.nudge.chat.Interactions;
import dev.nudge.chat.PrivateReply;
import dev.nudge.chat.UserInputException;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandRegistry;
import dev.nudge.commands.CommandResult;
import dev.nudge.storage.JdbcDeliveries;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Teams activities into the neutral model. A message with text is a command (in a channel only @mentions
 * reach Nudge; the mention is removed first); a message whose value holds {@code action} is a card button, one whose
 * value holds {@code form} a submitted form. Being added (conversationUpdate, installationUpdate) stores the
 * conversation reference, records the channel and greets once; being removed marks it inactive. The turn only
 * decides; posting happens on the executor after Teams has its answer. Private answers go to the person's 1:1 chat.
 */
public final class TeamsBot extends TeamsActivityHandler {
    public static final String PREFIX = "@Nudge";
    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);
    private static final Pattern MENTION = Pattern.compile("<at[^>]*>.*?</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private final CommandRegistry commands;
    private final Interactions interactions;
    private final ChannelService channels;
    private final TeamsGateway gateway;
    private final ConversationStore store;
    private final AdaptiveCardRenderer renderer;
    private final OriginSeal seal;
    private final JdbcDeliveries deliveries;
    private final Executor executor;
    private final Clock clock;
    private final TeamsPeople people;

    public TeamsBot(CommandRegistry commands, Interactions interactions, ChannelService channels, TeamsGateway gateway,
                    ConversationStore store, AdaptiveCardRenderer renderer, OriginSeal seal, JdbcDeliveries deliveries,
                    Executor executor, Clock clock) {
        this(commands, interactions, channels, gateway, store, renderer, seal, deliveries, executor, clock,
                new TeamsPeople());
    }

    public TeamsBot(CommandRegistry commands, Interactions interactions, ChannelService channels, TeamsGateway gateway,
                    ConversationStore store, AdaptiveCardRenderer renderer, OriginSeal seal, JdbcDeliveries deliveries,
                    Executor executor, Clock clock, TeamsPeople people) {
        this.people = people;
        this.commands = commands;
        this.interactions = interactions;
        this.channels = channels;
        this.gateway = gateway;
        this.store = store;
        this.renderer = renderer;
        this.seal = seal;
        this.deliveries = deliveries;
        this.executor = executor;
        this.clock = clock;
    }

    /** Nudge's id for a person: the Entra object id when Teams sends one (it is what admins can look up). */
    static String userId(Activity activity) {
        ChannelAccount from = activity.getFrom();
        return from.getAadObjectId() != null && !from.getAadObjectId().isBlank() ? from.getAadObjectId() : from.getId();
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (activity.getFrom() != null) {
            people.remember(userId(activity), activity.getFrom().getName());
        }
        if (activity.getValue() != null) {
            JsonNode data = Serialization.objectToTree(activity.getValue());
            if (data.hasNonNull(AdaptiveCardRenderer.FORM_KEY)) {
                onForm(activity, data);
            } else if (data.hasNonNull(AdaptiveCardRenderer.ACTION_KEY)) {
                onAction(activity, data);
            } else {
                later(() -> privately(activity, Optional.empty(), ChatMessage.text(
                        "That card is not one Nudge knows. Please use a current Nudge message.")), null);
            }
            return done();
        }
        onCommand(turn, activity);
        return done();
    }

    private void onCommand(TurnContext turn, Activity activity) {
        if (activity.getId() != null && !deliveries.firstTime("teams:" + activity.getId(), clock.instant())) {
            return; // Teams delivered this message before
        }
        ConversationRef where = store.remember(activity);
        String text = commandText(activity, mentioned -> personId(turn, mentioned));
        ConversationReference thread = activity.getConversationReference();
        String threadConversation = activity.getConversation().getId();
        PrivateReply reply = message -> gateway.send(where, thread, threadConversation, gateway.activity(message, null));
        CommandResult result = commands.dispatch(new CommandContext(where, userId(activity), PREFIX, reply), text);
        result.immediateReply().ifPresent(message -> later(() -> reply.send(message), null));
        result.afterAck().ifPresent(work -> later(work, reply));
    }

    /** The text after the bot's @mention, other people's mentions left out (as before). */
    static String commandText(Activity activity) {
        return commandText(activity, mentioned -> null);
    }

    /**
     * The text after the bot's @mention: Teams wraps mentions in {@code <at>} tags and may add HTML. Each other
     * person's mention (the activity's mention entities) becomes the neutral {@code <@id>}, with Nudge's id for them
     * from {@code ids} (null leaves the mention out); the bot's own mention is removed.
     */
    static String commandText(Activity activity, java.util.function.Function<ChannelAccount, String> ids) {
        String text = activity.getText() == null ? "" : activity.getText();
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        java.util.List<String> people = new java.util.ArrayList<>();
        for (com.microsoft.bot.schema.Mention mention : activity.getMentions()) {
            ChannelAccount mentioned = mention.getMentioned();
            // 19: ids are channels, teams and tags: only people can own things.
            if (mentioned == null || mentioned.getId() == null || mentioned.getId().equals(botId)
                    || mentioned.getId().startsWith("19:")
                    || mention.getText() == null || !text.contains(mention.getText())) {
                continue;
            }
            String id = ids.apply(mentioned);
            if (id == null || id.isBlank()) {
                continue;
            }
            people.add(id);
            // A placeholder that survives the tag stripping below; restored as <@id> at the end.
            text = text.replace(mention.getText(), " \u0001" + (people.size() - 1) + "\u0001 ");
        }
        text = MENTION.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace('\u00a0', ' ').trim();
        for (int i = 0; i < people.size(); i++) {
            text = text.replace("\u0001" + i + "\u0001", "<@" + people.get(i) + ">");
        }
        return text;
    }

    /**
     * Nudge's id for a mentioned person, as {@link #userId} gives for the person acting: the Entra object id. Teams'
     * mention entities often carry only the Teams user id, so the member is looked up then (one connector call);
     * if that fails the Teams id is used. Their name is remembered for cards that mention them later.
     */
    private String personId(TurnContext turn, ChannelAccount mentioned) {
        String id = mentioned.getAadObjectId();
        if (id == null || id.isBlank()) {
            try {
                var member = com.microsoft.bot.builder.teams.TeamsInfo.getMember(turn, mentioned.getId())
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
                id = member == null ? null : member.getAadObjectId();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.info("Could not look up a mentioned Teams member: {}", e.getMessage());
            }
        }
        if (id == null || id.isBlank()) {
            id = mentioned.getId();
        }
        people.remember(id, mentioned.getName());
        return id;
    }

    private void onAction(Activity activity, JsonNode data) {
        String userId = userId(activity);
        Optional<ConversationRef> origin = origin(activity, data, userId);
        if (data.has(AdaptiveCardRenderer.ORIGIN_KEY) && origin.isEmpty()) {
            later(() -> privately(activity, Optional.empty(), ChatMessage.text("This button has expired. Please use "
                    + "the buttons on the message in the channel.")), null);
            return;
        }
        ConversationRef where = origin.orElseGet(() -> ConversationStore.where(activity));
        PrivateReply reply = message -> privately(activity, Optional.of(where), message);
        ActionInput input = new ActionInput(where, userId, data.path(AdaptiveCardRenderer.ACTION_KEY).asText(),
                data.path(AdaptiveCardRenderer.VALUE_KEY).asText(""), activity.getReplyToId(), reply);
        ActionResult result;
        try {
            result = interactions.click(input);
        } catch (UserInputException e) {
            later(() -> reply.send(ChatMessage.text(e.getMessage())), null);
            return;
        }
        if (result instanceof ActionResult.Private message) {
            later(() -> reply.send(message.message()), null);
        } else if (result instanceof ActionResult.OpenForm open) {
            later(() -> gateway.sendToPerson(where, activity.getConversationReference(), activity.getFrom(),
                    TeamsGateway.cardActivity(renderer.form(open.form(), seal.seal(where, userId), Map.of(), Map.of()),
                            open.form().title())), reply);
        }
    }

    private void onForm(Activity activity, JsonNode data) {
        String userId = userId(activity);
        Optional<ConversationRef> origin = origin(activity, data, userId);
        ConversationRef where = origin.orElseGet(() -> ConversationStore.where(activity));
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            // A drop-down left empty arrives as "" (or not at all): absent, as on Slack.
            if (field.getKey().startsWith(AdaptiveCardRenderer.INPUT_PREFIX) && !field.getValue().asText("").isEmpty()) {
                values.put(field.getKey().substring(AdaptiveCardRenderer.INPUT_PREFIX.length()), field.getValue().asText(""));
            }
        }
        FormResult result;
        try {
            result = interactions.submit(new FormSubmission(where, userId, data.path(AdaptiveCardRenderer.FORM_KEY).asText(),
                    data.path(AdaptiveCardRenderer.STATE_KEY).asText(""), values));
        } catch (UserInputException e) {
            later(() -> replyHere(activity, ChatMessage.text(e.getMessage())), null);
            return;
        }
        if (result instanceof FormResult.Rejected rejected) {
            StringBuilder text = new StringBuilder("Not saved yet:");
            rejected.errorsByInput().values().forEach(error -> text.append("\n").append(error));
            later(() -> replyHere(activity, ChatMessage.text(text.toString())), null);
        } else if (result instanceof FormResult.Accepted accepted) {
            ChatMessage confirmation = accepted.confirmation() != null ? accepted.confirmation() : ChatMessage.text("Saved.");
            // The form card becomes the confirmation, so it cannot be sent twice.
            later(() -> {
                if (activity.getReplyToId() != null) {
                    gateway.replace(ConversationStore.where(activity), activity.getConversationReference(),
                            activity.getConversation().getId(), activity.getReplyToId(), gateway.activity(confirmation, null));
                } else {
                    replyHere(activity, confirmation);
                }
            }, null);
        }
    }

    private Optional<ConversationRef> origin(Activity activity, JsonNode data, String userId) {
        if (!data.hasNonNull(AdaptiveCardRenderer.ORIGIN_KEY)) {
            return Optional.empty();
        }
        return seal.open(data.path(AdaptiveCardRenderer.ORIGIN_KEY).asText(), ConversationStore.tenantOf(activity), userId);
    }

    /** A message only the acting person should see: in a 1:1 chat already, else in their 1:1 chat with Nudge. */
    private void privately(Activity activity, Optional<ConversationRef> about, ChatMessage message) {
        ConversationRef here = ConversationStore.where(activity);
        String origin = about.map(where -> seal.seal(where, userId(activity))).orElse(null);
        Activity card = gateway.activity(message, origin);
        if (ConversationStore.PERSONAL.equals(ConversationStore.typeOf(activity))) {
            gateway.send(here, activity.getConversationReference(), activity.getConversation().getId(), card);
        } else {
            gateway.sendToPerson(here, activity.getConversationReference(), activity.getFrom(), card);
        }
    }

    private void replyHere(Activity activity, ChatMessage message) {
        gateway.send(ConversationStore.where(activity), activity.getConversationReference(),
                activity.getConversation().getId(), gateway.activity(message, null));
    }

    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        String botId = activity.getRecipient().getId();
        boolean removed = activity.getMembersRemoved() != null
                && activity.getMembersRemoved().stream().anyMatch(member -> botId.equals(member.getId()));
        if (removed) {
            removedFrom(activity);
            return done();
        }
        ConversationRef where = store.remember(activity);
        boolean added = activity.getMembersAdded() != null
                && activity.getMembersAdded().stream().anyMatch(member -> botId.equals(member.getId()));
        if (added) {
            later(() -> channels.botJoined(where, PREFIX), null);
        }
        return done();
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turn) {
        ConversationRef where = store.remember(turn.getActivity());
        later(() -> channels.botJoined(where, PREFIX), null);
        return done();
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext turn) {
        removedFrom(turn.getActivity());
        return done();
    }

    private void removedFrom(Activity activity) {
        ConversationRef where = ConversationStore.where(activity);
        if (store.deactivate(where)) {
            log.info("Nudge was removed from Teams conversation {}; it will not post there again", where.channelId());
        }
    }

    /** Runs work after the turn; a problem is told to the person (when there is one to tell) and logged. */
    private void later(Runnable work, PrivateReply reply) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (UserInputException e) {
                tell(reply, e.getMessage());
            } catch (ChatDeliveryException e) {
                log.warn("Teams follow-up not delivered: {}", e.getMessage());
                tell(reply, e.getMessage());
            } catch (RuntimeException e) {
                log.error("Teams follow-up work failed", e);
                tell(reply, "Something went wrong on Nudge's side and it has been logged. Please try again.");
            }
        });
    }

    private static void tell(PrivateReply reply, String text) {
        if (reply == null) {
            return;
        }
        try {
            reply.send(ChatMessage.text(text));
        } catch (RuntimeException e) {
            log.warn("Could not tell the person about a problem: {}", e.getMessage());
        }
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
