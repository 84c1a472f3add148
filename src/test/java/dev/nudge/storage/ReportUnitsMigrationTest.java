package dev.nudge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrading a database that already holds answers, votes and ratings fills the V6 rollup from them. */
class ReportUnitsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void upgrading_to_v6_fills_report_units_from_existing_answers_votes_and_ratings() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("nudge.db");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("5").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO prompts (id, platform, workspace_id, channel_id, pack, principle_number,"
                    + " question, asked_at) VALUES (1, 'slack', 'T1', 'C1', 'nhs', 3, 'Q?', 100)");
            sql.executeUpdate("INSERT INTO prompt_answers (prompt_id, user_id, answer, answered_at) VALUES"
                    + " (1, 'U1', 'yes', 110), (1, 'U2', 'partly', 120), (1, 'U3', 'not_yet', 130)");
            sql.executeUpdate("INSERT INTO polls (id, platform, workspace_id, channel_id, kind, pack, principle_number,"
                    + " question, anonymous, hidden, created_by, created_at) VALUES (1, 'slack', 'T1', 'C1',"
                    + " 'principle', 'nhs', 2, 'How?', 0, 1, 'U1', 100), (2, 'slack', 'T1', 'C1', 'custom', NULL,"
                    + " NULL, 'Lunch?', 0, 0, 'U1', 100)");
            sql.executeUpdate("INSERT INTO poll_options (poll_id, position, label) VALUES (1, 0, '1'), (1, 4, '5'),"
                    + " (2, 0, 'Soup')");
            sql.executeUpdate("INSERT INTO poll_votes (poll_id, voter_key, user_id, position, voted_at) VALUES"
                    + " (1, 'U1', 'U1', 4, 200), (1, 'U2', 'U2', 0, 210), (2, 'U1', 'U1', 0, 220)");
            sql.executeUpdate("INSERT INTO retros (id, platform, workspace_id, channel_id, pack, anonymous, opened_by,"
                    + " opened_at) VALUES (1, 'slack', 'T1', 'C1', 'nhs', 1, 'U1', 300)");
            sql.executeUpdate("INSERT INTO retro_respondents (id, retro_id, respondent_key, answered_at) VALUES"
                    + " (1, 1, NULL, 310), (2, 1, NULL, 320)");
            sql.executeUpdate("INSERT INTO retro_ratings (retro_id, respondent_id, principle_number, score, rated_at)"
                    + " VALUES (1, 1, 1, 4, 310), (1, 2, 1, 2, 320), (1, 1, 5, 3, 310)");
        }

        Database.open(dir.resolve("nudge.db")).close();

        List<String> units = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement();
             var rows = sql.executeQuery("SELECT kind, unit_id, principle, n, s, first_at, last_at, hidden_open"
                     + " FROM report_units ORDER BY kind, unit_id, principle")) {
            while (rows.next()) {
                units.add(rows.getString(1) + " " + rows.getLong(2) + " p" + rows.getInt(3) + " n" + rows.getInt(4)
                        + " s" + rows.getInt(5) + " " + rows.getLong(6) + "-" + rows.getLong(7) + " hidden_open="
                        + rows.getInt(8));
            }
        }
        assertThat(units).containsExactly(
                "poll 1 p2 n2 s6 200-210 hidden_open=1",
                "prompt 1 p3 n3 s9 110-130 hidden_open=0",
                "retro 1 p1 n2 s6 310-320 hidden_open=0",
                "retro 1 p5 n1 s3 310-310 hidden_open=0");
    }
}
