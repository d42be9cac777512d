-- Sitrep incident store, schema 3: the situation board keeps its whole history.
-- The board's cards carry what each column needs; every change to them is a board event, so
-- the board can be rebuilt as it stood at any moment; the estimate is a range and every
-- revision is kept.

-- Known: when it became known (the owner column says from whom). Unknown: the answer once
-- given, and the time it is needed by. Plan: what the step is for (contain/fix/verify), whether
-- it is risky, how to back out of it, and an optional time-box counted from box_started_at.
ALTER TABLE situation_items ADD COLUMN known_at INTEGER;
ALTER TABLE situation_items ADD COLUMN answer TEXT NOT NULL DEFAULT '';
ALTER TABLE situation_items ADD COLUMN need_by INTEGER;
ALTER TABLE situation_items ADD COLUMN tag TEXT NOT NULL DEFAULT '' CHECK (tag IN ('', 'contain', 'fix', 'verify'));
ALTER TABLE situation_items ADD COLUMN risky INTEGER NOT NULL DEFAULT 0 CHECK (risky IN (0, 1));
ALTER TABLE situation_items ADD COLUMN back_out TEXT NOT NULL DEFAULT '';
ALTER TABLE situation_items ADD COLUMN time_box_ms INTEGER CHECK (time_box_ms IS NULL OR time_box_ms > 0);
ALTER TABLE situation_items ADD COLUMN box_started_at INTEGER;
UPDATE situation_items SET known_at = created_at WHERE board_column = 'known';

-- The unknowns a plan step should answer.
CREATE TABLE situation_links (
    plan_id    INTEGER NOT NULL REFERENCES situation_items (id) ON DELETE CASCADE,
    unknown_id INTEGER NOT NULL REFERENCES situation_items (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, unknown_id)
);
CREATE INDEX situation_links_by_unknown ON situation_links (unknown_id);

-- Every revision of the time-to-restore estimate: a range, never a single number.
CREATE TABLE estimates (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    low_ms      INTEGER NOT NULL CHECK (low_ms >= 0),
    high_ms     INTEGER NOT NULL CHECK (high_ms >= low_ms),
    confidence  TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
    basis       TEXT NOT NULL DEFAULT '',
    made_at     INTEGER NOT NULL,
    made_by     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX estimates_by_incident ON estimates (incident_id, made_at, id);

-- The board's history, replayed by domain/boardhistory: one row per change, in the same
-- transaction as the change and its timeline entry (entry_id), ordered by (at, id). Fields are
-- the card's values after the change, as BoardEvent documents them.
CREATE TABLE board_events (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    incident_id  INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at           INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('added', 'edited', 'moved', 'state', 'answered', 'removed', 'estimated')),
    item_uuid    TEXT NOT NULL DEFAULT '',
    board_column TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL DEFAULT '',
    owner        TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL DEFAULT '',
    answer       TEXT NOT NULL DEFAULT '',
    tag          TEXT NOT NULL DEFAULT '',
    estimate_id  INTEGER REFERENCES estimates (id) ON DELETE CASCADE,
    entry_id     INTEGER REFERENCES timeline_entries (id) ON DELETE SET NULL
);
CREATE INDEX board_events_by_incident ON board_events (incident_id, at, id);

-- Cards written before the board kept a history arrive at the moment they were made, so the
-- "as of" view of an older store shows them rather than an empty board.
INSERT INTO board_events (uuid, incident_id, at, kind, item_uuid, board_column, text, owner, state)
    SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
               || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
               || '-' || lower(hex(randomblob(6))),
           incident_id, created_at, 'added', uuid, board_column, text, owner, state
    FROM situation_items WHERE board_column IN ('known', 'unknown', 'plan');
