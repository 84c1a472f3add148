-- Reports. The cross-team heatmap adds up a quarter of answers, votes and ratings across every team; at 1,000,000
-- answers, grouping them per prompt on the fly costs SQLite most of its time (a sort of ~100,000 rows). So this
-- rollup keeps one row per "unit" (a prompt, a principle poll, or one principle of a retro) with how many answered
-- it (n, each person at most once), the sum of their 1-5 scores (s) and the first and last answer times. Triggers
-- keep it in step with every insert, change and delete, so nothing in the application writes it. A report reads
-- whole units that fall inside its range from here, and counts the few units straddling an edge from the raw rows;
-- ReportServiceTest checks the result equals the raw computation.

CREATE TABLE report_units (
    kind         TEXT    NOT NULL CHECK (kind IN ('prompt', 'poll', 'retro')),
    unit_id      INTEGER NOT NULL,              -- prompts.id, polls.id or retros.id
    principle    INTEGER NOT NULL,
    platform     TEXT    NOT NULL,
    workspace_id TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    pack         TEXT    NOT NULL,
    hidden_open  INTEGER NOT NULL DEFAULT 0,    -- 1 while a hidden poll is open: its votes stay out of reports
    n            INTEGER NOT NULL,
    s            INTEGER NOT NULL,
    first_at     INTEGER NOT NULL,
    last_at      INTEGER NOT NULL,
    PRIMARY KEY (kind, unit_id, principle)
);
CREATE INDEX report_units_by_start ON report_units (pack, first_at, last_at, hidden_open, platform, workspace_id,
    channel_id, principle, n, s);
CREATE INDEX report_units_by_end ON report_units (pack, last_at, first_at);

-- Existing data.
INSERT INTO report_units (kind, unit_id, principle, platform, workspace_id, channel_id, pack, n, s, first_at, last_at)
SELECT 'prompt', p.id, p.principle_number, p.platform, p.workspace_id, p.channel_id, p.pack, count(*),
       sum(CASE a.answer WHEN 'yes' THEN 5 WHEN 'partly' THEN 3 ELSE 1 END), min(a.answered_at), max(a.answered_at)
FROM prompt_answers a JOIN prompts p ON p.id = a.prompt_id GROUP BY p.id;
INSERT INTO report_units (kind, unit_id, principle, platform, workspace_id, channel_id, pack, hidden_open, n, s,
                          first_at, last_at)
SELECT 'poll', po.id, po.principle_number, po.platform, po.workspace_id, po.channel_id, po.pack,
       po.hidden = 1 AND po.closed_at IS NULL, count(*), sum(v.position + 1), min(v.voted_at), max(v.voted_at)
FROM poll_votes v JOIN polls po ON po.id = v.poll_id
WHERE po.kind = 'principle' AND po.pack IS NOT NULL AND po.principle_number IS NOT NULL GROUP BY po.id;
INSERT INTO report_units (kind, unit_id, principle, platform, workspace_id, channel_id, pack, n, s, first_at, last_at)
SELECT 'retro', r.id, rr.principle_number, r.platform, r.workspace_id, r.channel_id, r.pack, count(*), sum(rr.score),
       min(rr.rated_at), max(rr.rated_at)
FROM retro_ratings rr JOIN retros r ON r.id = rr.retro_id GROUP BY r.id, rr.principle_number;

-- Prompt answers: an insert adds to its unit; a change or delete recounts the unit (a handful of rows).
CREATE TRIGGER report_units_answer_added AFTER INSERT ON prompt_answers
BEGIN
    INSERT INTO report_units (kind, unit_id, principle, platform, workspace_id, channel_id, pack, n, s, first_at,
                              last_at)
    SELECT 'prompt', p.id, p.principle_number, p.platform, p.workspace_id, p.channel_id, p.pack, 1,
           CASE NEW.answer WHEN 'yes' THEN 5 WHEN 'partly' THEN 3 ELSE 1 END, NEW.answered_at, NEW.answered_at
    FROM prompts p WHERE p.id = NEW.prompt_id
    ON CONFLICT (kind, unit_id, principle) DO UPDATE SET n = n + 1, s = s + excluded.s,
        first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at);
END;

CREATE TRIGGER report_units_answer_changed AFTER UPDATE ON prompt_answers
BEGIN
    UPDATE report_units SET
        n = (SELECT count(*) FROM prompt_answers WHERE prompt_id = NEW.prompt_id),
        s = (SELECT sum(CASE answer WHEN 'yes' THEN 5 WHEN 'partly' THEN 3 ELSE 1 END) FROM prompt_answers
             WHERE prompt_id = NEW.prompt_id),
        first_at = (SELECT min(answered_at) FROM prompt_answers WHERE prompt_id = NEW.prompt_id),
        last_at = (SELECT max(answered_at) FROM prompt_answers WHERE prompt_id = NEW.prompt_id)
    WHERE kind = 'prompt' AND unit_id = NEW.prompt_id;
