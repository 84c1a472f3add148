package dev.nudge.web.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every admin page shares: admin on or off, the signed-in session, the CSRF check on forms, and rendering with
 * the same security headers. A page without a session sends the browser to sign in; a stale session (a cookie
 * Nudge no longer knows, after 8 hours or a restart) gets a 401 with the sign-in form and says why, and a form sent
 * with one changes nothing.
 */
final class AdminWeb {
    static final String COOKIE = "nudge_admin_session";
    static final String LOGIN = "/admin/login";
    static final String HOME = "/admin/reports";
    /** Where a sign-in may send the browser next: an admin page path, nothing that could lead elsewhere. */
    private static final Pattern NEXT = Pattern.compile("/admin/[A-Za-z0-9/_.~%-]{1,300}");
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self';"
                    + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    /** A handler that runs only with a live session. */
    interface SessionHandler {
        void handle(Context ctx, AdminSessions.Session session) throws Exception;
    }

    private final AdminToken token;
    private final AdminSessions sessions;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    AdminWeb(AdminToken token, AdminSessions sessions) {
        this.token = token;
        this.sessions = sessions;
    }

    AdminToken token() {
        return token;
    }

    AdminSessions sessions() {
        return sessions;
    }

    /** Answers 503 with a page saying how to turn admin on, while NUDGE_ADMIN_TOKEN is unset. */
    Handler enabled(Handler handler) {
        return ctx -> {
            if (!token.enabled()) {
                render(ctx, 503, "admin/message.jte", new MessageView("Admin is off", AdminToken.OFF_MESSAGE
                        + " on the server, then restart Nudge.", null, null, null));
                return;
            }
            handler.handle(ctx);
        };
    }

    /** A page that needs a signed-in session. */
    Handler page(SessionHandler handler) {
        return enabled(ctx -> {
            Optional<AdminSessions.Session> session = session(ctx);
            if (session.isEmpty()) {
                signInFirst(ctx, false);
                return;
            }
            handler.handle(ctx, session.get());
        });
    }

    /** A form POST: needs a session and that session's CSRF token, else nothing is done. */
    Handler form(SessionHandler handler) {
        return enabled(ctx -> {
            Optional<AdminSessions.Session> session = session(ctx);
            if (session.isEmpty()) {
                signInFirst(ctx, true);
                return;
            }
            if (!session.get().csrfMatches(ctx.formParam("csrf"))) {
                refuseForm(ctx);
                return;
            }
            handler.handle(ctx, session.get());
        });
    }

    Optional<AdminSessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    /** The path to go back to after signing in, when it is a safe admin path; else null. */
    static String safeNext(String next) {
        return next != null && NEXT.matcher(next).matches() && !next.contains("//") && !next.contains("..")
                ? next : null;
    }

    void render(Context ctx, int status, String template, Object view) {
        StringOutput output = new StringOutput();
        templates.render(template, view, output);
        SECURITY_HEADERS.forEach(ctx::header);
        ctx.status(status).html(output.toString());
    }

    /** A page that only says something, with the signed-in header when there is a session. */
    void message(Context ctx, int status, String title, String text, String linkHref, String linkText) {
        render(ctx, status, "admin/message.jte", new MessageView(title, text, linkHref, linkText,
                session(ctx).map(AdminSessions.Session::csrf).orElse(null)));
    }

    void refuseForm(Context ctx) {
        message(ctx, 403, "Form expired", "This form is out of date or did not come from this page, so nothing was"
                + " changed. Go back, reload the page and try again.", HOME, "Back to the reports");
    }

    /**
     * No session: with no cookie at all the browser is simply sent to sign in; with a cookie Nudge no longer knows,
     * the sign-in form comes back at once with a 401 and says the session ended, so people know why.
     */
    private void signInFirst(Context ctx, boolean wasForm) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isEmpty()) {
            ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
            return;
        }
        String next = wasForm ? null : safeNext(ctx.path());
        render(ctx, 401, "admin/login.jte", new LoginView("Your session has ended (sign-ins last "
                + sessions.lifetime().toHours() + " hours, and restarting Nudge ends them)."
                + (wasForm ? " Nothing was changed." : "") + " Sign in again to go on.", next));
    }
}
