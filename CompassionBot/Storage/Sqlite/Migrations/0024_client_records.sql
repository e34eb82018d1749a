-- What is recorded for a linked client, and the clinician's alert inbox; see Clinicians/Clients/ClientRecordStore and
-- Clinicians/Clients/ClinicianAlertStore. Ids, names of practices and signals, ratings and instants: no message text
-- (a crisis event keeps its own only when Safety:RecordMessageText is on). Twin of the PostgreSQL 0024.
CREATE TABLE client_practice_sessions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id       TEXT    NOT NULL REFERENCES clients (id),
    channel_id      TEXT    NOT NULL,
    practice_id     TEXT    NOT NULL,
    family          TEXT    NOT NULL,
    started_at      INTEGER NOT NULL, -- Unix time, milliseconds
    ended_at        INTEGER NOT NULL,
    outcome         TEXT    NOT NULL, -- completed, abandoned, not-resonating
    distress_before INTEGER,          -- 0-10
    distress_after  INTEGER,
    resonance       TEXT,             -- helpful, neutral, not-for-me
    signals         TEXT    NOT NULL  -- engagement signal names, comma-separated
);
-- A session is one practice begun at one instant: a turn retried after a state conflict records it once.
CREATE UNIQUE INDEX client_practice_sessions_once ON client_practice_sessions (client_id, started_at, practice_id);

-- Crisis and concern events of a linked client; what happened next is the event's outcome (crisis_events). The event
-- may still be held in memory while the database refused writes, so there is no foreign key to it.
CREATE TABLE client_safety_events (
    event_id    TEXT    NOT NULL PRIMARY KEY,
    client_id   TEXT    NOT NULL REFERENCES clients (id),
    level       TEXT    NOT NULL, -- crisis, concern
    occurred_at INTEGER NOT NULL
);
CREATE INDEX client_safety_events_by_client ON client_safety_events (client_id, occurred_at);

-- The clinician's alert inbox (beside the webhook): crisis, concern and unanswered check-ins, acknowledged with a note.
CREATE TABLE clinician_alerts (
    id              TEXT    NOT NULL PRIMARY KEY, -- the crisis event id, or the notification's id
    clinician       TEXT    NOT NULL,
    client_id       TEXT    NOT NULL REFERENCES clients (id),
    kind            TEXT    NOT NULL,             -- crisis, concern, unanswered-checkins
    occurred_at     INTEGER NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at INTEGER,
    note            TEXT                          -- the clinician's short note (at most 500 characters)
);
CREATE INDEX clinician_alerts_inbox ON clinician_alerts (clinician, acknowledged_at, occurred_at);

-- A check-in the client answered by starting a practice ("1").
ALTER TABLE checkin_sends ADD COLUMN practice_started_at TEXT; -- ISO 8601 UTC
