-- The access log (issue #23, item 5): who read which client's data, what and when; see
-- Clinicians/Access/ClientAccessLog. Names, ids and kinds only, never message text. Twin of the PostgreSQL 0026.
CREATE TABLE client_access_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    clinician TEXT    NOT NULL,                     -- the API key's name, or the Entra ID user's name
    client_id TEXT    NOT NULL REFERENCES clients (id),
    kind      TEXT    NOT NULL,                     -- client, timeline, safety-plan, alerts, enrolment, ...
    read_at   INTEGER NOT NULL                      -- Unix time, milliseconds
);
CREATE INDEX client_access_log_by_client ON client_access_log (client_id, id);
