package dev.nudge.storage;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.prompts.Answer;
import dev.nudge.prompts.AnswerCounts;
import dev.nudge.prompts.Prompt;
import dev.nudge.prompts.PromptRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Prompts, their answers and notes in SQLite. */
public final class JdbcPrompts implements PromptRepository {
    private final Database database;

    public JdbcPrompts(Database database) {
        this.database = database;
    }

    @Override
    public Prompt create(ConversationRef where, String pack, int principleNumber, String question, String askedBy,
                         Instant at) {
        long id = database.transaction(connection -> Sql.insert(connection,
                "INSERT INTO prompts (platform, workspace_id, channel_id, pack, principle_number, question, asked_by, asked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                where.platform().id(), where.workspaceId(), where.channelId(), pack, principleNumber, question, askedBy,
                at.toEpochMilli()));
        return new Prompt(id, where, pack, principleNumber, question, askedBy, at, null);
    }

    @Override
    public void attachMessage(long promptId, String messageId) {
        database.transaction(connection -> Sql.update(connection, "UPDATE prompts SET message_id = ? WHERE id = ?",
                messageId, promptId));
    }

    @Override
    public void delete(long promptId) {
        database.transaction(connection -> Sql.update(connection, "DELETE FROM prompts WHERE id = ?", promptId));
    }

    @Override
    public Optional<Prompt> find(long promptId) {
        return database.read(connection -> Sql.one(connection, "SELECT * FROM prompts WHERE id = ?", JdbcPrompts::prompt,
                promptId));
    }

    @Override
    public Map<Integer, Instant> lastAsked(ConversationRef where, String pack) {
        return database.read(connection -> {
            Map<Integer, Instant> last = new HashMap<>();
            Sql.list(connection, "SELECT principle_number, max(asked_at) AS last FROM prompts WHERE platform = ? AND "
                            + "workspace_id = ? AND channel_id = ? AND pack = ? AND message_id IS NOT NULL "
                            + "GROUP BY principle_number",
                    row -> last.put(row.getInt("principle_number"), Instant.ofEpochMilli(row.getLong("last"))),
                    where.platform().id(), where.workspaceId(), where.channelId(), pack);
            return last;
        });
    }

    @Override
    public int timesAsked(ConversationRef where, String pack, int principleNumber) {
        return database.read(connection -> Sql.one(connection, "SELECT count(*) FROM prompts WHERE platform = ? AND "
                        + "workspace_id = ? AND channel_id = ? AND pack = ? AND principle_number = ? "
                        + "AND message_id IS NOT NULL",
                row -> row.getInt(1), where.platform().id(), where.workspaceId(), where.channelId(), pack,
                principleNumber).orElse(0));
    }

    @Override
    public void answer(long promptId, String userId, Answer answer, Instant at) {
        database.transaction(connection -> Sql.update(connection,
                "INSERT INTO prompt_answers (prompt_id, user_id, answer, answered_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (prompt_id, user_id) DO UPDATE SET answer = excluded.answer, "
                        + "answered_at = excluded.answered_at WHERE answer <> excluded.answer",
                promptId, userId, answer.id(), at.toEpochMilli()));
    }

    @Override
    public Optional<Answer> answerOf(long promptId, String userId) {
        return database.read(connection -> Sql.one(connection,
                "SELECT answer FROM prompt_answers WHERE prompt_id = ? AND user_id = ?",
                row -> Answer.fromId(row.getString(1)), promptId, userId));
    }

    @Override
    public void addNote(long promptId, String userId, Answer answer, String note, Instant at) {
        database.transaction(connection -> Sql.insert(connection,
                "INSERT INTO prompt_notes (prompt_id, user_id, answer, note, created_at) VALUES (?, ?, ?, ?, ?)",
                promptId, userId, answer == null ? null : answer.id(), note, at.toEpochMilli()));
    }

    @Override
    public AnswerCounts counts(long promptId) {
        return database.read(connection -> Sql.one(connection,
                "SELECT (SELECT count(*) FROM prompt_answers WHERE prompt_id = ?1 AND answer = 'yes'),"
                        + " (SELECT count(*) FROM prompt_answers WHERE prompt_id = ?1 AND answer = 'partly'),"
                        + " (SELECT count(*) FROM prompt_answers WHERE prompt_id = ?1 AND answer = 'not_yet'),"
                        + " (SELECT count(*) FROM prompt_notes WHERE prompt_id = ?1)",
                row -> new AnswerCounts(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4)), promptId)
                .orElseThrow());
    }

    private static Prompt prompt(ResultSet row) throws SQLException {
        return new Prompt(row.getLong("id"),
                new ConversationRef(Platform.fromId(row.getString("platform")), row.getString("workspace_id"),
                        row.getString("channel_id")),
                row.getString("pack"), row.getInt("principle_number"), row.getString("question"),
                row.getString("asked_by"), Instant.ofEpochMilli(row.getLong("asked_at")), row.getString("message_id"));
    }
}
