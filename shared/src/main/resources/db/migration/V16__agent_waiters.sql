-- Callers waiting for an agent: on hold in a route node's queue, or waiting for a queued
-- callback. A free agent goes to the caller it can serve who is first in line (higher priority,
-- then waiting longer); a caller whose session has not asked for an agent within the liveness
-- window is not in line (hung up, escalated, or hearing long hold music), so nobody waits for a
-- caller who is gone. callback rows outlive the caller's hang-up: the callback keeps their place.
CREATE TABLE agent_waiters (
    call_sid      VARCHAR(64) PRIMARY KEY,
    skills        TEXT[] NOT NULL DEFAULT '{}',
    priority      INT NOT NULL DEFAULT 0,
    waiting_since TIMESTAMPTZ NOT NULL,
    callback      BOOLEAN NOT NULL DEFAULT FALSE,
    asked_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX agent_waiters_line_idx ON agent_waiters (priority DESC, waiting_since, call_sid);
CREATE INDEX agent_waiters_asked_idx ON agent_waiters (asked_at);
