package dev.nudge.prompts;

import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import dev.nudge.principles.Principle;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code ask [principle]}: posts a prompt in the channel now. */
public final class AskCommand implements Command {
    private final PromptService prompts;

    public AskCommand(PromptService prompts) {
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public String usage() {
        return "[principle number or word]";
    }

    @Override
    public String summary() {
        return "Post a prompt in this channel now (without a principle: the one asked least recently).";
    }

    @Override
    public List<String> examples() {
        return List.of("ask", "ask 3", "ask measure");
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        Optional<String> reference = args.isEmpty() ? Optional.empty()
                : Optional.of(args.stream().map(CommandLine.Word::text).collect(Collectors.joining(" ")));
        // Resolve the principle now so a bad reference is answered at once; post after the acknowledgement.
        Principle principle = prompts.choosePrinciple(context.where(), reference);
        return CommandResult.later(() -> prompts.ask(context.where(), principle, context.userId(), context.reply()));
    }
}
