-- The workflow run that last moved an outbound message. A message is forward-only within a run;
-- a newer run (an operator's reset or retry of a failed delivery) is a new attempt, which may move
-- a failed message on to its real outcome, while writes still arriving from the superseded run
-- are kept as history only.
ALTER TABLE messages ADD COLUMN run_id VARCHAR(64);
