-- Sitrep incident store, schema 4: the runbook library, the runbooks each severity gets on
-- declare, the hints of checklist steps, and drill runs with their scorecards.

-- Runbooks kept in the store, as canonical Markdown (what `runbookToMarkdown` writes), so an
-- export is exactly what a later import reads back. The slug is what scenarios and the command
-- line name ("first-response"); the bundled runbooks are offered under their file names until
-- someone edits one, which stores it here.
CREATE TABLE runbooks (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    slug       TEXT NOT NULL UNIQUE CHECK (length(slug) > 0),
    name       TEXT NOT NULL CHECK (length(name) > 0),
    markdown   TEXT NOT NULL CHECK (length(markdown) > 0),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Which runbooks attach to a new incident of each severity, in order. Rows name a slug, so a
-- bundled runbook needs no row in `runbooks` to be attached.
CREATE TABLE severity_runbooks (
    severity     INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
    runbook_slug TEXT NOT NULL CHECK (length(runbook_slug) > 0),
    position     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (severity, runbook_slug)
);
INSERT INTO severity_runbooks (severity, runbook_slug, position) VALUES (1, 'first-response', 0);
INSERT INTO severity_runbooks (severity, runbook_slug, position) VALUES (2, 'first-response', 0);
INSERT INTO severity_runbooks (severity, runbook_slug, position) VALUES (3, 'first-response', 0);
INSERT INTO severity_runbooks (severity, runbook_slug, position) VALUES (4, 'first-response', 0);

-- Incidents that have had their severity's runbooks attached. A row is written in the same
-- transaction as the attaching, so two windows on one store never attach twice; incidents
-- from before this schema count as done.
CREATE TABLE declare_runbooks (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
    attached_at INTEGER NOT NULL
);
INSERT INTO declare_runbooks (incident_id, attached_at) SELECT id, updated_at FROM incidents;

ALTER TABLE checklists ADD COLUMN runbook_slug TEXT NOT NULL DEFAULT '';
ALTER TABLE checklist_items ADD COLUMN owner_role TEXT NOT NULL DEFAULT '';
ALTER TABLE checklist_items ADD COLUMN time_box_ms INTEGER CHECK (time_box_ms IS NULL OR time_box_ms > 0);
ALTER TABLE checklist_items ADD COLUMN link TEXT NOT NULL DEFAULT '';

-- One row per drill: the scenario as it was played, the speed, and, once ended, the scorecard
-- (JSON) frozen at the end. Runs with the same scenario title are compared side by side.
CREATE TABLE drill_runs (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    incident_id   INTEGER NOT NULL UNIQUE REFERENCES incidents (id) ON DELETE CASCADE,
    scenario      TEXT NOT NULL CHECK (length(scenario) > 0),
    scenario_json TEXT NOT NULL,
    speed         REAL NOT NULL CHECK (speed > 0),
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,
    scorecard     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX drill_runs_by_scenario ON drill_runs (scenario, started_at);
