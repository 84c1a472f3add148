package dev.nudge.storage;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.reports.EvidenceNote;
import dev.nudge.reports.ExportKind;
import dev.nudge.reports.ReportRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reads behind reports. Evidence and activity for one channel come through the per-channel indexes; the
 * heatmap reads the report_units rollup that V6's triggers keep. A term written {@code +a.answered_at} keeps SQLite from picking
 * the time index where the channel index is far more selective.
 */
public final class JdbcReports implements ReportRepository {
    private static final String ANSWER_SCORE = "CASE a.answer WHEN 'yes' THEN 5 WHEN 'partly' THEN 3 ELSE 1 END";
    private static final String VOTE_WHO = "CASE WHEN v.user_id IS NULL THEN 'v:' || v.id ELSE 'u:' || v.user_id END";
    private static final String RATING_WHO =
            "CASE WHEN rr.user_id IS NULL THEN 'r:' || rr.respondent_id ELSE 'u:' || rr.user_id END";
    /** Votes of a hidden poll stay out of every report until the poll closes. */
    private static final String VISIBLE_POLL = "NOT (po.hidden = 1 AND po.closed_at IS NULL)";

    private final Database database;

    public JdbcReports(Database database) {
        this.database = database;
    }

    @Override
    public List<ChannelRow> channelsWithData() {
        return database.read(connection -> Sql.list(connection,
                "SELECT k.platform, k.workspace_id, k.channel_id, c.pack, c.display_name, c.member_count FROM ("
                        + " SELECT DISTINCT platform, workspace_id, channel_id FROM prompts"
                        + " UNION SELECT platform, workspace_id, channel_id FROM polls"
                        + " UNION SELECT platform, workspace_id, channel_id FROM retros) k"
                        + " LEFT JOIN channels c ON c.platform = k.platform AND c.workspace_id = k.workspace_id"
                        + " AND c.channel_id = k.channel_id",
                JdbcReports::channelRow));
    }

    @Override
    public Optional<ChannelRow> channel(ConversationRef channel) {
        return database.read(connection -> Sql.one(connection,
                "SELECT platform, workspace_id, channel_id, pack, display_name, member_count FROM channels"
                        + " WHERE platform = ? AND workspace_id = ? AND channel_id = ?",
                JdbcReports::channelRow, channel.platform().id(), channel.workspaceId(), channel.channelId()));
    }

    @Override
    public List<ChannelRow> knownChannels() {
        return database.read(connection -> Sql.list(connection,
                "SELECT platform, workspace_id, channel_id, pack, display_name, member_count FROM channels",
                JdbcReports::channelRow));
    }

    @Override
    public List<Evidence> evidence(ConversationRef channel, String pack, Instant from, Instant to) {
        String sql = "SELECT 'ANSWER' AS source, p.principle_number AS principle, 'u:' || a.user_id AS who, "
                + ANSWER_SCORE + " AS score, a.answered_at AS at"
                + " FROM prompts p JOIN prompt_answers a ON a.prompt_id = p.id"
                + " WHERE p.platform = ?1 AND p.workspace_id = ?2 AND p.channel_id = ?3 AND p.pack = ?4"
                + " AND +a.answered_at >= ?5 AND +a.answered_at < ?6"
                + " UNION ALL"
                + " SELECT 'VOTE', po.principle_number, " + VOTE_WHO + ", v.position + 1, v.voted_at"
                + " FROM polls po JOIN poll_votes v ON v.poll_id = po.id"
                + " WHERE po.platform = ?1 AND po.workspace_id = ?2 AND po.channel_id = ?3 AND po.kind = 'principle'"
                + " AND po.pack = ?4 AND " + VISIBLE_POLL + " AND +v.voted_at >= ?5 AND +v.voted_at < ?6"
                + " UNION ALL"
                + " SELECT 'RATING', rr.principle_number, " + RATING_WHO + ", rr.score, rr.rated_at"
                + " FROM retros r JOIN retro_ratings rr ON rr.retro_id = r.id"
                + " WHERE r.platform = ?1 AND r.workspace_id = ?2 AND r.channel_id = ?3 AND r.pack = ?4"
                + " AND +rr.rated_at >= ?5 AND +rr.rated_at < ?6";
        return database.read(connection -> Sql.list(connection, sql,
                row -> new Evidence(Source.valueOf(row.getString(1)), row.getInt(2), row.getString(3), row.getInt(4),
                        Instant.ofEpochMilli(row.getLong(5))),
                channel.platform().id(), channel.workspaceId(), channel.channelId(), pack, from.toEpochMilli(),
                to.toEpochMilli()));
    }

