-- Alerts a clinician can act on. A crisis event keeps the client's enrolment and clinician where its conversation was
-- linked to one. The outbox holds more than an event's own alert: an outcome recorded afterwards (the person said it
-- was a false alarm, a clinician closed it, ...) and notifications that are no crisis event (unanswered check-ins), each
-- row with its own Idempotency-Key (alert_id). Twin of the SQLite 0015; see RelationalCrisisEventStore.
ALTER TABLE crisis_events ADD COLUMN enrolment_id TEXT;
ALTER TABLE crisis_events ADD COLUMN clinician TEXT;

ALTER TABLE crisis_alert_outbox DROP CONSTRAINT crisis_alert_outbox_pkey;
ALTER TABLE crisis_alert_outbox ALTER COLUMN event_id DROP NOT NULL;          -- the crisis event (event and outcome alerts)
ALTER TABLE crisis_alert_outbox ADD COLUMN alert_id TEXT;                     -- the Idempotency-Key
ALTER TABLE crisis_alert_outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'event'; -- event, outcome, or a notification kind
ALTER TABLE crisis_alert_outbox ADD COLUMN outcome TEXT;                      -- outcome alerts: the outcome reported
ALTER TABLE crisis_alert_outbox ADD COLUMN outcome_at BIGINT;                 -- Unix time, milliseconds
ALTER TABLE crisis_alert_outbox ADD COLUMN enrolment_id TEXT;                 -- notifications: the enrolment, its clinician and channel
ALTER TABLE crisis_alert_outbox ADD COLUMN clinician TEXT;
ALTER TABLE crisis_alert_outbox ADD COLUMN channel_id TEXT;
ALTER TABLE crisis_alert_outbox ADD COLUMN occurred_at BIGINT;                -- when what the alert reports happened
UPDATE crisis_alert_outbox o SET alert_id = o.event_id, occurred_at = e.occurred_at FROM crisis_events e WHERE e.id = o.event_id;
ALTER TABLE crisis_alert_outbox ALTER COLUMN alert_id SET NOT NULL;
ALTER TABLE crisis_alert_outbox ALTER COLUMN occurred_at SET NOT NULL;
ALTER TABLE crisis_alert_outbox ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE crisis_alert_outbox ADD PRIMARY KEY (alert_id);
