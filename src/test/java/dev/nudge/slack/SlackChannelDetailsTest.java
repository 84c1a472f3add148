package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.ClockedSlackEndToEnd;
import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Report pages name teams by their channel name and rate participation against the member count: both are noted
 * when Nudge joins a channel, and refreshed by the daily job at 03:30 for every channel Nudge has been used in.
 */
class SlackChannelDetailsTest extends ClockedSlackEndToEnd {
    @BeforeEach
    void start() {
        startNudge(Instant.parse("2026-11-25T12:00:00Z"));
    }

    @Test
    void joining_a_channel_notes_its_name_and_member_count() {
        slack.setMemberCount("C7", 9);
        client.event("Ev1", SlackClient.memberJoined(FakeSlack.BOT_USER, "C7"), null);

        List<Map<String, Object>> rows = Eventually.eventually(
                () -> nudge.query("SELECT display_name, member_count FROM channels WHERE display_name IS NOT NULL"),
                found -> !found.isEmpty());
        // Slack counts Nudge among the 9 members; people are 8.
        assertThat(rows).containsExactly(Map.of("display_name", "#team-c7", "member_count", 8));
    }

    @Test
    void the_daily_refresh_names_channels_that_were_only_used_through_commands() {
        client.command("U1", "C2", "ask 3");
        slack.await("chat.postMessage", call -> "C2".equals(call.params().get("channel")));
        assertThat(nudge.count("SELECT count(*) FROM channels WHERE display_name IS NOT NULL")).isZero();

        slack.setMemberCount("C2", 12);
        clock.setNow(Instant.parse("2026-11-26T03:29:58Z"));
        restartNudge();

        List<Map<String, Object>> rows = Eventually.eventually(
                () -> nudge.query("SELECT channel_id, display_name, member_count FROM channels"),
                found -> !found.isEmpty() && found.get(0).get("display_name") != null);
        assertThat(rows).containsExactly(Map.of("channel_id", "C2", "display_name", "#team-c2", "member_count", 11));
    }
}
