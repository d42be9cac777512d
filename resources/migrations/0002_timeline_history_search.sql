-- Sitrep incident store, schema 2: the record keeps every edit, and can be searched.

-- Every change to an entry's text or time: who, when, before and after.
CREATE TABLE timeline_edits (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    entry_id  INTEGER NOT NULL REFERENCES timeline_entries (id) ON DELETE CASCADE,
    edited_at INTEGER NOT NULL,
    editor    TEXT NOT NULL DEFAULT '',
    old_text  TEXT NOT NULL,
    new_text  TEXT NOT NULL,
    old_at    INTEGER NOT NULL,
    new_at    INTEGER NOT NULL
);
CREATE INDEX timeline_edits_by_entry ON timeline_edits (entry_id, edited_at);

-- Every change to a milestone after it was stamped.
CREATE TABLE milestone_edits (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    milestone   TEXT NOT NULL CHECK (milestone IN ('started', 'detected', 'declared', 'acknowledged', 'identified', 'mitigated', 'resolved', 'closed')),
    old_at      INTEGER,
    new_at      INTEGER,
    editor      TEXT NOT NULL DEFAULT '',
    edited_at   INTEGER NOT NULL
);
CREATE INDEX milestone_edits_by_incident ON milestone_edits (incident_id, edited_at);

-- Full-text search over entry text, kept in step with the entries by triggers.
CREATE VIRTUAL TABLE timeline_search USING fts5 (
    text,
    content = 'timeline_entries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO timeline_search (rowid, text) SELECT id, text FROM timeline_entries;

CREATE TRIGGER timeline_search_insert AFTER INSERT ON timeline_entries BEGIN
    INSERT INTO timeline_search (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER timeline_search_delete AFTER DELETE ON timeline_entries BEGIN
    INSERT INTO timeline_search (timeline_search, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER timeline_search_update AFTER UPDATE OF text ON timeline_entries BEGIN
    INSERT INTO timeline_search (timeline_search, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO timeline_search (rowid, text) VALUES (new.id, new.text);
END;
