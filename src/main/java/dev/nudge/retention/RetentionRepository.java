package dev.nudge.retention;

import java.time.Instant;
import java.util.Map;

/** Deletes answers and what they belong to once they are older than a cutoff. */
public interface RetentionRepository {
    /**
     * Deletes, in short transactions of at most {@code batch} rows, every answer, vote, retro rating and note made
     * before {@code cutoff}, then prompts, polls, retros and action items that ended before it and hold nothing
     * newer. Returns the rows deleted per table (tables with none are left out).
     */
    Map<String, Integer> deleteBefore(Instant cutoff, int batch);
}
