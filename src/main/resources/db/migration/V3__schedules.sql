-- Reminder schedules and each time they come round. The schedules table is the source of truth; Quartz only times
-- the next occurrence and is rebuilt from here at start.

CREATE TABLE schedules (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    platform             TEXT    NOT NULL,
    workspace_id         TEXT    NOT NULL,
    channel_id           TEXT    NOT NULL,
    frequency            TEXT    NOT NULL CHECK (frequency IN ('daily', 'weekly', 'fortnightly')),
    days                 TEXT    NOT NULL,              -- e.g. MONDAY,THURSDAY
    local_time           TEXT    NOT NULL,              -- HH:MM
    time_zone            TEXT    NOT NULL,              -- IANA id
    anchor_date          TEXT    NOT NULL,              -- fortnightly counts weeks from this date's Monday
    include_weekends     INTEGER NOT NULL CHECK (include_weekends IN (0, 1)),
    calendar             TEXT    NOT NULL,
    action               TEXT    NOT NULL CHECK (action IN ('prompt', 'poll')),
    principle            TEXT,                          -- as typed; NULL rotates through the channel's principles
    poll_open_minutes    INTEGER NOT NULL,
    remind_after_minutes INTEGER,
    state                TEXT    NOT NULL CHECK (state IN ('active', 'paused')),
    created_by           TEXT    NOT NULL,
    created_at           INTEGER NOT NULL,
    checkpoint_at        INTEGER NOT NULL               -- occurrences up to here are accounted for
);
CREATE INDEX schedules_by_channel ON schedules (platform, workspace_id, channel_id);

-- One row per occurrence: the idempotency key is (schedule_id, scheduled_at). A row is written as 'claimed' before
-- anything is sent and marked 'sent' after, so a restart in between can neither lose nor repeat it.
CREATE TABLE schedule_occurrences (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    schedule_id  INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    scheduled_at INTEGER NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'missed', 'failed')),
    reason       TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    prompt_id    INTEGER,
    poll_id      INTEGER,
    message_id   TEXT,
    sent_at      INTEGER,
    remind_at    INTEGER,
    reminded_at  INTEGER,
    updated_at   INTEGER NOT NULL,
    UNIQUE (schedule_id, scheduled_at)
);
CREATE INDEX occurrences_open ON schedule_occurrences (status) WHERE status = 'claimed';
CREATE INDEX occurrences_reminders ON schedule_occurrences (remind_at) WHERE reminded_at IS NULL AND remind_at IS NOT NULL;
