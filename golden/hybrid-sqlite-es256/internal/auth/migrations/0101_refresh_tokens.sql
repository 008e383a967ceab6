-- 0001: refresh-token families of the hybrid strategy (SECURITY.md H-1).
-- Append-only: never edit a migration that has shipped; add 0002_... instead.
-- Times are Unix nanoseconds (UTC); NULL means "not yet".
CREATE TABLE refresh_tokens (
    id           TEXT    PRIMARY KEY,
    family_id    TEXT    NOT NULL,
    parent_id    TEXT,
    user_id      TEXT    NOT NULL,
    client_kind  TEXT    NOT NULL CHECK (client_kind IN ('browser', 'mobile')),
    device       TEXT    NOT NULL DEFAULT '',
    scope        TEXT    NOT NULL DEFAULT '',
    token_hash   BLOB    NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX refresh_tokens_family  ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user    ON refresh_tokens (user_id, revoked_at);
CREATE INDEX refresh_tokens_parent  ON refresh_tokens (parent_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

-- Logout-everywhere cutoff (H-10): access tokens issued before it are
-- rejected by first-party verification (Auth.RequireUser).
CREATE TABLE refresh_user_cutoffs (
    user_id            TEXT    PRIMARY KEY,
    tokens_valid_after INTEGER NOT NULL
);
