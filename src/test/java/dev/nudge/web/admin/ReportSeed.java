package dev.nudge.web.admin;

import dev.nudge.testing.TestNudge;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Known report data written straight into a test Nudge's SQLite file, as the bot would have stored it:
 * <ul>
 *   <li>Team Alpha (Slack C-ALPHA, 9 members): principle 1 answered by 4 people in each of three weeks, two weeks
 *       apart from each other by 7 days (scores 2.0, 3.0, 4.5); principle 2 by only 2 people (not enough answers);
 *       principle 3 by exactly 3 people (yes, yes, partly: 4.3). A named principle poll on principle 4 with 3
 *       votes (4, 5, 5), an anonymous custom poll with 2 votes, an anonymous retro where 2 people rated
 *       principle 5 (not enough answers), a named one where U1-U3 rated principle 6 (3, 4, 5: 4.0), and one open
 *       action.</li>
 *   <li>Team &lt;Beta&gt; (Slack C-BETA): principle 1 answered by 3 people (all yes: 5.0).</li>
 * </ul>
 */
final class ReportSeed {
    static final String ALPHA = "C-ALPHA";
    static final String BETA = "C-BETA";
    static final String ALPHA_NAME = "Team Alpha";
    static final String BETA_NAME = "Team <Beta>";
    static final String ACTION = "Put the weekly numbers on the team board";

    private ReportSeed() {
    }

    /** The "now" the last seed counted back from. */
    static volatile Instant seededAt;

