-- Nudge's core schema. Times are epoch milliseconds (UTC). Platform ids (workspace, channel, user) are stored as the
-- platform gives them; "platform" is 'slack' or 'teams'.

CREATE TABLE channels (
    platform     TEXT    NOT NULL,
    workspace_id TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    pack         TEXT,
    joined_at    INTEGER NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id)
);

CREATE TABLE prompts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    platform         TEXT    NOT NULL,
    workspace_id     TEXT    NOT NULL,
    channel_id       TEXT    NOT NULL,
    pack             TEXT    NOT NULL,
    principle_number INTEGER NOT NULL CHECK (principle_number >= 1),
    question         TEXT    NOT NULL,
    asked_by         TEXT,
    asked_at         INTEGER NOT NULL,
    message_id       TEXT
);
CREATE INDEX prompts_by_channel ON prompts (platform, workspace_id, channel_id, pack, principle_number, asked_at);

CREATE TABLE prompt_answers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id   INTEGER NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    user_id     TEXT    NOT NULL,
    answer      TEXT    NOT NULL CHECK (answer IN ('yes', 'partly', 'not_yet')),
    answered_at INTEGER NOT NULL,
    UNIQUE (prompt_id, user_id)
);

CREATE TABLE prompt_notes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt_id  INTEGER NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
    user_id    TEXT    NOT NULL,
    answer     TEXT CHECK (answer IS NULL OR answer IN ('yes', 'partly', 'not_yet')),
    note       TEXT    NOT NULL CHECK (length(note) BETWEEN 1 AND 3000),
    created_at INTEGER NOT NULL
);
CREATE INDEX prompt_notes_by_prompt ON prompt_notes (prompt_id);

CREATE TABLE polls (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    platform         TEXT    NOT NULL,
    workspace_id     TEXT    NOT NULL,
    channel_id       TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('principle', 'custom')),
    pack             TEXT,
    principle_number INTEGER,
    question         TEXT    NOT NULL,
    anonymous        INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    hidden           INTEGER NOT NULL CHECK (hidden IN (0, 1)),
    created_by       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    closes_at        INTEGER,
    closed_at        INTEGER,
    closed_by        TEXT,
    message_id       TEXT
);
CREATE INDEX polls_to_close ON polls (closes_at) WHERE closed_at IS NULL;

CREATE TABLE poll_options (
    poll_id  INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    label    TEXT    NOT NULL,
    PRIMARY KEY (poll_id, position)
);

-- One row per voter per poll. For anonymous polls user_id is always NULL and voter_key is a keyed hash that only
-- enforces one vote per person; it is erased when the poll closes.
CREATE TABLE poll_votes (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    poll_id   INTEGER NOT NULL,
    voter_key TEXT,
    user_id   TEXT,
    position  INTEGER NOT NULL,
    voted_at  INTEGER NOT NULL,
    UNIQUE (poll_id, voter_key),
    FOREIGN KEY (poll_id, position) REFERENCES poll_options (poll_id, position) ON DELETE CASCADE
);
CREATE INDEX poll_votes_by_poll ON poll_votes (poll_id, position);

-- Platform deliveries already handled (Slack event ids), so a retried delivery is not processed twice.
CREATE TABLE processed_deliveries (
    delivery_key TEXT    PRIMARY KEY,
    seen_at      INTEGER NOT NULL
);
