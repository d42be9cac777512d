#include "scorecard.h"

#include "runbook.h" // formatTimeBox: limits read the way the scenario wrote them

#include <QCoreApplication>

#include <algorithm>

namespace sitrep {

namespace {

std::optional<qint64> earliest(std::optional<qint64> a, std::optional<qint64> b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return std::min(*a, *b);
}

std::optional<qint64> checklistTime(const QString &prefix, const QHash<QString, qint64> &done)
{
    const QString wanted = prefix.simplified();
    std::optional<qint64> best;
    for (auto it = done.constBegin(); it != done.constEnd(); ++it) {
        if (it.key().simplified().startsWith(wanted, Qt::CaseInsensitive))
            best = earliest(best, it.value());
    }
    return best;
}

std::optional<qint64> statusTime(Status status, const QHash<QString, qint64> &reached)
{
    std::optional<qint64> best;
    for (Status s : allStatuses()) {
        if (static_cast<int>(s) < static_cast<int>(status))
            continue;
        const auto it = reached.constFind(statusKey(s));
        if (it != reached.constEnd())
            best = earliest(best, it.value());
    }
    return best;
}

std::optional<qint64> measure(const DrillExpectation &e, const DrillObservations &o)
{
    switch (e.what) {
    case ExpectationKind::Acknowledge: return o.acknowledgedAfterMs;
    case ExpectationKind::FirstUpdate: return o.firstUpdateAfterMs;
    case ExpectationKind::ChecklistItem: return checklistTime(e.item, o.checklistItemDoneAfterMs);
    case ExpectationKind::Status: return e.status ? statusTime(*e.status, o.statusReachedAfterMs) : std::nullopt;
    }
    return std::nullopt;
}

ScoreTrend trendOf(const ComparisonCell &previous, const ComparisonCell &current)
{
    if (!previous.present)
        return ScoreTrend::NoPrevious;
    if (previous.measuredMs && current.measuredMs) {
        if (*current.measuredMs < *previous.measuredMs)
            return ScoreTrend::Faster;
        if (*current.measuredMs > *previous.measuredMs)
            return ScoreTrend::Slower;
        return ScoreTrend::Same;
    }
    if (current.measuredMs)
        return ScoreTrend::Faster;
    if (previous.measuredMs)
        return ScoreTrend::Slower;
    return ScoreTrend::Same;
}

} // namespace

QString describeExpectation(const DrillExpectation &e)
{
    const QString limit = formatTimeBox(e.withinMs);
    switch (e.what) {
    case ExpectationKind::Acknowledge:
        return QCoreApplication::translate("Scorecard", "Acknowledge the incident within %1").arg(limit);
    case ExpectationKind::FirstUpdate:
        return QCoreApplication::translate("Scorecard", "Send the first stakeholder update within %1").arg(limit);
    case ExpectationKind::ChecklistItem:
        return QCoreApplication::translate("Scorecard", "Tick \"%1\" within %2").arg(e.item, limit);
    case ExpectationKind::Status:
        return QCoreApplication::translate("Scorecard", "Reach \"%1\" within %2")
            .arg(e.status ? statusLabel(*e.status) : QString(), limit);
    }
    return {};
}

Scorecard scoreDrill(const QList<DrillExpectation> &expectations, const DrillObservations &observations)
{
    Scorecard card;
    for (const DrillExpectation &e : expectations) {
        ScoreLine line;
        line.expectationId = e.id;
        line.description = describeExpectation(e);
        line.limitMs = e.withinMs;
        line.measuredMs = measure(e, observations);
        line.met = line.measuredMs && *line.measuredMs <= e.withinMs;
        if (line.met)
            ++card.metCount;
        card.lines.append(line);
    }
    return card;
}

QString scoreTrendLabel(ScoreTrend trend)
{
    switch (trend) {
    case ScoreTrend::NoPrevious: return QCoreApplication::translate("Scorecard", "first run");
    case ScoreTrend::Faster: return QCoreApplication::translate("Scorecard", "faster");
    case ScoreTrend::Slower: return QCoreApplication::translate("Scorecard", "slower");
    case ScoreTrend::Same: return QCoreApplication::translate("Scorecard", "same");
    }
    return {};
}

ScorecardComparison compareScorecards(const QList<Scorecard> &runs)
{
    ScorecardComparison comparison;
    QHash<QString, qsizetype> rowOf;
    for (const Scorecard &run : runs) {
        comparison.metCounts.append(run.metCount);
        for (const ScoreLine &line : run.lines) {
            if (rowOf.contains(line.expectationId))
                continue;
            rowOf.insert(line.expectationId, comparison.rows.size());
            comparison.rows.append({line.expectationId, line.description, line.limitMs,
                                    QList<ComparisonCell>(runs.size())});
        }
    }
    for (qsizetype r = 0; r < runs.size(); ++r) {
        for (const ScoreLine &line : runs.at(r).lines) {
            ComparisonCell &cell = comparison.rows[rowOf.value(line.expectationId)].runs[r];
            cell.present = true;
            cell.measuredMs = line.measuredMs;
            cell.met = line.met;
        }
    }
    for (ComparisonRow &row : comparison.rows) {
        for (qsizetype r = 0; r < row.runs.size(); ++r) {
            ComparisonCell &cell = row.runs[r];
            if (!cell.present || r == 0)
                continue;
            const ComparisonCell &previous = row.runs.at(r - 1);
            cell.trend = trendOf(previous, cell);
            if (previous.present && previous.measuredMs && cell.measuredMs)
                cell.deltaMs = *cell.measuredMs - *previous.measuredMs;
        }
    }
    return comparison;
}

} // namespace sitrep
