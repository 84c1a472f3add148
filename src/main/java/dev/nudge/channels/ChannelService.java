package dev.nudge.channels;

import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import java.time.Clock;

/** Remembers the channels the bot is added to and greets each one once. */
public final class ChannelService {
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
    }

    static ChatMessage welcome(String prefix) {
        String text = "Hello! I'm Nudge. I help this team live by its principles with short prompts and polls.\n"
                + "Try `" + prefix + " principles` to see them, `" + prefix + " ask` for a quick check-in, or `"
                + prefix + " help` for everything I can do.";
        return ChatMessage.text(text);
    }
}
