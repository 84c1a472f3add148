package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.config.NudgeConfig;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With NUDGE_LEADS set, only leads and admins may change a channel's pack; anyone may still look. */
class SlackPackPermissionTest {
    @TempDir
    Path dir;
    FakeSlack slack;
    TestNudge nudge;
    SlackClient client;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        NudgeConfig.Schedules withLeads = new NudgeConfig.Schedules(List.of("ULEAD"), 10, java.time.Duration.ofHours(2),
                Path.of("config/holidays"), "england-and-wales", 300);
        nudge = new TestNudge(dir, slack, Clock.systemUTC(), List.of("UADMIN"), withLeads);
        client = new SlackClient(nudge.port(), slack);
    }

    @AfterEach
    void stop() {
        nudge.close();
        slack.close();
    }

    @Test
    void a_member_who_is_not_a_lead_is_told_who_can_change_the_pack_and_nothing_changes() {
        SlackClient.Reply reply = client.command("U1", "C1", "pack nhs");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("Only leads and admins can change this channel's principle pack");
        assertThat(nudge.count("SELECT count(*) FROM channels WHERE pack IS NOT NULL")).isZero();
        assertThat(client.command("U1", "C1", "pack").text()).contains("This channel uses *nhs*");
    }

    @Test
    void a_lead_and_an_admin_may_change_it() {
        assertThat(client.command("ULEAD", "C1", "pack nhs").text()).contains("This channel now uses *nhs*");
        assertThat(client.command("UADMIN", "C2", "pack nhs").text()).contains("This channel now uses *nhs*");
        assertThat(nudge.count("SELECT count(*) FROM channels WHERE pack = 'nhs'")).isEqualTo(2);
    }
}
