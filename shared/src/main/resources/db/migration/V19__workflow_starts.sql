-- Workflows the API has promised to start: committed with the request's own row (a message or an
-- outbound call) before the 202, started right after the commit off the request thread, and
-- deleted once Temporal has the workflow. What is left here (Temporal down, a crash between the
-- commit and the start) the relay starts later; the workflow id makes every start idempotent.
-- input is the workflow's argument as a Temporal payload (it holds numbers and bodies: never
-- logged, never served by the API).
CREATE TABLE workflow_starts (
    workflow_id     VARCHAR(300) PRIMARY KEY,
    kind            VARCHAR(32) NOT NULL,
    input           BYTEA NOT NULL,
    accepted_at     TIMESTAMPTZ NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      VARCHAR(1000)
);

CREATE INDEX workflow_starts_due_idx ON workflow_starts (next_attempt_at);
