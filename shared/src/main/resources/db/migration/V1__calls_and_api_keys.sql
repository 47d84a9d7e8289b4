-- Calls as the REST API serves them. Numbers are personal data: kept because the API must show
-- them, never logged.
CREATE TABLE calls (
    call_sid     VARCHAR(64) PRIMARY KEY,
    account_sid  VARCHAR(64) NOT NULL,
    from_number  VARCHAR(64),
    to_number    VARCHAR(64),
    direction    VARCHAR(32) NOT NULL,
    status       VARCHAR(32) NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ
);

CREATE INDEX calls_started_at_idx ON calls (started_at DESC);

-- Every status a call went through. The unique key makes the recording activity idempotent:
-- a retried activity carries the same workflow time and inserts nothing new.
CREATE TABLE call_events (
    id           BIGSERIAL PRIMARY KEY,
    call_sid     VARCHAR(64) NOT NULL REFERENCES calls (call_sid) ON DELETE CASCADE,
    status       VARCHAR(32) NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (call_sid, status, occurred_at)
);

-- API keys are stored as SHA-256 hashes of the secret; the secret is shown once, at creation.
CREATE TABLE api_keys (
    id           VARCHAR(64) PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    key_hash     CHAR(64) NOT NULL UNIQUE,
    scopes       VARCHAR(1000) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);
