-- A caller who was given an agent stays in line as served instead of leaving it: if the agent
-- does not pick up, the caller asks again and is back in their old place, not at the end. Served
-- callers hold no agent back; their row goes when their call ends (or after forget-after).
ALTER TABLE agent_waiters ADD COLUMN served BOOLEAN NOT NULL DEFAULT FALSE;
