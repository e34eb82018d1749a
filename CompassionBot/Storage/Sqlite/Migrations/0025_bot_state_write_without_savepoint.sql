-- Twin of the PostgreSQL 0025 (bot_state_write without a subtransaction per call): nothing to change on SQLite, where
-- SqliteStateWriter checks each ETag expectation in its own statement.
SELECT 1;
