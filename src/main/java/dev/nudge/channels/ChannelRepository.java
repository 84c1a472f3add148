package dev.nudge.channels;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;

/** The channels the bot is in. */
public interface ChannelRepository {
    /** Records that the bot joined; true when the channel was not known before. */
    boolean recordJoined(ConversationRef channel, Instant at);
}
