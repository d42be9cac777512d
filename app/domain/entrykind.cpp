#include "entrykind.h"

#include <QCoreApplication>

namespace sitrep {

QList<EntryKind> allEntryKinds()
{
    return {EntryKind::Note,   EntryKind::Decision,      EntryKind::Action,
            EntryKind::Status, EntryKind::Alert,         EntryKind::Communication,
            EntryKind::Checklist, EntryKind::Situation, EntryKind::System};
}

QString entryKindKey(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Note: return QStringLiteral("note");
    case EntryKind::Decision: return QStringLiteral("decision");
    case EntryKind::Action: return QStringLiteral("action");
    case EntryKind::Status: return QStringLiteral("status");
    case EntryKind::Alert: return QStringLiteral("alert");
    case EntryKind::Communication: return QStringLiteral("communication");
    case EntryKind::Checklist: return QStringLiteral("checklist");
    case EntryKind::Situation: return QStringLiteral("situation");
    case EntryKind::System: return QStringLiteral("system");
    }
    return {};
}

QString entryKindLabel(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Note: return QCoreApplication::translate("EntryKind", "Note");
    case EntryKind::Decision: return QCoreApplication::translate("EntryKind", "Decision");
    case EntryKind::Action: return QCoreApplication::translate("EntryKind", "Action");
    case EntryKind::Status: return QCoreApplication::translate("EntryKind", "Status");
    case EntryKind::Alert: return QCoreApplication::translate("EntryKind", "Alert");
    case EntryKind::Communication: return QCoreApplication::translate("EntryKind", "Communication");
    case EntryKind::Checklist: return QCoreApplication::translate("EntryKind", "Checklist");
    case EntryKind::Situation: return QCoreApplication::translate("EntryKind", "Situation");
    case EntryKind::System: return QCoreApplication::translate("EntryKind", "System");
    }
    return {};
}

std::optional<EntryKind> parseEntryKind(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (EntryKind kind : allEntryKinds()) {
        if (entryKindKey(kind) == k)
            return kind;
    }
    return std::nullopt;
}

QString entrySourceKey(EntrySource source)
{
    switch (source) {
    case EntrySource::Typed: return QStringLiteral("typed");
    case EntrySource::CommandLine: return QStringLiteral("command-line");
    case EntrySource::AlertListener: return QStringLiteral("alert-listener");
    case EntrySource::Drill: return QStringLiteral("drill");
    case EntrySource::Import: return QStringLiteral("import");
    case EntrySource::System: return QStringLiteral("system");
    }
    return {};
}

std::optional<EntrySource> parseEntrySource(const QString &key)
{
    for (EntrySource s : {EntrySource::Typed, EntrySource::CommandLine, EntrySource::AlertListener,
                          EntrySource::Drill, EntrySource::Import, EntrySource::System}) {
        if (entrySourceKey(s) == key)
            return s;
    }
    return std::nullopt;
}

} // namespace sitrep
