-- Sessions of the session strategy (S-8, S-10), PostgreSQL. The key is the
-- SHA-256 of the cookie value, never the value itself (C-3). Append-only:
-- never edit this file once applied; add 0002_*.sql instead.
CREATE TABLE sessions (
    token_hash   bytea       NOT NULL PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    absolute_at  timestamptz NOT NULL,
    ip           text        NOT NULL DEFAULT '',
    user_agent   text        NOT NULL DEFAULT '',
    persistent   boolean     NOT NULL DEFAULT false
);

CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
