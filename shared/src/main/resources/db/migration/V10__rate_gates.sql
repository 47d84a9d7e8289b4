-- One row per throttled resource (a sender's number, the account's call rate). The next instant at
-- which a grant is allowed lives in PostgreSQL so that every worker process shares one gate.
CREATE TABLE rate_gates (
    gate_key      TEXT PRIMARY KEY,
    next_grant_at TIMESTAMPTZ NOT NULL
);
