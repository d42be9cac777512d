#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

// What a timeline entry records. Stored by key; shown by label.
enum class EntryKind { Note, Decision, Action, Status, Alert, Communication, Checklist, Situation, System };

QString entryKindKey(EntryKind kind);
QString entryKindLabel(EntryKind kind);
std::optional<EntryKind> parseEntryKind(const QString &key);
QList<EntryKind> allEntryKinds();

// Where an entry came from, so the record says how it was captured.
enum class EntrySource { Typed, CommandLine, AlertListener, Drill, Import, System };

QString entrySourceKey(EntrySource source);
std::optional<EntrySource> parseEntrySource(const QString &key);

} // namespace sitrep
