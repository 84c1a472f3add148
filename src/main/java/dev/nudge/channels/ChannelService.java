package dev.nudge.channels;

import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import java.time.Clock;

/**
 * Remembers the channels the bot is added to and greets each one once; keeps each channel's name and member count
 * (for report pages and participation rates) fresh from the platform.
 */
public final class ChannelService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChannelService.class);

    private final ChannelRepository channels;
    private final ChatGateways gateways;
    private final Clock clock;

    public ChannelService(ChannelRepository channels, ChatGateways gateways, Clock clock) {
        this.channels = channels;
        this.gateways = gateways;
        this.clock = clock;
    }

    /** The bot was added to a channel: record it and post a short welcome the first time. */
    public void botJoined(ConversationRef channel, String prefix) {
        if (channels.recordJoined(channel, clock.instant())) {
            gateways.forConversation(channel).post(channel, null, welcome(prefix));
        }
        refreshDetails(channel);
    }

    /** Asks the platform for the channel's name and member count and notes them; a failure only logs. */
    public void refreshDetails(ConversationRef channel) {
        try {
            var gateway = gateways.forConversation(channel);
            channels.recordDetails(channel, gateway.channelName(channel), gateway.memberCount(channel), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not read the name and size of channel {}: {}", channel.channelId(), e.getMessage());
        }
    }

    /** Refreshes every channel Nudge has been used in (the daily job); returns how many were asked about. */
    public int refreshAll() {
        java.util.List<ConversationRef> known = channels.known();
        known.forEach(this::refreshDetails);
        log.info("Channel names and member counts refreshed for {} channels", known.size());
        return known.size();
    }

    static ChatMessage welcome(String prefix) {
        String text = "Hello! I'm Nudge. I help this team live by its principles with short prompts and polls.\n"
                + "Try `" + prefix + " principles` to see them, `" + prefix + " ask` for a quick check-in, or `"
                + prefix + " help` for everything I can do.";
        return ChatMessage.text(text);
    }
}
