-- Leased claims on check-in sends, so several instances can share the scheduler; see CheckIns/CheckInStore.Sends.
-- status gains 'sending' (handed to Twilio) and 'unconfirmed' (the sender died during the call; never re-sent).
ALTER TABLE checkin_sends ADD COLUMN claimed_by TEXT NULL;  -- instance that holds the claim
ALTER TABLE checkin_sends ADD COLUMN lease_until TEXT NULL; -- ISO 8601 UTC; the claim may be taken over after it
ALTER TABLE checkin_sends ADD COLUMN message_sid TEXT NULL; -- Twilio message SID(s) once accepted, comma-separated
