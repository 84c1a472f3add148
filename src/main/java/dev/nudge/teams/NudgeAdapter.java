package dev.nudge.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Response;

/**
 * The SDK's adapter with one change: its connector clients do not retry by themselves. The SDK's default client
 * re-sends every 408 and 5xx up to three times at once, with no pause and no regard for Retry-After; Nudge's
 * {@link TeamsGateway} retries instead, with back-off and a bound, so Teams sees each send at most as often as
 * intended.
 */
final class NudgeAdapter extends BotFrameworkAdapter {
    private static final RetryStrategy NEVER = new RetryStrategy("never", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

    /** An adapter that signs its outbound calls with these credentials. */
    NudgeAdapter(AppCredentials credentials) {
        super(credentials, new AuthenticationConfiguration(), null, null, null);
    }

    /** An adapter without credentials (local emulator use). */
    NudgeAdapter() {
        super(new SimpleCredentialProvider());
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                           AppCredentials credentials) {
        AppCredentials used = credentials != null ? credentials : MicrosoftAppCredentials.empty();
        String key = serviceUrl + "\n" + used.getAppId() + "\n" + used.oAuthScope();
        try {
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, unused -> new RestConnectorClient(
                    RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, used).withRetryStrategy(NEVER).build())));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Invalid service URL: " + serviceUrl, e));
        }
    }
}
