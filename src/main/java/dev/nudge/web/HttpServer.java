package dev.nudge.web;

import dev.nudge.storage.Database;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Javalin server: {@code /health}, {@code /slack/events} (or a 503 saying why Slack is off), and the route
 * groups handed in (the admin API and page, Teams' {@code /api/messages}). Request bodies over 1 MB are refused
 * before any handler runs.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    public static final long MAX_REQUEST_BYTES = 1_000_000;

    private final Javalin javalin;

    /** {@code slackHandler} is empty when Slack is off; {@code slackOffReason} then says why. */
    public HttpServer(String host, int port, Database database, Optional<Handler> slackHandler, String slackOffReason,
                      List<Routes> routes) {
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.host = host;
            config.jetty.port = port;
            // On stop, requests already being handled get up to 10 s to finish; new connections are refused.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            });
            // The NHS design system, copied into the jar at build time; its file names carry its version.
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/static/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable",
                        "X-Content-Type-Options", "nosniff");
            });
            config.routes.get("/health", ctx -> {
                boolean ok = database.healthy();
                ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "unavailable",
                        "database", ok ? "ok" : "not usable"));
            });
            config.routes.post("/slack/events", slackHandler.orElse(ctx -> ctx.status(503).json(Map.of(
                    "error", "Slack is not configured on this Nudge server: " + slackOffReason))));
            routes.forEach(group -> group.addTo(config.routes));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error"));
            });
        });
    }

    public HttpServer start() {
        javalin.start();
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** Stops accepting requests and lets in-flight ones finish. */
    @Override
    public void close() {
        javalin.stop();
    }
}
