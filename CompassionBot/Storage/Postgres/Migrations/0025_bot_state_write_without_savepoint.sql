-- bot_state_write (0018) without its inner block: a block with an exception handler opens a subtransaction on every
-- call, which cost about as much server time as the writes themselves on each turn. Now a failed expectation raises
-- CB409 out of the function: the statement, and the transaction it runs in, are aborted, so still nothing is written.
-- The message ends with the 1-based position of the first document whose expectation failed (PostgresStateWrite
-- reads it; a turn's lease rolls the aborted transaction back before its next statement). Twin of the SQLite 0025.
CREATE OR REPLACE FUNCTION bot_state_write(doc_keys TEXT[], doc_jsons TEXT[], new_etags TEXT[], expected_etags TEXT[], at_ms BIGINT)
RETURNS INTEGER LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 1 .. cardinality(doc_keys) LOOP
        IF expected_etags[i] IS NULL THEN
            INSERT INTO bot_state (key, json, etag, updated_at) VALUES (doc_keys[i], doc_jsons[i], new_etags[i], at_ms)
            ON CONFLICT (key) DO NOTHING;
        ELSIF expected_etags[i] = '*' THEN
            INSERT INTO bot_state (key, json, etag, updated_at) VALUES (doc_keys[i], doc_jsons[i], new_etags[i], at_ms)
            ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at;
        ELSE
            UPDATE bot_state SET json = doc_jsons[i], etag = new_etags[i], updated_at = at_ms
            WHERE key = doc_keys[i] AND etag = expected_etags[i];
        END IF;

        IF NOT FOUND THEN
            RAISE EXCEPTION 'bot_state expectation failed at %', i USING ERRCODE = 'CB409';
        END IF;
    END LOOP;

    RETURN 0;
END;
$$;
