package dev.nudge.storage;

import java.time.Duration;
import java.time.Instant;

/** Remembers platform deliveries already handled (Slack event ids), so a retry is recognised and skipped. */
public final class JdbcDeliveries {
    private final Database database;

    public JdbcDeliveries(Database database) {
        this.database = database;
    }

    /** True the first time a key is seen, false for every repeat. */
    public boolean firstTime(String deliveryKey, Instant at) {
        return database.transaction(connection -> Sql.update(connection,
                "INSERT INTO processed_deliveries (delivery_key, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                deliveryKey, at.toEpochMilli()) == 1);
    }

    /** Forgets keys older than Slack's retry window (minutes) with a wide margin. */
    public int forgetBefore(Instant cutoff) {
        return database.transaction(connection -> Sql.update(connection,
                "DELETE FROM processed_deliveries WHERE seen_at < ?", cutoff.toEpochMilli()));
    }

    public static Duration retention() {
        return Duration.ofDays(1);
    }
}
