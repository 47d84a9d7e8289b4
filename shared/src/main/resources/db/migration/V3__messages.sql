-- Messages, outbound (id = the sender's idempotency key) and inbound (id = Twilio's MessageSid).
-- Outbound bodies are not stored: the workflow history has them, and personal data is minimised;
-- request_hash lets the api tell a repeated request from a different one under the same key.
CREATE TABLE messages (
    id             VARCHAR(200) PRIMARY KEY,
    direction      VARCHAR(16) NOT NULL,
    message_sid    VARCHAR(64) UNIQUE,
    channel        VARCHAR(16) NOT NULL,
    from_address   VARCHAR(80),
    to_address     VARCHAR(80) NOT NULL,
    body           TEXT,
    num_media      INT NOT NULL DEFAULT 0,
    encoding       VARCHAR(8),
    segments       INT,
    status         VARCHAR(32) NOT NULL,
    status_rank    INT NOT NULL,
    error_code     INT,
    error_message  VARCHAR(500),
    request_hash   CHAR(64),
    send_at        TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX messages_created_at_idx ON messages (created_at DESC);
CREATE INDEX messages_status_idx ON messages (status, created_at DESC);
CREATE INDEX messages_to_idx ON messages (to_address, created_at DESC);

-- Every status a message went through, each once: duplicate callbacks and retried activities add
-- nothing; late ones are kept (applied = false) so that the history is complete.
CREATE TABLE message_events (
    id             BIGSERIAL PRIMARY KEY,
    message_id     VARCHAR(200) NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    status         VARCHAR(32) NOT NULL,
    status_rank    INT NOT NULL,
    error_code     INT,
    source         VARCHAR(16) NOT NULL,
    applied        BOOLEAN NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (message_id, status)
);

-- Consent per sender and recipient (bare E.164 numbers: a STOP on one channel stops them all).
CREATE TABLE opt_outs (
    sender         VARCHAR(32) NOT NULL,
    recipient      VARCHAR(32) NOT NULL,
    keyword        VARCHAR(32) NOT NULL,
    opted_out_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sender, recipient)
);
