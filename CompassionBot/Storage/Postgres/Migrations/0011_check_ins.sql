-- Between-session check-in enrolments and their sends; see CheckIns/CheckInStore. Twin of the SQLite 0011.
CREATE TABLE checkin_enrolments (
    id                TEXT   NOT NULL PRIMARY KEY,
    phone             TEXT   NOT NULL,              -- E.164
    clinician         TEXT   NOT NULL,              -- who enrolled (API key name), told about unanswered streaks
    time_zone         TEXT   NOT NULL,              -- IANA id
    locale            TEXT   NOT NULL,
    days              TEXT   NOT NULL,              -- e.g. Mon,Wed,Fri
    local_time        TEXT   NOT NULL,              -- HH:mm
    start_date        TEXT   NOT NULL,              -- yyyy-MM-dd, recipient's calendar
    end_date          TEXT   NULL,
    status            TEXT   NOT NULL,              -- active, paused, ended
    paused_until      TEXT   NULL,                  -- ISO 8601 UTC; null while paused = until resumed
    every_nth_slot    BIGINT NOT NULL DEFAULT 1,    -- 2 after a lowered frequency: every other slot
    slots_to_skip     BIGINT NOT NULL DEFAULT 0,
    unanswered_streak BIGINT NOT NULL DEFAULT 0,
    confirmed_at      TEXT   NULL,                  -- the enrolment confirmation text was sent
    created_at        TEXT   NOT NULL,
    updated_at        TEXT   NOT NULL
);
CREATE INDEX checkin_enrolments_phone ON checkin_enrolments (phone);

-- One row per schedule slot: the primary key is the idempotency key, so a slot is claimed at most once.
CREATE TABLE checkin_sends (
    idempotency_key TEXT   NOT NULL PRIMARY KEY,     -- {enrolment id}/{slot, UTC}
    enrolment_id    TEXT   NOT NULL REFERENCES checkin_enrolments (id),
    slot_at         TEXT   NOT NULL,                 -- ISO 8601 UTC, the scheduled time
    due_at          TEXT   NOT NULL,                 -- after quiet hours
    status          TEXT   NOT NULL,                 -- claimed, sent, skipped, failed
    claimed_at      TEXT   NOT NULL,
    sent_at         TEXT   NULL,
    answered_at     TEXT   NULL,
    streak_counted  BIGINT NOT NULL DEFAULT 0        -- 1 once an unanswered send has been added to the streak
);
CREATE INDEX checkin_sends_enrolment ON checkin_sends (enrolment_id, slot_at);

-- Things the clinician should hear about (delivered by IClinicianNotifier).
CREATE TABLE clinician_notifications (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enrolment_id TEXT NOT NULL,
    clinician    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
