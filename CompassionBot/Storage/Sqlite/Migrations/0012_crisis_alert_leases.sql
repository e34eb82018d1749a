-- Clinician alerts claimed by one instance at a time: the claim that holds an alert and until when. An alert whose
-- lease has run out (its instance died mid-delivery) is claimable again; only the current claim may mark it
-- delivered or failed. next_attempt_at is again only "due at". See RelationalCrisisEventStore.
ALTER TABLE crisis_alert_outbox ADD COLUMN claimed_by TEXT;     -- claim token of the pass that holds or delivered it
ALTER TABLE crisis_alert_outbox ADD COLUMN lease_until INTEGER; -- Unix time, milliseconds; NULL when not claimed
