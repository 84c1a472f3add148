package dev.nudge.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import dev.nudge.channels.ChannelService;
import dev.nudge.chat.ChatGateway;
import dev.nudge.chat.Interactions;
import dev.nudge.commands.CommandRegistry;
import dev.nudge.config.NudgeConfig;
import dev.nudge.storage.JdbcDeliveries;
import dev.nudge.storage.JdbcTeamsConversations;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Teams side: the Bot Framework adapter (with the bot's own tenant credentials when configured), the
 * token check, the sender and the bot, and the handler for {@code POST /api/messages}.
 */
public final class TeamsModule {
    private static final Logger log = LoggerFactory.getLogger(TeamsModule.class);

    private final TeamsGateway gateway;
    private final TeamsEndpoint endpoint;

    public TeamsModule(NudgeConfig.Teams config, JdbcTeamsConversations conversations, JdbcDeliveries deliveries,
                       CommandRegistry commands, Interactions interactions, ChannelService channels, Executor executor,
                       Clock clock) {
        BotFrameworkAdapter adapter;
        Optional<TeamsAuthenticator> authenticator;
        if (config.authenticated()) {
            TenantCredentials credentials = new TenantCredentials(config.appId().orElseThrow(),
                    config.appPassword().orElseThrow(), config.tenantId().orElse(null), config.loginUrl(), clock);
            adapter = new NudgeAdapter(credentials);
            authenticator = Optional.of(new TeamsAuthenticator(config));
            log.info("Teams is on: activities at POST /api/messages for app {} ({}); tokens from {}",
                    config.appId().get(), config.tenantId().map(t -> "single-tenant " + t).orElse("multi-tenant"),
                    credentials.tokenEndpoint());
        } else {
            adapter = new NudgeAdapter();
            authenticator = Optional.empty();
            log.warn("Teams is OFF: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are not set. POST /api/messages "
                    + "accepts only unauthenticated local traffic (the Bot Framework Emulator on this machine) and "
                    + "answers 401 to everyone else.");
        }
        adapter.setOnTurnError((turn, error) -> {
            log.error("Teams turn failed for a {} activity", turn.getActivity().getType(), error);
            return java.util.concurrent.CompletableFuture.failedFuture(error);
        });
        ConversationStore store = new ConversationStore(conversations, clock);
        TeamsPeople people = new TeamsPeople();
        AdaptiveCardRenderer renderer = new AdaptiveCardRenderer(people);
        this.gateway = new TeamsGateway(adapter, config.appId().orElse(""), store, renderer,
                new SendLimiter(SendLimiter.TEAMS_LIMITS), duration -> Thread.sleep(duration.toMillis()),
                Duration.ofSeconds(1));
        TeamsBot bot = new TeamsBot(commands, interactions, channels, gateway, store, renderer, new OriginSeal(),
                deliveries, executor, clock, people);
        this.endpoint = new TeamsEndpoint(adapter, bot, authenticator);
    }

    public ChatGateway gateway() {
        return gateway;
    }

    public Handler handler() {
        return endpoint::handle;
    }
}
