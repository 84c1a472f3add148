package dev.nudge.storage;

import dev.nudge.retention.RetentionRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention deletes in batches, each its own short transaction, so votes and answers arriving meanwhile wait
 * milliseconds for the write lock rather than the length of a large purge.
 */
public final class JdbcRetention implements RetentionRepository {
    /** Table, then the condition that makes a row old, with one "?" for the cutoff. Children before parents. */
    private static final List<String[]> STEPS = List.of(
            new String[] {"prompt_answers", "answered_at < ?"},
            new String[] {"prompt_notes", "created_at < ?"},
            new String[] {"poll_votes", "voted_at < ?"},
            new String[] {"retro_ratings", "rated_at < ?"},
            new String[] {"retro_notes", "created_at < ?"},
            new String[] {"action_items", "status <> 'open' AND closed_at < ?"},
            new String[] {"prompts", "asked_at < ? AND NOT EXISTS (SELECT 1 FROM prompt_answers a WHERE a.prompt_id = prompts.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM prompt_notes n WHERE n.prompt_id = prompts.id)"},
            new String[] {"polls", "closed_at < ? AND NOT EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = polls.id)"},
            new String[] {"retros", "closed_at < ? AND NOT EXISTS (SELECT 1 FROM retro_ratings r WHERE r.retro_id = retros.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM retro_notes n WHERE n.retro_id = retros.id)"});

    private final Database database;

    public JdbcRetention(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, Integer> deleteBefore(Instant cutoff, int batch) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        long at = cutoff.toEpochMilli();
        for (String[] step : STEPS) {
            String table = step[0];
            String sql = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " WHERE " + step[1]
                    + " LIMIT ?)";
            int total = 0;
            int round;
            do {
                round = database.transaction(connection -> Sql.update(connection, sql, at, batch));
                total += round;
            } while (round == batch);
            if (total > 0) {
                deleted.put(table, total);
            }
        }
        return deleted;
    }
}