    static void seed(TestNudge nudge) {
        Instant now = Instant.now();
        seededAt = now;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + nudge.config().database().toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            channel(connection, ALPHA, ALPHA_NAME, 9, now);
            channel(connection, BETA, BETA_NAME, null, now);
            // Principle 1: three weeks, 4 people each.
            answers(connection, ALPHA, 1, now.minus(Duration.ofDays(15)), "not_yet", "not_yet", "partly", "partly");
            answers(connection, ALPHA, 1, now.minus(Duration.ofDays(8)), "partly", "partly", "partly", "partly");
            answers(connection, ALPHA, 1, now.minus(Duration.ofHours(2)), "yes", "yes", "yes", "partly");
            answers(connection, ALPHA, 2, now.minus(Duration.ofHours(3)), "yes", "partly");
            answers(connection, ALPHA, 3, now.minus(Duration.ofHours(4)), "yes", "yes", "partly");
            answers(connection, BETA, 1, now.minus(Duration.ofHours(5)), "yes", "yes", "yes");

            long principlePoll = poll(connection, ALPHA, "principle", 4, "How well did we work in the open?",
                    false, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), "1", "2", "3", "4", "5");
            vote(connection, principlePoll, "U1", 3, now.minus(Duration.ofDays(2)));
            vote(connection, principlePoll, "U2", 4, now.minus(Duration.ofDays(2)));
            vote(connection, principlePoll, "U3", 4, now.minus(Duration.ofDays(2)));
            long anonymous = poll(connection, ALPHA, "custom", null, "Retro on Tuesday or Thursday?", true,
                    now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)), "Tuesday", "Thursday");
            vote(connection, anonymous, null, 0, now.minus(Duration.ofDays(3)));
            vote(connection, anonymous, null, 1, now.minus(Duration.ofDays(3)));

            retro(connection, true, 5, now.minus(Duration.ofDays(4)), 2, 4);
            retro(connection, false, 6, now.minus(Duration.ofDays(4)), 3, 4, 5);

            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO action_items (platform,"
                    + " workspace_id, channel_id, text, owner_id, pack, principle_number, due_on, created_by,"
                    + " created_at) VALUES ('slack', 'T1', ?, ?, 'U9', 'nhs', 1, ?, 'U9', ?)")) {
                insert.setString(1, ALPHA);
                insert.setString(2, ACTION);
                insert.setString(3, LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString());
                insert.setLong(4, now.minus(Duration.ofDays(5)).toEpochMilli());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new AssertionError("seeding report data failed", e);
        }
    }

    private static void channel(Connection connection, String id, String name, Integer members, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO channels (platform, workspace_id,"
                + " channel_id, pack, joined_at, display_name, member_count) VALUES ('slack', 'T1', ?, 'nhs', ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, now.minus(Duration.ofDays(90)).toEpochMilli());
            insert.setString(3, name);
            insert.setObject(4, members);
            insert.executeUpdate();
        }
    }

    /** One prompt on {@code principle} at {@code at}, answered by U1, U2, ... in order. */
    private static void answers(Connection connection, String channel, int principle, Instant at, String... answers)
            throws SQLException {
        long prompt;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO prompts (platform, workspace_id,"
                + " channel_id, pack, principle_number, question, asked_by, asked_at) VALUES ('slack', 'T1', ?, 'nhs',"
                + " ?, 'Have you measured this week?', 'U0', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, channel);
            insert.setInt(2, principle);
            insert.setLong(3, at.minusSeconds(60).toEpochMilli());
            insert.executeUpdate();
            prompt = key(insert);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO prompt_answers (prompt_id, user_id,"
                + " answer, answered_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < answers.length; i++) {
                insert.setLong(1, prompt);
                insert.setString(2, "U" + (i + 1));
                insert.setString(3, answers[i]);
                insert.setLong(4, at.toEpochMilli());
                insert.executeUpdate();
            }
        }
    }

    private static long poll(Connection connection, String channel, String kind, Integer principle, String question,
                             boolean anonymous, Instant created, Instant closed, String... options) throws SQLException {
        long poll;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO polls (platform, workspace_id,"
                + " channel_id, kind, pack, principle_number, question, anonymous, hidden, created_by, created_at,"
                + " closed_at, message_id) VALUES ('slack', 'T1', ?, ?, 'nhs', ?, ?, ?, 0, 'U0', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, channel);
            insert.setString(2, kind);
            insert.setObject(3, principle);
            insert.setString(4, question);
            insert.setInt(5, anonymous ? 1 : 0);
            insert.setLong(6, created.toEpochMilli());
            insert.setLong(7, closed.toEpochMilli());
            insert.setString(8, "ts-" + question.hashCode());
            insert.executeUpdate();
            poll = key(insert);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO poll_options (poll_id, position,"
                + " label) VALUES (?, ?, ?)")) {
            for (int i = 0; i < options.length; i++) {
                insert.setLong(1, poll);
                insert.setInt(2, i);
                insert.setString(3, options[i]);
                insert.executeUpdate();
            }
        }
        return poll;
    }

    /** A closed retro in Team Alpha where each respondent rated {@code principle}; named ones are U1, U2, ... */
    private static void retro(Connection connection, boolean anonymous, int principle, Instant at, int... scores)
            throws SQLException {
        long retro;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO retros (platform, workspace_id,"
                + " channel_id, pack, anonymous, opened_by, opened_at, closed_at, closed_by) VALUES ('slack', 'T1', ?,"
                + " 'nhs', ?, 'U0', ?, ?, 'U0')", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, ALPHA);
            insert.setInt(2, anonymous ? 1 : 0);
            insert.setLong(3, at.toEpochMilli());
            insert.setLong(4, at.plus(Duration.ofHours(1)).toEpochMilli());
            insert.executeUpdate();
            retro = key(insert);
        }
        for (int i = 0; i < scores.length; i++) {
            String user = anonymous ? null : "U" + (i + 1);
            long respondent;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO retro_respondents (retro_id,"
                    + " respondent_key, answered_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, retro);
                insert.setString(2, user);
                insert.setLong(3, at.plusSeconds(60).toEpochMilli());
                insert.executeUpdate();
                respondent = key(insert);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO retro_ratings (retro_id,"
                    + " respondent_id, user_id, principle_number, score, rated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, retro);
                insert.setLong(2, respondent);
                insert.setString(3, user);
                insert.setInt(4, principle);
                insert.setInt(5, scores[i]);
                insert.setLong(6, at.plusSeconds(60).toEpochMilli());
                insert.executeUpdate();
            }
        }
    }

    private static void vote(Connection connection, long poll, String user, int position, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO poll_votes (poll_id, voter_key,"
                + " user_id, position, voted_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, poll);
            insert.setString(2, user == null ? null : "k-" + user);
            insert.setString(3, user);
            insert.setInt(4, position);
            insert.setLong(5, at.toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static long key(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
