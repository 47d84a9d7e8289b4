-- Recording consent per call. Set through the API today (PUT /api/calls/{callSid}/recording-consent)
-- and later by the flow node that asks the caller; no row means no consent.
CREATE TABLE call_consents (
    call_sid       VARCHAR(64) PRIMARY KEY,
    recording      BOOLEAN NOT NULL,
    source         VARCHAR(32) NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);

-- Our encrypted copy of a Twilio recording; the id is Twilio's RecordingSid. The media is in the
-- recording store (storage_ref), AES-256-GCM under a per-recording data key wrapped by the master
-- key key_id; size and digest are of the plaintext, checked when the copy is stored.
CREATE TABLE recordings (
    id                 VARCHAR(64) PRIMARY KEY,
    call_sid           VARCHAR(64) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    duration_seconds   INT,
    size_bytes         BIGINT,
    sha256             CHAR(64),
    storage_ref        VARCHAR(300),
    key_id             VARCHAR(64),
    content_type       VARCHAR(64) NOT NULL,
    transcript_status  VARCHAR(16) NOT NULL,
    twilio_deleted_at  TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    erased_at          TIMESTAMPTZ
);

CREATE INDEX recordings_call_sid_idx ON recordings (call_sid, created_at);

-- Transcripts, one per source; erased with their recording.
CREATE TABLE transcripts (
    id                 BIGSERIAL PRIMARY KEY,
    recording_id       VARCHAR(64) NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    source             VARCHAR(16) NOT NULL,
    transcription_sid  VARCHAR(64),
    text               TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (recording_id, source)
);

-- Who listened to or erased a recording, and when. No foreign key: the trail outlives the erasure.
CREATE TABLE recording_access_audit (
    id                 BIGSERIAL PRIMARY KEY,
    recording_id       VARCHAR(64) NOT NULL,
    action             VARCHAR(16) NOT NULL,
    principal          VARCHAR(200) NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX recording_access_audit_recording_idx ON recording_access_audit (recording_id);
