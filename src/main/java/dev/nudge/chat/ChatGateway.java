package dev.nudge.chat;

/**
 * Sends messages to one chat platform. Features call it the same way for Slack and Teams; implementations handle
 * rate limits and retries and throw {@link ChatDeliveryException} when a message could not be delivered.
 */
public interface ChatGateway {

    /** Posts a message in the channel (or in a thread when {@code threadId} is not null) and returns its id. */
    default String post(ConversationRef where, String threadId, ChatMessage message) {
        return post(where, threadId, message, null);
    }

    /**
     * Posts a message tagged with {@code deliveryKey} (may be null) so that {@link #findDelivered} can tell later,
     * after a crash, whether it reached the channel.
     */
    String post(ConversationRef where, String threadId, ChatMessage message, String deliveryKey);

    /**
     * The id of a message posted with this delivery key since {@code since}, if the platform can tell. Platforms that
     * cannot look messages up return {@link Lookup#UNKNOWN}.
     */
    default Lookup findDelivered(ConversationRef where, String deliveryKey, java.time.Instant since) {
        return Lookup.UNKNOWN;
    }

    /** Whether the bot can post in the channel (is a member); platforms that cannot tell say true. */
    default boolean canPost(ConversationRef where) {
        return true;
    }

    /** The answer to {@link #findDelivered}: found (with the message id), not found, or cannot tell. */
    record Lookup(State state, String messageId) {
        public enum State { FOUND, NOT_FOUND, UNKNOWN }

        public static final Lookup UNKNOWN = new Lookup(State.UNKNOWN, null);
        public static final Lookup NOT_FOUND = new Lookup(State.NOT_FOUND, null);

        public static Lookup found(String messageId) {
            return new Lookup(State.FOUND, messageId);
        }
    }

    /** Minimum spacing between posts to one channel that the platform asks for (Slack: one a second). */
    default java.time.Duration channelInterval() {
        return java.time.Duration.ofSeconds(1);
    }

    /** Replaces the content of a message posted earlier. */
    void update(ConversationRef where, String messageId, ChatMessage message);

    /** Shows a message only to one user in the channel. */
    void postPrivately(ConversationRef where, String userId, ChatMessage message);

    /**
     * Sends a direct (one-to-one) message to a user of the workspace {@code where} belongs to, such as an action
     * item reminder. Platforms that cannot reach the user throw {@link ChatDeliveryException}.
     */
    default void sendDirect(ConversationRef where, String userId, ChatMessage message) {
        throw new ChatDeliveryException("direct messages are not supported on " + where.platform());
    }

    /** How many people are in the channel (bots left out where the platform tells them apart), if it can tell. */
    default java.util.OptionalInt memberCount(ConversationRef where) {
        return java.util.OptionalInt.empty();
    }

    /** The channel's name as people see it (Slack: "#team-triage"), if the platform can tell. */
    default java.util.Optional<String> channelName(ConversationRef where) {
        return java.util.Optional.empty();
    }

    /** Whether the user administers the workspace (may close others' polls, for example). */
    boolean isWorkspaceAdmin(ConversationRef where, String userId);
}
