-- Sitrep incident store, schema 6: the postmortem review and its action items.

-- One review per incident, written after the fact. Text sections are stored as typed; the
-- lists (went well, went poorly, got lucky, five whys) keep one point per line. Numbers are
-- NULL until someone knows them: "not counted" is different from zero.
CREATE TABLE postmortems (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    incident_id        INTEGER NOT NULL UNIQUE REFERENCES incidents (id) ON DELETE CASCADE,
    owner              TEXT NOT NULL DEFAULT '',
    review_status      TEXT NOT NULL DEFAULT 'draft' CHECK (review_status IN ('draft', 'in-review', 'final')),
    summary            TEXT NOT NULL DEFAULT '',
    affected_count     INTEGER CHECK (affected_count IS NULL OR affected_count >= 0),
    affected_unit      TEXT NOT NULL DEFAULT '',
    support_requests   INTEGER CHECK (support_requests IS NULL OR support_requests >= 0),
    cost_cents         INTEGER CHECK (cost_cents IS NULL OR cost_cents >= 0),
    detection          TEXT NOT NULL DEFAULT '',
    response           TEXT NOT NULL DEFAULT '',
    root_causes        TEXT NOT NULL DEFAULT '',
    trigger_text       TEXT NOT NULL DEFAULT '',
    five_whys          TEXT NOT NULL DEFAULT '',
    went_well          TEXT NOT NULL DEFAULT '',
    went_poorly        TEXT NOT NULL DEFAULT '',
    got_lucky          TEXT NOT NULL DEFAULT '',
    lessons            TEXT NOT NULL DEFAULT '',
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    updated_by         TEXT NOT NULL DEFAULT ''
);

-- Follow-up work, each with an owner. Due is a calendar date (YYYY-MM-DD), not an instant.
CREATE TABLE action_items (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    text        TEXT NOT NULL CHECK (length(text) > 0),
    owner       TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'prevent' CHECK (kind IN ('prevent', 'mitigate', 'detect', 'repair')),
    priority    INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
    due_date    TEXT NOT NULL DEFAULT '',
    tracker_url TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in-progress', 'done', 'wont-do')),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX action_items_by_incident ON action_items (incident_id, position, id);
