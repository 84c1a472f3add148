package dev.nudge.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.view.View;
import dev.nudge.channels.ChannelService;
import dev.nudge.chat.ActionInput;
import dev.nudge.chat.ActionResult;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.FormResult;
import dev.nudge.chat.FormSubmission;
import dev.nudge.chat.Interactions;
import dev.nudge.chat.Platform;
import dev.nudge.chat.PrivateReply;
import dev.nudge.chat.UserInputException;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandRegistry;
import dev.nudge.commands.CommandResult;
import dev.nudge.storage.JdbcDeliveries;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers Nudge's listeners on a Bolt {@link App}: one for the slash command, one for every button, one for every
 * modal, and the two events it subscribes to. Each listener turns Slack's payload into the neutral model, lets the
 * feature decide, acknowledges at once and leaves slow work (posting, opening modals, replies) to the executor.
 */
public final class SlackBot {
    public static final String DEFAULT_PREFIX = "/nudge";
    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
    private static final Pattern ANY = Pattern.compile(".*");

    private final CommandRegistry commands;
    private final Interactions interactions;
    private final ChannelService channels;
    private final SlackWebApi web;
    private final BlockKitRenderer renderer;
    private final JdbcDeliveries deliveries;
    private final Executor executor;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public SlackBot(CommandRegistry commands, Interactions interactions, ChannelService channels, SlackWebApi web,
                    BlockKitRenderer renderer, JdbcDeliveries deliveries, Executor executor, Clock clock) {
        this.commands = commands;
        this.interactions = interactions;
        this.channels = channels;
        this.web = web;
        this.renderer = renderer;
        this.deliveries = deliveries;
        this.executor = executor;
        this.clock = clock;
    }

    public App register(App app) {
        app.command(Pattern.compile("/.+"), this::onCommand);
        app.blockAction(ANY, this::onAction);
        app.viewSubmission(ANY, this::onViewSubmission);
        app.event(MemberJoinedChannelEvent.class, (payload, ctx) -> {
            MemberJoinedChannelEvent event = payload.getEvent();
            if (event != null && firstDelivery(payload.getEventId())
                    && event.getUser() != null && event.getUser().equals(ctx.getBotUserId())) {
                ConversationRef where = new ConversationRef(Platform.SLACK, payload.getTeamId(), event.getChannel());
                later(() -> channels.botJoined(where, DEFAULT_PREFIX), null);
            }
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            if (event != null && firstDelivery(payload.getEventId())) {
                ConversationRef where = new ConversationRef(Platform.SLACK, payload.getTeamId(), event.getChannel());
                later(() -> web.post(where, event.getThreadTs() != null ? event.getThreadTs() : event.getTs(),
                        commands.help(DEFAULT_PREFIX)), null);
            }
            return ctx.ack();
        });
        return app;
    }

