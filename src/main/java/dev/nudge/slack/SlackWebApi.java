package dev.nudge.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateway;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Web API through the Slack SDK's client. On HTTP 429 it waits the Retry-After Slack asks for and tries
 * again (a bounded number of times); other failures become a {@link ChatDeliveryException} with a message a user
 * can act on. The token never appears in logs or messages.
 */
public final class SlackWebApi implements ChatGateway {
    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
    private static final int MAX_ATTEMPTS = 4;
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> EXPLAINED = Map.of(
            "not_in_channel", "I'm not in this channel yet. Invite me with `/invite @Nudge`, then try again.",
            "channel_not_found", "I can't see this channel. Invite me with `/invite @Nudge`, then try again.",
            "is_archived", "This channel is archived.",
            "invalid_auth", "Slack refused Nudge's bot token. An admin needs to check SLACK_BOT_TOKEN.",
            "not_authed", "Slack refused Nudge's bot token. An admin needs to check SLACK_BOT_TOKEN.",
            "account_inactive", "Slack refused Nudge's bot token. An admin needs to check SLACK_BOT_TOKEN.",
            "msg_too_long", "The message was too long for Slack.",
            "ratelimited", "Slack is rate-limiting Nudge right now. Please try again in a minute.");

    /** A Web API call that may throw the SDK's exceptions. */
    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T run(MethodsClient methods) throws IOException, SlackApiException;
    }

    private final Slack slack;
    private final MethodsClient methods;
    private final String botToken;
    /**
     * One Gson for the hot methods: the SDK's MethodsClient builds a new Gson (and all its reflective adapters) for
     * every response it parses, which cost several milliseconds of CPU per message in the schedule benchmark.
     */
    private final com.google.gson.Gson gson;
    private final BlockKitRenderer renderer;
    private final Sleeper sleeper;

    /** Waits between retries; tests make it instant. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public SlackWebApi(Slack slack, String botToken, BlockKitRenderer renderer, Sleeper sleeper) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
        this.botToken = botToken;
        this.gson = com.slack.api.util.json.GsonFactory.createSnakeCase(slack.getConfig());
        this.renderer = renderer;
        this.sleeper = sleeper;
    }

    /** Message metadata type that carries a delivery key, so a post can be found again after a crash. */
    static final String DELIVERY_EVENT = "nudge_delivery";

    @Override
    public String post(ConversationRef where, String threadId, ChatMessage message, String deliveryKey) {
        List<List<LayoutBlock>> pages = renderer.pages(message);
        String first = null;
        for (List<LayoutBlock> page : pages) {
            Message.Metadata metadata = deliveryKey == null || first != null ? null : Message.Metadata.builder()
                    .eventType(DELIVERY_EVENT).eventPayload(Map.of("key", deliveryKey)).build();
            var request = com.slack.api.methods.request.chat.ChatPostMessageRequest.builder()
                    .channel(where.channelId())
                    .threadTs(threadId)
                    .text(renderer.fallback(message))
                    .metadata(metadata)
                    .blocks(page)
                    .build();
            ChatPostMessageResponse response = call("chat.postMessage", m -> send("chat.postMessage",
                    com.slack.api.methods.RequestFormBuilder.toForm(request), ChatPostMessageResponse.class));
            if (first == null) {
                first = response.getTs();
            }
        }
        return first;
    }

    @Override
    public Lookup findDelivered(ConversationRef where, String deliveryKey, Instant since) {
        var history = call("conversations.history", m -> m.conversationsHistory(r -> r
                .channel(where.channelId())
                .oldest(since.getEpochSecond() + ".000000")
                .includeAllMetadata(true)
                .limit(200)));
        if (history.getMessages() == null) {
            return Lookup.NOT_FOUND;
        }
        for (Message posted : history.getMessages()) {
            Message.Metadata metadata = posted.getMetadata();
            if (metadata != null && DELIVERY_EVENT.equals(metadata.getEventType()) && metadata.getEventPayload() != null
                    && deliveryKey.equals(String.valueOf(metadata.getEventPayload().get("key")))) {
                return Lookup.found(posted.getTs());
            }
        }
        return Lookup.NOT_FOUND;
    }

    @Override
    public boolean canPost(ConversationRef where) {
        var info = call("conversations.info", m -> m.conversationsInfo(r -> r.channel(where.channelId())));
        return info.getChannel() != null && info.getChannel().isMember();
    }

    @Override
    public void update(ConversationRef where, String messageId, ChatMessage message) {
        var request = com.slack.api.methods.request.chat.ChatUpdateRequest.builder()
                .channel(where.channelId())
                .ts(messageId)
                .text(renderer.fallback(message))
                .blocks(renderer.single(message))
                .build();
        call("chat.update", m -> send("chat.update", com.slack.api.methods.RequestFormBuilder.toForm(request),
                com.slack.api.methods.response.chat.ChatUpdateResponse.class));
    }

    @Override
    public void postPrivately(ConversationRef where, String userId, ChatMessage message) {
        call("chat.postEphemeral", m -> m.chatPostEphemeral(r -> r
                .channel(where.channelId())
                .user(userId)
                .text(renderer.fallback(message))
                .blocks(renderer.single(message))));
    }

    /** Opens (or finds) the bot's direct-message channel with the user (conversations.open, im:write) and posts. */
    @Override
    public void sendDirect(ConversationRef where, String userId, ChatMessage message) {
        var opened = call("conversations.open", m -> m.conversationsOpen(r -> r.users(List.of(userId))));
        if (opened.getChannel() == null || opened.getChannel().getId() == null) {
            throw new ChatDeliveryException("Slack did not open a direct message with that person.");
        }
        post(new ConversationRef(where.platform(), where.workspaceId(), opened.getChannel().getId()), null, message);
    }

    /**
     * The channel's member count from conversations.info (include_num_members), less Nudge itself; other bots in the
     * channel are counted, as Slack does not tell them apart there. Kept for {@link #MEMBER_COUNT_TTL}.
     */
    @Override
    public java.util.OptionalInt memberCount(ConversationRef where) {
        CachedCount cached = memberCounts.get(countKey(where));
        if (cached == null || !cached.at().plus(MEMBER_COUNT_TTL).isAfter(Instant.now())) {
            channelInfo(where);
            cached = memberCounts.get(countKey(where));
        }
        return cached == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(cached.count());
    }

    /** The channel's name from conversations.info; the same answer refreshes the cached member count. */
    @Override
    public java.util.Optional<String> channelName(ConversationRef where) {
        var channel = channelInfo(where);
        if (channel == null || channel.getName() == null || channel.getName().isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("#" + channel.getName());
    }

    /** One conversations.info with the member count; a count given is cached (less Nudge itself). */
    private com.slack.api.model.Conversation channelInfo(ConversationRef where) {
        var channel = call("conversations.info", m -> m.conversationsInfo(r -> r.channel(where.channelId())
                .includeNumMembers(true))).getChannel();
        if (channel != null && channel.getNumOfMembers() != null) {
            int count = Math.max(0, channel.getNumOfMembers() - (channel.isMember() ? 1 : 0));
            memberCounts.put(countKey(where), new CachedCount(count, Instant.now()));
        }
        return channel;
    }

    private static String countKey(ConversationRef where) {
        return where.workspaceId() + "\n" + where.channelId();
    }

    /** How long a channel's member count is reused before Slack is asked again. */
    static final Duration MEMBER_COUNT_TTL = Duration.ofMinutes(10);

    private record CachedCount(int count, Instant at) {}

    private final Map<String, CachedCount> memberCounts = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean isWorkspaceAdmin(ConversationRef where, String userId) {
        var user = call("users.info", m -> m.usersInfo(r -> r.user(userId))).getUser();
        return user != null && (user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
    }

    /** Opens a modal for the user who just clicked (the trigger id is valid for three seconds). */
    public void openModal(String triggerId, View view) {
        call("views.open", m -> m.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /** Replies through a response_url: visible only to the user who acted, not replacing the original message. */
    public void respond(String responseUrl, ChatMessage message) {
        if (responseUrl == null || responseUrl.isBlank()) {
            log.warn("No response_url to reply to; reply dropped: {}", message.fallbackText());
            return;
        }
        try {
            WebhookResponse response = new Responder(slack, responseUrl).sendToAction(r -> r
                    .responseType("ephemeral")
                    .replaceOriginal(false)
                    .text(renderer.fallback(message))
                    .blocks(renderer.single(message)));
            if (response.getCode() >= 300) {
                log.warn("Slack refused a private reply: HTTP {}", response.getCode());
            }
        } catch (IOException e) {
            log.warn("Could not send a private reply: {}", e.getMessage());
        }
    }

    /**
     * Posts a form built by the SDK's RequestFormBuilder through the SDK's HTTP client and parses the answer with the
     * shared Gson. Errors surface as the SDK's own SlackApiException, so {@link #call} treats them alike.
     */
    private <T extends SlackApiTextResponse> T send(String method, okhttp3.FormBody.Builder form, Class<T> type)
            throws IOException, SlackApiException {
        try (okhttp3.Response response = slack.getHttpClient().postFormWithBearerHeader(
                slack.getConfig().getMethodsEndpointUrlPrefix() + method, botToken, form.build())) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(slack.getConfig(), response, body);
            }
            return gson.fromJson(body, type);
        }
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run(methods);
                if (response.isOk()) {
                    return response;
                }
                String error = response.getError();
                log.warn("Slack {} failed: {}", method, error);
                throw new ChatDeliveryException(EXPLAINED.getOrDefault(error, "Slack answered '" + error + "' to "
                        + method + "."));
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429 && attempt < MAX_ATTEMPTS) {
                    Duration wait = retryAfter(e);
                    log.info("Slack rate-limited {}; retrying in {} s (attempt {} of {})", method, wait.toSeconds(),
                            attempt + 1, MAX_ATTEMPTS);
                    pause(wait);
                    continue;
                }
                log.warn("Slack {} failed with HTTP {}", method, status);
                throw new ChatDeliveryException(status == 429 ? EXPLAINED.get("ratelimited")
                        : "Slack answered HTTP " + status + " to " + method + ".", e);
            } catch (IOException e) {
                if (attempt < 2) {
                    log.info("Slack {} did not answer ({}); retrying once", method, e.getMessage());
                    pause(Duration.ofSeconds(1));
                    continue;
                }
                log.warn("Slack {} could not be reached: {}", method, e.getMessage());
                throw new ChatDeliveryException("Slack could not be reached. Please try again shortly.", e);
            }
        }
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            long seconds = header == null ? 1 : Long.parseLong(header.trim());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
        } catch (NumberFormatException ignored) {
            return Duration.ofSeconds(1);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("Interrupted while waiting for Slack's rate limit.", e);
        }
    }
}
