package dev.nudge.retros;

import dev.nudge.chat.UserInputException;
import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import java.util.List;
import java.util.Locale;

/** {@code retro [named]} starts a retro in the channel; {@code retro close} closes it and posts the summary. */
public final class RetroCommand implements Command {
    private final RetroService retros;

    public RetroCommand(RetroService retros) {
        this.retros = retros;
    }

    @Override
    public String name() {
        return "retro";
    }

    @Override
    public String usage() {
        return "[named] | close";
    }

    @Override
    public String summary() {
        return "Start a retro: review open actions, rate each principle 1-5 and add notes. Anonymous unless you say"
                + " named (fixed at start). close: post the summary with scores, notes and a prompt for actions.";
    }

    @Override
    public List<String> examples() {
        return List.of("retro", "retro named", "retro close");
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        if (args.size() > 1) {
            throw usageError(context, args.get(1).text());
        }
        String word = args.isEmpty() ? "" : args.get(0).text().toLowerCase(Locale.ROOT);
        switch (word) {
            case "", "anonymous", "named" -> {
                RetroRepository.NewRetro retro = retros.prepare(context.where(), context.userId(), !word.equals("named"),
                        context.prefix());
                return CommandResult.later(() -> retros.start(retro, context.prefix(), context.reply()));
            }
            case "close" -> {
                Retro retro = retros.closable(context.where(), context.userId(), context.prefix());
                return CommandResult.later(() -> retros.close(retro.id(), context.userId(), context.reply()));
            }
            default -> throw usageError(context, args.get(0).text());
        }
    }

    private static UserInputException usageError(CommandContext context, String word) {
        String shown = word.length() > 40 ? word.substring(0, 40) + "…" : word;
        return new UserInputException("I don't understand '" + shown + "' here. Use `" + context.prefix()
                + " retro` (anonymous), `" + context.prefix() + " retro named` or `" + context.prefix() + " retro close`.");
    }
}