    private Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        if (payload == null || blank(payload.getTeamId()) || blank(payload.getChannelId()) || blank(payload.getUserId())) {
            return malformed("slash command without team, channel or user");
        }
        ConversationRef where = new ConversationRef(Platform.SLACK, payload.getTeamId(), payload.getChannelId());
        PrivateReply reply = message -> web.respond(payload.getResponseUrl(), message);
        String prefix = blank(payload.getCommand()) ? DEFAULT_PREFIX : payload.getCommand();
        CommandResult result = commands.dispatch(new CommandContext(where, payload.getUserId(), prefix, reply),
                commandText(payload.getText()));
        result.afterAck().ifPresent(work -> later(work, reply));
        if (result.immediateReply().isEmpty()) {
            return ctx.ack();
        }
        ChatMessage message = result.immediateReply().get();
        return ctx.ack(r -> r.responseType("ephemeral").text(renderer.fallback(message)).blocks(renderer.single(message)));
    }

    /** Slack's escaped forms in slash command text: {@code <@U123|name>}, {@code <#C123|name>}, links, specials. */
    private static final Pattern ESCAPED = Pattern.compile("<([@#!]?)([^<>|]*)(?:\\|([^<>]*))?>");

    /**
     * The command text as the neutral model reads it. With {@code should_escape: true} Slack sends a mentioned user
     * as {@code <@U123|name>} (made {@code <@U123>}, the neutral mention), a channel as {@code <#C123|name>} (made
     * {@code #name}), a link as {@code <https://...|label>} (made the URL) and {@code <!here>} as {@code @here}; and
     * it always encodes &, < and > as entities, which are decoded last so quotes and symbols typed by people reach
     * the commands as typed.
     */
    static String commandText(String text) {
        if (text == null) {
            return "";
        }
        java.util.regex.Matcher token = ESCAPED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String sigil = token.group(1);
            String id = token.group(2);
            String label = token.group(3);
            String replacement = switch (sigil) {
                case "@" -> "<@" + id + ">";
                case "#" -> "#" + (label == null || label.isEmpty() ? id : label);
                case "!" -> label == null || label.isEmpty() ? "@" + id : label;
                default -> id;
            };
            token.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        token.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private Response onAction(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        if (payload == null || payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null
                || payload.getTeam() == null || payload.getChannel() == null) {
            return malformed("block action without action, user, team or channel");
        }
        BlockActionPayload.Action action = payload.getActions().get(0);
        ConversationRef where = new ConversationRef(Platform.SLACK, payload.getTeam().getId(), payload.getChannel().getId());
        PrivateReply reply = message -> web.respond(payload.getResponseUrl(), message);
        ActionInput input = new ActionInput(where, payload.getUser().getId(),
                BlockKitRenderer.actionName(action.getActionId() == null ? "" : action.getActionId()),
                action.getValue() == null ? "" : action.getValue(),
                payload.getContainer() == null ? null : payload.getContainer().getMessageTs(), reply);
        ActionResult result;
        try {
            result = interactions.click(input);
        } catch (UserInputException e) {
            later(() -> reply.send(ChatMessage.text(e.getMessage())), null);
            return ctx.ack();
        }
        if (result instanceof ActionResult.Private privateReply) {
            later(() -> reply.send(privateReply.message()), null);
        } else if (result instanceof ActionResult.OpenForm open) {
            String metadata = metadata(open.form().state(), where);
            View view = renderer.modal(open.form(), metadata);
            later(() -> web.openModal(payload.getTriggerId(), view), reply);
        }
        return ctx.ack();
    }

    private Response onViewSubmission(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        View view = payload == null ? null : payload.getView();
        if (view == null || payload.getUser() == null || view.getState() == null || view.getState().getValues() == null) {
            return malformed("view submission without view, user or state");
        }
        FormMetadata metadata;
        try {
            metadata = json.readValue(view.getPrivateMetadata() == null ? "" : view.getPrivateMetadata(), FormMetadata.class);
        } catch (JsonProcessingException e) {
            return malformed("view submission with unreadable private_metadata");
        }
        if (blank(metadata.team()) || blank(metadata.channel())) {
            return malformed("view submission without channel in private_metadata");
        }
        ConversationRef where = new ConversationRef(Platform.SLACK, metadata.team(), metadata.channel());
        Map<String, String> values = new HashMap<>();
        view.getState().getValues().forEach((blockId, inputs) -> inputs.forEach((actionId, value) -> {
            if (value != null && value.getSelectedOption() != null) {
                values.put(actionId, value.getSelectedOption().getValue() == null ? "" : value.getSelectedOption().getValue());
            } else if (value == null || !"static_select".equals(value.getType())) {
                values.put(actionId, value == null || value.getValue() == null ? "" : value.getValue());
            } // an optional select left empty is absent
        }));
        String userId = payload.getUser().getId();
        FormResult result;
        try {
            result = interactions.submit(new FormSubmission(where, userId, view.getCallbackId(),
                    metadata.state() == null ? "" : metadata.state(), values));
        } catch (UserInputException e) {
            String firstInput = values.keySet().stream().sorted().findFirst().orElse("input");
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(firstInput, e.getMessage())));
        }
        if (result instanceof FormResult.Rejected rejected) {
            return ctx.ack(r -> r.responseAction("errors").errors(rejected.errorsByInput()));
        }
        FormResult.Accepted accepted = (FormResult.Accepted) result;
        if (accepted.confirmation() != null) {
            later(() -> web.postPrivately(where, userId, accepted.confirmation()), null);
        }
        return ctx.ack();
    }

    /** What a modal carries back on submit: the feature's state and where the form was opened. */
    record FormMetadata(String state, String team, String channel) {}

    private String metadata(String state, ConversationRef where) {
        try {
            return json.writeValueAsString(new FormMetadata(state, where.workspaceId(), where.channelId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form metadata could not be written", e);
        }
    }

    private boolean firstDelivery(String eventId) {
        return eventId == null || deliveries.firstTime("slack:" + eventId, clock.instant());
    }

    /** Runs work after the acknowledgement; a problem is told to the user (when there is one to tell) and logged. */
    private void later(Runnable work, PrivateReply reply) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (UserInputException e) {
                if (reply != null) {
                    reply.send(ChatMessage.text(e.getMessage()));
                }
            } catch (RuntimeException e) {
                log.error("Slack follow-up work failed", e);
                if (reply != null) {
                    reply.send(ChatMessage.text("Something went wrong on Nudge's side and it has been logged. Please try again."));
                }
            }
        });
    }

    private static Response malformed(String why) {
        log.info("Refused a malformed Slack payload: {}", why);
        return Response.json(400, Map.of("error", "malformed payload: " + why));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
