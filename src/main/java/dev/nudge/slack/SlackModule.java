package dev.nudge.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.nudge.config.NudgeConfig;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Slack side: SDK client on the configured base URL, the Bolt App, and Socket Mode when asked for. */
public final class SlackModule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackModule.class);

    private final Slack slack;
    private final App app;
    private SocketModeApp socketMode;

    public SlackModule(NudgeConfig.Slack config) {
        SlackConfig sdk = new SlackConfig();
        sdk.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
        sdk.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(sdk);
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(config.botToken().orElseThrow())
                // Nudge checks signatures itself before Bolt sees a request, more strictly than Bolt does.
                .requestVerificationEnabled(false)
                .unmatchedRequestHandler(SlackModule::unmatched);
        config.signingSecret().ifPresent(appConfig::signingSecret);
        this.app = new App(appConfig.build());
    }

    public Slack slack() {
        return slack;
    }

    public App app() {
        return app;
    }

    /** Connects over Socket Mode with the app-level token instead of waiting for HTTP requests. */
    public void startSocketMode(String appToken) throws Exception {
        socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
        log.info("Slack is on in Socket Mode (no public URL needed)");
    }

    /** Events Nudge has no listener for are acknowledged, so Slack does not retry them; anything else is a 404. */
    private static Response unmatched(com.slack.api.bolt.request.Request<?> request) {
        if (request instanceof EventRequest) {
            return Response.ok();
        }
        return Response.json(404, Map.of("error", "Nudge does not handle this kind of request"));
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("Socket Mode did not close cleanly: {}", e.getMessage());
            }
        }
        try {
            app.stop();
        } catch (Exception e) {
            log.warn("Bolt app did not stop cleanly: {}", e.getMessage());
        }
    }
}
