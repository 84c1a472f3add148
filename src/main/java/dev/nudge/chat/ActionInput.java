package dev.nudge.chat;

/** A button click: who clicked where, which action with which value, on which message. */
public record ActionInput(ConversationRef where, String userId, String action, String value, String messageId,
                          PrivateReply reply) {}
