-- 0001: refresh-token families of the hybrid strategy (SECURITY.md H-1),
-- PostgreSQL. Append-only: never edit a migration that has shipped; add
-- 0002_... instead. NULL means "not yet".
CREATE TABLE refresh_tokens (
    id           text        PRIMARY KEY,
    family_id    text        NOT NULL,
    parent_id    text,
    user_id      text        NOT NULL,
    client_kind  text        NOT NULL CHECK (client_kind IN ('browser', 'mobile')),
    device       text        NOT NULL DEFAULT '',
    scope        text        NOT NULL DEFAULT '',
    token_hash   bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX refresh_tokens_family  ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user    ON refresh_tokens (user_id, revoked_at);
CREATE INDEX refresh_tokens_parent  ON refresh_tokens (parent_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

-- Logout-everywhere cutoff (H-10): access tokens issued before it are
-- rejected by first-party verification (Auth.RequireUser).
CREATE TABLE refresh_user_cutoffs (
    user_id            text        PRIMARY KEY,
    tokens_valid_after timestamptz NOT NULL
);
