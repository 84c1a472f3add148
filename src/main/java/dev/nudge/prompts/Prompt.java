package dev.nudge.prompts;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;

/** A prompt posted in a channel. {@code messageId} is null until the platform has taken the message. */
public record Prompt(long id, ConversationRef where, String pack, int principleNumber, String question, String askedBy,
                     Instant askedAt, String messageId) {}
