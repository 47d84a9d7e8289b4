-- When the last granted caller was let act, by the gate's own spacing: a caller that reaches its
-- slot late (a thread that overslept, a slow worker) must not act within a cost of the caller
-- before it, or a delayed grant and an on-time one would land together at Twilio.
ALTER TABLE rate_gates ADD COLUMN last_act_at TIMESTAMPTZ;
