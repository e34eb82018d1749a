-- What happened after a crisis event, for the clinician: line given (the default), the person said they are safe,
-- reached help or said it was a false alarm, a clinician closed it, or the referral could not reach them. The latest
-- outcome wins. See RelationalCrisisEventStore.
ALTER TABLE crisis_events ADD COLUMN outcome TEXT NOT NULL DEFAULT 'LineGiven';
ALTER TABLE crisis_events ADD COLUMN outcome_at BIGINT; -- Unix time, milliseconds; NULL while the outcome is the referral
