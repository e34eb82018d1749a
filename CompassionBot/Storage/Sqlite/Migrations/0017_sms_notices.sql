-- When the one short notice (who we are, the crisis line) went to a number without an opt-in; NULL until it has.
-- Nothing more is sent to that number until it is enrolled. See Sms/SmsUnenrolledResponder.
ALTER TABLE sms_contacts ADD COLUMN notice_sent_at TEXT NULL; -- ISO 8601 UTC
