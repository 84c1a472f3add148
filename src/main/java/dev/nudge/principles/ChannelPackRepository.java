package dev.nudge.principles;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.Optional;

/** Which pack each channel uses. */
public interface ChannelPackRepository {
    Optional<String> packOf(ConversationRef channel);

    void choosePack(ConversationRef channel, String packName, Instant at);
}
