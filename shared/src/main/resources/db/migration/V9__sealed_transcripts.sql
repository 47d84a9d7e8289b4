-- Transcripts are personal data like the media they come from: from now on they are stored sealed
-- (the media's envelope: a data key per transcript, wrapped by the recording master key key_id).
-- Rows written before this migration keep their plain text until the re-wrap job
-- (POST /api/ops/recordings/rewrap) seals them and clears it.
ALTER TABLE transcripts ALTER COLUMN text DROP NOT NULL;
ALTER TABLE transcripts ADD COLUMN sealed BYTEA;
ALTER TABLE transcripts ADD COLUMN key_id VARCHAR(64);
ALTER TABLE transcripts ADD CONSTRAINT transcripts_text_or_sealed
    CHECK (text IS NOT NULL OR sealed IS NOT NULL);

-- The re-wrap job looks for what is not yet under the current master key.
CREATE INDEX recordings_key_id_idx ON recordings (key_id) WHERE status = 'stored';
CREATE INDEX transcripts_key_id_idx ON transcripts (key_id);
