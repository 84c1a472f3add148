package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.config.NudgeConfig;
import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.MovableClock;
import dev.nudge.testing.SlackClient;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules end to end: set by slash command, fired by Quartz, posted to the fake Slack, recorded once. The clock is
 * moved to just before an occurrence (Mon 30 Nov 2026 09:30 London = 09:30Z) so it fires within seconds.
 */
class SlackScheduleJourneyTest {
    private static final Instant MONDAY_0930 = Instant.parse("2026-11-30T09:30:00Z");

    @TempDir
    Path dir;
    FakeSlack slack;
    MovableClock clock;
    TestNudge nudge;
    SlackClient client;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        clock = new MovableClock();
        slack.useClock(clock);
    }

    private void startNudge(Instant now, NudgeConfig.Schedules schedules) {
        clock.setNow(now);
        nudge = new TestNudge(dir, slack, clock, List.of(), schedules);
        client = new SlackClient(nudge.port(), slack);
    }

    private void startNudge(Instant now) {
        startNudge(now, NudgeConfig.Schedules.defaults());
    }

    @AfterEach
    void stop() {
        if (nudge != null) {
            nudge.close();
        }
        slack.close();
    }

    private FakeSlack.Call awaitPrompt() {
        return slack.await("chat.postMessage", call -> call.visibleText().contains("Yes") && call.params().get("thread_ts") == null);
    }

    /** The occurrences once none is still being sent (Nudge notes 'sent' just after Slack answers). */
    private List<Map<String, Object>> occurrences() {
        return Eventually.eventually(() -> nudge.query(
                        "SELECT status, scheduled_at, message_id FROM schedule_occurrences ORDER BY scheduled_at"),
                rows -> rows.stream().noneMatch(row -> "claimed".equals(row.get("status"))));
    }

    private void sql(String statement) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nudge.db"));
             var run = connection.createStatement()) {
            run.executeUpdate(statement);
        }
    }

    @Test
    void a_schedule_set_in_chat_is_confirmed_in_plain_words_and_fires_on_time() {
        startNudge(MONDAY_0930.minusSeconds(4));

        SlackClient.Reply reply = client.command("U1", "C1", "schedule weekly mon,thu 09:30");

        assertThat(reply.text()).contains("Schedule 1 set.", "Every Monday and Thursday at 09:30 (Europe/London)",
                "next: Mon 30 Nov 09:30", "Skips weekends and England & Wales bank holidays",
                "Sends a prompt rotating through the channel's principles");
        FakeSlack.Call prompt = awaitPrompt();
        assertThat(prompt.params()).containsEntry("channel", "C1");
        assertThat(prompt.params().get("metadata")).contains("nudge_delivery", "schedule-1-" + MONDAY_0930.toEpochMilli());
        assertThat(occurrences()).containsExactly(Map.of("status", "sent", "scheduled_at", MONDAY_0930.toEpochMilli(),
                "message_id", prompt.ts()));
        assertThat(Eventually.eventually(() -> nudge.query("SELECT asked_by, principle_number, message_id FROM prompts"),
                rows -> rows.size() == 1 && rows.get(0).get("message_id") != null)).containsExactly(
                Map.of("asked_by", "schedule:1", "principle_number", 1, "message_id", prompt.ts()));
    }

    @Test
    void a_schedule_survives_a_restart_and_sends_once() {
        startNudge(MONDAY_0930.minusSeconds(6));
        client.command("U1", "C1", "schedule weekly mon 09:30 principle 3");
        nudge.restart();

        FakeSlack.Call prompt = awaitPrompt();
        assertThat(prompt.visibleText()).contains("Test, measure and learn");
        nudge.restart();
        slack.settle(Duration.ofMillis(800));
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(occurrences()).extracting(row -> row.get("status")).containsExactly("sent");
    }

    @Test
    void an_occurrence_recorded_but_not_sent_before_a_crash_is_sent_exactly_once_after_restart() throws Exception {
        startNudge(MONDAY_0930.minus(Duration.ofHours(2)));
        client.command("U1", "C1", "schedule weekly mon 09:30");
        nudge.close();
        // The crash: the outbox row was written, the post never happened.
        sql("INSERT INTO schedule_occurrences (schedule_id, scheduled_at, status, updated_at) VALUES (1, "
                + MONDAY_0930.toEpochMilli() + ", 'claimed', " + MONDAY_0930.toEpochMilli() + ")");
        clock.setNow(MONDAY_0930.plusSeconds(20));
        nudge.start();

        FakeSlack.Call prompt = awaitPrompt();
        slack.settle(Duration.ofMillis(800));
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(slack.calls("conversations.history")).isNotEmpty();
        assertThat(occurrences()).containsExactly(Map.of("status", "sent", "scheduled_at", MONDAY_0930.toEpochMilli(),
                "message_id", prompt.ts()));
    }

    @Test
    void an_occurrence_posted_just_before_a_crash_is_found_and_not_posted_again() throws Exception {
        startNudge(MONDAY_0930.minus(Duration.ofHours(2)));
        client.command("U1", "C1", "schedule weekly mon 09:30");
        nudge.close();
        sql("INSERT INTO schedule_occurrences (schedule_id, scheduled_at, status, updated_at) VALUES (1, "
                + MONDAY_0930.toEpochMilli() + ", 'claimed', " + MONDAY_0930.toEpochMilli() + ")");
        // The crash came after Slack took the message (at 09:30) but before Nudge noted it.
        clock.setNow(MONDAY_0930.plusMillis(300));
        String ts = slack.injectPosted("C1", "Have you spoken to a patient?", "{\"event_type\":\"nudge_delivery\","
                + "\"event_payload\":{\"key\":\"schedule-1-" + MONDAY_0930.toEpochMilli() + "\"}}");
        clock.setNow(MONDAY_0930.plusSeconds(20));
        nudge.start();

        slack.await("conversations.history", call -> true);
        slack.settle(Duration.ofMillis(800));
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(occurrences()).containsExactly(Map.of("status", "sent", "scheduled_at", MONDAY_0930.toEpochMilli(),
                "message_id", ts));
    }

    @Test
    void an_occurrence_missed_while_down_is_sent_late_within_the_grace_period() {
        startNudge(MONDAY_0930.minus(Duration.ofHours(2)));
        client.command("U1", "C1", "schedule weekly mon 09:30");
        nudge.close();
        clock.setNow(MONDAY_0930.plus(Duration.ofMinutes(90)));
        nudge.start();

        awaitPrompt();
        assertThat(occurrences()).extracting(row -> row.get("status")).containsExactly("sent");
    }

    @Test
    void an_occurrence_missed_by_more_than_the_grace_period_is_recorded_as_missed_and_not_sent() {
        startNudge(MONDAY_0930.minus(Duration.ofHours(2)));
        client.command("U1", "C1", "schedule weekly mon 09:30");
        nudge.close();
        clock.setNow(MONDAY_0930.plus(Duration.ofMinutes(150)));
        nudge.start();

        slack.settle(Duration.ofMillis(800));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(occurrences()).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("missed");
        });
        assertThat((String) nudge.query("SELECT reason FROM schedule_occurrences").get(0).get("reason"))
                .contains("grace period of 120 minutes");
    }

    @Test
    void a_rate_limited_post_is_delivered_after_retry_after() {
        startNudge(MONDAY_0930.minusSeconds(4));
        slack.failNext("chat.postMessage", "429");
        client.command("U1", "C1", "schedule weekly mon 09:30");

        List<FakeSlack.Call> attempts = slack.awaitCount("chat.postMessage", call -> true, 2);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        slack.settle(Duration.ofMillis(500));
        assertThat(occurrences()).extracting(row -> row.get("status")).containsExactly("sent");
    }

    @Test
    void a_bank_holiday_is_recorded_as_skipped_and_nothing_is_posted() {
        startNudge(Instant.parse("2026-12-25T09:29:56Z"));
        client.command("U1", "C1", "schedule daily 09:30");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (occurrences().isEmpty() && System.nanoTime() < deadline) {
            FakeSlack.settleFor(100);
        }
        assertThat(occurrences()).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("skipped");
        });
        assertThat((String) nudge.query("SELECT reason FROM schedule_occurrences").get(0).get("reason"))
                .contains("Christmas Day");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_poll_schedule_posts_a_principle_poll_that_closes_after_the_set_time() {
        startNudge(MONDAY_0930.minusSeconds(4));
        client.command("U1", "C1", "schedule fortnightly mon 09:30 poll closes 2h");

        FakeSlack.Call poll = slack.await("chat.postMessage", call -> call.visibleText().contains("1 = not at all"));
        assertThat(poll.visibleText()).contains("Closes Mon 30 Nov 11:30");
        long closesAt = (Long) nudge.query("SELECT closes_at FROM polls").get(0).get("closes_at");
        assertThat(Duration.ofMillis(closesAt - MONDAY_0930.toEpochMilli())).isBetween(Duration.ofHours(2),
                Duration.ofHours(2).plusSeconds(10));
    }

    @Test
    void a_follow_up_reminder_is_posted_once_in_the_thread_without_mentioning_anyone() {
        startNudge(MONDAY_0930.minusSeconds(4));
        client.command("U1", "C1", "schedule weekly mon 09:30 remind 1h");
        FakeSlack.Call prompt = awaitPrompt();
        client.click("U2", "C1", prompt.ts(), SlackPromptJourneyTest.actionId(prompt, "Yes"),
                SlackPromptJourneyTest.actionValue(prompt, "Yes"));
        nudge.close();
        clock.advance(Duration.ofMinutes(61));
        nudge.start();

        FakeSlack.Call reminder = slack.await("chat.postMessage", call -> prompt.ts().equals(call.params().get("thread_ts")));
        assertThat(reminder.visibleText()).contains("Reminder: 1 colleague has answered").doesNotContain("<@");
        nudge.restart();
        slack.settle(Duration.ofMillis(800));
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> prompt.ts().equals(c.params().get("thread_ts"))))
                .hasSize(1);
    }

    @Test
    void list_pause_resume_and_delete_work_from_chat() {
        startNudge(MONDAY_0930.minus(Duration.ofHours(2)));
        client.command("U1", "C1", "schedule weekly mon,thu 09:30");
        client.command("U1", "C1", "schedule daily 16:00 poll");

        assertThat(client.command("U1", "C1", "schedule list").text()).contains("*1*", "*2*", "Every day at 16:00");
        assertThat(client.command("U1", "C1", "schedule pause 1").text()).contains("Paused schedule 1");
        assertThat(client.command("U1", "C1", "schedule list").text()).contains("(paused)",
                "Paused: nothing is sent until it is resumed.");
        assertThat(client.command("U1", "C1", "schedule resume 1").text()).contains("Resumed schedule 1", "Every Monday");
        assertThat(client.command("U1", "C1", "schedule delete 2").text()).contains("Deleted schedule 2");
        assertThat(nudge.query("SELECT id, state FROM schedules")).containsExactly(Map.of("id", 1, "state", "active"));
        assertThat(client.command("U1", "C2", "schedule pause 1").text()).contains("belongs to another channel");
    }

    @Test
    void a_paused_schedule_sends_nothing() {
        startNudge(MONDAY_0930.minusSeconds(5));
        client.command("U1", "C1", "schedule weekly mon 09:30");
        client.command("U1", "C1", "schedule pause 1");

        FakeSlack.settleFor(7000);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(occurrences()).isEmpty();
    }

    @Test
    void bad_schedules_are_explained_and_nothing_is_stored() {
        startNudge(MONDAY_0930.minus(Duration.ofHours(2)), new NudgeConfig.Schedules(List.of(), 1, Duration.ofHours(2),
                Path.of("config/holidays"), "england-and-wales", 300));

        assertThat(client.command("U1", "C1", "schedule weekly mnday 09:30").text()).contains("'mnday' is not a day");
        assertThat(client.command("U1", "C1", "schedule weekly mon 25:00").text()).contains("25:00");
        assertThat(client.command("U1", "C1", "schedule weekly mon 09:30 tz Mars/Base").text()).contains("Mars/Base");
        assertThat(client.command("U1", "C1", "schedule weekly sat 09:30").text()).containsIgnoringCase("never");
        assertThat(client.command("U1", "C1", "schedule weekly mon 09:30 principle 42").text()).contains("no principle 42");
        slack.leaveChannel("C9");
        assertThat(client.command("U1", "C9", "schedule weekly mon 09:30").text()).contains("I'm not in that channel");
        assertThat(nudge.count("SELECT count(*) FROM schedules")).isZero();

        assertThat(client.command("U1", "C1", "schedule weekly mon 09:30").text()).contains("Schedule 1 set");
        assertThat(client.command("U1", "C1", "schedule weekly tue 09:30").text()).contains("already has 1 schedules");
        assertThat(nudge.count("SELECT count(*) FROM schedules")).isEqualTo(1);
    }

    @Test
    void only_leads_create_and_only_creator_leads_or_admins_change_a_schedule() {
        startNudge(MONDAY_0930.minus(Duration.ofHours(2)), new NudgeConfig.Schedules(List.of("ULEAD"), 10,
                Duration.ofHours(2), Path.of("config/holidays"), "england-and-wales", 300));
        slack.makeAdmin("UADMIN");

        assertThat(client.command("U1", "C1", "schedule weekly mon 09:30").text()).contains("Only schedule leads and admins");
        assertThat(client.command("ULEAD", "C1", "schedule weekly mon 09:30").text()).contains("Schedule 1 set");
        assertThat(client.command("U1", "C1", "schedule delete 1").text()).contains("Only the person who created schedule 1");
        assertThat(client.command("U1", "C1", "schedule list").text()).contains("*1*");
        assertThat(client.command("UADMIN", "C1", "schedule pause 1").text()).contains("Paused schedule 1");
        assertThat(nudge.query("SELECT created_by, state FROM schedules")).containsExactly(
                Map.of("created_by", "ULEAD", "state", "paused"));
    }
}
