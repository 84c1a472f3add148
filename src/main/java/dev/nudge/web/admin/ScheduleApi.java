package dev.nudge.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.UserInputException;
import dev.nudge.schedules.Actor;
import dev.nudge.schedules.Schedule;
import dev.nudge.schedules.ScheduleService;
import dev.nudge.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/schedules}: list, show, create, pause, resume and delete reminder schedules as JSON, for whoever
 * holds the admin token as a bearer token. Bad input is a 4xx naming the field; nothing is stored half-way because
 * every check runs before the one insert.
 */
public final class ScheduleApi implements Routes {
    static final String BASE = "/api/v1/schedules";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminToken token;
    private final ScheduleService schedules;
    private final ScheduleBodyReader reader;
    private final ScheduleJson view;
    private final ChatGateways gateways;
    private final int maxPerChannel;

    ScheduleApi(AdminToken token, ScheduleService schedules, ScheduleBodyReader reader, ChatGateways gateways,
                int maxPerChannel) {
        this.token = token;
        this.schedules = schedules;
        this.reader = reader;
        this.view = new ScheduleJson(schedules);
        this.gateways = gateways;
        this.maxPerChannel = maxPerChannel;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(BASE, guarded(this::list));
        routes.post(BASE, guarded(this::create));
        routes.get(BASE + "/{id}", guarded(this::show));
        routes.delete(BASE + "/{id}", guarded(this::delete));
        routes.post(BASE + "/{id}/pause", guarded(this::pause));
        routes.post(BASE + "/{id}/resume", guarded(this::resume));
    }

    private void list(Context ctx) {
        send(ctx, 200, schedules.all().stream().map(view::of).toList());
    }

    private void show(Context ctx) {
        send(ctx, 200, view.withHistory(existing(ctx)));
    }

    private void create(Context ctx) {
        NewSchedule wanted = reader.read(ctx.body());
        Schedule created;
        try {
            created = schedules.create(wanted.where(), Actor.api(), wanted.request());
        } catch (UserInputException e) {
            throw refused(wanted.where(), e);
        }
        ctx.header("Location", BASE + "/" + created.id());
        send(ctx, 201, view.of(created));
    }

    private void pause(Context ctx) {
        Schedule schedule = existing(ctx);
        send(ctx, 200, view.of(schedules.pause(schedule.id(), Optional.empty(), Actor.api())));
    }

    private void resume(Context ctx) {
        Schedule schedule = existing(ctx);
        send(ctx, 200, view.of(schedules.resume(schedule.id(), Optional.empty(), Actor.api())));
    }

    private void delete(Context ctx) {
        Schedule schedule = existing(ctx);
        schedules.delete(schedule.id(), Optional.empty(), Actor.api());
        ctx.status(204);
    }

    private Schedule existing(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return schedules.find(Long.parseLong(raw));
        } catch (NumberFormatException | UserInputException e) {
            throw ApiException.notFound("There is no schedule " + (raw.length() > 30 ? raw.substring(0, 30) + "…" : raw)
                    + ". GET " + BASE + " lists them.");
        }
    }

    /**
     * The request was well formed but the service refused it: the channel is full, or the bot cannot post there.
     * Which one is worked out here so the answer can name the field; only this failure path asks again.
     */
    private ApiException refused(ConversationRef where, UserInputException e) {
        if (schedules.list(where).size() >= maxPerChannel) {
            return ApiException.conflict("channel_id", "Channel " + where.channelId() + " already has " + maxPerChannel
                    + " schedules, the most allowed (NUDGE_MAX_SCHEDULES_PER_CHANNEL). Delete one first.");
        }
        boolean canPost;
        try {
            canPost = gateways.forConversation(where).canPost(where);
        } catch (ChatDeliveryException unreachable) {
            canPost = false;
        }
        return canPost ? ApiException.badRequest(e.getMessage()) : ApiException.badField("channel_id", e.getMessage());
    }

    /** Admin off: 503. No or wrong bearer token: 401. Refused input: the status and field of the refusal. */
    private Handler guarded(Handler handler) {
        return ctx -> {
            if (!token.enabled()) {
                send(ctx, 503, error(AdminToken.OFF_MESSAGE, null, false));
                return;
            }
            Optional<String> presented = bearer(ctx.header("Authorization"));
            if (presented.isEmpty() || !token.matches(presented.get())) {
                ctx.header("WWW-Authenticate", presented.isEmpty() ? "Bearer realm=\"nudge-admin\""
                        : "Bearer realm=\"nudge-admin\", error=\"invalid_token\"");
                send(ctx, 401, error(presented.isEmpty()
                        ? "Send the admin token as `Authorization: Bearer <NUDGE_ADMIN_TOKEN>`."
                        : "That bearer token is not the admin token.", null, false));
                return;
            }
            try {
                handler.handle(ctx);
            } catch (ApiException e) {
                send(ctx, e.status(), error(e.getMessage(), e.field(), e.status() == 400 || e.status() == 409));
            } catch (UserInputException e) {
                send(ctx, 400, error(e.getMessage(), null, true));
            }
        };
    }

    private static Optional<String> bearer(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String value = header.substring(7).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Map<String, Object> error(String message, String field, boolean withField) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", message);
        if (withField) {
            json.put("field", field);
        }
        return json;
    }

    private static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schedule could not be written as JSON", e);
        }
    }
}
