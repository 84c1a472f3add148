package dev.nudge.commands;

import java.util.List;

/** One command ({@code /nudge <name> ...}). Its usage and summary are the help text; nothing else is hand-kept. */
public interface Command {
    String name();

    /** Arguments after the name, e.g. {@code [principle number or word]}; empty for none. */
    String usage();

    /** One line saying what it does. */
    String summary();

    /** Worked examples shown by {@code help <name>}. */
    default List<String> examples() {
        return List.of();
    }

    CommandResult run(CommandContext context, List<CommandLine.Word> args);
}
