package dev.nudge.storage;

import dev.nudge.actions.ActionItem;
import dev.nudge.actions.ActionRepository;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Action items in SQLite (table action_items, V5). */
public final class JdbcActions implements ActionRepository {
    private final Database database;

    public JdbcActions(Database database) {
        this.database = database;
    }

    @Override
    public ActionItem create(NewItem item) {
        long id = database.transaction(connection -> Sql.insert(connection,
                "INSERT INTO action_items (platform, workspace_id, channel_id, retro_id, text, owner_id, pack,"
                        + " principle_number, due_on, status, created_by, created_at, remind_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,'open',?,?,?)",
                item.where().platform().id(), item.where().workspaceId(), item.where().channelId(), item.retroId(),
                item.text(), item.ownerId(), item.pack(), item.principleNumber(), item.dueOn().toString(),
                item.createdBy(), item.createdAt().toEpochMilli(),
                item.remindAt() == null ? null : item.remindAt().toEpochMilli()));
        return find(id).orElseThrow().item();
    }

    @Override
    public Optional<Stored> find(long id) {
        return database.read(connection -> Sql.one(connection, "SELECT * FROM action_items WHERE id = ?",
                JdbcActions::stored, id));
    }

    @Override
    public List<ActionItem> open(ConversationRef where) {
        return database.read(connection -> Sql.list(connection,
                "SELECT * FROM action_items WHERE platform = ? AND workspace_id = ? AND channel_id = ?"
                        + " AND status = 'open' ORDER BY due_on, id",
                JdbcActions::item, where.platform().id(), where.workspaceId(), where.channelId()));
    }

    @Override
    public boolean review(long id, Review review, String by, Instant at) {
        return database.transaction(connection -> switch (review) {
            case NOT_YET -> Sql.update(connection,
                    "UPDATE action_items SET review = 'not_yet' WHERE id = ? AND status = 'open'", id);
            case DONE, DROPPED -> Sql.update(connection,
                    "UPDATE action_items SET status = ?, review = NULL, closed_at = ?, closed_by = ?"
                            + " WHERE id = ? AND status = 'open'",
                    review == Review.DONE ? "done" : "dropped", at.toEpochMilli(), by, id);
        } == 1);
    }

    @Override
    public void attachHelpPoll(long id, long pollId) {
        database.transaction(connection -> Sql.update(connection,
                "UPDATE action_items SET help_poll_id = ? WHERE id = ?", pollId, id));
    }

    @Override
    public List<PendingReminder> pendingReminders() {
        return database.read(connection -> Sql.list(connection,
                "SELECT id, remind_at FROM action_items WHERE status = 'open' AND reminded_at IS NULL"
                        + " AND remind_at IS NOT NULL ORDER BY remind_at",
                row -> new PendingReminder(row.getLong("id"), Instant.ofEpochMilli(row.getLong("remind_at")))));
    }

    @Override
    public boolean markReminded(long id, Instant at) {
        return database.transaction(connection -> Sql.update(connection,
                "UPDATE action_items SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL",
                at.toEpochMilli(), id) == 1);
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Long remindAt = Sql.nullableLong(row, "remind_at");
        Long remindedAt = Sql.nullableLong(row, "reminded_at");
        return new Stored(item(row), row.getString("created_by"),
                remindAt == null ? null : Instant.ofEpochMilli(remindAt),
                remindedAt == null ? null : Instant.ofEpochMilli(remindedAt), Sql.nullableLong(row, "help_poll_id"));
    }

    private static ActionItem item(ResultSet row) throws SQLException {
        Long principle = Sql.nullableLong(row, "principle_number");
        return new ActionItem(row.getLong("id"),
                new ConversationRef(Platform.fromId(row.getString("platform")), row.getString("workspace_id"),
                        row.getString("channel_id")),
                Sql.nullableLong(row, "retro_id"), row.getString("text"), row.getString("owner_id"),
                row.getString("pack"), principle == null ? null : principle.intValue(),
                LocalDate.parse(row.getString("due_on")),
                ActionItem.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                "not_yet".equals(row.getString("review")), Instant.ofEpochMilli(row.getLong("created_at")));
    }
}
