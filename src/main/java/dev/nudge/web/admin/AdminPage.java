package dev.nudge.web.admin;

import dev.nudge.chat.UserInputException;
import dev.nudge.schedules.Actor;
import dev.nudge.schedules.ScheduleService;
import dev.nudge.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Sign-in and the schedules page at {@code /admin/schedules}: sign in with the admin token, see every schedule,
 * pause, resume or delete one. Sign-in makes an in-memory session (HttpOnly, SameSite=Strict cookie); every form
 * carries the session's CSRF token and a POST without the right one is refused with 403.
 */
public final class AdminPage implements Routes {
    static final String COOKIE = AdminWeb.COOKIE;
    static final String LOGIN = AdminWeb.LOGIN;
    static final String SCHEDULES = "/admin/schedules";

    private interface Action {
        void apply(long id);
    }

    private final AdminWeb web;
    private final ScheduleService schedules;
    private final ScheduleRows rows;
    private final byte[] css;
    private final byte[] script;

    AdminPage(AdminWeb web, ScheduleService schedules, ScheduleRows rows) {
        this.web = web;
        this.schedules = schedules;
        this.rows = rows;
        this.css = resource("/admin/admin.css");
        this.script = resource("/admin/admin.mjs");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(Assets.ADMIN_CSS, ctx -> ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "max-age=3600").result(css));
        routes.get(Assets.ADMIN_JS, ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .header("Cache-Control", "max-age=3600").result(script));
        routes.get("/admin", ctx -> ctx.redirect(AdminWeb.HOME, HttpStatus.SEE_OTHER));
        routes.get(LOGIN, web.enabled(this::loginForm));
        routes.post(LOGIN, web.enabled(this::login));
        routes.post("/admin/logout", web.enabled(this::logout));
        routes.get(SCHEDULES, web.page(this::list));
        routes.post(SCHEDULES + "/{id}/pause", web.form((ctx, session) -> act(ctx, "paused",
                id -> schedules.pause(id, Optional.empty(), Actor.api()))));
        routes.post(SCHEDULES + "/{id}/resume", web.form((ctx, session) -> act(ctx, "resumed",
                id -> schedules.resume(id, Optional.empty(), Actor.api()))));
        routes.post(SCHEDULES + "/{id}/delete", web.form((ctx, session) -> act(ctx, "deleted",
                id -> schedules.delete(id, Optional.empty(), Actor.api()))));
    }

    private void loginForm(Context ctx) {
        if (web.session(ctx).isPresent()) {
            ctx.redirect(AdminWeb.HOME, HttpStatus.SEE_OTHER);
            return;
        }
        web.render(ctx, 200, "admin/login.jte", new LoginView(null, AdminWeb.safeNext(ctx.queryParam("next"))));
    }

    private void login(Context ctx) {
        String next = AdminWeb.safeNext(ctx.formParam("next"));
        if (!web.token().matches(ctx.formParam("token"))) {
            // The typed token is never put back into the page.
            web.render(ctx, 401, "admin/login.jte", new LoginView("That is not the admin token. Check"
                    + " NUDGE_ADMIN_TOKEN on the server and try again.", next));
            return;
        }
        web.session(ctx).ifPresent(old -> web.sessions().end(old.id()));
        AdminSessions.Session session = web.sessions().start();
        ctx.header("Set-Cookie", cookie(ctx, session.id(), web.sessions().lifetime().toSeconds()));
        ctx.redirect(next == null ? AdminWeb.HOME : next, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Optional<AdminSessions.Session> session = web.session(ctx);
        if (session.isPresent()) {
            if (!session.get().csrfMatches(ctx.formParam("csrf"))) {
                web.refuseForm(ctx);
                return;
            }
            web.sessions().end(session.get().id());
        }
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
    }

    private void list(Context ctx, AdminSessions.Session session) {
        web.render(ctx, 200, "admin/schedules.jte", new SchedulesView(schedules.all().stream().map(rows::of).toList(),
                session.csrf(), notice(ctx.queryParam("done"), ctx.queryParam("id"))));
    }

    private void act(Context ctx, String done, Action action) {
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

    private static String cookie(Context ctx, String value, long maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return COOKIE + "=" + value + "; Path=/admin; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    static byte[] resource(String path) {
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
