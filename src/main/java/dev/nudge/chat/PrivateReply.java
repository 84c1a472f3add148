package dev.nudge.chat;

/** Sends a late reply that only the acting user sees (Slack: the response_url; Teams: a reply to them). */
@FunctionalInterface
public interface PrivateReply {
    void send(ChatMessage message);
}
