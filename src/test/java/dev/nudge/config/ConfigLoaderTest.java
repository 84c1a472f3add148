package dev.nudge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    /** No file at this path: the loader falls back to the defaults shipped inside the jar. */
    private Path noFile() {
        return dir.resolve("absent.yml");
    }

    private Path yaml(String content) throws IOException {
        return Files.writeString(dir.resolve("nudge.yml"), content);
    }

    @Test
    void with_no_settings_the_shipped_defaults_apply() {
        NudgeConfig config = ConfigLoader.load(noFile(), Map.of());

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database()).isEqualTo(Path.of("data/nudge.db"));
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(config.defaultPack()).isEqualTo("nhs");
        assertThat(config.principlesDir()).isEqualTo(Path.of("config/principles"));
        assertThat(config.adminUsers()).isEmpty();
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.voterKey()).isEmpty();
        assertThat(config.slack().apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
    }

    @Test
    void the_project_config_file_gives_the_same_defaults() {
        NudgeConfig fromFile = ConfigLoader.load(Path.of("config/nudge.yml"), Map.of());

        assertThat(fromFile).isEqualTo(ConfigLoader.load(noFile(), Map.of()));
    }

    @Test
    void an_empty_config_file_still_gives_the_built_in_defaults() throws IOException {
        NudgeConfig config = ConfigLoader.load(yaml("# nothing here\n"), Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database()).isEqualTo(Path.of("data/nudge.db"));
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void without_a_bot_token_slack_is_disabled_with_a_reason_naming_slack_bot_token() {
        NudgeConfig.Slack slack = ConfigLoader.load(noFile(), Map.of()).slack();

        assertThat(slack.enabled()).isFalse();
        assertThat(slack.disabledReason()).hasValueSatisfying(reason -> assertThat(reason).contains("SLACK_BOT_TOKEN"));
    }

    @Test
    void a_bot_token_without_a_signing_secret_leaves_slack_disabled_naming_the_signing_secret() {
        NudgeConfig.Slack slack = ConfigLoader.load(noFile(), Map.of("SLACK_BOT_TOKEN", "xoxb-1")).slack();

        assertThat(slack.enabled()).isFalse();
        assertThat(slack.disabledReason()).hasValueSatisfying(r -> assertThat(r).contains("SLACK_SIGNING_SECRET"));
    }

    @Test
    void a_bot_token_and_signing_secret_enable_slack_over_http() {
        NudgeConfig.Slack slack = ConfigLoader.load(noFile(),
                Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "shh")).slack();

        assertThat(slack.enabled()).isTrue();
        assertThat(slack.socketMode()).isFalse();
        assertThat(slack.disabledReason()).isEmpty();
    }

    @Test
    void a_bot_token_and_app_token_enable_slack_in_socket_mode() {
        NudgeConfig.Slack slack = ConfigLoader.load(noFile(),
                Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")).slack();

        assertThat(slack.enabled()).isTrue();
        assertThat(slack.socketMode()).isTrue();
    }

    @Test
    void yaml_settings_replace_the_defaults() throws IOException {
        NudgeConfig config = ConfigLoader.load(yaml("""
                port: 9000
                db: /var/lib/nudge/nudge.db
                time_zone: America/New_York
                admins: [U111, U222]
                """), Map.of());

        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.database()).isEqualTo(Path.of("/var/lib/nudge/nudge.db"));
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(config.adminUsers()).containsExactly("U111", "U222");
    }

    @Test
    void environment_variables_override_the_yaml() throws IOException {
        Path file = yaml("""
                port: 9000
                time_zone: America/New_York
                default_pack: team
                """);

        NudgeConfig config = ConfigLoader.load(file, Map.of("NUDGE_PORT", "9100", "NUDGE_TIME_ZONE", "Europe/Paris",
                "NUDGE_ADMINS", " U1, ,U2 "));

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.defaultPack()).as("not overridden, so from the YAML").isEqualTo("team");
        assertThat(config.adminUsers()).containsExactly("U1", "U2");
    }

    @Test
    void environment_variables_outside_nudges_settings_are_ignored() {
        NudgeConfig config = ConfigLoader.load(noFile(), Map.of("PORT", "1234", "HOME", "/root"));

        assertThat(config.port()).isEqualTo(8080);
    }

    @Test
    void a_non_numeric_port_is_refused_naming_nudge_port() {
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("NUDGE_PORT", "abc")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NUDGE_PORT").hasMessageContaining("'abc'");
    }

    @Test
    void a_port_above_65535_is_refused_naming_nudge_port() {
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("NUDGE_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NUDGE_PORT");
    }

    @Test
    void an_unknown_time_zone_is_refused_naming_nudge_time_zone() {
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("NUDGE_TIME_ZONE", "Mars/Base")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NUDGE_TIME_ZONE")
                .hasMessageContaining("Mars/Base");
    }

    @Test
    void an_unknown_key_in_the_yaml_is_refused_naming_it() throws IOException {
        Path file = yaml("port: 8080\nslack_token: xoxb-oops\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'slack_token'")
                .hasMessageContaining("slack_bot_token");
    }

    @Test
    void invalid_yaml_is_refused_naming_the_file() throws IOException {
        Path file = yaml("port: 8080\ndb: [unclosed\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void a_yaml_file_that_is_not_a_map_is_refused() throws IOException {
        Path file = yaml("- port\n- 8080\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("map of setting");
    }

    @Test
    void a_bot_token_without_the_xoxb_prefix_is_refused_without_echoing_the_token() {
        String token = "xoxp-1234-5678-SECRETVALUE";

        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("SLACK_BOT_TOKEN", token)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN")
                .hasMessageContaining("xoxb-")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token).doesNotContain("SECRETVALUE"));
    }

    @Test
    void an_app_token_without_the_xapp_prefix_is_refused_without_echoing_the_token() {
        String token = "xoxb-NOT-AN-APP-TOKEN";

        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", token)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_APP_TOKEN")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void a_slack_api_url_that_is_not_http_is_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("SLACK_API_URL", "ftp://example.com/api")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_API_URL");
    }

    @Test
    void a_slack_api_url_gets_a_trailing_slash() {
        assertThat(ConfigLoader.load(noFile(), Map.of("SLACK_API_URL", "http://localhost:9999/api")).slack().apiUrl())
                .isEqualTo(URI.create("http://localhost:9999/api/"));
    }

    @Test
    void to_string_never_contains_secret_values() {
        Map<String, String> env = Map.of(
                "NUDGE_ADMIN_TOKEN", "admin-secret-111",
                "NUDGE_VOTER_KEY", "voter-secret-222",
                "SLACK_SIGNING_SECRET", "signing-secret-333",
                "SLACK_BOT_TOKEN", "xoxb-bot-secret-444",
                "SLACK_APP_TOKEN", "xapp-app-secret-555");
        NudgeConfig config = ConfigLoader.load(noFile(), env);

        assertThat(config.adminToken()).contains("admin-secret-111");
        String printed = config.toString() + " " + config.slack();
        for (String secret : env.values()) {
            assertThat(printed).doesNotContain(secret);
        }
        assertThat(printed).doesNotContain("secret-").contains("(set)").contains("port=8080");
    }

    @Test
    void an_empty_environment_variable_does_not_hide_the_yaml_setting() throws IOException {
        Path file = yaml("port: 9000\n");

        assertThat(ConfigLoader.load(file, Map.of("NUDGE_PORT", "")).port()).isEqualTo(9000);
    }

    static final String APP_ID = "5f2d9c1e-8b7a-4c3d-9e2f-1a0b3c4d5e6f";
    static final String TENANT = "7a3c1b2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @Test
    void without_teams_settings_teams_is_local_emulator_only_with_the_bot_framework_defaults() {
        NudgeConfig.Teams teams = ConfigLoader.load(noFile(), Map.of()).teams();

        assertThat(teams.authenticated()).isFalse();
        assertThat(teams.openIdMetadataUrl()).isEqualTo(URI.create(
                "https://login.botframework.com/v1/.well-known/openidconfiguration"));
        assertThat(teams.loginUrl()).isEqualTo(URI.create("https://login.microsoftonline.com"));
    }

    @Test
    void app_id_password_and_tenant_make_a_single_tenant_teams_bot() {
        NudgeConfig.Teams teams = ConfigLoader.load(noFile(), Map.of("MICROSOFT_APP_ID", APP_ID,
                "MICROSOFT_APP_PASSWORD", "pw-secret-666", "MICROSOFT_APP_TENANT_ID", TENANT,
                "TEAMS_LOGIN_URL", "http://127.0.0.1:9999/")).teams();

        assertThat(teams.authenticated()).isTrue();
        assertThat(teams.tenantId()).contains(TENANT);
        assertThat(teams.loginUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(teams.toString()).contains(APP_ID, TENANT, "appPassword=(set)").doesNotContain("pw-secret-666");
    }

    @Test
    void an_app_id_without_a_password_or_the_other_way_round_is_refused_naming_the_missing_one() {
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("MICROSOFT_APP_ID", APP_ID)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MICROSOFT_APP_PASSWORD is not set");
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("MICROSOFT_APP_PASSWORD", "pw-secret-777")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MICROSOFT_APP_ID is not set")
                .message().doesNotContain("pw-secret-777");
    }

    @Test
    void an_app_or_tenant_id_that_is_not_a_guid_is_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("MICROSOFT_APP_ID", "nudge-bot",
                "MICROSOFT_APP_PASSWORD", "pw"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("MICROSOFT_APP_ID must be a GUID");
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("MICROSOFT_APP_ID", APP_ID,
                "MICROSOFT_APP_PASSWORD", "pw", "MICROSOFT_APP_TENANT_ID", "contoso.onmicrosoft.com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MICROSOFT_APP_TENANT_ID must be a GUID");
    }

    @Test
    void a_teams_metadata_url_that_is_not_http_is_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(noFile(), Map.of("TEAMS_OPENID_METADATA_URL", "ftp://x/y")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TEAMS_OPENID_METADATA_URL");
    }
}
