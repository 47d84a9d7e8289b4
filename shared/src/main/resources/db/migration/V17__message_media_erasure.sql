-- Erasure of inbound messages' media on request (DELETE /api/messages/{id}/media): the sealed
-- copy is deleted and the row kept with state 'erased', so that the message still says what it
-- carried. The access audit says what was done: 'read' (served decrypted) or 'erase'.
ALTER TABLE message_media_access_audit ADD COLUMN action VARCHAR(16) NOT NULL DEFAULT 'read';
