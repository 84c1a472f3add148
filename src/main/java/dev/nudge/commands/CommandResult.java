package dev.nudge.commands;

import dev.nudge.chat.ChatMessage;
import java.util.Optional;

/**
 * What a command answers at once (shown only to the caller) and the slower work to run after the platform has been
 * acknowledged, such as posting a message in the channel.
 */
public record CommandResult(Optional<ChatMessage> immediateReply, Optional<Runnable> afterAck) {

    public static CommandResult reply(ChatMessage message) {
        return new CommandResult(Optional.of(message), Optional.empty());
    }

    public static CommandResult reply(String text) {
        return reply(ChatMessage.text(text));
    }

    public static CommandResult later(Runnable work) {
        return new CommandResult(Optional.empty(), Optional.of(work));
    }

    public static CommandResult replyThen(String text, Runnable work) {
        return new CommandResult(Optional.of(ChatMessage.text(text)), Optional.of(work));
    }
}
