-- Events beside Twilio's statuses (a queued callback asked for, its agent, its outbound call)
-- say more about themselves here. Never a phone number: the calls row has those.
ALTER TABLE call_events ADD COLUMN detail VARCHAR(200);
