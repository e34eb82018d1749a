-- Direct Line conversations and their activity logs (watermark = position in the log, 1, 2, 3, ...).
CREATE TABLE IF NOT EXISTS directline_conversations (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NULL,
    created_at TEXT NOT NULL,
    started INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS directline_activities (
    conversation_id TEXT NOT NULL,
    watermark INTEGER NOT NULL,
    activity TEXT NOT NULL,
    PRIMARY KEY (conversation_id, watermark)
) WITHOUT ROWID;
