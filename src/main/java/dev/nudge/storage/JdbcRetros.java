package dev.nudge.storage;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.retros.Retro;
import dev.nudge.retros.RetroClosedException;
import dev.nudge.retros.RetroNote;
import dev.nudge.retros.RetroRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Retros, respondents, ratings and notes in SQLite, and the channel member count retros show progress against. */
public final class JdbcRetros implements RetroRepository {
    private static final String CHANNEL = "platform = ? AND workspace_id = ? AND channel_id = ?";

    private final Database database;

    public JdbcRetros(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Retro> open(NewRetro retro) {
        Optional<Long> id = database.transaction(connection -> {
            boolean alreadyOpen = Sql.one(connection, "SELECT id FROM retros WHERE " + CHANNEL + " AND closed_at IS NULL",
                    row -> row.getLong(1), channel(retro.where())).isPresent();
            if (alreadyOpen) {
                return Optional.empty();
            }
            return Optional.of(Sql.insert(connection, "INSERT INTO retros (platform, workspace_id, channel_id, pack, "
                            + "anonymous, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    retro.where().platform().id(), retro.where().workspaceId(), retro.where().channelId(), retro.pack(),
                    retro.anonymous(), retro.openedBy(), retro.openedAt().toEpochMilli()));
        });
        return id.flatMap(this::find);
    }

    @Override
    public void attachMessage(long retroId, String messageId) {
        database.transaction(connection -> Sql.update(connection, "UPDATE retros SET message_id = ? WHERE id = ?",
                messageId, retroId));
    }

    @Override
    public void attachSummary(long retroId, String messageId) {
        database.transaction(connection -> Sql.update(connection, "UPDATE retros SET summary_message_id = ? WHERE id = ?",
                messageId, retroId));
    }

    @Override
    public void delete(long retroId) {
        database.transaction(connection -> Sql.update(connection, "DELETE FROM retros WHERE id = ?", retroId));
    }

    @Override
    public Optional<Retro> find(long retroId) {
        return database.read(connection -> Sql.one(connection, "SELECT * FROM retros WHERE id = ?", JdbcRetros::retro,
                retroId));
    }

    @Override
    public Optional<Retro> findOpen(ConversationRef where) {
        return database.read(connection -> Sql.one(connection,
                "SELECT * FROM retros WHERE " + CHANNEL + " AND closed_at IS NULL", JdbcRetros::retro, channel(where)));
    }

    @Override
    public Optional<Retro> previousClosed(ConversationRef where, long retroId) {
        return database.read(connection -> Sql.one(connection, "SELECT * FROM retros WHERE " + CHANNEL
                        + " AND id <> ? AND closed_at IS NOT NULL AND closed_at <= coalesce((SELECT closed_at FROM retros "
                        + "WHERE id = ?), 9223372036854775807) ORDER BY closed_at DESC, id DESC LIMIT 1",
                JdbcRetros::retro, where.platform().id(), where.workspaceId(), where.channelId(), retroId, retroId));
    }

    @Override
    public void rate(long retroId, String respondentKey, String userId, Map<Integer, Integer> scores, Instant at) {
        database.transaction(connection -> {
            long respondent = respondent(connection, retroId, respondentKey, at);
            Sql.update(connection, "DELETE FROM retro_ratings WHERE respondent_id = ?", respondent);
            for (Map.Entry<Integer, Integer> score : new TreeMap<>(scores).entrySet()) {
                Sql.update(connection, "INSERT INTO retro_ratings (retro_id, respondent_id, user_id, principle_number, "
                                + "score, rated_at) VALUES (?, ?, ?, ?, ?, ?)",
                        retroId, respondent, userId, score.getKey(), score.getValue(), at.toEpochMilli());
            }
            return null;
        });
    }

    @Override
    public Map<Integer, Integer> ratingsOf(long retroId, String respondentKey) {
        return database.read(connection -> {
            Map<Integer, Integer> ratings = new TreeMap<>();
            Sql.list(connection, "SELECT r.principle_number, r.score FROM retro_ratings r JOIN retro_respondents p "
                            + "ON p.id = r.respondent_id WHERE p.retro_id = ? AND p.respondent_key = ?",
                    row -> ratings.put(row.getInt(1), row.getInt(2)), retroId, respondentKey);
            return ratings;
        });
    }

    @Override
    public void addNote(long retroId, String respondentKey, RetroNote note, Instant at) {
        database.transaction(connection -> {
            respondent(connection, retroId, respondentKey, at);
            return Sql.update(connection, "INSERT INTO retro_notes (retro_id, user_id, kind, principle_number, note, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    retroId, note.userId(), note.kind().id(), note.principleNumber(), note.text(), at.toEpochMilli());
        });
    }

    /** The respondent's row (made on their first answer), after checking in the same transaction that it is open. */
    private static long respondent(Connection connection, long retroId, String respondentKey, Instant at)
            throws SQLException {
        boolean open = Sql.one(connection, "SELECT closed_at IS NULL FROM retros WHERE id = ?", row -> row.getBoolean(1),
                retroId).orElse(false);
        if (!open) {
            throw new RetroClosedException();
        }
        Optional<Long> existing = Sql.one(connection,
                "SELECT id FROM retro_respondents WHERE retro_id = ? AND respondent_key = ?", row -> row.getLong(1),
                retroId, respondentKey);
        if (existing.isPresent()) {
            Sql.update(connection, "UPDATE retro_respondents SET answered_at = ? WHERE id = ?", at.toEpochMilli(),
                    existing.get());
            return existing.get();
        }
        return Sql.insert(connection, "INSERT INTO retro_respondents (retro_id, respondent_key, answered_at) "
                + "VALUES (?, ?, ?)", retroId, respondentKey, at.toEpochMilli());
    }

    @Override
    public int respondents(long retroId) {
        return database.read(connection -> Sql.one(connection,
                "SELECT count(*) FROM retro_respondents WHERE retro_id = ?", row -> row.getInt(1), retroId).orElse(0));
    }

    @Override
    public Map<Integer, List<Integer>> scores(long retroId) {
        return database.read(connection -> {
            Map<Integer, List<Integer>> scores = new TreeMap<>();
            Sql.list(connection, "SELECT principle_number, score FROM retro_ratings WHERE retro_id = ? "
                            + "ORDER BY principle_number, score",
                    row -> scores.computeIfAbsent(row.getInt(1), n -> new ArrayList<>()).add(row.getInt(2)), retroId);
            return scores;
        });
    }

    @Override
    public List<RetroNote> notes(long retroId) {
        return database.read(connection -> Sql.list(connection,
                "SELECT kind, principle_number, note, user_id, created_at FROM retro_notes WHERE retro_id = ? "
                        + "ORDER BY principle_number, kind, id",
                row -> new RetroNote(RetroNote.Kind.fromId(row.getString("kind")).orElseThrow(),
                        row.getInt("principle_number"), row.getString("note"), row.getString("user_id"),
                        Instant.ofEpochMilli(row.getLong("created_at"))),
                retroId));
    }

    @Override
    public boolean close(long retroId, String closedBy, Instant at) {
        return database.transaction(connection -> {
            int closed = Sql.update(connection,
                    "UPDATE retros SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL",
                    at.toEpochMilli(), closedBy, retroId);
            if (closed == 1) {
                // The keys only stopped double answers while it was open; kept, they could be tested against ids.
                Sql.update(connection, "UPDATE retro_respondents SET respondent_key = NULL WHERE retro_id = ? AND "
                        + "(SELECT anonymous FROM retros WHERE id = ?) = 1", retroId, retroId);
            }
            return closed == 1;
        });
    }

    @Override
    public OptionalInt memberCount(ConversationRef where) {
        return database.read(connection -> Sql.one(connection, "SELECT member_count FROM channels WHERE " + CHANNEL,
                row -> {
                    int members = row.getInt(1);
                    return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(members);
                }, channel(where)).orElse(OptionalInt.empty()));
    }

    private static Object[] channel(ConversationRef where) {
        return new Object[] {where.platform().id(), where.workspaceId(), where.channelId()};
    }

    private static Retro retro(ResultSet row) throws SQLException {
        Long closedAt = Sql.nullableLong(row, "closed_at");
        return new Retro(row.getLong("id"),
                new ConversationRef(Platform.fromId(row.getString("platform")), row.getString("workspace_id"),
                        row.getString("channel_id")),
                row.getString("pack"), row.getInt("anonymous") == 1, row.getString("opened_by"),
                Instant.ofEpochMilli(row.getLong("opened_at")),
                closedAt == null ? null : Instant.ofEpochMilli(closedAt), row.getString("closed_by"),
                row.getString("message_id"), row.getString("summary_message_id"));
    }
}
