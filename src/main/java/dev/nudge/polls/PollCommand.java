package dev.nudge.polls;

import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import java.util.List;

/** {@code poll ...}: a quick principle poll (1-5) or a custom poll with 2 to 10 options. */
public final class PollCommand implements Command {
    private final PollService polls;
    private final PollRequestParser parser;

    public PollCommand(PollService polls, PollRequestParser parser) {
        this.polls = polls;
        this.parser = parser;
    }

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public String usage() {
        return "[principle] | \"Question?\" \"Option A\" \"Option B\" ... [anonymous] [hidden] [closes 2h|17:00]";
    }

    @Override
    public String summary() {
        return "Post a 1-5 poll on a principle, or a custom poll with 2 to 10 options. anonymous: no one is linked"
                + " to their vote; hidden: results only when closed; closes: close on time.";
    }

    @Override
    public List<String> examples() {
        return List.of("poll", "poll 3 anonymous closes 2h", "poll \"Ship on Friday?\" \"Yes\" \"No\" \"Not sure\" hidden",
                "poll \"Retro day?\" \"Tue\" \"Thu\" closes 17:00");
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        PollRepository.NewPoll poll = polls.prepare(context.where(), context.userId(), parser.parse(args));
        return CommandResult.later(() -> polls.start(poll, context.reply()));
    }
}
