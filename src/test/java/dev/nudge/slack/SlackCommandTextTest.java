package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slack's escaped slash command text (should_escape: true) read back as people typed it. */
class SlackCommandTextTest {
    @Test
    void a_mentioned_person_becomes_the_neutral_mention() {
        assertThat(SlackBot.commandText("action \"Test\" <@U024BE7LH|sam> due 2026-12-12"))
                .isEqualTo("action \"Test\" <@U024BE7LH> due 2026-12-12");
        assertThat(SlackBot.commandText("action \"Test\" <@W123>")).isEqualTo("action \"Test\" <@W123>");
    }

    @Test
    void channels_links_and_specials_become_plain_words_and_entities_are_decoded() {
        assertThat(SlackBot.commandText("poll \"Move to <#C123|triage>?\" \"Yes\" \"No\""))
                .isEqualTo("poll \"Move to #triage?\" \"Yes\" \"No\"");
        assertThat(SlackBot.commandText("ask <https://example.org/a?b=1&amp;c=2|the page> <!here> <!subteam^S1|@devs>"))
                .isEqualTo("ask https://example.org/a?b=1&c=2 @here @devs");
        assertThat(SlackBot.commandText("poll \"Fish &amp; chips &lt;3 &gt; salad?\" \"A\" \"B\""))
                .isEqualTo("poll \"Fish & chips <3 > salad?\" \"A\" \"B\"");
        assertThat(SlackBot.commandText(null)).isEmpty();
    }
}
