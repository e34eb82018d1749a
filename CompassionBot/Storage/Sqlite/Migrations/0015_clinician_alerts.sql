-- Alerts a clinician can act on. A crisis event keeps the client's enrolment and clinician where its conversation was
-- linked to one. The outbox holds more than an event's own alert: an outcome recorded afterwards (the person said it
-- was a false alarm, a clinician closed it, ...) and notifications that are no crisis event (unanswered check-ins), each
-- row with its own Idempotency-Key (alert_id). SQLite cannot change a primary key, so the outbox is rebuilt with its
-- rows. See RelationalCrisisEventStore.
ALTER TABLE crisis_events ADD COLUMN enrolment_id TEXT;
ALTER TABLE crisis_events ADD COLUMN clinician TEXT;

ALTER TABLE crisis_alert_outbox RENAME TO crisis_alert_outbox_0014;
CREATE TABLE crisis_alert_outbox (
    alert_id        TEXT    NOT NULL PRIMARY KEY,  -- the Idempotency-Key: event id, {event id}:outcome:{outcome}, or the notification's
    kind            TEXT    NOT NULL,              -- event, outcome, or a notification kind (unanswered-checkins)
    event_id        TEXT    REFERENCES crisis_events (id), -- the crisis event (event and outcome alerts)
    outcome         TEXT,                          -- outcome alerts: the outcome reported
    outcome_at      INTEGER,                       -- Unix time, milliseconds
    enrolment_id    TEXT,                          -- notifications: the enrolment, its clinician and channel
    clinician       TEXT,
    channel_id      TEXT,
    occurred_at     INTEGER NOT NULL,              -- when what the alert reports happened (Unix time, milliseconds)
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    delivered_at    INTEGER,
    last_error      TEXT,                          -- exception type or HTTP status; never message text
    claimed_by      TEXT,
    lease_until     INTEGER
);
INSERT INTO crisis_alert_outbox (alert_id, kind, event_id, occurred_at, created_at, attempts, next_attempt_at, delivered_at, last_error, claimed_by, lease_until)
    SELECT o.event_id, 'event', o.event_id, e.occurred_at, o.created_at, o.attempts, o.next_attempt_at, o.delivered_at, o.last_error, o.claimed_by, o.lease_until
    FROM crisis_alert_outbox_0014 o JOIN crisis_events e ON e.id = o.event_id;
DROP TABLE crisis_alert_outbox_0014;
CREATE INDEX crisis_alert_outbox_due ON crisis_alert_outbox (delivered_at, next_attempt_at);
