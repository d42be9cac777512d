#!/usr/bin/env python3
"""Writes schema1.db: a store as Sitrep schema 1 left it, with a little of everything in it.

Run from this directory. The upgrade test opens a copy with the current Sitrep and checks that
nothing was lost. Keep one fixture per old schema version; never regenerate an old one with a
newer script.
"""
import os
import sqlite3

HERE = os.path.dirname(os.path.abspath(__file__))
MIGRATIONS = os.path.join(HERE, "..", "..", "..", "resources", "migrations")
T0 = 1_795_596_300_000  # 2026-11-25T08:45:00Z

path = os.path.join(HERE, "schema1.db")
if os.path.exists(path):
    os.remove(path)
db = sqlite3.connect(path)
with open(os.path.join(MIGRATIONS, "0001_init.sql"), encoding="utf-8") as f:
    db.executescript(f.read())
db.execute("INSERT INTO schema_version VALUES (1, ?, '0.1.0')", (T0,))
db.execute(
    "INSERT INTO incidents (id, uuid, title, severity, status, impact, started_at, declared_at, identified_at,"
    " updated_at) VALUES (1, '6f1c2d3e-0000-4000-8000-000000000001', 'Orders failing', 1, 'identified',"
    " 'No customer can check out', ?, ?, ?, ?)", (T0 - 300_000, T0, T0 + 600_000, T0 + 600_000))
entries = [
    (1, "system", "SEV1 declared: Orders failing", T0),
    (2, "alert", "Pager: db-primary-1 unreachable", T0 + 60_000),
    (3, "note", "Primary disk is full on db-primary-1", T0 + 300_000),
    (4, "status", "Status: Investigating → Identified", T0 + 600_000),
]
for n, kind, text, at in entries:
    db.execute(
        "INSERT INTO timeline_entries (id, uuid, incident_id, at, kind, author, text, source, created_at)"
        " VALUES (?, ?, 1, ?, ?, 'Dana', ?, 'typed', ?)",
        (n, "6f1c2d3e-0000-4000-8000-0000000001%02d" % n, at, kind, text, at))
db.execute(
    "INSERT INTO situation_items (uuid, incident_id, board_column, text, owner, state, position, created_at,"
    " updated_at) VALUES ('6f1c2d3e-0000-4000-8000-000000000201', 1, 'unknown', 'Why did the disk fill?', 'Sam',"
    " 'open', 0, ?, ?)", (T0, T0))
db.execute("INSERT INTO change_log (at, entity, entity_id, incident_id, operation) VALUES (?, 'incident', 1, 1, 'insert')", (T0,))
db.commit()
db.execute("VACUUM")
db.close()
print("wrote", path)
