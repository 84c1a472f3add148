package dev.nudge.web.admin;

import dev.nudge.schedules.Frequency;
import dev.nudge.schedules.OccurrenceRecord;
import dev.nudge.schedules.Schedule;
import dev.nudge.schedules.ScheduleAction;
import dev.nudge.schedules.ScheduleService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A schedule as the API shows it: the same field names a create request takes, plus its state, next run, plain
 * description and last result. Times are ISO-8601 with the offset of the schedule's own time zone.
 */
final class ScheduleJson {
    static final int HISTORY = 20;

    private final ScheduleService schedules;

    ScheduleJson(ScheduleService schedules) {
        this.schedules = schedules;
    }

    Map<String, Object> of(Schedule schedule) {
        ZoneId zone = schedule.rule().zone();
        ScheduleAction action = schedule.action();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", schedule.id());
        json.put("platform", schedule.where().platform().id());
        json.put("workspace_id", schedule.where().workspaceId());
        json.put("channel_id", schedule.where().channelId());
        json.put("frequency", lower(schedule.rule().frequency()));
        // Mirrors what a create request accepts: a daily schedule takes no days.
        json.put("days", schedule.rule().frequency() == Frequency.DAILY ? null : days(schedule));
        json.put("time", schedule.rule().time().format(DateTimeFormatter.ofPattern("HH:mm")));
        json.put("time_zone", zone.getId());
        json.put("calendar", schedule.rule().calendar());
        json.put("include_weekends", schedule.rule().includeWeekends());
        json.put("action", lower(action.kind()));
        json.put("principle", action.principle().orElse(null));
        json.put("poll_open_minutes", action.kind() == ScheduleAction.Kind.POLL ? action.pollOpenFor().toMinutes() : null);
        json.put("remind_after_minutes", action.remindAfter().map(java.time.Duration::toMinutes).orElse(null));
        json.put("state", lower(schedule.state()));
        json.put("created_by", schedule.createdBy());
        json.put("created_at", time(schedule.createdAt(), zone));
        json.put("next_run", schedules.nextRun(schedule).map(next -> time(next.at(), zone)).orElse(null));
        json.put("description", schedules.describe(schedule));
        json.put("last_result", schedules.lastResult(schedule).map(last -> occurrence(last, zone, false)).orElse(null));
        return json;
    }

    Map<String, Object> withHistory(Schedule schedule) {
        Map<String, Object> json = of(schedule);
        ZoneId zone = schedule.rule().zone();
        json.put("history", schedules.history(schedule, HISTORY).stream()
                .map(record -> occurrence(record, zone, true)).toList());
        return json;
    }

    private static Map<String, Object> occurrence(OccurrenceRecord record, ZoneId zone, boolean detail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", lower(record.status()));
        json.put("scheduled_at", time(record.scheduledAt(), zone));
        json.put("reason", record.reason());
        if (detail) {
            json.put("attempts", record.attempts());
            json.put("sent_at", record.sentAt() == null ? null : time(record.sentAt(), zone));
        }
        return json;
    }

    private static List<String> days(Schedule schedule) {
        return EnumSet.copyOf(schedule.rule().days()).stream()
                .map(day -> day.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList();
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
