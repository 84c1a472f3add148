package dev.nudge.reports;

import dev.nudge.chat.ConversationRef;

/**
 * A channel (team) with data: {@code name} is its display name, or its channel id until the platform told us the
 * name; {@code pack} is the pack in force; {@code memberCount} is null when unknown.
 */
public record TeamInfo(ConversationRef channel, String name, String pack, Integer memberCount) {}
