package dev.nudge.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: parses the activity with the SDK's own mapper, checks the caller, hands the activity
 * to the adapter and gives Javalin the adapter's future. Answers: 202 once accepted (or the invoke response), 400
 * for a body that is not an activity, 401 for a missing or bad token (403 for a key not endorsed for the channel),
 * never a 500 for bad input. Without Teams credentials only unauthenticated local traffic (the Bot Framework
 * Emulator on this machine) is accepted; anything proxied or remote gets 401.
 */
public final class TeamsEndpoint {
    private static final Logger log = LoggerFactory.getLogger(TeamsEndpoint.class);

    private final BotFrameworkAdapter adapter;
    private final TeamsBot bot;
    private final Optional<TeamsAuthenticator> authenticator;

    public TeamsEndpoint(BotFrameworkAdapter adapter, TeamsBot bot, Optional<TeamsAuthenticator> authenticator) {
        this.adapter = adapter;
        this.bot = bot;
        this.authenticator = authenticator;
    }

    public void handle(Context ctx) {
        Activity activity;
        try {
            JsonNode tree = Serialization.jsonToTree(ctx.body());
            activity = tree != null && tree.isObject() ? Serialization.treeToValue(tree, Activity.class) : null;
        } catch (IOException | RuntimeException e) {
            activity = null;
        }
        Optional<String> problem = activity == null ? Optional.of("the body is not a JSON activity") : malformed(activity);
        if (problem.isPresent()) {
            log.info("Refused a malformed Teams request: {}", problem.get());
            ctx.status(400).json(Map.of("error", "malformed activity: " + problem.get()));
            return;
        }
        ClaimsIdentity identity;
        if (authenticator.isPresent()) {
            try {
                identity = authenticator.get().authenticate(ctx.header("Authorization"), activity);
            } catch (TeamsAuthenticator.Refused refused) {
                log.info("Refused a Teams request from {}: {}", ctx.req().getRemoteAddr(), refused.getMessage());
                ctx.status(refused.status()).json(Map.of("error", refused.status() == 403 ? "forbidden" : "unauthorized"));
                return;
            }
        } else if (local(ctx)) {
            identity = new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE);
        } else {
            log.info("Refused a Teams request from {}: Teams credentials are not set, only local emulator traffic "
                    + "is accepted", ctx.req().getRemoteAddr());
            ctx.status(401).json(Map.of("error", "unauthorized"));
            return;
        }
        Activity accepted = activity;
        ctx.future(() -> process(identity, accepted).thenAccept(response -> {
            if (response == null) {
                ctx.status(202);
            } else {
                ctx.status(response.getStatus());
                if (response.getBody() != null) {
                    ctx.contentType("application/json").result(Serialization.toStringSilent(response.getBody()));
                }
            }
        }));
    }

    private CompletableFuture<InvokeResponse> process(ClaimsIdentity identity, Activity activity) {
        try {
            return adapter.processActivity(identity, activity, bot::onTurn);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What makes an activity unusable, if anything: the fields every turn needs. */
    static Optional<String> malformed(Activity activity) {
        if (blank(activity.getType())) {
            return Optional.of("no type");
        }
        if (activity.getConversation() == null || blank(activity.getConversation().getId())) {
            return Optional.of("no conversation id");
        }
        if (activity.getFrom() == null || blank(activity.getFrom().getId())) {
            return Optional.of("no from id");
        }
        if (activity.getRecipient() == null || blank(activity.getRecipient().getId())) {
            return Optional.of("no recipient id");
        }
        if (blank(activity.getServiceUrl())) {
            return Optional.of("no serviceUrl");
        }
        try {
            URI serviceUrl = new URI(activity.getServiceUrl());
            if (!"https".equals(serviceUrl.getScheme()) && !"http".equals(serviceUrl.getScheme()) || serviceUrl.getHost() == null) {
                return Optional.of("serviceUrl is not an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            return Optional.of("serviceUrl is not a URL");
        }
        return Optional.empty();
    }

    /** A direct connection from this machine: loopback, and not relayed by a proxy (which would be on loopback too). */
    private static boolean local(Context ctx) {
        if (ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null || ctx.header("X-Real-IP") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
