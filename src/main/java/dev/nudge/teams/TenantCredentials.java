package dev.nudge.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;

/**
 * The bot's outbound credentials: an OAuth client-credentials token for the Bot Connector, from the bot's own tenant
 * when MICROSOFT_APP_TENANT_ID is set (single-tenant bots, the only kind Azure creates since July 2025), else from
 * the multi-tenant {@code botframework.com} authority. It plugs into the SDK through
 * {@link MicrosoftAppCredentials#buildAuthenticator()}; the token request is a plain POST to
 * {@code {login}/{tenant}/oauth2/v2.0/token}, so the sign-in host can be a local fake in tests (MSAL insists on
 * https). Tokens are cached until five minutes before they expire. The secret never appears in logs or errors.
 */
public final class TenantCredentials extends MicrosoftAppCredentials {
    private final URI loginUrl;
    private final Clock clock;

    public TenantCredentials(String appId, String password, String tenantId, URI loginUrl, Clock clock) {
        super(appId, password, tenantId == null ? AuthenticationConstants.DEFAULT_CHANNEL_AUTH_TENANT : tenantId,
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE);
        this.loginUrl = loginUrl;
        this.clock = clock;
    }

    /** Where the token comes from, e.g. https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token. */
    public URI tokenEndpoint() {
        return URI.create(loginUrl + "/" + getChannelAuthTenant() + "/oauth2/v2.0/token");
    }

    @Override
    public String oAuthEndpoint() {
        return loginUrl + "/" + getChannelAuthTenant();
    }

    @Override
    protected Authenticator buildAuthenticator() {
        return new ClientCredentials(tokenEndpoint(), getAppId(), getAppPassword(), oAuthScope(), clock);
    }

    /** Fetches and caches client-credentials tokens. */
    static final class ClientCredentials implements Authenticator {
        private static final Duration EARLY = Duration.ofMinutes(5);
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final ObjectMapper json = new ObjectMapper();
        private final URI endpoint;
        private final String form;
        private final Clock clock;
        private Token cached;

        ClientCredentials(URI endpoint, String appId, String password, String scope, Clock clock) {
            this.endpoint = endpoint;
            this.clock = clock;
            this.form = "grant_type=client_credentials&client_id=" + encode(appId) + "&client_secret="
                    + encode(password) + "&scope=" + encode(scope);
        }

        @Override
        public synchronized CompletableFuture<IAuthenticationResult> acquireToken() {
            Instant now = clock.instant();
            if (cached == null || !now.isBefore(cached.expiresAt().minus(EARLY))) {
                try {
                    cached = fetch(now);
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(new AuthenticationException(
                            "Could not get a Bot Framework token from " + endpoint + ": " + e.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CompletableFuture.failedFuture(new AuthenticationException("Interrupted getting a token"));
                }
            }
            return CompletableFuture.completedFuture(cached);
        }

        private Token fetch(Instant now) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = json.readTree(response.body());
            } catch (IOException e) {
                throw new IOException("HTTP " + response.statusCode() + " with a body that is not JSON");
            }
            if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
                // error and error_description name the problem (wrong secret, unknown tenant) without echoing it.
                throw new IOException("HTTP " + response.statusCode() + " " + body.path("error").asText("")
                        + " " + body.path("error_description").asText("").lines().findFirst().orElse(""));
            }
            long seconds = body.path("expires_in").asLong(3599);
            return new Token(body.path("access_token").asText(), now.plusSeconds(seconds), endpoint.getHost());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
        }
    }

    /** The part of MSAL's result the connector uses: the access token. */
    private record Token(String accessToken, Instant expiresAt, String environment) implements IAuthenticationResult {
        @Override
        public String idToken() {
            return null;
        }

        @Override
        public IAccount account() {
            return null;
        }

        @Override
        public ITenantProfile tenantProfile() {
            return null;
        }

        @Override
        public String scopes() {
            return AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE;
        }

        @Override
        public Date expiresOnDate() {
            return Date.from(expiresAt);
        }

        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }
}
