package dev.nudge.web.admin;

import dev.nudge.chat.UserInputException;
import dev.nudge.schedules.Actor;
import dev.nudge.schedules.Schedule;
import dev.nudge.schedules.ScheduleService;
import dev.nudge.web.Routes;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The admin web page at {@code /admin/schedules}: sign in with the admin token, see every schedule, pause, resume or
 * delete one. Sign-in makes an in-memory session (HttpOnly, SameSite=Strict cookie); every form carries the
 * session's CSRF token and a POST without the right one is refused with 403.
 */
public final class AdminPage implements Routes {
    static final String COOKIE = "nudge_admin_session";
    static final String LOGIN = "/admin/login";
    static final String SCHEDULES = "/admin/schedules";
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none';"
                    + " frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    private interface Action {
        void apply(long id);
    }

    private final AdminToken token;
    private final AdminSessions sessions;
    private final ScheduleService schedules;
    private final ScheduleRows rows;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final byte[] css;

    AdminPage(AdminToken token, AdminSessions sessions, ScheduleService schedules, ScheduleRows rows) {
        this.token = token;
        this.sessions = sessions;
        this.schedules = schedules;
        this.rows = rows;
        this.css = resource("/admin/admin.css");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/admin/admin.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "max-age=3600").result(css));
        routes.get("/admin", ctx -> ctx.redirect(SCHEDULES, HttpStatus.SEE_OTHER));
        routes.get(LOGIN, enabled(this::loginForm));
        routes.post(LOGIN, enabled(this::login));
        routes.post("/admin/logout", enabled(this::logout));
        routes.get(SCHEDULES, enabled(this::list));
        routes.post(SCHEDULES + "/{id}/pause", enabled(ctx -> act(ctx, "paused",
                id -> schedules.pause(id, Optional.empty(), Actor.api()))));
        routes.post(SCHEDULES + "/{id}/resume", enabled(ctx -> act(ctx, "resumed",
                id -> schedules.resume(id, Optional.empty(), Actor.api()))));
        routes.post(SCHEDULES + "/{id}/delete", enabled(ctx -> act(ctx, "deleted",
                id -> schedules.delete(id, Optional.empty(), Actor.api()))));
    }

    private void loginForm(Context ctx) {
        if (session(ctx).isPresent()) {
            ctx.redirect(SCHEDULES, HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, 200, "admin/login.jte", new LoginView(null));
    }

    private void login(Context ctx) {
        if (!token.matches(ctx.formParam("token"))) {
            // The typed token is never put back into the page.
            render(ctx, 401, "admin/login.jte", new LoginView("That is not the admin token. Check NUDGE_ADMIN_TOKEN"
                    + " on the server and try again."));
            return;
        }
        session(ctx).ifPresent(old -> sessions.end(old.id()));
        AdminSessions.Session session = sessions.start();
        ctx.header("Set-Cookie", cookie(ctx, session.id(), sessions.lifetime().toSeconds()));
        ctx.redirect(SCHEDULES, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Optional<AdminSessions.Session> session = session(ctx);
        if (session.isPresent()) {
            if (!session.get().csrfMatches(ctx.formParam("csrf"))) {
                refuseForm(ctx);
                return;
            }
            sessions.end(session.get().id());
        }
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
    }

    private void list(Context ctx) {
        Optional<AdminSessions.Session> session = session(ctx);
        if (session.isEmpty()) {
            ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, 200, "admin/schedules.jte", new SchedulesView(schedules.all().stream().map(rows::of).toList(),
                session.get().csrf(), notice(ctx.queryParam("done"), ctx.queryParam("id"))));
    }

    private void act(Context ctx, String done, Action action) {
        Optional<AdminSessions.Session> session = session(ctx);
        if (session.isEmpty()) {
            ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
            return;
        }
        if (!session.get().csrfMatches(ctx.formParam("csrf"))) {
            refuseForm(ctx);
            return;
        }
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
            schedules.find(id);
        } catch (NumberFormatException | UserInputException e) {
            ctx.redirect(SCHEDULES + "?done=gone", HttpStatus.SEE_OTHER);
            return;
        }
        try {
            action.apply(id);
        } catch (UserInputException e) {
            // Deleted by someone else between the check and now.
            ctx.redirect(SCHEDULES + "?done=gone&id=" + id, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(SCHEDULES + "?done=" + done + "&id=" + id, HttpStatus.SEE_OTHER);
    }

    /** Notices come from a fixed list, so nothing from the address is shown as it is. */
    static String notice(String done, String id) {
        if (done == null) {
            return null;
        }
        String which = id != null && id.matches("\\d{1,18}") ? "Schedule " + id : "That schedule";
        return switch (done) {
            case "paused" -> which + " is paused.";
            case "resumed" -> which + " is running again.";
            case "deleted" -> which + " is deleted.";
            case "gone" -> which + " no longer exists.";
            default -> null;
        };
    }

    private void refuseForm(Context ctx) {
        render(ctx, 403, "admin/message.jte", new MessageView("Form expired", "This form is out of date or did not"
                + " come from this page, so nothing was changed. Reload the schedules page and try again.",
                SCHEDULES, "Back to the schedules"));
    }

    private Handler enabled(Handler handler) {
        return ctx -> {
            if (!token.enabled()) {
                render(ctx, 503, "admin/message.jte", new MessageView("Admin is off", AdminToken.OFF_MESSAGE
                        + " on the server, then restart Nudge.", null, null));
                return;
            }
            handler.handle(ctx);
        };
    }

    private Optional<AdminSessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    private static String cookie(Context ctx, String value, long maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return COOKIE + "=" + value + "; Path=/admin; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    private void render(Context ctx, int status, String template, Object view) {
        StringOutput output = new StringOutput();
        templates.render(template, view, output);
        SECURITY_HEADERS.forEach(ctx::header);
        ctx.status(status).html(output.toString());
    }

    private static byte[] resource(String path) {
        try (InputStream in = AdminPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(path + " cannot be read", e);
        }
    }
}
