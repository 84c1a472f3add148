package dev.nudge.principles;

import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import dev.nudge.chat.Roles;
import dev.nudge.chat.UserInputException;
import java.util.List;

/** {@code pack [name]}: shows the packs, or picks one for the channel. */
public final class PackCommand implements Command {
    private final ChannelPacks packs;
    private final Roles roles;

    public PackCommand(ChannelPacks packs, Roles roles) {
        this.packs = packs;
        this.roles = roles;
    }

    @Override
    public String name() {
        return "pack";
    }

    @Override
    public String usage() {
        return "[name]";
    }

    @Override
    public String summary() {
        return "Show the principle packs, or choose the one this channel uses (leads and admins).";
    }

    @Override
    public List<String> examples() {
        return List.of("pack", "pack nhs");
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        if (args.size() > 1) {
            throw new UserInputException("Give one pack name, e.g. `" + context.prefix() + " pack nhs`.");
        }
        if (args.isEmpty()) {
            PrinciplePack current = packs.forChannel(context.where());
            StringBuilder text = new StringBuilder("This channel uses *" + current.name() + "* (" + current.title()
                    + ").\nAvailable packs:");
            for (PrinciplePack pack : packs.catalog().all()) {
                text.append("\n• *").append(pack.name()).append("*: ").append(pack.title()).append(" (")
                        .append(pack.principles().size()).append(" principles)");
            }
            text.append("\nChoose one with `").append(context.prefix()).append(" pack <name>`.");
            return CommandResult.reply(text.toString());
        }
        if (!roles.isLead(context.where(), context.userId())) {
            throw new UserInputException("Only leads and admins can change this channel's principle pack. Ask one of"
                    + " them, or see the packs with `" + context.prefix() + " pack`.");
        }
        PrinciplePack chosen = packs.choose(context.where(), args.get(0).text().toLowerCase(java.util.Locale.ROOT));
        return CommandResult.reply("This channel now uses *" + chosen.name() + "*: " + chosen.title() + " ("
                + chosen.principles().size() + " principles). See them with `" + context.prefix() + " principles`.");
    }
}
