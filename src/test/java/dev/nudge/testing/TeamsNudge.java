package dev.nudge.testing;

import dev.nudge.config.NudgeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Settings for a Nudge that talks only to a {@link FakeTeams}: Slack off, Teams single-tenant or emulator-only. */
public final class TeamsNudge {
    private TeamsNudge() {}

    public static NudgeConfig.Teams singleTenant(FakeTeams teams) {
        return new NudgeConfig.Teams(Optional.of(FakeTeams.APP_ID), Optional.of(FakeTeams.APP_PASSWORD),
                Optional.of(FakeTeams.TENANT), URI.create(teams.openIdMetadataUrl()), URI.create(teams.loginUrl()));
    }

    public static NudgeConfig.Teams emulatorOnly() {
        return NudgeConfig.Teams.emulatorOnly();
    }

    public static NudgeConfig config(Path dir, NudgeConfig.Teams teams, List<String> admins) {
        return new NudgeConfig("127.0.0.1", 0, dir.resolve("nudge.db"), Optional.empty(), ZoneId.of("Europe/London"),
                "nhs", dir.resolve("principles"), Optional.empty(), admins,
                new NudgeConfig.Slack(Optional.empty(), Optional.empty(), Optional.empty(),
                        URI.create("https://slack.com/api/")), NudgeConfig.Schedules.defaults(), teams);
    }
}
