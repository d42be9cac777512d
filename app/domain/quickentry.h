#pragma once

#include "entrykind.h"
#include "incident.h"
#include "roles.h"
#include "severity.h"
#include "situationitem.h"
#include "status.h"

#include <QString>
#include <optional>

namespace sitrep {

// What a line typed into the timeline's entry box asks for.
enum class QuickAction {
    LogEntry,     // add a timeline entry of `kind` with `text`
    AddSituation, // add a card to the situation board in `column`
    SetStatus,    // move the incident to `status`
    SetSeverity,  // change the incident's `severity`
    AssignRole,   // give `role` to `person`
    Milestone,    // stamp `milestone` now
    Estimate,     // add an estimate revision: `lowMs`..`highMs`, basis in `text`
    Invalid       // the line was malformed: `error` says what was wrong
};

// The parsed form of one line of the entry box. Only the fields the action needs are set;
// the grammar is documented for users in docs/quick-entry.md.
struct QuickEntry
{
    QuickAction action = QuickAction::Invalid;
    // LogEntry: the entry's kind. Other actions: the kind of the timeline entry they record
    // (Situation for board changes, Status for changes to the incident itself).
    EntryKind kind = EntryKind::Note;
    // Pin the timeline entry the action records (leading '*').
    bool pinned = false;
    // LogEntry / AddSituation: the text. Estimate: its basis. Other commands: an optional note
    // typed after the arguments, to record with the change. Empty when Invalid.
    QString text;
    std::optional<SituationColumn> column;
    std::optional<Status> status;
    std::optional<Severity> severity;
    std::optional<Role> role;
    QString person;
    std::optional<sitrep::Milestone> milestone;
    qint64 lowMs = 0;
    qint64 highMs = 0;
    QString error; // translated, names what was wrong; empty unless Invalid

    bool isValid() const { return action != QuickAction::Invalid; }
};

// Parses one line of the entry box. Never throws; malformed input gives QuickAction::Invalid
// with a message fit to show under the box.
QuickEntry parseQuickEntry(const QString &line);

} // namespace sitrep
