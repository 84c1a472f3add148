package dev.nudge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Every setting Nudge reads, already validated. Built by {@link ConfigLoader}; secrets are never printed by
 * {@link #toString()}.
 */
public record NudgeConfig(
        String host,
        int port,
        Path database,
        Optional<String> adminToken,
        ZoneId timeZone,
        String defaultPack,
        Path principlesDir,
        Optional<String> voterKey,
        List<String> adminUsers,
        Slack slack,
        Schedules schedules,
        Teams teams,
        Insights insights) {

    public NudgeConfig {
        adminUsers = List.copyOf(adminUsers);
    }

    /** Settings with the default privacy threshold and retention. */
    public NudgeConfig(String host, int port, Path database, Optional<String> adminToken, ZoneId timeZone,
                       String defaultPack, Path principlesDir, Optional<String> voterKey, List<String> adminUsers,
                       Slack slack, Schedules schedules, Teams teams) {
        this(host, port, database, adminToken, timeZone, defaultPack, principlesDir, voterKey, adminUsers, slack,
                schedules, teams, Insights.defaults());
    }

    /** Settings without Teams credentials: Teams then runs in local emulator mode only. */
    public NudgeConfig(String host, int port, Path database, Optional<String> adminToken, ZoneId timeZone,
                       String defaultPack, Path principlesDir, Optional<String> voterKey, List<String> adminUsers,
                       Slack slack, Schedules schedules) {
        this(host, port, database, adminToken, timeZone, defaultPack, principlesDir, voterKey, adminUsers, slack,
                schedules, Teams.emulatorOnly(), Insights.defaults());
    }

    /**
     * Retros, reports and what is kept. {@code privacyThreshold}: a score from fewer respondents than this is shown as
     * "not enough answers" (never below 3). {@code retentionMonths}: answers, votes, ratings and notes older than this
     * are deleted by a daily job.
     */
    public record Insights(int privacyThreshold, int retentionMonths) {
        public static final int MIN_PRIVACY_THRESHOLD = 3;

        public Insights {
            if (privacyThreshold < MIN_PRIVACY_THRESHOLD) {
                throw new IllegalArgumentException("privacy threshold must be at least " + MIN_PRIVACY_THRESHOLD);
            }
            if (retentionMonths < 1) {
                throw new IllegalArgumentException("retention must be at least 1 month");
            }
        }

        public static Insights defaults() {
            return new Insights(MIN_PRIVACY_THRESHOLD, 24);
        }
    }

    /** Reminder schedule settings. */
    public record Schedules(List<String> leads, int maxPerChannel, java.time.Duration missedGrace, Path holidaysDir,
                            String defaultCalendar, int workspacePostsPerMinute) {
        public Schedules {
            leads = List.copyOf(leads);
        }

        /** The defaults, as listed in the README. */
        public static Schedules defaults() {
            return new Schedules(List.of(), 10, java.time.Duration.ofHours(2), Path.of("config/holidays"),
                    "england-and-wales", 300);
        }
    }

    /** Slack settings; Slack is on only when both the signing secret and the bot token are present. */
    public record Slack(Optional<String> signingSecret, Optional<String> botToken, Optional<String> appToken, URI apiUrl) {
        public boolean enabled() {
            return botToken.isPresent() && (signingSecret.isPresent() || socketMode());
        }

        public boolean socketMode() {
            return appToken.isPresent();
        }

        /** Why Slack is off, in words an operator can act on; empty when it is on. */
        public Optional<String> disabledReason() {
            if (enabled()) {
                return Optional.empty();
            }
            if (botToken.isEmpty()) {
                return Optional.of("SLACK_BOT_TOKEN is not set");
            }
            return Optional.of("SLACK_SIGNING_SECRET is not set (or SLACK_APP_TOKEN for Socket Mode)");
        }

        @Override
        public String toString() {
            return "Slack[signingSecret=" + mask(signingSecret) + ", botToken=" + mask(botToken)
                    + ", appToken=" + mask(appToken) + ", apiUrl=" + apiUrl + "]";
        }
    }

    /**
     * Microsoft Teams (Bot Framework) settings. With an app id and password, every request to /api/messages must
     * carry a valid Bot Framework token; without them only unauthenticated local (loopback) traffic is accepted, for
     * the Bot Framework Emulator. {@code tenantId} makes the bot single-tenant: its outbound token comes from that
     * tenant and tokens issued by that tenant are accepted too. The two URLs are only changed by tests.
     */
    public record Teams(Optional<String> appId, Optional<String> appPassword, Optional<String> tenantId,
                        URI openIdMetadataUrl, URI loginUrl) {
        public static final URI DEFAULT_OPENID_METADATA =
                URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration");
        public static final URI DEFAULT_LOGIN = URI.create("https://login.microsoftonline.com");

        public static Teams emulatorOnly() {
            return new Teams(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_OPENID_METADATA,
                    DEFAULT_LOGIN);
        }

        /** True when requests must be authenticated (an app id and password are set). */
        public boolean authenticated() {
            return appId.isPresent() && appPassword.isPresent();
        }

        @Override
        public String toString() {
            return "Teams[appId=" + appId.orElse("(not set)") + ", appPassword=" + mask(appPassword) + ", tenantId="
                    + tenantId.orElse("(not set)") + ", openIdMetadataUrl=" + openIdMetadataUrl + ", loginUrl="
                    + loginUrl + "]";
        }
    }

    @Override
    public String toString() {
        return "NudgeConfig[host=" + host + ", port=" + port + ", database=" + database + ", adminToken="
                + mask(adminToken) + ", timeZone=" + timeZone + ", defaultPack=" + defaultPack + ", principlesDir="
                + principlesDir + ", voterKey=" + mask(voterKey) + ", adminUsers=" + adminUsers + ", slack=" + slack
                + ", schedules=" + schedules + ", teams=" + teams + ", insights=" + insights + "]";
    }

    private static String mask(Optional<String> secret) {
        return secret.isPresent() ? "(set)" : "(not set)";
    }
}
