package dev.nudge.testing;

import dev.nudge.Nudge;
import dev.nudge.config.NudgeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real Nudge server on a random loopback port with a real SQLite file, talking to a {@link FakeSlack}. */
public final class TestNudge implements AutoCloseable {
    private final NudgeConfig config;
    private final Clock clock;
    private Nudge nudge;

    public TestNudge(Path dir, FakeSlack slack) {
        this(dir, slack, Clock.systemUTC(), List.of());
    }

    public TestNudge(Path dir, FakeSlack slack, Clock clock, List<String> admins) {
        this(dir, slack, clock, admins, NudgeConfig.Schedules.defaults());
    }

    public TestNudge(Path dir, FakeSlack slack, Clock clock, List<String> admins, NudgeConfig.Schedules schedules) {
        this.clock = clock;
        this.config = new NudgeConfig("127.0.0.1", 0, dir.resolve("nudge.db"), Optional.of("admin-token-for-tests"),
                ZoneId.of("Europe/London"), "nhs", dir.resolve("principles"), Optional.empty(), admins,
                new NudgeConfig.Slack(Optional.of(SlackClient.SECRET), Optional.of("xoxb-test-token"), Optional.empty(),
                        URI.create(slack.apiUrl())), schedules);
        start();
    }

    public TestNudge(NudgeConfig config) {
        this(config, Clock.systemUTC());
    }

    public TestNudge(NudgeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        start();
    }

    public void start() {
        try {
            nudge = Nudge.start(config, clock);
        } catch (Exception e) {
            throw new AssertionError("Nudge did not start: " + e.getMessage(), e);
        }
    }

    /** Stops and starts again on the same database, as after a restart. */
    public void restart() {
        nudge.close();
        start();
    }

    public int port() {
        return nudge.port();
    }

    public NudgeConfig config() {
        return config;
    }

    /** Rows of a query on the same SQLite file, read with a separate connection. */
    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + config.database().toAbsolutePath());
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }

    public long count(String sql, Object... params) {
        return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
    }

    @Override
    public void close() {
        if (nudge != null) {
            nudge.close();
        }
    }
}
