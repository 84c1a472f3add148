package dev.nudge.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateway;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to Teams through the Bot Framework connector: every send runs in {@code continueConversation} with the
 * stored reference (so it works after a restart) and goes to the reference's serviceUrl. Within Teams' limits: each
 * conversation is held to {@link SendLimiter#TEAMS_LIMITS}; 429, 412, 502, 503 and 504 are retried after Retry-After
 * or an exponential back-off with jitter, within a bounded number of attempts and total wait. A 403 means Nudge was
 * removed or blocked there: the conversation is marked inactive and nothing more is sent to it.
 */
public final class TeamsGateway implements ChatGateway {
    private static final Logger log = LoggerFactory.getLogger(TeamsGateway.class);
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration MAX_TOTAL_WAIT = Duration.ofSeconds(60);
    public static final Duration MAX_ONE_WAIT = Duration.ofSeconds(20);
    private static final java.util.Set<Integer> RETRIED = java.util.Set.of(429, 412, 502, 503, 504);

    /** Waits between retries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final ConversationStore store;
    private final AdaptiveCardRenderer renderer;
    private final SendLimiter limiter;
    private final Sleeper sleeper;
    private final Duration backOffBase;
    /** 1:1 chats Nudge opened itself, by tenant and Teams user id; kept in memory only (see ConversationStore). */
    private final Map<String, String> openedChats = new ConcurrentHashMap<>();

    public TeamsGateway(BotFrameworkAdapter adapter, String appId, ConversationStore store, AdaptiveCardRenderer renderer,
                        SendLimiter limiter, Sleeper sleeper, Duration backOffBase) {
        this.adapter = adapter;
        this.appId = appId == null ? "" : appId;
        this.store = store;
        this.renderer = renderer;
        this.limiter = limiter;
        this.sleeper = sleeper;
        this.backOffBase = backOffBase;
    }

    /**
     * Posts a message. Teams offers bots no way to search a conversation for it later, so the delivery key is not
     * sent and {@link #findDelivered} stays UNKNOWN: after a crash between outbox and send, the schedule dispatcher
     * decides by its own rules.
     */
    @Override
    public String post(ConversationRef where, String threadId, ChatMessage message, String deliveryKey) {
        ConversationStore.Entry entry = usable(where);
        String conversationId = threadId != null && entry.isChannel()
                ? where.channelId() + ConversationStore.THREAD_MARKER + threadId : where.channelId();
        return send(where, entry.reference(), conversationId, activity(message, null));
    }

    /** Nudge can post where it has an active stored reference (it was added there or written to there). */
    @Override
    public boolean canPost(ConversationRef where) {
        return store.find(where).map(ConversationStore.Entry::active).orElse(false);
    }

    /** Teams allows 8 sends in two seconds per conversation; the send limiter holds to that in any case. */
    @Override
    public Duration channelInterval() {
        return Duration.ofMillis(250);
    }

    @Override
    public void update(ConversationRef where, String messageId, ChatMessage message) {
        ConversationStore.Entry entry = usable(where);
        replace(where, entry.reference(), where.channelId(), messageId, activity(message, null));
    }

    /** Teams has no private message in a channel: the message goes to the person's 1:1 chat with Nudge. */
    @Override
    public void postPrivately(ConversationRef where, String userId, ChatMessage message) {
        ConversationStore.Entry entry = usable(where);
        ChannelAccount user = new ChannelAccount(userId);
        sendToPerson(where, entry.reference(), user, activity(message, null));
    }

    /** A direct message is a message in the person's 1:1 chat with Nudge, opened through the channel if need be. */
    @Override
    public void sendDirect(ConversationRef where, String userId, ChatMessage message) {
        postPrivately(where, userId, message);
    }

    /**
     * The conversation's members from the connector (GET .../members), bots ({@code 28:} ids) left out; kept for
     * {@link #MEMBER_COUNT_TTL}. In a team channel Teams answers with the team's members.
     */
    @Override
    public java.util.OptionalInt memberCount(ConversationRef where) {
        String key = where.workspaceId() + "\n" + where.channelId();
        CachedCount cached = memberCounts.get(key);
        if (cached != null && cached.at().plus(MEMBER_COUNT_TTL).isAfter(java.time.Instant.now())) {
            return java.util.OptionalInt.of(cached.count());
        }
        ConversationStore.Entry entry = usable(where);
        List<ChannelAccount> members = call(where, entry.reference(), "list members",
                client -> client.getConversations().getConversationMembers(where.channelId()), false);
        if (members == null) {
            return java.util.OptionalInt.empty();
        }
        int count = (int) members.stream().filter(m -> m.getId() == null || !m.getId().startsWith("28:")).count();
        memberCounts.put(key, new CachedCount(count, java.time.Instant.now()));
        return java.util.OptionalInt.of(count);
    }

    /** How long a conversation's member count is reused before Teams is asked again. */
    static final Duration MEMBER_COUNT_TTL = Duration.ofMinutes(10);

    private record CachedCount(int count, java.time.Instant at) {}

    private final Map<String, CachedCount> memberCounts = new ConcurrentHashMap<>();

    /** Teams gives bots no cheap way to tell tenant admins apart; NUDGE_ADMINS is the way to name them. */
    @Override
    public boolean isWorkspaceAdmin(ConversationRef where, String userId) {
        return false;
    }

    /** A message activity holding one Adaptive Card (no text beside it: Teams would split the two). */
    public Activity activity(ChatMessage message, String origin) {
        return cardActivity(renderer.card(message, origin), AdaptiveCardRenderer.fallback(message));
    }

    public static Activity cardActivity(ObjectNode card, String summary) {
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        activity.setAttachments(List.of(AdaptiveCardRenderer.attachment(card)));
        activity.setSummary(summary);
        return activity;
    }

    /** Posts into a conversation (a thread when the id carries one); returns the new message's id. */
    public String send(ConversationRef where, ConversationReference reference, String conversationId, Activity activity) {
        ResourceResponse response = call(where, reference, "send", client -> {
            Activity outgoing = addressed(activity, reference, conversationId);
            return client.getConversations().sendToConversation(conversationId, outgoing);
        });
        return response == null ? null : response.getId();
    }

    /** Replaces a message posted earlier (PUT .../activities/{id}). */
    public void replace(ConversationRef where, ConversationReference reference, String conversationId, String messageId,
                        Activity activity) {
        call(where, reference, "update", client -> {
            Activity outgoing = addressed(activity, reference, conversationId);
            outgoing.setId(messageId);
            return client.getConversations().updateActivity(conversationId, messageId, outgoing);
        });
    }

    /**
     * Sends to a person's 1:1 chat with Nudge: the one they opened, or one Nudge opens through the conversation it
     * knows them from (Teams allows this once Nudge is in a team or chat they are in). Returns the chat and message.
     */
    public Sent sendToPerson(ConversationRef where, ConversationReference via, ChannelAccount user, Activity activity) {
        String tenant = where.workspaceId();
        String chatId = openedChats.get(tenant + "\n" + user.getId());
        ConversationReference chatReference;
        if (chatId == null) {
            var personal = store.personal(tenant, user.getId());
            if (personal.isPresent()) {
                chatReference = personal.get().reference();
                chatId = chatReference.getConversation().getId();
            } else {
                chatId = openChat(where, via, user);
                chatReference = via;
            }
            openedChats.put(tenant + "\n" + user.getId(), chatId);
        } else {
            chatReference = via;
        }
        ConversationRef chat = new ConversationRef(where.platform(), tenant, chatId);
        return new Sent(chat, chatReference, send(chat, chatReference, chatId, activity));
    }

    /** Where a message went: its conversation (with the reference used) and its id. */
    public record Sent(ConversationRef where, ConversationReference reference, String messageId) {}

    private String openChat(ConversationRef where, ConversationReference via, ChannelAccount user) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(via.getBot());
        parameters.setMembers(List.of(user));
        ObjectNode channelData = Serialization.createObjectNode();
        channelData.putObject("tenant").put("id", where.workspaceId());
        parameters.setChannelData(channelData);
        var created = call(where, via, "open a 1:1 chat", client -> client.getConversations().createConversation(parameters),
                false);
        if (created == null || created.getId() == null) {
            throw new ChatDeliveryException("Teams did not open a private chat with you.");
        }
        return created.getId();
    }

    private static Activity addressed(Activity activity, ConversationReference reference, String conversationId) {
        Activity outgoing = Activity.clone(activity);
        outgoing.setChannelId(reference.getChannelId());
        outgoing.setServiceUrl(reference.getServiceUrl());
        outgoing.setFrom(reference.getBot());
        ConversationAccount conversation = new ConversationAccount(conversationId);
        if (reference.getConversation() != null) {
            conversation.setTenantId(reference.getConversation().getTenantId());
            conversation.setConversationType(reference.getConversation().getConversationType());
        }
        outgoing.setConversation(conversation);
        return outgoing;
    }

    private ConversationStore.Entry usable(ConversationRef where) {
        ConversationStore.Entry entry = store.find(where).orElseThrow(() -> new ChatDeliveryException(
                "Nudge has no record of this Teams conversation. Add Nudge to it (or mention it there) first."));
        if (!entry.active()) {
            throw new ChatDeliveryException("Nudge was removed from this Teams conversation, or Teams blocks it from "
                    + "writing there. Add Nudge again to use it.");
        }
        return entry;
    }

    private <T> T call(ConversationRef where, ConversationReference reference, String what,
                       Function<ConnectorClient, CompletableFuture<T>> call) {
        return call(where, reference, what, call, true);
    }

    private <T> T call(ConversationRef where, ConversationReference reference, String what,
                       Function<ConnectorClient, CompletableFuture<T>> call, boolean forbiddenMeansGone) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                limiter.acquire(where.workspaceId() + "\n" + where.channelId());
                AtomicReference<T> result = new AtomicReference<>();
                adapter.continueConversation(appId, reference, turn -> {
                    ConnectorClient client = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
                    return call.apply(client).thenAccept(result::set);
                }).join();
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatDeliveryException("Interrupted while waiting for Teams' rate limit.", e);
            } catch (CompletionException | RestException e) {
                Throwable cause = unwrap(e);
                if (!(cause instanceof RestException rest) || rest.response() == null) {
                    if (attempt < 2 && (cause instanceof IOException || cause.getCause() instanceof IOException)) {
                        log.info("Teams {} did not answer ({}); retrying once", what, cause.getMessage());
                        waited = waited.plus(pause(backOff(1)));
                        continue;
                    }
                    log.warn("Teams {} in {} failed: {}", what, where.channelId(), describe(cause));
                    throw new ChatDeliveryException(cause instanceof com.microsoft.bot.connector.authentication.AuthenticationException
                            || String.valueOf(cause.getMessage()).contains("token")
                            ? "Nudge could not sign in to the Bot Framework. An admin needs to check MICROSOFT_APP_ID, "
                            + "MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID."
                            : "Teams could not be reached. Please try again shortly.", cause);
                }
                int status = rest.response().code();
                if (RETRIED.contains(status) && attempt < MAX_ATTEMPTS) {
                    Duration wait = retryAfter(rest).orElse(backOff(attempt));
                    if (wait.compareTo(MAX_ONE_WAIT) > 0) {
                        wait = MAX_ONE_WAIT;
                    }
                    if (waited.plus(wait).compareTo(MAX_TOTAL_WAIT) <= 0) {
                        log.info("Teams answered {} to {} in {}; retrying in {} ms (attempt {} of {})", status, what,
                                where.channelId(), wait.toMillis(), attempt + 1, MAX_ATTEMPTS);
                        waited = waited.plus(pause(wait));
                        continue;
                    }
                }
                log.warn("Teams {} in {} failed with HTTP {}{}", what, where.channelId(), status, errorCode(rest));
                if (status == 403 && forbiddenMeansGone) {
                    if (store.deactivate(where)) {
                        log.warn("Teams refuses writes to {} ({}); it is marked inactive and Nudge stops sending there",
                                where.channelId(), errorCode(rest).strip());
                    }
                    throw new ChatDeliveryException("Nudge has been removed from this Teams conversation or is blocked "
                            + "there. Add Nudge again to use it.", rest);
                }
                throw new ChatDeliveryException(explain(status), rest);
            }
        }
    }

    private static String explain(int status) {
        return switch (status) {
            case 401 -> "Teams refused Nudge's credentials. An admin needs to check MICROSOFT_APP_ID, "
                    + "MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID.";
            case 403 -> "Teams does not let Nudge do that here.";
            case 404 -> "Teams does not know this conversation or message any more.";
            case 413 -> "The message was too large for Teams.";
            case 429, 412, 502, 503, 504 -> "Teams is busy or rate-limiting Nudge right now. Please try again in a minute.";
            default -> "Teams answered HTTP " + status + ".";
        };
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** The Teams error code (e.g. MessageWritesBlocked), when the body names one. */
    private static String errorCode(RestException rest) {
        if (rest instanceof ErrorResponseException error && error.body() != null && error.body().getError() != null
                && error.body().getError().getCode() != null) {
            return " (" + error.body().getError().getCode() + ")";
        }
        return "";
    }

    /** Retry-After in seconds or as an HTTP date. */
    static java.util.Optional<Duration> retryAfter(RestException rest) {
        String header = rest.response().headers().get("Retry-After");
        if (header == null || header.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(header.trim()) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return java.util.Optional.empty();
            }
        }
    }

    /** base * 2^(attempt-1), plus or minus 20 % jitter. */
    private Duration backOff(int attempt) {
        long base = backOffBase.toMillis() << Math.min(attempt - 1, 10);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (base * jitter));
    }

    private Duration pause(Duration wait) {
        try {
            sleeper.sleep(wait);
            return wait;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("Interrupted while waiting to retry Teams.", e);
        }
    }
}
