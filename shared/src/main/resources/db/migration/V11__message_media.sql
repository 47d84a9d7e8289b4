-- Media of inbound messages (MMS, WhatsApp): a row per MediaUrlN of the webhook, written pending by
-- the api and settled by InboundMessageWorkflow. A stored medium is in the recording store
-- (storage_ref), sealed like recordings under its own data key wrapped by master key key_id; size
-- and digest are of the plaintext, checked when it was stored. A refused medium was never fetched
-- (its URL is not on Twilio's media hosts); the URL is kept so that operators can see what was
-- refused. Twilio's copy is deleted once ours is stored, unless configured otherwise.
CREATE TABLE message_media (
    message_id         VARCHAR(200) NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    media_index        INT NOT NULL,
    source_url         VARCHAR(2000) NOT NULL,
    content_type       VARCHAR(255),
    state              VARCHAR(16) NOT NULL,
    reason             VARCHAR(500),
    size_bytes         BIGINT,
    sha256             CHAR(64),
    storage_ref        VARCHAR(300),
    key_id             VARCHAR(64),
    twilio_deleted_at  TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_id, media_index)
);

-- Every time a medium is served decrypted through the API, and to whom (the API key's id).
CREATE TABLE message_media_access_audit (
    id                 BIGSERIAL PRIMARY KEY,
    message_id         VARCHAR(200) NOT NULL,
    media_index        INT NOT NULL,
    principal          VARCHAR(200) NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX message_media_access_audit_message_idx ON message_media_access_audit (message_id);
