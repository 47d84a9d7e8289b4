-- When an inbound message's body was erased by the body retention (its text is personal data the
-- REST API serves; the row, its numbers' status history and its media rows stay). The partial
-- index keeps the sweep's search to the bodies still held.
ALTER TABLE messages ADD COLUMN body_erased_at TIMESTAMPTZ;

CREATE INDEX messages_inbound_body_idx ON messages (created_at)
    WHERE direction = 'inbound' AND body IS NOT NULL;
