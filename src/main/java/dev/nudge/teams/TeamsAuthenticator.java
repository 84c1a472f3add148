package dev.nudge.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import com.microsoft.bot.schema.Activity;
import dev.nudge.config.NudgeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Checks the Bot Framework token on every request to /api/messages (Bot Framework "connector to bot" rules): a
 * Bearer JWT signed (RS256) with a key from the OpenID metadata, issued by {@code https://api.botframework.com}, for
 * this bot's app id, within its lifetime (5 minutes' skew), whose {@code serviceurl} claim is the activity's
 * serviceUrl, and whose key is endorsed for the activity's channel.
 * <p>
 * The SDK's own entry point ({@code JwtTokenValidation}) only knows multi-tenant bots, reads its metadata URL from a
 * static field and turns authentication off when the app id is empty. Nudge uses the SDK's {@link JwtTokenExtractor}
 * (signature, lifetime, issuer, endorsements) and adds the rest: for a single-tenant bot it also accepts tokens
 * issued by the bot's own tenant (v1 and v2 issuers, keys from the tenant's OpenID metadata), as the C# and
 * JavaScript SDKs do for single-tenant bots.
 */
public final class TeamsAuthenticator {
    public static final String BOT_FRAMEWORK_ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER;
    private static final String ENDORSEMENT_FAILURE = "Could not validate endorsement";

    /** The request is refused: 401 for a missing or bad token, 403 for a key not endorsed for the channel. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final String appId;
    private final JwtTokenExtractor botFramework;
    private final Optional<TenantIssuer> tenant;

    private record TenantIssuer(String tenantId, List<String> issuers, JwtTokenExtractor extractor) {}

    public TeamsAuthenticator(NudgeConfig.Teams config) {
        this.appId = config.appId().orElseThrow(() -> new IllegalArgumentException("an app id is required"));
        this.botFramework = extractor(List.of(BOT_FRAMEWORK_ISSUER), config.openIdMetadataUrl().toString());
        this.tenant = config.tenantId().map(id -> {
            List<String> issuers = List.of("https://sts.windows.net/" + id + "/",
                    config.loginUrl() + "/" + id + "/v2.0");
            return new TenantIssuer(id, issuers,
                    extractor(issuers, config.loginUrl() + "/" + id + "/v2.0/.well-known/openid-configuration"));
        });
    }

    private static JwtTokenExtractor extractor(List<String> issuers, String metadataUrl) {
        TokenValidationParameters parameters = new TokenValidationParameters();
        parameters.validateIssuer = true;
        parameters.validIssuers = issuers;
        parameters.validateAudience = false; // checked below against the app id
        parameters.validateLifetime = true;
        parameters.clockSkew = Duration.ofMinutes(AuthenticationConstants.DEFAULT_CLOCKSKEW_MINUTES);
        parameters.requireSignedTokens = true;
        return new JwtTokenExtractor(parameters, metadataUrl, AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
    }

    /** The caller's identity, or {@link Refused} saying why not (safe to log: no token content). */
    public ClaimsIdentity authenticate(String authorization, Activity activity) {
        if (authorization == null || authorization.isBlank()) {
            throw new Refused(401, "no Authorization header");
        }
        String[] parts = authorization.trim().split(" ");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new Refused(401, "Authorization is not a Bearer token");
        }
        DecodedJWT unverified;
        try {
            unverified = JWT.decode(parts[1]);
        } catch (JWTDecodeException e) {
            throw new Refused(401, "the token is not a JWT");
        }
        String issuer = unverified.getIssuer();
        boolean fromBotFramework = BOT_FRAMEWORK_ISSUER.equals(issuer);
        boolean fromTenant = tenant.isPresent() && tenant.get().issuers().contains(issuer);
        if (!fromBotFramework && !fromTenant) {
            throw new Refused(401, "token issuer not accepted");
        }
        if (unverified.getExpiresAt() == null) {
            throw new Refused(401, "the token has no expiry");
        }
        JwtTokenExtractor extractor = fromBotFramework ? botFramework : tenant.get().extractor();
        ClaimsIdentity identity;
        try {
            identity = extractor.getIdentity("Bearer", parts[1], activity.getChannelId(), List.of()).join();
        } catch (CompletionException | AuthenticationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            String message = String.valueOf(cause.getMessage());
            if (message.startsWith(ENDORSEMENT_FAILURE)) {
                throw new Refused(403, "the signing key is not endorsed for channel " + activity.getChannelId());
            }
            throw new Refused(401, "token rejected: " + reason(cause));
        }
        if (identity == null || !identity.isAuthenticated()) {
            throw new Refused(401, "token signed with an unknown key");
        }
        Map<String, String> claims = identity.claims();
        if (!appId.equals(claims.get(AuthenticationConstants.AUDIENCE_CLAIM))) {
            throw new Refused(401, "token audience is not this bot's app id");
        }
        String serviceUrl = claims.get(AuthenticationConstants.SERVICE_URL_CLAIM);
        if (fromBotFramework && serviceUrl == null) {
            throw new Refused(401, "token has no serviceurl claim");
        }
        if (serviceUrl != null && !serviceUrl.equalsIgnoreCase(activity.getServiceUrl())) {
            throw new Refused(401, "token serviceurl does not match the activity's serviceUrl");
        }
        if (serviceUrl == null && !isBotConnector(activity.getServiceUrl())) {
            // Nudge sends its own connector token to the serviceUrl: without a claim binding it, only Microsoft's.
            throw new Refused(401, "tenant token without serviceurl claim for a serviceUrl that is not a Bot Connector");
        }
        if (fromTenant && claims.containsKey("tid") && !tenant.get().tenantId().equalsIgnoreCase(claims.get("tid"))) {
            throw new Refused(401, "token tenant does not match MICROSOFT_APP_TENANT_ID");
        }
        // The adapter finds the outbound credentials by the audience claim.
        Map<String, String> trusted = new HashMap<>(claims);
        return new ClaimsIdentity(identity.getIssuer(), identity.getType(), trusted);
    }

    /** Hosts of the Bot Connector service in Microsoft's public and government clouds. */
    static boolean isBotConnector(String serviceUrl) {
        try {
            String host = java.net.URI.create(serviceUrl).getHost();
            if (host == null || !serviceUrl.toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
                return false;
            }
            host = host.toLowerCase(java.util.Locale.ROOT);
            return host.equals("smba.trafficmanager.net") || host.endsWith(".botframework.com")
                    || host.endsWith(".teams.microsoft.com") || host.endsWith(".teams.microsoft.us");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A short reason from the JWT library's message (expired, bad signature, wrong algorithm...). */
    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.length() > 120 ? text.substring(0, 120) : text;
    }
}