    @Override
    public List<Activity> activity(ConversationRef channel, Instant from, Instant to) {
        String sql = "SELECT 'u:' || a.user_id, a.answered_at FROM prompts p JOIN prompt_answers a ON a.prompt_id = p.id"
                + " WHERE p.platform = ?1 AND p.workspace_id = ?2 AND p.channel_id = ?3"
                + " AND +a.answered_at >= ?4 AND +a.answered_at < ?5"
                + " UNION ALL"
                + " SELECT " + VOTE_WHO + ", v.voted_at FROM polls po JOIN poll_votes v ON v.poll_id = po.id"
                + " WHERE po.platform = ?1 AND po.workspace_id = ?2 AND po.channel_id = ?3"
                + " AND +v.voted_at >= ?4 AND +v.voted_at < ?5"
                + " UNION ALL"
                + " SELECT CASE WHEN r.anonymous = 1 THEN 'r:' || rs.id ELSE 'u:' || rs.respondent_key END, rs.answered_at"
                + " FROM retros r JOIN retro_respondents rs ON rs.retro_id = r.id"
                + " WHERE r.platform = ?1 AND r.workspace_id = ?2 AND r.channel_id = ?3"
                + " AND +rs.answered_at >= ?4 AND +rs.answered_at < ?5";
        return database.read(connection -> Sql.list(connection, sql,
                row -> new Activity(row.getString(1), Instant.ofEpochMilli(row.getLong(2))),
                channel.platform().id(), channel.workspaceId(), channel.channelId(), from.toEpochMilli(),
                to.toEpochMilli()));
    }

    @Override
    public java.util.Map<ConversationRef, Instant> lastActivityByChannel() {
        // Prompts, principle polls and retro ratings from the rollup (its channel index gives each maximum); custom
        // polls and retro answers from their own, much smaller, tables.
        String sql = "SELECT platform, workspace_id, channel_id, max(at) FROM ("
                + " SELECT platform, workspace_id, channel_id, max(last_at) AS at FROM report_units"
                + " GROUP BY platform, workspace_id, channel_id"
                + " UNION ALL SELECT po.platform, po.workspace_id, po.channel_id, max(v.voted_at) FROM polls po"
                + " JOIN poll_votes v ON v.poll_id = po.id WHERE po.kind = 'custom'"
                + " GROUP BY po.platform, po.workspace_id, po.channel_id"
                + " UNION ALL SELECT r.platform, r.workspace_id, r.channel_id, max(rs.answered_at) FROM retros r"
                + " JOIN retro_respondents rs ON rs.retro_id = r.id GROUP BY r.platform, r.workspace_id, r.channel_id"
                + ") GROUP BY platform, workspace_id, channel_id";
        return database.read(connection -> {
            java.util.Map<ConversationRef, Instant> last = new java.util.HashMap<>();
            for (var row : Sql.list(connection, sql, row -> java.util.Map.entry(ref(row),
                    Instant.ofEpochMilli(row.getLong(4))))) {
                last.put(row.getKey(), row.getValue());
            }
            return last;
        });
    }

    @Override
    public java.util.Map<ConversationRef, Integer> peopleByChannel(Instant from, Instant to) {
        String sql = "SELECT platform, workspace_id, channel_id, count(DISTINCT who) FROM ("
                + " SELECT p.platform, p.workspace_id, p.channel_id, 'u:' || a.user_id AS who"
                + " FROM prompt_answers a JOIN prompts p ON p.id = a.prompt_id"
                + " WHERE a.answered_at >= ?1 AND a.answered_at < ?2"
                + " UNION ALL SELECT po.platform, po.workspace_id, po.channel_id, " + VOTE_WHO
                + " FROM poll_votes v JOIN polls po ON po.id = v.poll_id WHERE v.voted_at >= ?1 AND v.voted_at < ?2"
                + " UNION ALL SELECT r.platform, r.workspace_id, r.channel_id,"
                + " CASE WHEN r.anonymous = 1 THEN 'r:' || rs.id ELSE 'u:' || rs.respondent_key END"
                + " FROM retro_respondents rs JOIN retros r ON r.id = rs.retro_id"
                + " WHERE rs.answered_at >= ?1 AND rs.answered_at < ?2"
                + ") GROUP BY platform, workspace_id, channel_id";
        java.util.Map<ConversationRef, Integer> people = new java.util.HashMap<>();
        database.read(connection -> Sql.list(connection, sql, row -> people.put(ref(row), row.getInt(4)),
                from.toEpochMilli(), to.toEpochMilli()));
        return people;
    }

