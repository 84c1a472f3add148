package dev.nudge.teams;

import static dev.nudge.testing.TeamsClient.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.FakeTeams;
import dev.nudge.testing.TeamsEndToEnd;
import org.junit.jupiter.api.Test;

/** The same report command in Teams: answers by card clicks, the report as an Adaptive Card in the channel. */
class TeamsReportJourneyTest extends TeamsEndToEnd {
    @Test
    void a_report_after_three_answers_is_posted_in_the_channel_with_the_counts() {
        client.mention("U1", CHANNEL, "ask 3");
        FakeTeams.Call card = teams.await("send", call -> call.visibleText().contains("Have you measured"));
        client.click("U2", card, "Yes");
        client.click("U3", card, "Yes");
        client.click("U4", card, "Not yet");
        teams.await("update", call -> call.visibleText().contains("3 answers"));

        client.mention("U1", CHANNEL, "report 12w");

        FakeTeams.Call report = teams.await("send", call -> call.visibleText().contains("Principles report"));
        assertThat(report.conversationId()).isEqualTo(CHANNEL);
        assertThat(report.card().path("version").asText()).isEqualTo("1.5");
        assertThat(report.visibleText()).contains("last 12 weeks", "3 of 5 people (60%) took part", "3.7",
                "2 Yes · 0 Partly · 1 Not yet");
    }

    @Test
    void a_bad_range_is_answered_in_the_thread_and_nothing_is_posted_in_the_channel() {
        client.mention("U1", CHANNEL, "report yesterday");

        FakeTeams.Call reply = teams.await("send", call -> call.visibleText().contains("report range"));
        assertThat(reply.conversationId()).startsWith(CHANNEL + ";messageid=");
        assertThat(reply.visibleText()).contains("'yesterday'", "4w", "12w", "quarter");
    }
}
