-- One ETag-checked write of several bot-state documents, all of them or none, as one statement: PostgresStorage's
-- writes, and a turn's write that commits its conversation lock in the same round trip (PostgresTurn). Each document is
-- created (expected NULL: only while absent), overwritten (expected '*') or replaced (only while its ETag is still the
-- expected one). Returns 0 when every expectation held; otherwise the 1-based position of the first document whose
-- expectation failed, with nothing written (the inner block's savepoint is rolled back). Twin of the SQLite 0018.
CREATE FUNCTION bot_state_write(doc_keys TEXT[], doc_jsons TEXT[], new_etags TEXT[], expected_etags TEXT[], at_ms BIGINT)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    failed INTEGER := 0;
BEGIN
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
                failed := i;
                RAISE EXCEPTION 'bot_state expectation failed' USING ERRCODE = 'CB409';
            END IF;
        END LOOP;
    EXCEPTION WHEN SQLSTATE 'CB409' THEN
        RETURN failed;
    END;

    RETURN 0;
END;
$$;