END;

CREATE TRIGGER report_units_answer_removed AFTER DELETE ON prompt_answers
BEGIN
    DELETE FROM report_units WHERE kind = 'prompt' AND unit_id = OLD.prompt_id
        AND NOT EXISTS (SELECT 1 FROM prompt_answers WHERE prompt_id = OLD.prompt_id);
    UPDATE report_units SET
        n = (SELECT count(*) FROM prompt_answers WHERE prompt_id = OLD.prompt_id),
        s = (SELECT sum(CASE answer WHEN 'yes' THEN 5 WHEN 'partly' THEN 3 ELSE 1 END) FROM prompt_answers
             WHERE prompt_id = OLD.prompt_id),
        first_at = (SELECT min(answered_at) FROM prompt_answers WHERE prompt_id = OLD.prompt_id),
        last_at = (SELECT max(answered_at) FROM prompt_answers WHERE prompt_id = OLD.prompt_id)
    WHERE kind = 'prompt' AND unit_id = OLD.prompt_id;
END;

-- Principle-poll votes, the same way; custom polls have no principle and no unit.
CREATE TRIGGER report_units_vote_added AFTER INSERT ON poll_votes
BEGIN
    INSERT INTO report_units (kind, unit_id, principle, platform, workspace_id, channel_id, pack, hidden_open, n, s,
                              first_at, last_at)
    SELECT 'poll', po.id, po.principle_number, po.platform, po.workspace_id, po.channel_id, po.pack,
           po.hidden = 1 AND po.closed_at IS NULL, 1, NEW.position + 1, NEW.voted_at, NEW.voted_at
    FROM polls po WHERE po.id = NEW.poll_id AND po.kind = 'principle' AND po.pack IS NOT NULL
        AND po.principle_number IS NOT NULL
    ON CONFLICT (kind, unit_id, principle) DO UPDATE SET n = n + 1, s = s + excluded.s,
        first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at);
END;

CREATE TRIGGER report_units_vote_changed AFTER UPDATE OF position, voted_at ON poll_votes
BEGIN
    UPDATE report_units SET
        n = (SELECT count(*) FROM poll_votes WHERE poll_id = NEW.poll_id),
        s = (SELECT sum(position + 1) FROM poll_votes WHERE poll_id = NEW.poll_id),
        first_at = (SELECT min(voted_at) FROM poll_votes WHERE poll_id = NEW.poll_id),
        last_at = (SELECT max(voted_at) FROM poll_votes WHERE poll_id = NEW.poll_id)
    WHERE kind = 'poll' AND unit_id = NEW.poll_id;
END;

CREATE TRIGGER report_units_vote_removed AFTER DELETE ON poll_votes
BEGIN
    DELETE FROM report_units WHERE kind = 'poll' AND unit_id = OLD.poll_id
        AND NOT EXISTS (SELECT 1 FROM poll_votes WHERE poll_id = OLD.poll_id);
    UPDATE report_units SET
        n = (SELECT count(*) FROM poll_votes WHERE poll_id = OLD.poll_id),
        s = (SELECT sum(position + 1) FROM poll_votes WHERE poll_id = OLD.poll_id),
        first_at = (SELECT min(voted_at) FROM poll_votes WHERE poll_id = OLD.poll_id),
        last_at = (SELECT max(voted_at) FROM poll_votes WHERE poll_id = OLD.poll_id)
    WHERE kind = 'poll' AND unit_id = OLD.poll_id;
END;

-- A hidden poll's votes join the reports when it closes.
CREATE TRIGGER report_units_poll_closed AFTER UPDATE OF closed_at, hidden ON polls
BEGIN
    UPDATE report_units SET hidden_open = (NEW.hidden = 1 AND NEW.closed_at IS NULL)
    WHERE kind = 'poll' AND unit_id = NEW.id;
END;

-- Retro ratings: one unit per retro and principle.
CREATE TRIGGER report_units_rating_added AFTER INSERT ON retro_ratings
BEGIN
    INSERT INTO report_units (kind, unit_id, principle, platform, workspace_id, channel_id, pack, n, s, first_at,
                              last_at)
    SELECT 'retro', r.id, NEW.principle_number, r.platform, r.workspace_id, r.channel_id, r.pack, 1, NEW.score,
           NEW.rated_at, NEW.rated_at
    FROM retros r WHERE r.id = NEW.retro_id
    ON CONFLICT (kind, unit_id, principle) DO UPDATE SET n = n + 1, s = s + excluded.s,
        first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at);
