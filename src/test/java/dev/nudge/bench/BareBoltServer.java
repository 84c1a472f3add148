package dev.nudge.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.nudge.slack.SlackEndpoint;
import dev.nudge.slack.SlackSignature;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * The baseline for {@link VoteBench}: a bare Bolt App on the same Javalin server set-up as Nudge's
 * {@code dev.nudge.web.HttpServer}, behind the same {@link SlackEndpoint} (size and signature check, Bolt bridge),
 * whose only block_actions listener acknowledges. No database, no feature code: what Bolt on Javalin costs per click.
 *
 * <p>Run as its own process (like the Nudge jar), so the load generator does not share its JVM. Settings come from
 * the environment: {@code BENCH_PORT}, {@code BENCH_HOST} (default 127.0.0.1), {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_API_URL} (the fake Web API, for Bolt's auth.test).
 */
public final class BareBoltServer {
    private BareBoltServer() {}

    public static void main(String[] args) throws Exception {
        String host = System.getenv().getOrDefault("BENCH_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT", "0"));
        String secret = System.getenv("SLACK_SIGNING_SECRET");
        String apiUrl = System.getenv("SLACK_API_URL");
        if (secret == null || apiUrl == null) {
            System.err.println("BareBoltServer needs SLACK_SIGNING_SECRET and SLACK_API_URL");
            System.exit(2);
        }

        SlackConfig sdk = new SlackConfig();
        sdk.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        sdk.setPrettyResponseLoggingEnabled(false);
        App app = new App(AppConfig.builder()
                .signingSecret(secret)
                .singleTeamBotToken("xoxb-bench")
                .slack(Slack.getInstance(sdk))
                .requestVerificationEnabled(true)
                .build());
        app.blockAction(Pattern.compile(".*"), (request, ctx) -> ctx.ack());

        SlackEndpoint endpoint = new SlackEndpoint(app, new SlackSignature(secret, Clock.systemUTC()));
        // Same settings as dev.nudge.web.HttpServer, so the HTTP layer is the same on both sides.
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            });
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.post("/slack/events", endpoint::handle);
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).json(Map.of("error", "internal error")));
        }).start();
        System.out.println("Bare Bolt is listening on " + host + ":" + javalin.port());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            javalin.stop();
            try {
                app.stop();
            } catch (Exception e) {
                // stopping anyway
            }
            stopped.countDown();
        }, "bare-bolt-shutdown"));
        stopped.await();
    }
}
