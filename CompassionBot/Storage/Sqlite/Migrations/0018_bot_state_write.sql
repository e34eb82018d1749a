-- Twin of the PostgreSQL 0018 (bot_state_write, a function for several instances writing one database): nothing to
-- add on SQLite, where each process writes bot state through one connection and SqliteStateWriter checks each ETag
-- expectation in its own statement.
SELECT 1;