END;

CREATE TRIGGER report_units_rating_changed AFTER UPDATE OF score, rated_at, principle_number ON retro_ratings
BEGIN
    DELETE FROM report_units WHERE kind = 'retro' AND unit_id = OLD.retro_id AND principle = OLD.principle_number
        AND NOT EXISTS (SELECT 1 FROM retro_ratings WHERE retro_id = OLD.retro_id
                        AND principle_number = OLD.principle_number);
    UPDATE report_units SET
        n = (SELECT count(*) FROM retro_ratings WHERE retro_id = OLD.retro_id AND principle_number = OLD.principle_number),
        s = (SELECT sum(score) FROM retro_ratings WHERE retro_id = OLD.retro_id AND principle_number = OLD.principle_number),
        first_at = (SELECT min(rated_at) FROM retro_ratings WHERE retro_id = OLD.retro_id
                    AND principle_number = OLD.principle_number),
        last_at = (SELECT max(rated_at) FROM retro_ratings WHERE retro_id = OLD.retro_id
                   AND principle_number = OLD.principle_number)
    WHERE kind = 'retro' AND unit_id = OLD.retro_id AND principle = OLD.principle_number;
    INSERT INTO report_units (kind, unit_id, principle, platform, workspace_id, channel_id, pack, n, s, first_at,
                              last_at)
    SELECT 'retro', r.id, NEW.principle_number, r.platform, r.workspace_id, r.channel_id, r.pack, 0, 0, 0, 0
    FROM retros r WHERE r.id = NEW.retro_id
    ON CONFLICT (kind, unit_id, principle) DO NOTHING;
    UPDATE report_units SET
        n = (SELECT count(*) FROM retro_ratings WHERE retro_id = NEW.retro_id AND principle_number = NEW.principle_number),
        s = (SELECT sum(score) FROM retro_ratings WHERE retro_id = NEW.retro_id AND principle_number = NEW.principle_number),
        first_at = (SELECT min(rated_at) FROM retro_ratings WHERE retro_id = NEW.retro_id
                    AND principle_number = NEW.principle_number),
        last_at = (SELECT max(rated_at) FROM retro_ratings WHERE retro_id = NEW.retro_id
                   AND principle_number = NEW.principle_number)
    WHERE kind = 'retro' AND unit_id = NEW.retro_id AND principle = NEW.principle_number;
END;

CREATE TRIGGER report_units_rating_removed AFTER DELETE ON retro_ratings
BEGIN
    DELETE FROM report_units WHERE kind = 'retro' AND unit_id = OLD.retro_id AND principle = OLD.principle_number
        AND NOT EXISTS (SELECT 1 FROM retro_ratings WHERE retro_id = OLD.retro_id
                        AND principle_number = OLD.principle_number);
    UPDATE report_units SET
        n = (SELECT count(*) FROM retro_ratings WHERE retro_id = OLD.retro_id AND principle_number = OLD.principle_number),
        s = (SELECT sum(score) FROM retro_ratings WHERE retro_id = OLD.retro_id AND principle_number = OLD.principle_number),
        first_at = (SELECT min(rated_at) FROM retro_ratings WHERE retro_id = OLD.retro_id
                    AND principle_number = OLD.principle_number),
        last_at = (SELECT max(rated_at) FROM retro_ratings WHERE retro_id = OLD.retro_id
                   AND principle_number = OLD.principle_number)
    WHERE kind = 'retro' AND unit_id = OLD.retro_id AND principle = OLD.principle_number;
END;

-- Belt and braces for cascades: a deleted prompt, poll or retro takes its units along.
CREATE TRIGGER report_units_prompt_deleted AFTER DELETE ON prompts
BEGIN
    DELETE FROM report_units WHERE kind = 'prompt' AND unit_id = OLD.id;
END;
CREATE TRIGGER report_units_poll_deleted AFTER DELETE ON polls
BEGIN
    DELETE FROM report_units WHERE kind = 'poll' AND unit_id = OLD.id;
END;
CREATE TRIGGER report_units_retro_deleted AFTER DELETE ON retros
BEGIN
    DELETE FROM report_units WHERE kind = 'retro' AND unit_id = OLD.id;
END;

-- Polls per channel (the channel report, trends, the polls list); without this they scan every poll.
CREATE INDEX polls_by_channel ON polls (platform, workspace_id, channel_id, created_at);
