-- Message templates: one text per name and locale, with {{variable}} placeholders. A template for
-- WhatsApp may also name its approved Twilio Content template (content_sid, HX…), sent outside the
-- 24-hour session window; content_variables lists our variable names for its {{1}}, {{2}}, ….
CREATE TABLE templates (
    name              VARCHAR(100) NOT NULL,
    locale            VARCHAR(35) NOT NULL,
    body              TEXT NOT NULL,
    content_sid       VARCHAR(64),
    content_variables TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (name, locale)
);

-- Bulk sends (id = the client's idempotency key). The template is copied at acceptance, so that
-- editing it later does not change a send under way; the settings the api would otherwise put in
-- each message's workflow input are kept here for the page reader.
CREATE TABLE bulk_sends (
    id                   VARCHAR(200) PRIMARY KEY,
    template_name        VARCHAR(100) NOT NULL,
    locale               VARCHAR(35) NOT NULL,
    body                 TEXT NOT NULL,
    content_sid          VARCHAR(64),
    content_variables    TEXT,
    channel              VARCHAR(16) NOT NULL,
    from_address         VARCHAR(80) NOT NULL,
    total                INT NOT NULL,
    status_check_seconds BIGINT NOT NULL,
    quiet_start          VARCHAR(5),
    quiet_end            VARCHAR(5),
    request_hash         CHAR(64) NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL
);

-- The recipients, paged by sequence number by the BulkSendWorkflow, so that 100,000 of them never
-- sit in workflow input or history. variables is a JSON object; zone is set when quiet hours apply.
CREATE TABLE bulk_recipients (
    bulk_id     VARCHAR(200) NOT NULL REFERENCES bulk_sends (id) ON DELETE CASCADE,
    seq         INT NOT NULL,
    to_address  VARCHAR(80) NOT NULL,
    variables   TEXT NOT NULL,
    zone        VARCHAR(64),
    PRIMARY KEY (bulk_id, seq)
);
