package dev.nudge.chat;

/**
 * Sends messages to one chat platform. Features call it the same way for Slack and Teams; implementations handle
 * rate limits and retries and throw {@link ChatDeliveryException} when a message could not be delivered.
 */
public interface ChatGateway {

    /** Posts a message in the channel (or in a thread when {@code threadId} is not null) and returns its id. */
    String post(ConversationRef where, String threadId, ChatMessage message);

    /** Replaces the content of a message posted earlier. */
    void update(ConversationRef where, String messageId, ChatMessage message);

    /** Shows a message only to one user in the channel. */
    void postPrivately(ConversationRef where, String userId, ChatMessage message);

    /** Whether the user administers the workspace (may close others' polls, for example). */
    boolean isWorkspaceAdmin(ConversationRef where, String userId);
}
