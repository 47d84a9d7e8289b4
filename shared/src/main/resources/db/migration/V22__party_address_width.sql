-- A party's address in a webhook is an E.164 number, a short code, a client:, whatsapp: or
-- messenger: address, or a SIP URI, and SIP URIs run past 64 characters. The columns fed from
-- webhooks take what the ingress lets through (WebhookParameterLimits.ADDRESS); a value that did
-- not fit used to fail its record activity on every retry. Widening a VARCHAR rewrites nothing.
ALTER TABLE calls ALTER COLUMN from_number TYPE VARCHAR(256);
ALTER TABLE calls ALTER COLUMN to_number TYPE VARCHAR(256);
ALTER TABLE messages ALTER COLUMN from_address TYPE VARCHAR(256);
ALTER TABLE messages ALTER COLUMN to_address TYPE VARCHAR(256);
ALTER TABLE opt_outs ALTER COLUMN sender TYPE VARCHAR(256);
ALTER TABLE opt_outs ALTER COLUMN recipient TYPE VARCHAR(256);
