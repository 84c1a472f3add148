package dev.nudge.reports;

import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.UserInputException;
import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code report [4w|12w|quarter]}: posts this channel's principles summary in the channel. */
public final class ReportCommand implements Command {
    private static final Logger log = LoggerFactory.getLogger(ReportCommand.class);

    private final ReportService reports;
    private final ChatGateways gateways;

    public ReportCommand(ReportService reports, ChatGateways gateways) {
        this.reports = reports;
        this.gateways = gateways;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "[4w|12w|quarter]";
    }

    @Override
    public String summary() {
        return "Post this channel's summary: participation, answers, poll and retro scores per principle with trend"
                + " arrows, and the evidence noted. 4w: last 4 weeks (default); 12w: last 12 weeks; quarter: this"
                + " calendar quarter so far. Arrows compare with the same number of days just before.";
    }

    @Override
    public List<String> examples() {
        return List.of("report", "report 12w", "report quarter");
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        if (args.size() > 1) {
            throw new UserInputException("A report takes one range at most. Use " + ReportRange.FORMS + ".");
        }
        // Parse now so a bad range is answered at once; read and post after the acknowledgement.
        ReportRange range = reports.range(args.isEmpty() ? "" : args.get(0).text());
        return CommandResult.later(() -> {
            try {
                ChatMessage card = ReportCard.render(reports.channelReport(context.where(), range));
                gateways.forConversation(context.where()).post(context.where(), null, card);
            } catch (ChatDeliveryException e) {
                log.warn("Report not posted in {}: {}", context.where().channelId(), e.getMessage());
                context.reply().send(ChatMessage.text("I couldn't post the report: " + e.getMessage()));
            }
        });
    }
}