    @Override
    public List<CellTotals> cellTotals(String pack, Instant from, Instant to) {
        // Whole units (a prompt, a principle poll, a retro's principle) inside the range come from the report_units
        // rollup (V6); the few units with answers on both sides of an edge are counted from their raw rows.
        String inRange = "CASE u.kind"
                + " WHEN 'prompt' THEN (SELECT %1$s FROM prompt_answers a WHERE a.prompt_id = u.unit_id"
                + " AND a.answered_at >= ?2 AND a.answered_at < ?3)"
                + " WHEN 'poll' THEN (SELECT %2$s FROM poll_votes v WHERE v.poll_id = u.unit_id"
                + " AND v.voted_at >= ?2 AND v.voted_at < ?3)"
                + " ELSE (SELECT %3$s FROM retro_ratings rr WHERE rr.retro_id = u.unit_id"
                + " AND rr.principle_number = u.principle AND rr.rated_at >= ?2 AND rr.rated_at < ?3) END";
        String sql = "SELECT platform, workspace_id, channel_id, principle, max(n), sum(n), sum(s), sum(n) FROM ("
                + " SELECT platform, workspace_id, channel_id, principle, n, s FROM report_units"
                + " WHERE pack = ?1 AND first_at >= ?2 AND first_at < ?3 AND last_at < ?3 AND hidden_open = 0"
                + " UNION ALL"
                + " SELECT platform, workspace_id, channel_id, principle, "
                + String.format(inRange, "count(*)", "count(*)", "count(*)") + " AS n, "
                + String.format(inRange, "sum(" + ANSWER_SCORE + ")", "sum(v.position + 1)", "sum(rr.score)") + " AS s"
                + " FROM report_units u WHERE pack = ?1 AND last_at >= ?2 AND first_at < ?3"
                + " AND (first_at < ?2 OR last_at >= ?3) AND hidden_open = 0"
                + ") WHERE n > 0 GROUP BY platform, workspace_id, channel_id, principle";
        return database.read(connection -> Sql.list(connection, sql,
                row -> new CellTotals(ref(row), row.getInt(4), row.getInt(5), row.getInt(6), row.getLong(7),
                        row.getInt(8)),
                pack, from.toEpochMilli(), to.toEpochMilli()));
    }

    @Override
    public List<EvidenceNote> notes(ConversationRef channel, String pack, Instant from, Instant to) {
        return database.read(connection -> Sql.list(connection,
                "SELECT p.principle_number, n.answer, n.note, n.created_at FROM prompts p"
                        + " JOIN prompt_notes n ON n.prompt_id = p.id"
                        + " WHERE p.platform = ? AND p.workspace_id = ? AND p.channel_id = ? AND p.pack = ?"
                        + " AND +n.created_at >= ? AND +n.created_at < ? ORDER BY n.created_at DESC, n.id DESC",
                row -> new EvidenceNote(row.getInt(1), row.getString(2), row.getString(3),
                        Instant.ofEpochMilli(row.getLong(4))),
                channel.platform().id(), channel.workspaceId(), channel.channelId(), pack, from.toEpochMilli(),
                to.toEpochMilli()));
    }

