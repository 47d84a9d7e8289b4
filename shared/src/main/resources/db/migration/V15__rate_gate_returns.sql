-- When the last caller that could not wait in place was told to come back, plus its cost: callers
-- beyond the in-place window are given return times one cost apart, in the order they asked, so a
-- backlog returns as the gate opens instead of every waiting caller asking again at once.
ALTER TABLE rate_gates ADD COLUMN next_return_at TIMESTAMPTZ;
