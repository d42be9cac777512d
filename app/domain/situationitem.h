#pragma once

#include <QList>
#include <QString>
#include "ids.h"

#include <QUuid>
#include <optional>

namespace sitrep {

// The four columns of the situation board.
enum class SituationColumn { Known, Unknown, Plan, Estimate };

QString situationColumnKey(SituationColumn column);
QString situationColumnLabel(SituationColumn column);
std::optional<SituationColumn> parseSituationColumn(const QString &key);
QList<SituationColumn> allSituationColumns();

// One card on the board.
struct SituationItem
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    SituationColumn column = SituationColumn::Known;
    QString text;
    QString owner;
    QString state; // column-specific: "open"/"answered" for unknowns, "todo"/"doing"/... for plan steps
    int position = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

} // namespace sitrep
