package dev.nudge.channels;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;

/** The channels the bot is in. */
public interface ChannelRepository {
    /** Records that the bot joined; true when the channel was not known before. */
    boolean recordJoined(ConversationRef channel, Instant at);

    /** Notes the channel's name and member count as the platform gave them (either may be empty: kept as it was). */
    void recordDetails(ConversationRef channel, java.util.Optional<String> name, java.util.OptionalInt members,
                       Instant at);

    /** Every channel Nudge has been used in: joined, or with prompts, polls or retros. */
    java.util.List<ConversationRef> known();
}
