-- When the gate lets its next caller act, by the acts' own spacing: the last act's time plus its
-- cost. A caller that reaches its slot late (a thread that overslept, a slow worker) must not act
-- within the cost of the caller before it, or a delayed grant and an on-time one would land
-- together at Twilio.
ALTER TABLE rate_gates ADD COLUMN next_act_at TIMESTAMPTZ;
