-- Client records of clinicians and their links to the people who talk to the bot; see Clinicians/ClientStore and
-- Clinicians/ClientLinkStore. A client is known by a clinician-chosen alias, never a legal name. Twin of the PostgreSQL 0023.
CREATE TABLE clients (
    id         TEXT    NOT NULL PRIMARY KEY,
    clinician  TEXT    NOT NULL,             -- the API key name of the clinician the client belongs to
    alias      TEXT    NOT NULL,
    locale     TEXT    NOT NULL,
    region     TEXT    NOT NULL,             -- ISO 3166 code for crisis resources
    phone      TEXT,                         -- E.164; an SMS enrolment of this number by the clinician joins this record
    created_at INTEGER NOT NULL              -- Unix time, milliseconds
);
CREATE INDEX clients_by_clinician ON clients (clinician, alias);

-- Link codes: only a hash of the code is kept; a code is used at most once (by one person) and only before it expires.
CREATE TABLE client_link_codes (
    code_hash  TEXT    NOT NULL PRIMARY KEY, -- SHA-256 of the normalised code, hex
    client_id  TEXT    NOT NULL REFERENCES clients (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    used_by    TEXT                          -- channel id and user id of who used it (a retried turn finds its own use)
);

-- Who on which channel is a client (the person agreed to share their practice history); one client per channel user.
CREATE TABLE client_links (
    channel_id TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    client_id  TEXT    NOT NULL REFERENCES clients (id),
    linked_at  INTEGER NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX client_links_by_client ON client_links (client_id);

-- Link and consent changes, for the clinician's record: linked, unlinked, enrolled (an SMS enrolment).
CREATE TABLE client_consent_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id   TEXT    NOT NULL REFERENCES clients (id),
    change      TEXT    NOT NULL,
    channel_id  TEXT    NOT NULL,
    occurred_at INTEGER NOT NULL
);
CREATE INDEX client_consent_changes_by_client ON client_consent_changes (client_id, occurred_at);

-- The client record an SMS enrolment belongs to (NULL for enrolments made before client records).
ALTER TABLE checkin_enrolments ADD COLUMN client_id TEXT;
