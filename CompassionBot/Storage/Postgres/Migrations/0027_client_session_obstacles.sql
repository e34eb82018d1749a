-- What a linked client said got in the way (too-long, not-in-the-mood, wrong-kind, something-else), on the session
-- after which they were asked (the second in a row that did not resonate); NULL when not asked. Shown to the
-- clinician on the timeline and in the sessions export. Same on both providers.
ALTER TABLE client_practice_sessions ADD COLUMN obstacle TEXT NULL;
