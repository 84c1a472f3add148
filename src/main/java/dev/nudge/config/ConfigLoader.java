package dev.nudge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads settings: the defaults file (config/nudge.yml on disk, else the copy inside the jar), then environment
 * variables on top. Each setting has one environment name; the YAML uses the same names in lower case without the
 * prefix, so the README table maps one to one.
 */
public final class ConfigLoader {

    /** Every setting, in README order: environment name, YAML key. */
    public static final Map<String, String> SETTINGS = settings();

    private static Map<String, String> settings() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("NUDGE_HOST", "host");
        names.put("NUDGE_PORT", "port");
        names.put("NUDGE_DB", "db");
        names.put("NUDGE_ADMIN_TOKEN", "admin_token");
        names.put("NUDGE_TIME_ZONE", "time_zone");
        names.put("NUDGE_DEFAULT_PACK", "default_pack");
        names.put("NUDGE_PRINCIPLES_DIR", "principles_dir");
        names.put("NUDGE_VOTER_KEY", "voter_key");
        names.put("NUDGE_ADMINS", "admins");
        names.put("NUDGE_LEADS", "leads");
        names.put("NUDGE_MAX_SCHEDULES_PER_CHANNEL", "max_schedules_per_channel");
        names.put("NUDGE_MISSED_GRACE", "missed_grace");
        names.put("NUDGE_HOLIDAYS_DIR", "holidays_dir");
        names.put("NUDGE_DEFAULT_CALENDAR", "default_calendar");
        names.put("NUDGE_WORKSPACE_POSTS_PER_MINUTE", "workspace_posts_per_minute");
        names.put("NUDGE_PRIVACY_THRESHOLD", "privacy_threshold");
        names.put("NUDGE_RETENTION_MONTHS", "retention_months");
        names.put("SLACK_SIGNING_SECRET", "slack_signing_secret");
        names.put("SLACK_BOT_TOKEN", "slack_bot_token");
        names.put("SLACK_APP_TOKEN", "slack_app_token");
        names.put("SLACK_API_URL", "slack_api_url");
        names.put("MICROSOFT_APP_ID", "microsoft_app_id");
        names.put("MICROSOFT_APP_PASSWORD", "microsoft_app_password");
        names.put("MICROSOFT_APP_TENANT_ID", "microsoft_app_tenant_id");
        names.put("TEAMS_OPENID_METADATA_URL", "teams_openid_metadata_url");
        names.put("TEAMS_LOGIN_URL", "teams_login_url");
        return java.util.Collections.unmodifiableMap(names);
    }

    private final Map<String, String> values;

    private ConfigLoader(Map<String, String> values) {
        this.values = values;
    }

    /** Loads from the given defaults file (or the jar's copy when it does not exist) and the given environment. */
    public static NudgeConfig load(Path defaultsFile, Map<String, String> environment) {
        Map<String, String> merged = new LinkedHashMap<>(readDefaults(defaultsFile));
        for (String name : SETTINGS.keySet()) {
            String fromEnv = environment.get(name);
            // An empty variable (NUDGE_PORT= in a compose file) means "not set", so the file's value stays.
            if (fromEnv != null && !fromEnv.isBlank()) {
                merged.put(name, fromEnv);
            }
        }
        return new ConfigLoader(merged).build();
    }

    private static Map<String, String> readDefaults(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        String source;
        try {
            if (Files.exists(file)) {
                source = file.toString();
                root = yaml.readTree(file.toFile());
            } else {
                source = "classpath:config/nudge.yml";
                try (InputStream in = ConfigLoader.class.getResourceAsStream("/config/nudge.yml")) {
                    if (in == null) {
                        return Map.of();
                    }
                    root = yaml.readTree(in);
                }
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException("Config file " + file + " is not valid YAML (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("Config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> byEnvName = new LinkedHashMap<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return byEnvName;
        }
        if (!root.isObject()) {
            throw new ConfigException("Config file " + source + " must be a map of setting: value");
        }
        Map<String, String> envByKey = new LinkedHashMap<>();
        SETTINGS.forEach((env, key) -> envByKey.put(key, env));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String env = envByKey.get(field.getKey());
            if (env == null) {
                throw new ConfigException("Config file " + source + " has an unknown setting '" + field.getKey()
                        + "'. Known settings: " + String.join(", ", envByKey.keySet()));
            }
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                byEnvName.put(env, value.isArray() ? joinArray(value) : value.asText());
            }
        }
        return byEnvName;
    }

    private static String joinArray(JsonNode array) {
        StringBuilder joined = new StringBuilder();
        array.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
        return joined.toString();
    }

    private NudgeConfig build() {
        return new NudgeConfig(
                text("NUDGE_HOST").orElse("0.0.0.0"),
                port(),
                Path.of(text("NUDGE_DB").orElse("data/nudge.db")),
                text("NUDGE_ADMIN_TOKEN"),
                zone(),
                text("NUDGE_DEFAULT_PACK").orElse("nhs"),
                Path.of(text("NUDGE_PRINCIPLES_DIR").orElse("config/principles")),
                text("NUDGE_VOTER_KEY"),
                text("NUDGE_ADMINS").map(ConfigLoader::list).orElse(List.of()),
                new NudgeConfig.Slack(
                        text("SLACK_SIGNING_SECRET"),
                        slackToken("SLACK_BOT_TOKEN", "xoxb-"),
                        slackToken("SLACK_APP_TOKEN", "xapp-"),
                        apiUrl()),
                new NudgeConfig.Schedules(
                        text("NUDGE_LEADS").map(ConfigLoader::list).orElse(List.of()),
                        integer("NUDGE_MAX_SCHEDULES_PER_CHANNEL", 10, 1, 1000),
                        duration("NUDGE_MISSED_GRACE", "2h"),
                        Path.of(text("NUDGE_HOLIDAYS_DIR").orElse("config/holidays")),
                        text("NUDGE_DEFAULT_CALENDAR").orElse("england-and-wales"),
                        integer("NUDGE_WORKSPACE_POSTS_PER_MINUTE", 300, 1, 100_000)),
                teams(),
                new NudgeConfig.Insights(
                        integer("NUDGE_PRIVACY_THRESHOLD", NudgeConfig.Insights.MIN_PRIVACY_THRESHOLD,
                                NudgeConfig.Insights.MIN_PRIVACY_THRESHOLD, 1000),
                        integer("NUDGE_RETENTION_MONTHS", 24, 1, 1200)));
    }

    private NudgeConfig.Teams teams() {
        Optional<String> appId = guid("MICROSOFT_APP_ID");
        Optional<String> password = text("MICROSOFT_APP_PASSWORD");
        if (appId.isPresent() != password.isPresent()) {
            throw new ConfigException((appId.isPresent() ? "MICROSOFT_APP_PASSWORD" : "MICROSOFT_APP_ID")
                    + " is not set: Teams needs the app id and the password together (or neither, for local "
                    + "emulator use only)");
        }
        Optional<String> tenant = guid("MICROSOFT_APP_TENANT_ID");
        if (tenant.isPresent() && appId.isEmpty()) {
            throw new ConfigException("MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_ID is not");
        }
        return new NudgeConfig.Teams(appId, password, tenant,
                url("TEAMS_OPENID_METADATA_URL", NudgeConfig.Teams.DEFAULT_OPENID_METADATA.toString(), false),
                url("TEAMS_LOGIN_URL", NudgeConfig.Teams.DEFAULT_LOGIN.toString(), false));
    }

    private Optional<String> guid(String name) {
        Optional<String> value = text(name);
        if (value.isPresent() && !value.get().matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new ConfigException(name + " must be a GUID such as 00000000-0000-0000-0000-000000000000, not '"
                    + value.get() + "'");
        }
        return value;
    }

    private URI url(String name, String fallback, boolean trailingSlash) {
        String raw = text(name).orElse(fallback);
        try {
            String normal = trailingSlash && !raw.endsWith("/") ? raw + "/"
                    : !trailingSlash && raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            URI uri = new URI(normal);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(raw, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " must be an http(s) URL such as " + fallback + ", not '" + raw + "'");
        }
    }

    private int integer(String name, int fallback, int min, int max) {
        String raw = text(name).orElse(Integer.toString(fallback));
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
        }
    }

    private java.time.Duration duration(String name, String fallback) {
        String raw = text(name).orElse(fallback).toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d{1,6})([mhd])").matcher(raw);
        if (!matcher.matches()) {
            throw new ConfigException(name + " must be a duration such as 90m, 2h or 1d, not '" + raw + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> java.time.Duration.ofMinutes(amount);
            case "h" -> java.time.Duration.ofHours(amount);
            default -> java.time.Duration.ofDays(amount);
        };
    }

    private Optional<String> text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private int port() {
        String raw = text("NUDGE_PORT").orElse("8080");
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("NUDGE_PORT must be a port number from 0 to 65535, not '" + raw + "'");
        }
    }

    private ZoneId zone() {
        String raw = text("NUDGE_TIME_ZONE").orElse("Europe/London");
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw new ConfigException("NUDGE_TIME_ZONE must be an IANA time zone such as Europe/London, not '"
                    + raw + "'");
        }
    }

    private Optional<String> slackToken(String name, String prefix) {
        Optional<String> token = text(name);
        if (token.isPresent() && !token.get().startsWith(prefix)) {
            // Say which prefix is expected, never echo the token itself.
            throw new ConfigException(name + " must start with '" + prefix + "'");
        }
        return token;
    }

    private URI apiUrl() {
        String raw = text("SLACK_API_URL").orElse("https://slack.com/api/");
        try {
            URI uri = new URI(raw.endsWith("/") ? raw : raw + "/");
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(raw, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, not '"
                    + raw + "'");
        }
    }

    private static List<String> list(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
