-- The durable inbox: every webhook whose signature we accepted, committed before we answer, with
-- what we answered and whether it reached its workflow. Raw parameters carry personal data
-- (numbers, bodies): readable only through the authenticated API, never logged.
CREATE TABLE webhook_events (
    id                 BIGSERIAL PRIMARY KEY,
    received_at        TIMESTAMPTZ NOT NULL,
    kind               VARCHAR(32) NOT NULL,
    path               VARCHAR(500) NOT NULL,
    dedupe_key         VARCHAR(200) NOT NULL UNIQUE,
    account_sid        VARCHAR(64),
    call_sid           VARCHAR(64),
    message_sid        VARCHAR(64),
    recording_sid      VARCHAR(64),
    workflow_id        VARCHAR(300),
    params             JSONB NOT NULL,
    headers            JSONB NOT NULL,
    dispatch_state     VARCHAR(16) NOT NULL,
    dispatch_attempts  INT NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ,
    dispatched_at      TIMESTAMPTZ,
    last_error         VARCHAR(1000),
    response_status    INT,
    response_type      VARCHAR(100),
    response_body      TEXT
);

-- The relay's work list, in order per workflow.
CREATE INDEX webhook_events_pending_idx ON webhook_events (next_attempt_at, id)
    WHERE dispatch_state = 'PENDING';
CREATE INDEX webhook_events_workflow_idx ON webhook_events (workflow_id, id)
    WHERE dispatch_state = 'PENDING';
CREATE INDEX webhook_events_received_idx ON webhook_events (received_at DESC);
CREATE INDEX webhook_events_call_idx ON webhook_events (call_sid) WHERE call_sid IS NOT NULL;
CREATE INDEX webhook_events_message_idx ON webhook_events (message_sid) WHERE message_sid IS NOT NULL;
