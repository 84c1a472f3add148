package dev.nudge.commands;

import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the command named by the first word and runs it; {@code help} is generated from the registered commands. */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandRegistry() {
        register(new HelpCommand());
    }

    public void register(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalStateException("command registered twice: " + command.name());
        }
    }

    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    /** Runs the text typed after the bot's prefix; any {@link UserInputException} becomes a private reply. */
    public CommandResult dispatch(CommandContext context, String text) {
        try {
            List<CommandLine.Word> words = CommandLine.split(text == null ? "" : text.trim());
            if (words.isEmpty()) {
                return CommandResult.reply(help(context.prefix()));
            }
            Command command = commands.get(words.get(0).text().toLowerCase(Locale.ROOT));
            if (command == null) {
                return CommandResult.reply("I don't know the command '" + clip(words.get(0).text()) + "'. Try `"
                        + context.prefix() + " help` to see what I can do.");
            }
            return command.run(context, words.subList(1, words.size()));
        } catch (UserInputException e) {
            return CommandResult.reply(e.getMessage());
        }
    }

    private static String clip(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "…" : word;
    }

    /** Every command with its usage and summary, generated from the commands themselves. */
    public ChatMessage help(String prefix) {
        List<ChatMessage.Field> lines = new ArrayList<>();
        StringBuilder fallback = new StringBuilder("Nudge commands:");
        for (Command command : commands.values()) {
            String usage = "`" + prefix + " " + command.name() + (command.usage().isEmpty() ? "" : " " + command.usage()) + "`";
            lines.add(new ChatMessage.Field(usage, command.summary()));
            fallback.append('\n').append(usage).append(" - ").append(command.summary());
        }
        ChatMessage.Builder message = ChatMessage.builder(fallback.toString()).header("Nudge commands");
        for (ChatMessage.Field line : lines) {
            message.text(line.label() + "\n" + line.value());
        }
        return message.context("Details and examples: `" + prefix + " help <command>`").build();
    }

    private final class HelpCommand implements Command {
        @Override
        public String name() {
            return "help";
        }

        @Override
        public String usage() {
            return "[command]";
        }

        @Override
        public String summary() {
            return "Show every command, or the details and examples of one.";
        }

        @Override
        public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
            if (args.isEmpty()) {
                return CommandResult.reply(help(context.prefix()));
            }
            Command command = commands.get(args.get(0).text().toLowerCase(Locale.ROOT));
            if (command == null) {
                throw new UserInputException("There is no command '" + clip(args.get(0).text()) + "'. Try `"
                        + context.prefix() + " help`.");
            }
            StringBuilder text = new StringBuilder("*" + context.prefix() + " " + command.name()
                    + (command.usage().isEmpty() ? "" : " " + command.usage()) + "*\n" + command.summary());
            if (!command.examples().isEmpty()) {
                text.append("\n\nExamples:");
                command.examples().forEach(example -> text.append("\n`").append(context.prefix()).append(' ')
                        .append(example).append('`'));
            }
            return CommandResult.reply(text.toString());
        }
    }
}
