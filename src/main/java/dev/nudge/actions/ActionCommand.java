package dev.nudge.actions;

import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.UserInputException;
import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import java.util.List;
import java.util.Optional;

/** {@code action "What will be done" @owner due 2026-12-12 [principle 3]}: adds an action item to the channel. */
public final class ActionCommand implements Command {
    private final ActionService actions;
    private final ActionRequestParser parser = new ActionRequestParser();

    public ActionCommand(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public String name() {
        return "action";
    }

    @Override
    public String usage() {
        return "\"What will be done\" @owner due YYYY-MM-DD [principle N|word]";
    }

    @Override
    public String summary() {
        return "Add an action item. The owner gets a direct message two working days before it is due; marking it"
                + " done asks the team whether it helped the principle.";
    }

    @Override
    public List<String> examples() {
        return List.of("action \"Run a 5-user test of the triage form\" @sam due 2026-12-12 principle 3",
                "action \"Book the supplier review\" @alex due 12 Dec");
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        ActionItem item;
        try {
            ActionRequestParser.Parsed parsed = parser.parse(args, actions.today());
            Optional<Integer> principle = parsed.principle().map(p -> actions.principleNumber(context.where(), p));
            item = actions.create(context.where(), context.userId(), new ActionService.NewAction(parsed.text(),
                    parsed.ownerId(), parsed.dueOn(), principle, Optional.empty()));
        } catch (UserInputException e) {
            throw new UserInputException(e.getMessage() + "\nThe form is: `" + context.prefix() + " "
                    + ActionRequestParser.FORM + "`, e.g. `" + context.prefix() + " " + examples().get(0) + "`");
        }
        return CommandResult.later(() -> {
            try {
                actions.announce(item, context.userId());
            } catch (ChatDeliveryException e) {
                context.reply().send(ChatMessage.text("The action is saved (see `" + context.prefix()
                        + " actions`), but I couldn't post it in the channel: " + e.getMessage()));
            }
        });
    }
}
