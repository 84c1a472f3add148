-- Reports. No rollup table is needed at 1,000,000 answers (docs/BENCHMARKS.md, "Reports"): the heatmap adds up
-- answers per prompt, votes per poll and ratings per retro straight from these covering indexes, and the per-channel
-- reads use the channel indexes.

-- Polls per channel (the channel report, trends, the polls list); without this they scan every poll.
CREATE INDEX polls_by_channel ON polls (platform, workspace_id, channel_id, created_at);

-- The time indexes of V5, widened to cover what the heatmap reads so it never visits the tables' rows. Same names
-- and the same first column, so whatever used them before (retention) still can.
DROP INDEX prompt_answers_by_time;
CREATE INDEX prompt_answers_by_time ON prompt_answers (answered_at, prompt_id, answer);
DROP INDEX poll_votes_by_time;
CREATE INDEX poll_votes_by_time ON poll_votes (voted_at, poll_id, position);
DROP INDEX retro_ratings_by_time;
CREATE INDEX retro_ratings_by_time ON retro_ratings (rated_at, retro_id, principle_number, score);
