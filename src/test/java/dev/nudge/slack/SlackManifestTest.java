package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks bot-manifests/slack/manifest.yml against the rules of Slack's manifest schema (slackapi/manifest-schema,
 * schema 1.0.0) and against what the code actually uses, so the manifest and the code cannot drift apart.
 */
class SlackManifestTest {
    private static final Path MANIFEST = Path.of("bot-manifests/slack/manifest.yml");
    private static final String URL = "^https?://.*";

    private static JsonNode manifest;

    @BeforeAll
    static void read_the_manifest() throws IOException {
        manifest = new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
    }

    @Test
    void the_manifest_uses_schema_version_1_1() {
        assertThat(manifest.path("_metadata").path("major_version").asInt()).isEqualTo(1);
        assertThat(manifest.path("_metadata").path("minor_version").asInt()).isEqualTo(1);
    }

    @Test
    void display_information_has_a_name_and_texts_within_slack_limits() {
        JsonNode display = manifest.path("display_information");
        assertThat(display.isObject()).as("display_information is required").isTrue();
        assertThat(display.path("name").asText()).isEqualTo("Nudge").hasSizeBetween(1, 35);
        assertThat(display.path("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(140);
        assertThat(display.path("long_description").asText()).hasSizeBetween(175, 4000);
        assertThat(display.path("background_color").asText()).hasSizeBetween(4, 7).startsWith("#");
    }

    @Test
    void the_bot_user_is_named_nudge_and_always_online() {
        JsonNode bot = manifest.path("features").path("bot_user");
        assertThat(bot.path("display_name").asText()).isEqualTo("Nudge").hasSizeBetween(1, 80);
        assertThat(bot.path("always_online").isBoolean()).isTrue();
        assertThat(bot.path("always_online").asBoolean()).isTrue();
    }

    @Test
    void every_slash_command_follows_the_schema() {
        JsonNode commands = manifest.path("features").path("slash_commands");
        assertThat(commands.isArray()).isTrue();
        assertThat(commands.size()).isBetween(1, 50);
        for (JsonNode command : commands) {
            assertThat(command.path("command").asText()).matches("^/.*").hasSizeBetween(2, 32);
            assertThat(command.path("description").asText()).hasSizeBetween(1, 2000);
            assertThat(command.path("url").asText()).matches(URL).hasSizeLessThanOrEqualTo(3000);
            assertThat(command.path("usage_hint").asText()).hasSizeLessThanOrEqualTo(1000);
            assertThat(command.path("should_escape").isBoolean()).isTrue();
        }
    }

    @Test
    void the_only_slash_command_is_nudge_pointing_at_the_events_endpoint() {
        JsonNode commands = manifest.path("features").path("slash_commands");
        assertThat(commands.size()).isEqualTo(1);
        JsonNode nudge = commands.get(0);
        assertThat(nudge.path("command").asText()).isEqualTo(SlackBot.DEFAULT_PREFIX).isEqualTo("/nudge");
        assertThat(nudge.path("url").asText()).endsWith("/slack/events");
        // Mentions arrive as <@U123|name> only with escaping on; `action ... @owner` needs them.
        assertThat(nudge.path("should_escape").asBoolean()).isTrue();
    }

    @Test
    void the_usage_hint_mentions_every_command_the_code_registers() {
        String hint = manifest.path("features").path("slash_commands").get(0).path("usage_hint").asText();
        assertThat(hint).contains("help", "principles", "ask", "poll", "pack", "action", "actions", "retro");
    }

    @Test
    void the_bot_asks_for_exactly_the_scopes_the_code_uses() {
        assertThat(texts(manifest.path("oauth_config").path("scopes").path("bot"))).containsExactlyInAnyOrder(
                "commands", "chat:write", "app_mentions:read", "im:write", "users:read", "channels:read", "groups:read",
                "channels:history", "groups:history");
        assertThat(manifest.path("oauth_config").path("scopes").path("user").isMissingNode()).isTrue();
    }

    @Test
    void the_bot_subscribes_to_exactly_the_events_it_handles() {
        JsonNode events = manifest.path("settings").path("event_subscriptions");
        assertThat(events.path("request_url").asText()).matches(URL).hasSizeLessThanOrEqualTo(3500)
                .endsWith("/slack/events");
        assertThat(events.path("bot_events").size()).isLessThanOrEqualTo(100);
        assertThat(texts(events.path("bot_events"))).containsExactlyInAnyOrder("app_mention", "member_joined_channel");
    }

    @Test
    void interactivity_is_enabled_on_the_events_endpoint() {
        JsonNode interactivity = manifest.path("settings").path("interactivity");
        assertThat(interactivity.has("is_enabled")).as("is_enabled is required inside interactivity").isTrue();
        assertThat(interactivity.path("is_enabled").asBoolean()).isTrue();
        assertThat(interactivity.path("request_url").asText()).matches(URL).hasSizeLessThanOrEqualTo(3500)
                .endsWith("/slack/events");
    }

    @Test
    void the_default_setup_uses_http_without_socket_mode_org_deploy_or_token_rotation() {
        JsonNode settings = manifest.path("settings");
        assertThat(settings.path("socket_mode_enabled").isBoolean()).isTrue();
        assertThat(settings.path("socket_mode_enabled").asBoolean()).isFalse();
        assertThat(settings.path("org_deploy_enabled").asBoolean(true)).isFalse();
        assertThat(settings.path("token_rotation_enabled").asBoolean(true)).isFalse();
    }

    @Test
    void every_url_uses_the_placeholder_host_that_the_readme_says_to_replace() {
        List<String> urls = new ArrayList<>();
        manifest.path("features").path("slash_commands").forEach(command -> urls.add(command.path("url").asText()));
        urls.add(manifest.path("settings").path("event_subscriptions").path("request_url").asText());
        urls.add(manifest.path("settings").path("interactivity").path("request_url").asText());
        assertThat(urls).allSatisfy(url -> assertThat(url).isEqualTo("https://YOUR-HOST/slack/events"));
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
