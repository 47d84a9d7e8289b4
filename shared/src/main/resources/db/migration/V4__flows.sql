-- IVR flows, versioned: publishing adds a version and never changes one, so a call pinned to a
-- version at its start keeps it. definition is the flow document as JSON; definition_hash lets a
-- repeated publish of the same document return the version it already made.
CREATE TABLE flows (
    name             VARCHAR(100) NOT NULL,
    version          INT NOT NULL,
    definition       TEXT NOT NULL,
    definition_hash  CHAR(64) NOT NULL,
    published_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (name, version)
);

-- Which flow answers calls to each of our numbers (the latest version when the call starts);
-- number 'default' answers numbers without their own row.
CREATE TABLE flow_numbers (
    number      VARCHAR(32) PRIMARY KEY,
    flow_name   VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
