package dev.nudge.polls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoterKeysTest {
    private static final ConversationRef WHERE = new ConversationRef(Platform.SLACK, "T1", "C1");
    private final VoterKeys keys = new VoterKeys("0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void an_anonymous_retro_key_is_stable_for_one_person_and_retro_and_unrelated_elsewhere() {
        String key = keys.anonymousRetroKey(WHERE, 4, "U123");

        assertThat(key).startsWith("anon:").doesNotContain("U123");
        assertThat(keys.anonymousRetroKey(WHERE, 4, "U123")).isEqualTo(key);
        assertThat(keys.anonymousRetroKey(WHERE, 5, "U123")).isNotEqualTo(key);
        assertThat(keys.anonymousRetroKey(WHERE, 4, "U124")).isNotEqualTo(key);
        Poll poll = new Poll(4, WHERE, Poll.Kind.CUSTOM, null, null, "Q?", List.of("A", "B"), true, false, "U1",
                Instant.EPOCH, null, null, null, null);
        assertThat(keys.keyFor(poll, "U123")).as("a poll with the same id").startsWith("anon:").isNotEqualTo(key);
        assertThat(new VoterKeys("another-secret-of-16+".getBytes(StandardCharsets.UTF_8))
                .anonymousRetroKey(WHERE, 4, "U123")).isNotEqualTo(key);
    }
}
