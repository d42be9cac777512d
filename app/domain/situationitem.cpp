#include "situationitem.h"

#include <QCoreApplication>

namespace sitrep {

QList<SituationColumn> allSituationColumns()
{
    return {SituationColumn::Known, SituationColumn::Unknown, SituationColumn::Plan, SituationColumn::Estimate};
}

QString situationColumnKey(SituationColumn column)
{
    switch (column) {
    case SituationColumn::Known: return QStringLiteral("known");
    case SituationColumn::Unknown: return QStringLiteral("unknown");
    case SituationColumn::Plan: return QStringLiteral("plan");
    case SituationColumn::Estimate: return QStringLiteral("estimate");
    }
    return {};
}

QString situationColumnLabel(SituationColumn column)
{
    switch (column) {
    case SituationColumn::Known: return QCoreApplication::translate("SituationColumn", "What we know");
    case SituationColumn::Unknown: return QCoreApplication::translate("SituationColumn", "What we don't know");
    case SituationColumn::Plan: return QCoreApplication::translate("SituationColumn", "The plan");
    case SituationColumn::Estimate: return QCoreApplication::translate("SituationColumn", "Estimate");
    }
    return {};
}

std::optional<SituationColumn> parseSituationColumn(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (SituationColumn c : allSituationColumns()) {
        if (situationColumnKey(c) == k)
            return c;
    }
    return std::nullopt;
}

std::optional<qint64> SituationItem::timeBoxEnd() const
{
    if (!timeBoxMs || !boxStartedAt)
        return std::nullopt;
    return *boxStartedAt + *timeBoxMs;
}

} // namespace sitrep
