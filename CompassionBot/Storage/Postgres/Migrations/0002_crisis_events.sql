-- Crisis audit log (ids, level and rules; message text only when Safety:RecordMessageText is true) and the durable
-- outbox of clinician alerts: one row per event, written in the same transaction; see RelationalCrisisEventStore.
CREATE TABLE crisis_events (
    id              TEXT   NOT NULL PRIMARY KEY,
    occurred_at     BIGINT NOT NULL, -- Unix time, milliseconds
    channel_id      TEXT   NOT NULL,
    conversation_id TEXT   NOT NULL,
    level           TEXT   NOT NULL,
    rules           TEXT   NOT NULL, -- JSON array of rule ids
    region          TEXT   NOT NULL, -- ISO 3166 code whose resources were sent
    message_text    TEXT
);
CREATE INDEX crisis_events_by_conversation ON crisis_events (channel_id, conversation_id, occurred_at);

CREATE TABLE crisis_alert_outbox (
    event_id        TEXT   NOT NULL PRIMARY KEY REFERENCES crisis_events (id),
    created_at      BIGINT NOT NULL, -- Unix time, milliseconds
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    delivered_at    BIGINT,
    last_error      TEXT             -- exception type or HTTP status; never message text
);
CREATE INDEX crisis_alert_outbox_due ON crisis_alert_outbox (delivered_at, next_attempt_at);
