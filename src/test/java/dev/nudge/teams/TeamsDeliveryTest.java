package dev.nudge.teams;

import static dev.nudge.testing.TeamsClient.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.storage.Database;
import dev.nudge.storage.JdbcTeamsConversations;
import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsNudge;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing stores the conversation reference; after a restart Nudge can still post there. Sending keeps to
 * Teams' rate limits, retries what Teams asks to be retried, and stops for good where Teams says Nudge is blocked.
 */
class TeamsDeliveryTest {
    static final ConversationRef WHERE = new ConversationRef(Platform.TEAMS, FakeTeams.TENANT, CHANNEL);

    @TempDir
    Path dir;
    FakeTeams teams;
    TestNudge nudge;
    TeamsClient client;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        teams = new FakeTeams();
        nudge = new TestNudge(TeamsNudge.config(dir, TeamsNudge.singleTenant(teams), List.of()));
        client = new TeamsClient(nudge.port(), teams, true);
    }

    @AfterEach
    void stop() {
        nudge.close();
        teams.close();
    }

    /** The real sender on the same database file, as Nudge builds it, with waits recorded instead of slept. */
    private TeamsGateway gateway(Database database) {
        TenantCredentials credentials = new TenantCredentials(FakeTeams.APP_ID, FakeTeams.APP_PASSWORD, FakeTeams.TENANT,
                java.net.URI.create(teams.loginUrl()), Clock.systemUTC());
        BotFrameworkAdapter adapter = new NudgeAdapter(credentials);
        return new TeamsGateway(adapter, FakeTeams.APP_ID, new ConversationStore(new JdbcTeamsConversations(database),
                Clock.systemUTC()), new AdaptiveCardRenderer(), new SendLimiter(SendLimiter.TEAMS_LIMITS), waits::add,
                Duration.ofSeconds(1));
    }

    private void install() {
        assertThat(client.installation("add", "U1", CHANNEL).status()).isEqualTo(202);
        assertThat(client.botAdded("U1", CHANNEL).status()).isEqualTo(202);
        teams.await("send", call -> call.visibleText().contains("I'm Nudge"));
    }

    @Test
    void install_stores_the_reference_welcomes_once_and_after_a_restart_nudge_posts_proactively() {
        install();
        teams.settle(Duration.ofMillis(300));
        assertThat(teams.calls("send")).hasSize(1);
        List<Map<String, Object>> stored = nudge.query("SELECT * FROM teams_conversations");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).containsEntry("tenant_id", FakeTeams.TENANT).containsEntry("conversation_id", CHANNEL)
                .containsEntry("conversation_type", "channel").containsEntry("service_url", teams.serviceUrl())
                .containsEntry("active", 1).containsEntry("user_id", null);
        assertThat((String) stored.get(0).get("reference")).contains("28:" + FakeTeams.APP_ID).doesNotContain("U1");
        assertThat(nudge.query("SELECT platform, workspace_id, channel_id FROM channels")).containsExactly(
                Map.of("platform", "teams", "workspace_id", FakeTeams.TENANT, "channel_id", CHANNEL));
        nudge.close();
        teams.clear();

        try (Database database = Database.open(dir.resolve("nudge.db"))) {
            String id = gateway(database).post(WHERE, null, ChatMessage.text("Weekly check-in time"));

            FakeTeams.Call posted = teams.await("send", call -> call.visibleText().contains("Weekly check-in time"));
            assertThat(posted.activityId()).isEqualTo(id);
            assertThat(posted.conversationId()).isEqualTo(CHANNEL);
            assertThat(posted.authorization()).isEqualTo("Bearer " + FakeTeams.accessToken(FakeTeams.TENANT));
            assertThat(posted.body().path("from").path("id").asText()).isEqualTo("28:" + FakeTeams.APP_ID);
        }
        nudge.start();
    }

    @Test
    void member_count_lists_the_conversation_without_bots_and_a_direct_message_goes_to_the_1to1_chat() {
        install();
        nudge.close();
        teams.clear();
        teams.setMemberCount(CHANNEL, 6);
        try (Database database = Database.open(dir.resolve("nudge.db"))) {
            TeamsGateway gateway = gateway(database);

            assertThat(gateway.memberCount(WHERE)).isEqualTo(java.util.OptionalInt.of(6));
            assertThat(gateway.memberCount(WHERE)).isEqualTo(java.util.OptionalInt.of(6));
            assertThat(teams.calls("members")).singleElement()
                    .satisfies(call -> assertThat(call.conversationId()).isEqualTo(CHANNEL));

            gateway.sendDirect(WHERE, "U7", ChatMessage.text("Reminder: your action"));
            FakeTeams.Call sent = teams.await("send", call -> call.visibleText().contains("Reminder: your action"));
            assertThat(sent.conversationId()).isEqualTo(TeamsClient.personalChat("U7"));
            assertThat(teams.calls("create")).singleElement().satisfies(call ->
                    assertThat(call.body().path("members").path(0).path("id").asText()).isEqualTo("U7"));
        }
        nudge.start();
    }

    /** Calls to the connector, without the token requests a fresh sender makes first. */
    private List<FakeTeams.Call> connectorCalls() {
        // Sends only: tokens, and the member lookup Nudge makes when it is added to a channel, are not sends.
        return teams.calls().stream().filter(call -> !call.kind().equals("token") && !call.kind().equals("members"))
                .toList();
    }

    @Test
    void sends_to_one_conversation_keep_to_seven_a_second_and_eight_in_two_seconds() {
        install();
        teams.clear();
        try (Database database = Database.open(dir.resolve("nudge.db"))) {
            TeamsGateway gateway = gateway(database);
            for (int i = 0; i < 12; i++) {
                gateway.post(WHERE, null, ChatMessage.text("Message " + i));
            }
        }
        List<FakeTeams.Call> sends = teams.calls("send");
        assertThat(sends).hasSize(12);
        for (int i = 0; i < sends.size(); i++) {
            Duration window7 = i + 7 < sends.size() ? Duration.between(sends.get(i).at(), sends.get(i + 7).at()) : null;
            Duration window8 = i + 8 < sends.size() ? Duration.between(sends.get(i).at(), sends.get(i + 8).at()) : null;
            if (window7 != null) {
                assertThat(window7).as("8 sends within a second").isGreaterThanOrEqualTo(Duration.ofMillis(990));
            }
            if (window8 != null) {
                assertThat(window8).as("9 sends within two seconds").isGreaterThanOrEqualTo(Duration.ofMillis(1990));
            }
        }
    }

    @Test
    void throttling_and_busy_answers_are_retried_after_retry_after_or_a_jittered_back_off() {
        install();
        teams.clear();
        teams.failNext("send", "429", "503", "412");
        try (Database database = Database.open(dir.resolve("nudge.db"))) {
            gateway(database).post(WHERE, null, ChatMessage.text("After the storm"));
        }

        assertThat(connectorCalls()).extracting(FakeTeams.Call::kind).containsExactly("send:429", "send:503", "send:412", "send");
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
    }

    @Test
    void retries_are_bounded_and_then_the_user_gets_a_clear_message() {
        install();
        teams.clear();
        teams.failNext("send", "504", "504", "504", "504", "504", "504");
        try (Database database = Database.open(dir.resolve("nudge.db"))) {
            assertThatThrownBy(() -> gateway(database).post(WHERE, null, ChatMessage.text("Never")))
                    .isInstanceOf(ChatDeliveryException.class).hasMessageContaining("Teams is busy");
        }
        assertThat(connectorCalls()).hasSize(TeamsGateway.MAX_ATTEMPTS);
        assertThat(waits).hasSize(TeamsGateway.MAX_ATTEMPTS - 1);
    }

    @Test
    void a_403_marks_the_conversation_inactive_and_nothing_more_is_sent_there() {
        install();
        teams.clear();
        teams.failNext("send", "403");
        try (Database database = Database.open(dir.resolve("nudge.db"))) {
            TeamsGateway gateway = gateway(database);
            assertThatThrownBy(() -> gateway.post(WHERE, null, ChatMessage.text("Blocked")))
                    .isInstanceOf(ChatDeliveryException.class).hasMessageContaining("removed");
            assertThatThrownBy(() -> gateway.post(WHERE, null, ChatMessage.text("Still blocked")))
                    .isInstanceOf(ChatDeliveryException.class).hasMessageContaining("Add Nudge again");
        }
        assertThat(connectorCalls()).extracting(FakeTeams.Call::kind).containsExactly("send:403");
        assertThat(nudge.count("SELECT count(*) FROM teams_conversations WHERE active = 0")).isEqualTo(1);
    }

    @Test
    void uninstalling_marks_the_conversation_inactive_and_a_prompt_there_is_not_sent() {
        install();
        assertThat(client.installation("remove", "U1", CHANNEL).status()).isEqualTo(202);
        assertThat(nudge.count("SELECT count(*) FROM teams_conversations WHERE active = 0")).isEqualTo(1);
        teams.clear();
        try (Database database = Database.open(dir.resolve("nudge.db"))) {
            assertThatThrownBy(() -> gateway(database).post(WHERE, null, ChatMessage.text("Hello?")))
                    .isInstanceOf(ChatDeliveryException.class);
        }
        assertThat(connectorCalls()).isEmpty();

        client.botRemoved("U1", CHANNEL);
        client.botAdded("U1", CHANNEL);
        assertThat(nudge.count("SELECT count(*) FROM teams_conversations WHERE active = 1")).isEqualTo(1);
    }
}
