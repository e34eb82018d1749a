-- Bot state documents (conversation and user state) with their ETags; see PostgresStorage.
CREATE TABLE bot_state (
    key        TEXT   NOT NULL PRIMARY KEY,
    json       TEXT   NOT NULL,
    etag       TEXT   NOT NULL,
    updated_at BIGINT NOT NULL -- Unix time, milliseconds
);
