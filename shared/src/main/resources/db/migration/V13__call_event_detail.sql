-- Events of a call that are not a status change (a transfer into a flow) say what they concerned:
-- the flow and its version. Never personal data.
ALTER TABLE call_events ADD COLUMN detail VARCHAR(200);
