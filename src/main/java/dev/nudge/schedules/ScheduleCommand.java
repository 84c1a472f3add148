package dev.nudge.schedules;

import dev.nudge.chat.UserInputException;
import dev.nudge.commands.Command;
import dev.nudge.commands.CommandContext;
import dev.nudge.commands.CommandLine;
import dev.nudge.commands.CommandResult;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code schedule ...}: create, list, pause, resume and delete the channel's reminder schedules. */
public final class ScheduleCommand implements Command {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private final ScheduleService schedules;
    private final ScheduleRequestParser parser;
    private final ZoneId defaultZone;
    private final String defaultCalendar;

    public ScheduleCommand(ScheduleService schedules, ScheduleRequestParser parser, ZoneId defaultZone,
                           String defaultCalendar) {
        this.schedules = schedules;
        this.parser = parser;
        this.defaultZone = defaultZone;
        this.defaultCalendar = defaultCalendar;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public String usage() {
        return "daily|weekly <days>|fortnightly <days> HH:MM [tz <zone>] [calendar <name>] [weekends] [poll [closes 2h]]"
                + " [principle <n>] [remind 4h] | list | pause|resume|delete <id>";
    }

    @Override
    public String summary() {
        return "Send prompts or polls to this channel on a rhythm, skipping weekends and bank holidays.";
    }

    @Override
    public List<String> examples() {
        return List.of("schedule weekly mon,thu 09:30", "schedule fortnightly fri 16:00 poll",
                "schedule daily 09:15 principle 3 remind 4h calendar scotland", "schedule list", "schedule pause 2");
    }

    @Override
    public CommandResult run(CommandContext context, List<CommandLine.Word> args) {
        if (args.isEmpty()) {
            throw new UserInputException("Say what to schedule, e.g. `" + context.prefix()
                    + " schedule weekly mon,thu 09:30`, or `" + context.prefix() + " schedule list`.");
        }
        String first = args.get(0).text().toLowerCase(Locale.ROOT);
        Actor actor = new Actor(context.userId(), false);
        Optional<dev.nudge.chat.ConversationRef> here = Optional.of(context.where());
        switch (first) {
            case "list" -> {
                return CommandResult.reply(list(context));
            }
            case "pause" -> {
                Schedule paused = schedules.pause(id(args, context), here, actor);
                return CommandResult.reply("Paused schedule " + paused.id() + ". Resume it with `" + context.prefix()
                        + " schedule resume " + paused.id() + "`.");
            }
            case "resume" -> {
                Schedule resumed = schedules.resume(id(args, context), here, actor);
                return CommandResult.reply("Resumed schedule " + resumed.id() + ": " + schedules.describe(resumed));
            }
            case "delete" -> {
                long id = id(args, context);
                schedules.delete(id, here, actor);
                return CommandResult.reply("Deleted schedule " + id + ".");
            }
            default -> {
                ScheduleRequest request = parser.parse(args, defaultZone, defaultCalendar);
                Schedule created = schedules.create(context.where(), actor, request);
                return CommandResult.reply("Schedule " + created.id() + " set. " + schedules.describe(created) + " "
                        + what(created.action()));
            }
        }
    }

    private String list(CommandContext context) {
        List<Schedule> all = schedules.list(context.where());
        if (all.isEmpty()) {
            return "No schedules in this channel yet. Set one with `" + context.prefix() + " schedule weekly mon 09:30`.";
        }
        StringBuilder text = new StringBuilder("Schedules in this channel:");
        for (Schedule schedule : all) {
            text.append("\n• *").append(schedule.id()).append("* ")
                    .append(schedule.active() ? "" : "(paused) ")
                    .append(schedules.describe(schedule)).append(' ').append(what(schedule.action()));
            schedules.lastResult(schedule).ifPresent(last -> text.append(" Last: ")
                    .append(last.status().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(WHEN.format(last.scheduledAt().atZone(schedule.rule().zone())))
                    .append(last.reason() == null ? "" : " (" + last.reason() + ")").append('.'));
        }
        return text.toString();
    }

    static String what(ScheduleAction action) {
        String sends = action.kind() == ScheduleAction.Kind.POLL
                ? "Sends a principle poll that closes after " + hours(action.pollOpenFor()) + "."
                : "Sends a prompt " + action.principle().map(p -> "on principle " + p)
                .orElse("rotating through the channel's principles") + ".";
        return sends + action.remindAfter().map(d -> " Reminds the thread after " + hours(d) + ".").orElse("");
    }

    private static String hours(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + (minutes == 60 ? " hour" : " hours") : minutes + " minutes";
    }

    private static long id(List<CommandLine.Word> args, CommandContext context) {
        if (args.size() != 2) {
            throw new UserInputException("Give the schedule's number, e.g. `" + context.prefix() + " schedule "
                    + args.get(0).text() + " 2`. `" + context.prefix() + " schedule list` shows them.");
        }
        try {
            return Long.parseLong(args.get(1).text());
        } catch (NumberFormatException e) {
            throw new UserInputException("'" + args.get(1).text() + "' is not a schedule number. `" + context.prefix()
                    + " schedule list` shows them.");
        }
    }
}
