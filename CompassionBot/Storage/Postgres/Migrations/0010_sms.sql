-- SMS contacts, consent records and inbound de-duplication; see Sms/SmsContactStore. Twin of the SQLite 0010.
-- A contact's id (not its phone number) is what conversations, state keys and logs use.
CREATE TABLE sms_contacts (
    phone          TEXT NOT NULL PRIMARY KEY, -- E.164
    contact_id     TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL,             -- ISO 8601 UTC
    opted_out_at   TEXT NULL,
    opt_out_source TEXT NULL                  -- keyword, free-text, carrier (Twilio 21610)
);

-- One row per opt-in: who recorded it, when and how the person agreed, and the exact disclosure shown.
CREATE TABLE sms_consents (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone        TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    consented_at TEXT NOT NULL,
    method       TEXT NOT NULL,
    disclosure   TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX sms_consents_phone ON sms_consents (phone);

-- Twilio retries a webhook it did not see answered; each MessageSid is processed once, whichever instance gets it.
CREATE TABLE sms_inbound (
    message_sid TEXT NOT NULL PRIMARY KEY,
    received_at TEXT NOT NULL
);
