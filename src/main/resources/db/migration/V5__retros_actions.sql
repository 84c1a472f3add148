-- Retrospectives, action items and what reports need. Times are epoch milliseconds (UTC); dates (due_on) are ISO
-- yyyy-mm-dd in the server's time zone.

-- How many people a channel has, as the platform last told us; the denominator of "6 of 9 have answered" and of
-- participation rates. NULL when unknown.
ALTER TABLE channels ADD COLUMN member_count INTEGER;
ALTER TABLE channels ADD COLUMN member_count_at INTEGER;
-- The channel's name as the platform shows it (#team-triage), for report pages; NULL until known.
ALTER TABLE channels ADD COLUMN display_name TEXT;

CREATE TABLE retros (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    platform           TEXT    NOT NULL,
    workspace_id       TEXT    NOT NULL,
    channel_id         TEXT    NOT NULL,
    pack               TEXT    NOT NULL,
    anonymous          INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    opened_by          TEXT    NOT NULL,
    opened_at          INTEGER NOT NULL,
    closed_at          INTEGER,
    closed_by          TEXT,
    message_id         TEXT,
    summary_message_id TEXT
);
-- One open retro per channel at a time.
CREATE UNIQUE INDEX retros_one_open ON retros (platform, workspace_id, channel_id) WHERE closed_at IS NULL;
CREATE INDEX retros_by_channel ON retros (platform, workspace_id, channel_id, opened_at);

-- One row per person who answered a retro. respondent_key is the user id for named retros and a keyed hash
-- (VoterKeys) for anonymous ones; the hash only stops double answers and is set to NULL when the retro closes.
CREATE TABLE retro_respondents (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    retro_id       INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    respondent_key TEXT,
    answered_at    INTEGER NOT NULL,
    UNIQUE (retro_id, respondent_key)
);

-- A 1-5 rating of how well the team lived one principle. user_id is NULL in anonymous retros, always.
CREATE TABLE retro_ratings (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    retro_id         INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    respondent_id    INTEGER NOT NULL REFERENCES retro_respondents (id) ON DELETE CASCADE,
    user_id          TEXT,
    principle_number INTEGER NOT NULL CHECK (principle_number >= 1),
    score            INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    rated_at         INTEGER NOT NULL,
    UNIQUE (respondent_id, principle_number)
);
CREATE INDEX retro_ratings_by_retro ON retro_ratings (retro_id, principle_number);
CREATE INDEX retro_ratings_by_time ON retro_ratings (rated_at);

-- "What helped" / "what got in the way", tagged to a principle. user_id is NULL in anonymous retros, always.
CREATE TABLE retro_notes (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    retro_id         INTEGER NOT NULL REFERENCES retros (id) ON DELETE CASCADE,
    user_id          TEXT,
    kind             TEXT    NOT NULL CHECK (kind IN ('helped', 'hindered')),
    principle_number INTEGER NOT NULL CHECK (principle_number >= 1),
    note             TEXT    NOT NULL CHECK (length(note) BETWEEN 1 AND 3000),
    created_at       INTEGER NOT NULL
);
CREATE INDEX retro_notes_by_retro ON retro_notes (retro_id, principle_number);
CREATE INDEX retro_notes_by_time ON retro_notes (created_at);

-- Action items, from /nudge action or a retro summary. status: open, done or dropped; review is the last answer
-- at a retro ("not_yet" keeps it open).
CREATE TABLE action_items (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    platform         TEXT    NOT NULL,
    workspace_id     TEXT    NOT NULL,
    channel_id       TEXT    NOT NULL,
    retro_id         INTEGER REFERENCES retros (id) ON DELETE SET NULL,
    text             TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
    owner_id         TEXT    NOT NULL,
    pack             TEXT    NOT NULL,
    principle_number INTEGER CHECK (principle_number IS NULL OR principle_number >= 1),
    due_on           TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    review           TEXT    CHECK (review IS NULL OR review IN ('not_yet')),
    created_by       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    remind_at        INTEGER,
    reminded_at      INTEGER,
    closed_at        INTEGER,
    closed_by        TEXT,
    help_poll_id     INTEGER REFERENCES polls (id) ON DELETE SET NULL
);
CREATE INDEX action_items_open ON action_items (platform, workspace_id, channel_id, due_on) WHERE status = 'open';
CREATE INDEX action_items_to_remind ON action_items (remind_at) WHERE status = 'open' AND reminded_at IS NULL;

-- Reports and the retention job read answers and votes by time.
CREATE INDEX prompt_answers_by_time ON prompt_answers (answered_at);
CREATE INDEX prompt_notes_by_time ON prompt_notes (created_at);
CREATE INDEX poll_votes_by_time ON poll_votes (voted_at);
