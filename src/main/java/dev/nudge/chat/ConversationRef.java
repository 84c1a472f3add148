package dev.nudge.chat;

import java.util.Objects;

/**
 * Where a conversation lives: platform, workspace (Slack team / Teams tenant) and channel. Features store and
 * compare it but never look inside the ids.
 */
public record ConversationRef(Platform platform, String workspaceId, String channelId) {
    public ConversationRef {
        Objects.requireNonNull(platform, "platform");
        requireId(workspaceId, "workspaceId");
        requireId(channelId, "channelId");
    }

    private static void requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
