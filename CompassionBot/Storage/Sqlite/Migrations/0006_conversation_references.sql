-- Conversation references for proactive messages, one per channel and conversation (Bot Framework channels).
CREATE TABLE IF NOT EXISTS conversation_references (
    channel_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    reference TEXT NOT NULL,
    service_url_verified INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_delivery TEXT NULL,
    PRIMARY KEY (channel_id, conversation_id)
) WITHOUT ROWID;
