-- Sitrep incident store, schema 5: stakeholder updates, their channels and the outbox.
-- Webhook URLs in `target` are secrets: they are read only to send, and shown masked.

-- The channels a new incident starts with (`sitrep channel add`).
CREATE TABLE channel_defaults (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    audience   TEXT NOT NULL CHECK (length(audience) > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('clipboard', 'email', 'slack', 'mattermost', 'teams', 'teams-workflow')),
    target     TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

-- Who hears from us about one incident; `template` picks the wording the composer starts from.
CREATE TABLE update_audiences (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    template    TEXT NOT NULL DEFAULT 'custom' CHECK (template IN ('responders', 'executives', 'customers', 'custom')),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    UNIQUE (incident_id, name)
);

-- Where an audience's updates go. Removed channels are kept so old messages still name them.
CREATE TABLE update_channels (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    audience_id INTEGER NOT NULL REFERENCES update_audiences (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('clipboard', 'email', 'slack', 'mattermost', 'teams', 'teams-workflow')),
    target      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    removed_at  INTEGER
);
CREATE INDEX update_channels_by_audience ON update_channels (audience_id);

-- One update as sent to one audience: what it said and what it promised.
CREATE TABLE stakeholder_updates (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    incident_id    INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    audience_id    INTEGER NOT NULL REFERENCES update_audiences (id) ON DELETE CASCADE,
    audience_name  TEXT NOT NULL,
    kind           TEXT NOT NULL DEFAULT 'update' CHECK (kind IN ('update', 'all-clear')),
    body           TEXT NOT NULL CHECK (length(body) > 0),
    severity       INTEGER NOT NULL,
    status         TEXT NOT NULL,
    next_update_at INTEGER,
    next_stated    INTEGER NOT NULL DEFAULT 0 CHECK (next_stated IN (0, 1)),
    drill          INTEGER NOT NULL DEFAULT 0 CHECK (drill IN (0, 1)),
    author         TEXT NOT NULL DEFAULT '',
    sent_at        INTEGER NOT NULL
);
CREATE INDEX stakeholder_updates_by_incident ON stakeholder_updates (incident_id, sent_at);

-- One message to one channel, with its delivery state. The payload is built once, when the
-- update is sent, so every retry carries the same bytes.
CREATE TABLE outbox_messages (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    update_id       INTEGER NOT NULL REFERENCES stakeholder_updates (id) ON DELETE CASCADE,
    channel_id      INTEGER REFERENCES update_channels (id) ON DELETE SET NULL,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL DEFAULT '',
    payload         BLOB NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'delivered', 'failed', 'local')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    lease_until     INTEGER,
    delivered_at    INTEGER,
    reason          TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX outbox_by_state ON outbox_messages (state, next_attempt_at);
CREATE INDEX outbox_by_update ON outbox_messages (update_id);

-- Every try, for the record and for the postmortem: when, what came back.
CREATE TABLE outbox_attempts (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES outbox_messages (id) ON DELETE CASCADE,
    attempt     INTEGER NOT NULL,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    http_status INTEGER NOT NULL DEFAULT 0,
    verdict     TEXT NOT NULL CHECK (verdict IN ('delivered', 'retry', 'failed')),
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_attempts_by_message ON outbox_attempts (message_id, attempt);

-- What the lead was typing, saved as typed so a crash loses no words.
CREATE TABLE update_drafts (
    audience_id INTEGER NOT NULL REFERENCES update_audiences (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('update', 'all-clear')),
    body        TEXT NOT NULL,
    next_text   TEXT NOT NULL DEFAULT '',
    saved_at    INTEGER NOT NULL,
    PRIMARY KEY (audience_id, kind)
);

-- An all-clear deliberately not sent, and why.
CREATE TABLE allclear_dismissals (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    incident_id  INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    dismissed_by TEXT NOT NULL DEFAULT '',
    dismissed_at INTEGER NOT NULL
);
