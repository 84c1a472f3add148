package dev.nudge.actions;

import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import java.util.List;

/**
 * {@code actions}: the channel's open action items, shown only to the person who asked (each with Done / Not yet /
 * Drop buttons, which would be noise for the whole channel).
 */
public final class ActionsCommand implements Command {
    private final ActionService actions;

    public ActionsCommand(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public String name() {
        return "actions";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "List this channel's open action items (only you see the list), with Done / Not yet / Drop buttons.";
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        return CommandResult.reply(actions.list(context.where()));
    }
}
