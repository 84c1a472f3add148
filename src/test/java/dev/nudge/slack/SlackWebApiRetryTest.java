package dev.nudge.slack;

import static dev.nudge.slack.SlackPromptJourneyTest.actionId;
import static dev.nudge.slack.SlackPromptJourneyTest.actionValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.Eventually;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.SlackClient;
import dev.nudge.testing.SlackEndToEnd;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slack's 429s and failures: Nudge waits Retry-After and retries, and never loses an acknowledged answer. */
class SlackWebApiRetryTest extends SlackEndToEnd {

    @Test
    void a_rate_limited_post_is_retried_after_the_retry_after_delay() {
        slack.failNext("chat.postMessage", "429");

        client.command("U1", "C1", "ask 4");

        List<FakeSlack.Call> attempts = slack.awaitCount("chat.postMessage", call -> true, 2);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(Eventually.eventually(() -> nudge.query("SELECT message_id FROM prompts").get(0).get("message_id"),
                id -> id != null)).isEqualTo(attempts.get(1).ts());
    }

    @Test
    void when_the_message_update_fails_the_acknowledged_vote_is_still_stored() {
        client.command("U1", "C1", "poll \"Q?\" \"A\" \"B\"");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> true);
        slack.failNext("chat.update", "500", "500", "500", "500");

        SlackClient.Reply reply = client.click("U2", "C1", posted.ts(), actionId(posted, "B"), actionValue(posted, "B"));

        assertThat(reply.status()).isEqualTo(200);
        slack.await("chat.update", call -> true);
        assertThat(nudge.count("SELECT count(*) FROM poll_votes WHERE user_id = 'U2' AND position = 1")).isEqualTo(1);
    }

    @Test
    void a_later_vote_brings_the_message_back_to_the_true_counts_after_a_failed_update() {
        client.command("U1", "C1", "poll \"Q?\" \"A\" \"B\"");
        FakeSlack.Call posted = slack.await("chat.postMessage", call -> true);
        slack.failNext("chat.update", "internal_error");
        client.click("U2", "C1", posted.ts(), actionId(posted, "A"), actionValue(posted, "A"));
        slack.await("chat.update", call -> true);
        slack.settle(Duration.ofMillis(1100));

        client.click("U3", "C1", posted.ts(), actionId(posted, "A"), actionValue(posted, "A"));

        assertThat(slack.await("chat.update", call -> call.visibleText().contains("2 votes")).visibleText())
                .contains("2 votes (100%)");
    }
}
