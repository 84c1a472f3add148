-- Microsoft Teams conversation references: where Nudge can post proactively (after a restart too). One row per
-- conversation (a channel, a group chat or a 1:1 chat), keyed by tenant and conversation id. "reference" is the Bot
-- Framework ConversationReference as JSON. For channels and group chats it holds no user; for a 1:1 chat user_id is
-- the person the chat is with. "active" is 0 once Nudge was removed or Teams refused writes (403).

CREATE TABLE teams_conversations (
    tenant_id         TEXT    NOT NULL,
    conversation_id   TEXT    NOT NULL,
    conversation_type TEXT    NOT NULL,
    service_url       TEXT    NOT NULL,
    user_id           TEXT,
    reference         TEXT    NOT NULL,
    active            INTEGER NOT NULL CHECK (active IN (0, 1)),
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id)
);
CREATE INDEX teams_conversations_by_user ON teams_conversations (tenant_id, user_id) WHERE user_id IS NOT NULL;
