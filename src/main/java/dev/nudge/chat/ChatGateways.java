package dev.nudge.chat;

import java.util.EnumMap;
import java.util.Map;

/** The gateway for each platform that is switched on. */
public final class ChatGateways {
    private final Map<Platform, ChatGateway> gateways = new EnumMap<>(Platform.class);

    public void register(Platform platform, ChatGateway gateway) {
        gateways.put(platform, gateway);
    }

    public ChatGateway forPlatform(Platform platform) {
        ChatGateway gateway = gateways.get(platform);
        if (gateway == null) {
            throw new ChatDeliveryException(platform.id() + " is not configured on this Nudge server");
        }
        return gateway;
    }

    public ChatGateway forConversation(ConversationRef where) {
        return forPlatform(where.platform());
    }
}
