package dev.nudge.storage;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.schedules.Frequency;
import dev.nudge.schedules.OccurrenceRecord;
import dev.nudge.schedules.Schedule;
import dev.nudge.schedules.ScheduleAction;
import dev.nudge.schedules.ScheduleRepository;
import dev.nudge.schedules.ScheduleRequest;
import dev.nudge.schedules.ScheduleRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Schedules and occurrences in SQLite. */
public final class JdbcSchedules implements ScheduleRepository {
    private final Database database;

    public JdbcSchedules(Database database) {
        this.database = database;
    }

    @Override
    public Schedule create(ConversationRef where, ScheduleRequest request, String createdBy, Instant at) {
        ScheduleRule rule = request.rule();
        ScheduleAction action = request.action();
        long id = database.transaction(connection -> Sql.insert(connection,
                "INSERT INTO schedules (platform, workspace_id, channel_id, frequency, days, local_time, time_zone,"
                        + " anchor_date, include_weekends, calendar, action, principle, poll_open_minutes,"
                        + " remind_after_minutes, state, created_by, created_at, checkpoint_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'active',?,?,?)",
                where.platform().id(), where.workspaceId(), where.channelId(), lower(rule.frequency()),
                rule.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")),
                rule.time().toString(), rule.zone().getId(), rule.anchor().toString(), rule.includeWeekends(),
                rule.calendar(), lower(action.kind()), action.principle().orElse(null), action.pollOpenFor().toMinutes(),
                action.remindAfter().map(Duration::toMinutes).orElse(null), createdBy, at.toEpochMilli(),
                at.toEpochMilli()));
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Schedule> find(long id) {
        return database.read(connection -> Sql.one(connection, "SELECT * FROM schedules WHERE id = ?",
                JdbcSchedules::schedule, id));
    }

    @Override
    public List<Schedule> inChannel(ConversationRef where) {
        return database.read(connection -> Sql.list(connection, "SELECT * FROM schedules WHERE platform = ? AND "
                        + "workspace_id = ? AND channel_id = ? ORDER BY id", JdbcSchedules::schedule,
                where.platform().id(), where.workspaceId(), where.channelId()));
    }

    @Override
    public List<Schedule> all() {
        return database.read(connection -> Sql.list(connection, "SELECT * FROM schedules ORDER BY id",
                JdbcSchedules::schedule));
    }

    @Override
    public List<Schedule> active() {
        return database.read(connection -> Sql.list(connection,
                "SELECT * FROM schedules WHERE state = 'active' ORDER BY id", JdbcSchedules::schedule));
    }

    @Override
    public int countInChannel(ConversationRef where) {
        return database.read(connection -> Sql.one(connection, "SELECT count(*) FROM schedules WHERE platform = ? AND "
                        + "workspace_id = ? AND channel_id = ?", row -> row.getInt(1),
                where.platform().id(), where.workspaceId(), where.channelId()).orElse(0));
    }

    @Override
    public void setState(long id, Schedule.State state, Instant at) {
        database.transaction(connection -> state == Schedule.State.ACTIVE
                ? Sql.update(connection, "UPDATE schedules SET state = 'active', checkpoint_at = max(checkpoint_at, ?)"
                        + " WHERE id = ? AND state <> 'active'", at.toEpochMilli(), id)
                : Sql.update(connection, "UPDATE schedules SET state = 'paused' WHERE id = ?", id));
    }

    @Override
    public void delete(long id) {
        database.transaction(connection -> Sql.update(connection, "DELETE FROM schedules WHERE id = ?", id));
    }

    @Override
    public Optional<OccurrenceRecord> record(long scheduleId, Instant scheduledAt, OccurrenceRecord.Status status,
                                             String reason, Instant now) {
        return database.transaction(connection -> {
            int inserted = Sql.update(connection, "INSERT INTO schedule_occurrences (schedule_id, scheduled_at, status,"
                            + " reason, updated_at) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM schedules WHERE id = ?)"
                            + " ON CONFLICT (schedule_id, scheduled_at) DO NOTHING",
                    scheduleId, scheduledAt.toEpochMilli(), lower(status), reason, now.toEpochMilli(), scheduleId);
            Sql.update(connection, "UPDATE schedules SET checkpoint_at = max(checkpoint_at, ?) WHERE id = ?",
                    scheduledAt.toEpochMilli(), scheduleId);
            if (inserted == 0) {
                return Optional.<OccurrenceRecord>empty();
            }
            return Sql.one(connection, "SELECT * FROM schedule_occurrences WHERE schedule_id = ? AND scheduled_at = ?",
                    JdbcSchedules::occurrence, scheduleId, scheduledAt.toEpochMilli());
        });
    }

    @Override
    public Optional<OccurrenceRecord> occurrence(long id) {
        return database.read(connection -> Sql.one(connection, "SELECT * FROM schedule_occurrences WHERE id = ?",
                JdbcSchedules::occurrence, id));
    }

    @Override
    public List<OccurrenceRecord> claimed() {
        return database.read(connection -> Sql.list(connection,
                "SELECT * FROM schedule_occurrences WHERE status = 'claimed' ORDER BY scheduled_at",
                JdbcSchedules::occurrence));
    }

    @Override
    public List<OccurrenceRecord> recent(long scheduleId, int limit) {
        return database.read(connection -> Sql.list(connection, "SELECT * FROM schedule_occurrences WHERE schedule_id = ?"
                + " ORDER BY scheduled_at DESC LIMIT ?", JdbcSchedules::occurrence, scheduleId, limit));
    }

    @Override
    public void linkPrompt(long occurrenceId, long promptId, Instant now) {
        database.transaction(connection -> Sql.update(connection,
                "UPDATE schedule_occurrences SET prompt_id = ?, updated_at = ? WHERE id = ?", promptId,
                now.toEpochMilli(), occurrenceId));
    }

    @Override
    public void linkPoll(long occurrenceId, long pollId, Instant now) {
        database.transaction(connection -> Sql.update(connection,
                "UPDATE schedule_occurrences SET poll_id = ?, updated_at = ? WHERE id = ?", pollId, now.toEpochMilli(),
                occurrenceId));
    }

    @Override
    public void markSent(long occurrenceId, String messageId, Instant sentAt, Instant remindAt) {
        database.transaction(connection -> Sql.update(connection,
                "UPDATE schedule_occurrences SET status = 'sent', reason = NULL, message_id = ?, sent_at = ?,"
                        + " remind_at = ?, attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'claimed'",
                messageId, sentAt.toEpochMilli(), remindAt == null ? null : remindAt.toEpochMilli(), sentAt.toEpochMilli(),
                occurrenceId));
    }

    @Override
    public void markAttemptFailed(long occurrenceId, String reason, boolean finalAttempt, Instant now) {
        database.transaction(connection -> Sql.update(connection,
                "UPDATE schedule_occurrences SET attempts = attempts + 1, reason = ?, status = ?, updated_at = ?"
                        + " WHERE id = ? AND status = 'claimed'",
                reason, finalAttempt ? "failed" : "claimed", now.toEpochMilli(), occurrenceId));
    }

    @Override
    public boolean claimReminder(long occurrenceId, Instant now) {
        return database.transaction(connection -> Sql.update(connection,
                "UPDATE schedule_occurrences SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL",
                now.toEpochMilli(), occurrenceId) == 1);
    }

    @Override
    public List<OccurrenceRecord> remindersDue() {
        return database.read(connection -> Sql.list(connection, "SELECT * FROM schedule_occurrences WHERE"
                        + " remind_at IS NOT NULL AND reminded_at IS NULL AND status = 'sent' ORDER BY remind_at",
                JdbcSchedules::occurrence));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Schedule schedule(ResultSet row) throws SQLException {
        Frequency frequency = Frequency.valueOf(row.getString("frequency").toUpperCase(Locale.ROOT));
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(row.getString("days").split(",")).filter(d -> !d.isBlank()).map(DayOfWeek::valueOf)
                .forEach(days::add);
        ScheduleRule rule = new ScheduleRule(frequency, days, LocalTime.parse(row.getString("local_time")),
                ZoneId.of(row.getString("time_zone")), LocalDate.parse(row.getString("anchor_date")),
                row.getInt("include_weekends") == 1, row.getString("calendar"));
        Long remind = Sql.nullableLong(row, "remind_after_minutes");
        ScheduleAction action = new ScheduleAction(
                ScheduleAction.Kind.valueOf(row.getString("action").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(row.getString("principle")), Duration.ofMinutes(row.getLong("poll_open_minutes")),
                Optional.ofNullable(remind).map(Duration::ofMinutes));
        return new Schedule(row.getLong("id"),
                new ConversationRef(Platform.fromId(row.getString("platform")), row.getString("workspace_id"),
                        row.getString("channel_id")),
                rule, action, Schedule.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                row.getString("created_by"), Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("checkpoint_at")));
    }

    private static OccurrenceRecord occurrence(ResultSet row) throws SQLException {
        return new OccurrenceRecord(row.getLong("id"), row.getLong("schedule_id"),
                Instant.ofEpochMilli(row.getLong("scheduled_at")),
                OccurrenceRecord.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), row.getString("reason"),
                row.getInt("attempts"), Sql.nullableLong(row, "prompt_id"), Sql.nullableLong(row, "poll_id"),
                row.getString("message_id"), instant(row, "sent_at"), instant(row, "remind_at"),
                instant(row, "reminded_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Long millis = Sql.nullableLong(row, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
