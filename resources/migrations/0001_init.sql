-- Sitrep incident store, schema 1.
-- Times are UTC epoch milliseconds. Every entity has a local integer key and a UUID.
-- Statements end with a semicolon at the end of a line; trigger bodies run from BEGIN to END;.

CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    applied_at  INTEGER NOT NULL,
    app_version TEXT NOT NULL
);

CREATE TABLE incidents (
    id                    INTEGER PRIMARY KEY,
    uuid                  TEXT NOT NULL UNIQUE,
    title                 TEXT NOT NULL CHECK (length(title) > 0),
    severity              INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
    status                TEXT NOT NULL CHECK (status IN ('investigating', 'identified', 'mitigated', 'resolved', 'closed')),
    impact                TEXT NOT NULL DEFAULT '',
    started_at            INTEGER NOT NULL,
    detected_at           INTEGER,
    declared_at           INTEGER NOT NULL,
    acknowledged_at       INTEGER,
    identified_at         INTEGER,
    mitigated_at          INTEGER,
    resolved_at           INTEGER,
    closed_at             INTEGER,
    deadline_at           INTEGER,
    cost_per_minute_cents INTEGER CHECK (cost_per_minute_cents IS NULL OR cost_per_minute_cents >= 0),
    drill                 INTEGER NOT NULL DEFAULT 0 CHECK (drill IN (0, 1)),
    updated_at            INTEGER NOT NULL
);
CREATE INDEX incidents_updated ON incidents (updated_at);

CREATE TABLE incident_roles (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('commander', 'communications', 'operations', 'scribe', 'subject-expert', 'customer-liaison')),
    person      TEXT NOT NULL CHECK (length(person) > 0),
    assigned_at INTEGER NOT NULL,
    UNIQUE (incident_id, role, person)
);

CREATE TABLE timeline_entries (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    incident_id    INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at             INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('note', 'decision', 'action', 'status', 'alert', 'communication', 'checklist', 'situation', 'system')),
    author         TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL CHECK (length(text) > 0),
    source         TEXT NOT NULL DEFAULT 'typed',
    pinned         INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    internal       INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
    retracted_at   INTEGER,
    retract_reason TEXT NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL
);
CREATE INDEX timeline_by_incident ON timeline_entries (incident_id, at, id);

CREATE TABLE situation_items (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    board_column TEXT NOT NULL CHECK (board_column IN ('known', 'unknown', 'plan', 'estimate')),
    text        TEXT NOT NULL CHECK (length(text) > 0),
    owner       TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX situation_by_incident ON situation_items (incident_id, board_column, position);

CREATE TABLE checklists (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    attached_at INTEGER NOT NULL
);

CREATE TABLE checklist_items (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    checklist_id INTEGER NOT NULL REFERENCES checklists (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    section      TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL CHECK (length(text) > 0),
    depth        INTEGER NOT NULL DEFAULT 0,
    state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'skipped')),
    done_by      TEXT NOT NULL DEFAULT '',
    done_at      INTEGER,
    skip_reason  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checklist_items_by_list ON checklist_items (checklist_id, position);

-- Written in the same transaction as every change; other windows and processes read it from
-- their last sequence number to update incrementally.
CREATE TABLE change_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    incident_id INTEGER,
    operation   TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete'))
);
