package dev.nudge.teams;

import static dev.nudge.testing.TeamsClient.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.TeamsClient;
import dev.nudge.testing.TeamsNudge;
import dev.nudge.testing.TestNudge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may talk to /api/messages: real RS256 tokens signed by keys served from a local OpenID metadata endpoint.
 * Every refusal is a 401 (403 for a key not endorsed for Teams), nothing is stored and nothing is sent.
 */
class TeamsAuthTest {
    @TempDir
    Path dir;
    FakeTeams teams;
    TestNudge nudge;
    TeamsClient client;
    ObjectNode help;

    @BeforeEach
    void start() {
        teams = new FakeTeams();
        nudge = new TestNudge(TeamsNudge.config(dir, TeamsNudge.singleTenant(teams), List.of()));
        client = new TeamsClient(nudge.port(), teams, false);
        help = client.fixture("channel_mention", Map.of("user", "U1", "conversation", CHANNEL, "text", "help"));
    }

    @AfterEach
    void stop() {
        nudge.close();
        teams.close();
    }

    private TeamsClient.Reply withToken(String token) {
        return client.post(help.toString().getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Bearer " + token));
    }

    private ObjectNode claims() {
        return TeamsClient.claims(teams.serviceUrl());
    }

    private void assertRefused(TeamsClient.Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        teams.settle(java.time.Duration.ofMillis(300));
        assertThat(teams.calls()).isEmpty();
        assertThat(nudge.count("SELECT count(*) FROM teams_conversations")).isZero();
    }

    @Test
    void a_valid_bot_framework_token_is_accepted_and_the_reply_uses_a_token_from_the_bots_tenant() {
        assertThat(withToken(TeamsClient.token(teams, claims())).status()).isEqualTo(202);

        FakeTeams.Call reply = teams.await("send", call -> call.visibleText().contains("Nudge commands"));
        assertThat(reply.authorization()).isEqualTo("Bearer " + FakeTeams.accessToken(FakeTeams.TENANT));
        JsonNode token = teams.calls("token").get(0).body();
        assertThat(token.path("tenant").asText()).isEqualTo(FakeTeams.TENANT);
        assertThat(token.path("client_id").asText()).isEqualTo(FakeTeams.APP_ID);
        assertThat(token.path("grant_type").asText()).isEqualTo("client_credentials");
        assertThat(token.path("scope").asText()).isEqualTo("https://api.botframework.com/.default");
        assertThat(token.path("secret_matches").asBoolean()).isTrue();
    }

    @Test
    void a_token_issued_by_the_bots_own_tenant_is_accepted() {
        ObjectNode claims = claims().put("iss", "https://sts.windows.net/" + FakeTeams.TENANT + "/")
                .put("tid", FakeTeams.TENANT);
        KeyPair tenantKey = teams.key(FakeTeams.TENANT_KEY);

        assertThat(withToken(TeamsClient.token(FakeTeams.TENANT_KEY, tenantKey.getPrivate(), claims)).status())
                .isEqualTo(202);
        teams.await("send", call -> call.visibleText().contains("Nudge commands"));
    }

    @Test
    void a_tenant_token_without_a_serviceurl_claim_is_refused_for_a_service_url_that_is_not_microsofts() {
        ObjectNode claims = claims().put("iss", teams.loginUrl() + "/" + FakeTeams.TENANT + "/v2.0")
                .put("tid", FakeTeams.TENANT);
        claims.remove("serviceurl");

        assertRefused(withToken(TeamsClient.token(FakeTeams.TENANT_KEY, teams.key(FakeTeams.TENANT_KEY).getPrivate(),
                claims)), 401);
        assertThat(TeamsAuthenticator.isBotConnector("https://smba.trafficmanager.net/emea/")).isTrue();
        assertThat(TeamsAuthenticator.isBotConnector("https://smba.trafficmanager.net.evil.example/")).isFalse();
        assertThat(TeamsAuthenticator.isBotConnector("http://smba.trafficmanager.net/emea/")).isFalse();
    }

    @Test
    void a_token_from_another_tenant_is_refused() {
        ObjectNode claims = claims().put("iss", "https://sts.windows.net/00000000-1111-2222-3333-444444444444/");
        assertRefused(withToken(TeamsClient.token(FakeTeams.TENANT_KEY, teams.key(FakeTeams.TENANT_KEY).getPrivate(),
                claims)), 401);
    }

    @Test
    void a_missing_or_non_bearer_authorization_header_is_refused() {
        assertRefused(client.post(help.toString().getBytes(StandardCharsets.UTF_8), Map.of()), 401);
        assertRefused(client.post(help.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Basic dXNlcjpwYXNz")), 401);
        assertRefused(withToken("not-a-jwt"), 401);
    }

    @Test
    void an_expired_token_is_refused() {
        long now = Instant.now().getEpochSecond();
        assertRefused(withToken(TeamsClient.token(teams, claims().put("nbf", now - 7200).put("exp", now - 600))), 401);
    }

    @Test
    void a_token_for_another_bot_is_refused() {
        assertRefused(withToken(TeamsClient.token(teams, claims().put("aud", "11111111-2222-3333-4444-555555555555"))), 401);
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        assertRefused(withToken(TeamsClient.token(teams, claims().put("iss", "https://api.botframework.com.evil.example"))), 401);
    }

    @Test
    void a_token_for_another_service_url_is_refused() {
        assertRefused(withToken(TeamsClient.token(teams, claims().put("serviceurl", "https://smba.trafficmanager.net/emea/"))), 401);
    }

    @Test
    void an_unsigned_token_or_one_signed_by_an_unknown_key_is_refused() throws Exception {
        assertRefused(withToken(TeamsClient.unsigned(FakeTeams.BOT_FRAMEWORK_KEY, claims())), 401);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertRefused(withToken(TeamsClient.token(FakeTeams.BOT_FRAMEWORK_KEY, generator.generateKeyPair().getPrivate(),
                claims())), 401);
        assertRefused(withToken(TeamsClient.token("no-such-key", teams.key(FakeTeams.BOT_FRAMEWORK_KEY).getPrivate(),
                claims())), 401);
    }

    @Test
    void a_key_not_endorsed_for_teams_is_forbidden() {
        assertRefused(withToken(TeamsClient.token(FakeTeams.UNENDORSED_KEY,
                teams.key(FakeTeams.UNENDORSED_KEY).getPrivate(), claims())), 403);
    }

    @Test
    void a_body_that_is_not_an_activity_is_a_400_and_never_a_500() {
        String token = "Bearer " + TeamsClient.token(teams, claims());
        assertThat(client.post("{not json".getBytes(StandardCharsets.UTF_8), Map.of("Authorization", token)).status())
                .isEqualTo(400);
        assertThat(client.post("[1,2]".getBytes(StandardCharsets.UTF_8), Map.of("Authorization", token)).status())
                .isEqualTo(400);
        ObjectNode noServiceUrl = help.deepCopy();
        noServiceUrl.remove("serviceUrl");
        assertThat(client.post(noServiceUrl.toString().getBytes(StandardCharsets.UTF_8), Map.of("Authorization", token))
                .status()).isEqualTo(400);
        ObjectNode badType = help.deepCopy();
        badType.putArray("conversation");
        assertThat(client.post(badType.toString().getBytes(StandardCharsets.UTF_8), Map.of("Authorization", token))
                .status()).isEqualTo(400);
        assertThat(nudge.count("SELECT count(*) FROM teams_conversations")).isZero();
    }

    @Test
    void without_credentials_only_direct_local_traffic_is_accepted() {
        nudge.close();
        nudge = new TestNudge(TeamsNudge.config(dir, TeamsNudge.emulatorOnly(), List.of()));
        TeamsClient emulator = new TeamsClient(nudge.port(), teams, false);

        assertThat(emulator.mention("U1", CHANNEL, "help").status()).isEqualTo(202);
        FakeTeams.Call reply = teams.await("send", call -> call.visibleText().contains("Nudge commands"));
        assertThat(reply.authorization()).isNull();

        byte[] body = help.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(emulator.post(body, Map.of("X-Forwarded-For", "203.0.113.9")).status()).isEqualTo(401);
        assertThat(emulator.post(body, Map.of("Forwarded", "for=203.0.113.9")).status()).isEqualTo(401);
    }
}