    @Override
    public List<PollRow> polls(ConversationRef channel, Instant from, Instant to) {
        return database.read(connection -> {
            List<PollRow> polls = new ArrayList<>();
            for (PollRow poll : Sql.list(connection,
                    "SELECT * FROM polls WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND message_id IS NOT NULL"
                            + " AND created_at >= ? AND created_at < ? ORDER BY created_at DESC, id DESC",
                    row -> new PollRow(row.getLong("id"), ref(row), row.getString("kind"), row.getString("pack"),
                            (Integer) row.getObject("principle_number"), row.getString("question"),
                            row.getBoolean("anonymous"), row.getBoolean("hidden"),
                            Instant.ofEpochMilli(row.getLong("created_at")), instant(row, "closed_at"), List.of(),
                            List.of()),
                    channel.platform().id(), channel.workspaceId(), channel.channelId(), from.toEpochMilli(),
                    to.toEpochMilli())) {
                List<String> labels = new ArrayList<>();
                List<Integer> counts = new ArrayList<>();
                Sql.list(connection, "SELECT o.label, (SELECT count(*) FROM poll_votes v WHERE v.poll_id = o.poll_id"
                                + " AND v.position = o.position) FROM poll_options o WHERE o.poll_id = ? ORDER BY o.position",
                        row -> labels.add(row.getString(1)) && counts.add(row.getInt(2)), poll.id());
                polls.add(new PollRow(poll.id(), poll.channel(), poll.kind(), poll.pack(), poll.principle(),
                        poll.question(), poll.anonymous(), poll.hidden(), poll.createdAt(), poll.closedAt(), labels,
                        counts));
            }
            return polls;
        });
    }

    @Override
    public List<RetroRow> retros(ConversationRef channel, Instant from, Instant to) {
        return database.read(connection -> {
            List<RetroRow> retros = new ArrayList<>();
            for (RetroRow retro : Sql.list(connection,
                    "SELECT r.*, (SELECT count(*) FROM retro_respondents rs WHERE rs.retro_id = r.id) AS respondents"
                            + " FROM retros r WHERE platform = ? AND workspace_id = ? AND channel_id = ?"
                            + " AND opened_at >= ? AND opened_at < ? ORDER BY opened_at DESC, id DESC",
                    row -> new RetroRow(row.getLong("id"), ref(row), row.getString("pack"), row.getBoolean("anonymous"),
                            Instant.ofEpochMilli(row.getLong("opened_at")), instant(row, "closed_at"),
                            row.getInt("respondents"), List.of()),
                    channel.platform().id(), channel.workspaceId(), channel.channelId(), from.toEpochMilli(),
                    to.toEpochMilli())) {
                List<RetroTotals> totals = Sql.list(connection,
                        "SELECT principle_number, count(*), sum(score), min(score), max(score) FROM retro_ratings"
                                + " WHERE retro_id = ? GROUP BY principle_number ORDER BY principle_number",
                        row -> new RetroTotals(row.getInt(1), row.getInt(2), row.getLong(3), row.getInt(4), row.getInt(5)),
                        retro.id());
                retros.add(new RetroRow(retro.id(), retro.channel(), retro.pack(), retro.anonymous(), retro.openedAt(),
                        retro.closedAt(), retro.respondents(), totals));
            }
            return retros;
        });
    }

    @Override
    public List<ActionRow> openActions(Optional<ConversationRef> channel) {
        String sql = "SELECT * FROM action_items WHERE status = 'open'"
                + (channel.isPresent() ? " AND platform = ? AND workspace_id = ? AND channel_id = ?" : "")
                + " ORDER BY due_on, id";
        Object[] params = channel.map(c -> new Object[] {c.platform().id(), c.workspaceId(), c.channelId()})
                .orElse(new Object[0]);
        return database.read(connection -> Sql.list(connection, sql,
                row -> new ActionRow(row.getLong("id"), ref(row), row.getString("text"), row.getString("owner_id"),
                        row.getString("pack"), (Integer) row.getObject("principle_number"), row.getString("due_on"),
                        Instant.ofEpochMilli(row.getLong("created_at"))),
                params));
    }

    @Override
    public long exportCount(ExportKind kind, Optional<ConversationRef> channel, Instant from, Instant to) {
        String sql = switch (kind) {
            case ANSWERS -> "SELECT count(*) FROM prompt_answers a JOIN prompts p ON p.id = a.prompt_id"
                    + " WHERE a.answered_at >= ? AND a.answered_at < ?" + channelFilter("p", channel);
            case VOTES -> "SELECT count(*) FROM poll_votes v JOIN polls po ON po.id = v.poll_id"
                    + " WHERE v.voted_at >= ? AND v.voted_at < ?" + channelFilter("po", channel);
            case RATINGS -> "SELECT count(*) FROM retro_ratings rr JOIN retros r ON r.id = rr.retro_id"
                    + " WHERE rr.rated_at >= ? AND rr.rated_at < ?" + channelFilter("r", channel);
        };
        return database.read(connection -> Sql.one(connection, sql, row -> row.getLong(1),
                params(from, to, channel)).orElse(0L));
    }

