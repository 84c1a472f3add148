package dev.nudge.web.admin;

import dev.nudge.schedules.OccurrenceRecord;
import dev.nudge.schedules.Schedule;
import dev.nudge.schedules.ScheduleAction;
import dev.nudge.schedules.ScheduleService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Puts a schedule into the words the admin page shows: where, when, what it sends, its state and last result. */
final class ScheduleRows {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private final ScheduleService schedules;

    ScheduleRows(ScheduleService schedules) {
        this.schedules = schedules;
    }

    SchedulesView.Row of(Schedule schedule) {
        ZoneId zone = schedule.rule().zone();
        String channel = capitalised(schedule.where().platform().id()) + " channel " + schedule.where().channelId()
                + " (workspace " + schedule.where().workspaceId() + ")";
        String next = schedules.nextRun(schedule).map(occurrence -> at(occurrence.at(), zone))
                .orElse(schedule.active() ? "None in the next two years" : "None while paused");
        String last = schedules.lastResult(schedule).map(record -> result(record, zone)).orElse("Nothing yet");
        return new SchedulesView.Row(schedule.id(), channel, schedules.describe(schedule), next,
                sends(schedule.action()), schedule.active() ? "Active" : "Paused", schedule.active(), last);
    }

    static String sends(ScheduleAction action) {
        String sends = action.kind() == ScheduleAction.Kind.POLL
                ? "A principle poll that closes after " + duration(action.pollOpenFor()) + "."
                : "A prompt " + action.principle().map(principle -> "on principle " + principle)
                .orElse("rotating through the channel's principles") + ".";
        return sends + action.remindAfter().map(after -> " Reminds the thread after " + duration(after) + ".")
                .orElse("");
    }

    private static String result(OccurrenceRecord record, ZoneId zone) {
        String status = capitalised(record.status().name().toLowerCase(Locale.ROOT));
        return status + " for " + at(record.scheduledAt(), zone)
                + (record.reason() == null || record.reason().isBlank() ? "" : ": " + record.reason());
    }

    private static String at(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % 60 != 0) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = minutes / 60;
        return hours + (hours == 1 ? " hour" : " hours");
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
