package dev.nudge.principles;

import dev.nudge.chat.ChatMessage;
import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import java.util.List;

/** {@code principles}: lists the channel's principles with number, title and meaning. */
public final class PrinciplesCommand implements Command {
    private final ChannelPacks packs;

    public PrinciplesCommand(ChannelPacks packs) {
        this.packs = packs;
    }

    @Override
    public String name() {
        return "principles";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "List this channel's principles: number, title and what each means.";
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        PrinciplePack pack = packs.forChannel(context.where());
        StringBuilder fallback = new StringBuilder(pack.title());
        ChatMessage.Builder message = ChatMessage.builder("").header(pack.title());
        for (Principle principle : pack.principles()) {
            message.text("*" + principle.numberedTitle() + "*\n" + principle.meaning());
            fallback.append('\n').append(principle.numberedTitle());
        }
        message.context("Pack '" + pack.name() + "'. Ask about one with `" + context.prefix()
                + " ask <number or word>`; change the pack with `" + context.prefix() + " pack <name>`.");
        ChatMessage built = message.build();
        return CommandResult.reply(new ChatMessage(fallback.toString(), built.parts()));
    }
}
