-- Events beside Twilio's statuses (a transfer into a flow, a queued callback asked for, its agent,
-- its outbound call) say more about themselves here: the flow and its version, the node, the
-- agent, the outbound call's key. Never a phone number: the calls row has those.
ALTER TABLE call_events ADD COLUMN detail VARCHAR(200);
