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
        Schedules schedules) {

    public NudgeConfig {
        adminUsers = List.copyOf(adminUsers);
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

    @Override
    public String toString() {
        return "NudgeConfig[host=" + host + ", port=" + port + ", database=" + database + ", adminToken="
                + mask(adminToken) + ", timeZone=" + timeZone + ", defaultPack=" + defaultPack + ", principlesDir="
                + principlesDir + ", voterKey=" + mask(voterKey) + ", adminUsers=" + adminUsers + ", slack=" + slack
                + ", schedules=" + schedules + "]";
    }

    private static String mask(Optional<String> secret) {
        return secret.isPresent() ? "(set)" : "(not set)";
    }
}
