package dev.nudge.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.config.NudgeConfig;
import dev.nudge.testing.ClockedSlackEndToEnd;
import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeSlack;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers older than the retention (24 months by default) are deleted by the daily job at 03:15, through the real
 * bot, real Quartz and a real SQLite file; newer answers stay.
 */
class RetentionJourneyTest extends ClockedSlackEndToEnd {
    /** 1 March 2024, long enough before the run on 26 November 2026 to be past 24 months. */
    private static final Instant OLD = Instant.parse("2024-03-01T12:00:00Z");
    private static final Instant RECENT = Instant.parse("2026-11-25T12:00:00Z");
    /** Two seconds before the daily run (London is on GMT in November). */
    private static final Instant BEFORE_RUN = Instant.parse("2026-11-26T03:14:58Z");

    @BeforeEach
    void start() {
        startNudge(OLD);
    }

    @Test
    void the_daily_job_deletes_answers_votes_and_closed_polls_older_than_the_retention_and_keeps_newer_ones() {
        answerPrompt("U2", "Yes");
        voteInClosedPoll("U2");
        clock.setNow(RECENT);
        answerPrompt("U3", "Partly");
        assertThat(nudge.count("SELECT count(*) FROM prompt_answers")).isEqualTo(2);
        assertThat(nudge.count("SELECT count(*) FROM poll_votes")).isEqualTo(1);

        clock.setNow(BEFORE_RUN);
        restartNudge();

        assertThat(Eventually.eventually(() -> nudge.count("SELECT count(*) FROM poll_votes")
                + nudge.count("SELECT count(*) FROM prompt_answers WHERE user_id = 'U2'"), n -> n == 0)).isZero();
        assertThat(nudge.query("SELECT user_id, answer FROM prompt_answers"))
                .containsExactly(java.util.Map.of("user_id", "U3", "answer", "partly"));
        // The old prompt and the old closed poll held nothing newer, so they went too; the recent prompt stays.
        assertThat(nudge.count("SELECT count(*) FROM prompts")).isEqualTo(1);
        assertThat(nudge.count("SELECT count(*) FROM polls")).isZero();
        assertThat(nudge.count("SELECT count(*) FROM poll_options")).isZero();
    }

    @Test
    void nothing_is_deleted_before_the_daily_run_time() {
        answerPrompt("U2", "Yes");
        clock.setNow(Instant.parse("2026-11-26T03:00:00Z"));
        restartNudge();

        // The run is due at 03:15, a quarter of an hour away on Nudge's clock: in the next seconds nothing goes.
        FakeSlack.settleFor(2_000);
        assertThat(nudge.count("SELECT count(*) FROM prompt_answers")).isEqualTo(1);
    }

    @Test
    void the_cutoff_is_calendar_months_back_from_midnight_in_the_server_zone() {
        RetentionJob job = new RetentionJob((cutoff, batch) -> java.util.Map.of(), 24, clock,
                java.time.ZoneId.of("Europe/London"));
        // 10 July 2026 10:00 BST: kept from 10 July 2024 00:00 BST (23:00 UTC the day before).
        assertThat(job.cutoff(Instant.parse("2026-07-10T09:00:00Z"))).isEqualTo(Instant.parse("2024-07-09T23:00:00Z"));
        assertThat(NudgeConfig.Insights.defaults().retentionMonths()).isEqualTo(24);
    }

    private void answerPrompt(String user, String answer) {
        slack.clear();
        client.command("U1", "C1", "ask 3");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> call.params().get("channel").equals("C1"));
        client.click(user, "C1", posted.ts(), button(posted, answer),
                value(posted, answer));
    }

    private void voteInClosedPoll(String user) {
        slack.clear();
        client.command("U1", "C1", "poll \"Ship on Friday?\" \"Yes\" \"No\"");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> call.visibleText().contains("Ship on Friday?"));
        client.click(user, "C1", posted.ts(), button(posted, "Yes"),
                value(posted, "Yes"));
        client.click("U1", "C1", posted.ts(), button(posted, "Close poll"),
                value(posted, "Close poll"));
        assertThat(Eventually.eventually(() -> nudge.count("SELECT count(*) FROM polls WHERE closed_at IS NOT NULL"),
                n -> n == 1)).isEqualTo(1);
    }

    private static String button(FakeSlack.Call posted, String label) {
        return find(posted, label).path("action_id").asText();
    }

    private static String value(FakeSlack.Call posted, String label) {
        return find(posted, label).path("value").asText();
    }

    private static com.fasterxml.jackson.databind.JsonNode find(FakeSlack.Call posted, String label) {
        for (var block : posted.json("blocks")) {
            for (var element : block.path("elements")) {
                if (label.equals(element.path("text").path("text").asText())) {
                    return element;
                }
            }
        }
        throw new AssertionError("no button '" + label + "' in " + posted.params().get("blocks"));
    }
}
