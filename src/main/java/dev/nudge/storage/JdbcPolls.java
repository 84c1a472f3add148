package dev.nudge.storage;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.polls.Poll;
import dev.nudge.polls.PollClosedException;
import dev.nudge.polls.PollRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Polls, options and votes in SQLite. */
public final class JdbcPolls implements PollRepository {
    private final Database database;

    public JdbcPolls(Database database) {
        this.database = database;
    }

    @Override
    public Poll create(NewPoll poll) {
        long id = database.transaction(connection -> {
            long pollId = Sql.insert(connection,
                    "INSERT INTO polls (platform, workspace_id, channel_id, kind, pack, principle_number, question,"
                            + " anonymous, hidden, created_by, created_at, closes_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    poll.where().platform().id(), poll.where().workspaceId(), poll.where().channelId(),
                    poll.kind().name().toLowerCase(Locale.ROOT), poll.pack(), poll.principleNumber(), poll.question(),
                    poll.anonymous(), poll.hidden(), poll.createdBy(), poll.createdAt().toEpochMilli(),
                    poll.closesAt() == null ? null : poll.closesAt().toEpochMilli());
            for (int i = 0; i < poll.options().size(); i++) {
                Sql.update(connection, "INSERT INTO poll_options (poll_id, position, label) VALUES (?, ?, ?)", pollId, i,
                        poll.options().get(i));
            }
            return pollId;
        });
        return find(id).orElseThrow();
    }

    @Override
    public void attachMessage(long pollId, String messageId) {
        database.transaction(connection -> Sql.update(connection, "UPDATE polls SET message_id = ? WHERE id = ?",
                messageId, pollId));
    }

    @Override
    public void delete(long pollId) {
        database.transaction(connection -> Sql.update(connection, "DELETE FROM polls WHERE id = ?", pollId));
    }

    @Override
    public Optional<Poll> find(long pollId) {
        return database.read(connection -> find(connection, pollId));
    }

    private static Optional<Poll> find(Connection connection, long pollId) throws SQLException {
        List<String> options = Sql.list(connection, "SELECT label FROM poll_options WHERE poll_id = ? ORDER BY position",
                row -> row.getString(1), pollId);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        return Sql.one(connection, "SELECT * FROM polls WHERE id = ?", row -> poll(row, options), pollId);
    }

    @Override
    public VoteOutcome vote(long pollId, String voterKey, String userId, int position, Instant at) {
        return database.transaction(connection -> {
            boolean open = Sql.one(connection, "SELECT closed_at IS NULL AND (closes_at IS NULL OR closes_at > ?) "
                    + "FROM polls WHERE id = ?", row -> row.getBoolean(1), at.toEpochMilli(), pollId).orElse(false);
            if (!open) {
                throw new PollClosedException();
            }
            Optional<Integer> previous = Sql.one(connection,
                    "SELECT position FROM poll_votes WHERE poll_id = ? AND voter_key = ?", row -> row.getInt(1), pollId,
                    voterKey);
            if (previous.isEmpty()) {
                Sql.update(connection, "INSERT INTO poll_votes (poll_id, voter_key, user_id, position, voted_at) "
                        + "VALUES (?, ?, ?, ?, ?)", pollId, voterKey, userId, position, at.toEpochMilli());
                return VoteOutcome.RECORDED;
            }
            if (previous.get() == position) {
                return VoteOutcome.UNCHANGED;
            }
            Sql.update(connection, "UPDATE poll_votes SET position = ?, voted_at = ? WHERE poll_id = ? AND voter_key = ?",
                    position, at.toEpochMilli(), pollId, voterKey);
            return VoteOutcome.CHANGED;
        });
    }

    @Override
    public List<Integer> counts(long pollId) {
        return database.read(connection -> Sql.list(connection,
                "SELECT (SELECT count(*) FROM poll_votes v WHERE v.poll_id = o.poll_id AND v.position = o.position) "
                        + "FROM poll_options o WHERE o.poll_id = ? ORDER BY o.position",
                row -> row.getInt(1), pollId));
    }

    @Override
    public boolean close(long pollId, String closedBy, Instant at) {
        return database.transaction(connection -> {
            int closed = Sql.update(connection,
                    "UPDATE polls SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL",
                    at.toEpochMilli(), closedBy, pollId);
            if (closed == 1) {
                // Once no more votes can change, the anonymous one-vote keys have no purpose: erase them.
                Sql.update(connection, "UPDATE poll_votes SET voter_key = NULL WHERE poll_id = ? AND "
                        + "(SELECT anonymous FROM polls WHERE id = ?) = 1", pollId, pollId);
            }
            return closed == 1;
        });
    }

    @Override
    public java.util.Map<Integer, Instant> lastPolled(ConversationRef where, String pack) {
        return database.read(connection -> {
            java.util.Map<Integer, Instant> last = new java.util.HashMap<>();
            Sql.list(connection, "SELECT principle_number, max(created_at) AS last FROM polls WHERE platform = ? AND "
                            + "workspace_id = ? AND channel_id = ? AND pack = ? AND kind = 'principle' "
                            + "GROUP BY principle_number",
                    row -> last.put(row.getInt("principle_number"), Instant.ofEpochMilli(row.getLong("last"))),
                    where.platform().id(), where.workspaceId(), where.channelId(), pack);
            return last;
        });
    }

    @Override
    public List<Poll> openWithCloseTime() {
        return database.read(connection -> {
            List<Long> ids = Sql.list(connection,
                    "SELECT id FROM polls WHERE closed_at IS NULL AND closes_at IS NOT NULL ORDER BY closes_at",
                    row -> row.getLong(1));
            List<Poll> polls = new ArrayList<>();
            for (long id : ids) {
                find(connection, id).ifPresent(polls::add);
            }
            return polls;
        });
    }

    private static Poll poll(ResultSet row, List<String> options) throws SQLException {
        Long principle = Sql.nullableLong(row, "principle_number");
        Long closesAt = Sql.nullableLong(row, "closes_at");
        Long closedAt = Sql.nullableLong(row, "closed_at");
        return new Poll(row.getLong("id"),
                new ConversationRef(Platform.fromId(row.getString("platform")), row.getString("workspace_id"),
                        row.getString("channel_id")),
                Poll.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)), row.getString("pack"),
                principle == null ? null : principle.intValue(), row.getString("question"), options,
                row.getInt("anonymous") == 1, row.getInt("hidden") == 1, row.getString("created_by"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                closesAt == null ? null : Instant.ofEpochMilli(closesAt),
                closedAt == null ? null : Instant.ofEpochMilli(closedAt), row.getString("closed_by"),
                row.getString("message_id"));
    }
}
