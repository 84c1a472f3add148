package dev.nudge.commands;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.PrivateReply;

/** Who typed the command, where, and how to reply to them privately later. {@code prefix} is how they invoke Nudge. */
public record CommandContext(ConversationRef where, String userId, String prefix, PrivateReply reply) {}