    @Override
    public void export(ExportKind kind, Optional<ConversationRef> channel, Instant from, Instant to, ExportSink sink) {
        String channelName = " LEFT JOIN channels c ON c.platform = %1$s.platform AND c.workspace_id = %1$s.workspace_id"
                + " AND c.channel_id = %1$s.channel_id";
        String sql = switch (kind) {
            case ANSWERS -> "SELECT p.platform, p.workspace_id, p.channel_id, c.display_name, 0 AS group_id,"
                    + " 0 AS anonymous, 0 AS group_respondents, 0 AS hidden_open, p.pack, p.principle_number,"
                    + " p.question, a.user_id, a.answer, NULL AS position, NULL AS label, " + ANSWER_SCORE + " AS score,"
                    + " a.answered_at AS at FROM prompt_answers a JOIN prompts p ON p.id = a.prompt_id"
                    + String.format(channelName, "p")
                    + " WHERE a.answered_at >= ? AND a.answered_at < ?" + channelFilter("p", channel)
                    + " ORDER BY a.answered_at, a.id";
            case VOTES -> "SELECT po.platform, po.workspace_id, po.channel_id, c.display_name, po.id, po.anonymous,"
                    + " (SELECT count(*) FROM poll_votes x WHERE x.poll_id = po.id),"
                    + " po.hidden = 1 AND po.closed_at IS NULL, po.pack, po.principle_number, po.question, v.user_id,"
                    + " po.kind, v.position, o.label, CASE WHEN po.kind = 'principle' THEN v.position + 1 END,"
                    + " v.voted_at FROM poll_votes v JOIN polls po ON po.id = v.poll_id"
                    + " JOIN poll_options o ON o.poll_id = v.poll_id AND o.position = v.position"
                    + String.format(channelName, "po")
                    + " WHERE v.voted_at >= ? AND v.voted_at < ?" + channelFilter("po", channel)
                    + " ORDER BY v.voted_at, v.id";
            case RATINGS -> "SELECT r.platform, r.workspace_id, r.channel_id, c.display_name, r.id, r.anonymous,"
                    + " (SELECT count(*) FROM retro_respondents x WHERE x.retro_id = r.id), 0, r.pack,"
                    + " rr.principle_number, NULL, rr.user_id, NULL, NULL, NULL, rr.score, rr.rated_at"
                    + " FROM retro_ratings rr JOIN retros r ON r.id = rr.retro_id" + String.format(channelName, "r")
                    + " WHERE rr.rated_at >= ? AND rr.rated_at < ?" + channelFilter("r", channel)
                    + " ORDER BY rr.rated_at, rr.id";
        };
        database.read(connection -> {
            stream(connection, sql, sink, params(from, to, channel));
            return null;
        });
    }

    private static void stream(Connection connection, String sql, ExportSink sink, Object[] params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    sink.accept(new ExportRow(ref(row), row.getString(4), row.getLong(5), row.getBoolean(6),
                            row.getInt(7), row.getBoolean(8), row.getString(9), (Integer) row.getObject(10),
                            row.getString(11), row.getString(12), row.getString(13), (Integer) row.getObject(14),
                            row.getString(15), (Integer) row.getObject(16), Instant.ofEpochMilli(row.getLong(17))));
                }
            }
        }
    }

    private static String channelFilter(String table, Optional<ConversationRef> channel) {
        return channel.isEmpty() ? "" : " AND " + table + ".platform = ? AND " + table + ".workspace_id = ? AND "
                + table + ".channel_id = ?";
    }

    private static Object[] params(Instant from, Instant to, Optional<ConversationRef> channel) {
        return channel.map(c -> new Object[] {from.toEpochMilli(), to.toEpochMilli(), c.platform().id(),
                        c.workspaceId(), c.channelId()})
                .orElse(new Object[] {from.toEpochMilli(), to.toEpochMilli()});
    }

    private static ChannelRow channelRow(ResultSet row) throws SQLException {
        return new ChannelRow(ref(row), row.getString("pack"), row.getString("display_name"),
                (Integer) row.getObject("member_count"));
    }

    private static ConversationRef ref(ResultSet row) throws SQLException {
        return new ConversationRef(Platform.fromId(row.getString("platform")), row.getString("workspace_id"),
                row.getString("channel_id"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Long value = Sql.nullableLong(row, column);
        return value == null ? null : Instant.ofEpochMilli(value);
    }
}
