-- Direct Line conversations and their activity logs (watermark = position in the log, 1, 2, 3, ...); twin of the
-- SQLite 0005_directline. Appends lock the conversation's row, then number after MAX(watermark).
CREATE TABLE directline_conversations (
    id         TEXT   NOT NULL PRIMARY KEY,
    user_id    TEXT   NULL,
    created_at TEXT   NOT NULL, -- ISO-8601 with offset
    started    BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE directline_activities (
    conversation_id TEXT   NOT NULL,
    watermark       BIGINT NOT NULL,
    activity        TEXT   NOT NULL, -- the activity's JSON
    PRIMARY KEY (conversation_id, watermark)
);
