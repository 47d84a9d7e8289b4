-- Agents a route node can connect callers to. skills is a text array matched with array
-- containment (an agent has every skill a node asks for). A reservation takes an agent out
-- of the pool until the agent (or a supervisor) sets it available again; reservation holds the
-- request id of the session's reservation, so that a retried reservation finds the same agent.
CREATE TABLE agents (
    id           VARCHAR(64) PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    target       VARCHAR(200) NOT NULL,
    skills       TEXT[] NOT NULL DEFAULT '{}',
    priority     INT NOT NULL DEFAULT 0,
    available    BOOLEAN NOT NULL DEFAULT FALSE,
    reservation  VARCHAR(64),
    reserved_for VARCHAR(64),
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX agents_available_idx ON agents (available, priority DESC, updated_at);
CREATE INDEX agents_skills_idx ON agents USING GIN (skills);
