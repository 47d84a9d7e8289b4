-- Outbound calls (issue 6): one row per request (id = the caller's idempotency key), the CallSid of
-- its current or last attempt, and every status it went through. Each attempt's CallSid is also
-- recorded in calls/call_events like any other call. request_hash tells a repeated request from a
-- different one under the same key.
CREATE TABLE outbound_calls (
    id             VARCHAR(200) PRIMARY KEY,
    from_number    VARCHAR(64) NOT NULL,
    to_number      VARCHAR(64) NOT NULL,
    flow_name      VARCHAR(200),
    status         VARCHAR(32) NOT NULL,
    attempt        INT NOT NULL DEFAULT 0,
    seq            INT NOT NULL DEFAULT -1,
    call_sid       VARCHAR(64),
    answered_by    VARCHAR(32),
    error_code     INT,
    error_message  VARCHAR(500),
    metadata       TEXT,
    request_hash   CHAR(64),
    call_at        TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX outbound_calls_created_at_idx ON outbound_calls (created_at DESC);
CREATE INDEX outbound_calls_status_idx ON outbound_calls (status, created_at DESC);

-- Every status of an outbound call in the workflow's order (seq; the writes run concurrently), each
-- once: a retried activity adds nothing. seq 0 is the acceptance.
CREATE TABLE outbound_call_events (
    id             BIGSERIAL PRIMARY KEY,
    call_id        VARCHAR(200) NOT NULL REFERENCES outbound_calls (id) ON DELETE CASCADE,
    seq            INT NOT NULL,
    attempt        INT NOT NULL,
    call_sid       VARCHAR(64),
    status         VARCHAR(32) NOT NULL,
    answered_by    VARCHAR(32),
    error_code     INT,
    occurred_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (call_id, seq)
);

CREATE INDEX outbound_call_events_sid_idx ON outbound_call_events (call_sid);

-- Twilio Video room status callbacks (room-created, participant-connected, room-ended, …), each
-- once: Twilio's redeliveries and the inbox relay's replays add nothing.
CREATE TABLE video_room_events (
    id                BIGSERIAL PRIMARY KEY,
    room_sid          VARCHAR(64) NOT NULL,
    room_name         VARCHAR(200),
    event             VARCHAR(64) NOT NULL,
    room_status       VARCHAR(32),
    participant_sid   VARCHAR(64),
    sequence_number   INT,
    received_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (room_sid, event, participant_sid, sequence_number)
);

CREATE INDEX video_room_events_name_idx ON video_room_events (room_name, received_at);
