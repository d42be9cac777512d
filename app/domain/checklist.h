#pragma once

#include <QList>
#include <QString>
#include "ids.h"

#include <QUuid>
#include <optional>

namespace sitrep {

enum class ChecklistItemState { Open, Done, Skipped };

QString checklistItemStateKey(ChecklistItemState state);
std::optional<ChecklistItemState> parseChecklistItemState(const QString &key);

struct ChecklistItem
{
    qint64 id = 0;
    QUuid uuid;
    qint64 checklistId = 0;
    int position = 0;
    QString section;
    QString text;
    int depth = 0;
    ChecklistItemState state = ChecklistItemState::Open;
    QString doneBy;
    std::optional<qint64> doneAt;
    QString skipReason;
};

// A runbook attached to an incident: its items are ticked or skipped with who and when.
struct Checklist
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    QString name;
    qint64 attachedAt = 0;
    QList<ChecklistItem> items;

    int doneCount() const;
};

} // namespace sitrep
