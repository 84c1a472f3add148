package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.testing.FakeSlack;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Direct messages and member counts through Slack's Web API (the fake answers as Slack does). */
class SlackGatewayTest {
    private static final ConversationRef C1 = new ConversationRef(Platform.SLACK, "T1", "C1");
    private FakeSlack slack;
    private SlackWebApi web;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        web = new SlackWebApi(Slack.getInstance(config), "xoxb-test-token", new BlockKitRenderer(), duration -> { });
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void a_direct_message_opens_the_im_with_the_user_and_posts_there() {
        web.sendDirect(C1, "U2", ChatMessage.text("Reminder for <@U2>"));

        assertThat(slack.calls("conversations.open")).singleElement()
                .satisfies(call -> assertThat(call.params()).containsEntry("users", "U2"));
        assertThat(slack.directMessages("U2")).singleElement()
                .satisfies(call -> assertThat(call.visibleText()).contains("Reminder for <@U2>"));
    }

    @Test
    void a_direct_message_slack_refuses_says_why() {
        slack.failNext("conversations.open", "user_disabled");

        assertThatThrownBy(() -> web.sendDirect(C1, "U2", ChatMessage.text("x")))
                .isInstanceOf(ChatDeliveryException.class).hasMessageContaining("user_disabled");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void the_member_count_leaves_nudge_out_and_is_cached() {
        slack.setMemberCount("C1", 9);

        assertThat(web.memberCount(C1)).isEqualTo(OptionalInt.of(8));
        slack.setMemberCount("C1", 12);
        assertThat(web.memberCount(C1)).isEqualTo(OptionalInt.of(8));
        assertThat(slack.calls("conversations.info")).singleElement()
                .satisfies(call -> assertThat(call.params().get("include_num_members")).isIn("true", "1"));
    }
}
