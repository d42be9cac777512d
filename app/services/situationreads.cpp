// The situation service's reads: the cards, the estimates and how they held up, the board's
// history and the board rebuilt from it.
#include "situationservice.h"

#include "situationrecord.h"

#include "domain/briefing.h"
#include "domain/metrics.h"
#include "store/boardeventrepository.h"
#include "store/estimaterepository.h"
#include "store/incidentrepository.h"
#include "store/situationrepository.h"

#include <algorithm>

namespace sitrep {

using namespace situation;

Result<QList<SituationItem>> SituationService::items(qint64 incidentId) const
{
    return query<QList<SituationItem>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<SituationItem>> {
        return SituationRepository(db).forIncident(incidentId);
    });
}

Result<SituationItem> SituationService::item(qint64 itemId) const
{
    return query<SituationItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<SituationItem> {
        if (auto i = SituationRepository(db).find(itemId))
            return *i;
        return notFound(tr("There is no situation item %1.").arg(itemId));
    });
}

Result<QList<Estimate>> SituationService::estimates(qint64 incidentId) const
{
    return query<QList<Estimate>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<Estimate>> {
        return EstimateRepository(db).forIncident(incidentId);
    });
}

Result<std::optional<Estimate>> SituationService::currentEstimate(qint64 incidentId) const
{
    return query<std::optional<Estimate>>(m_ctx, [&](const QSqlDatabase &db) -> Result<std::optional<Estimate>> {
        return EstimateRepository(db).latest(incidentId);
    });
}

Result<EstimateReview> SituationService::estimateReview(qint64 incidentId) const
{
    return query<EstimateReview>(m_ctx, [&](const QSqlDatabase &db) -> Result<EstimateReview> {
        const std::optional<Incident> incident = IncidentRepository(db).find(incidentId);
        if (!incident)
            return notFound(tr("There is no incident %1.").arg(incidentId));
        // Restored is when the impact ended, as the metrics define it: the first of mitigated,
        // resolved or closed.
        EstimateReview review;
        const IncidentMetrics metrics = computeMetrics(*incident, m_ctx.now());
        if (metrics.impactEndedBy)
            review.restoredAt = incident->milestone(*metrics.impactEndedBy);
        if (review.restoredAt)
            review.revisions = assessEstimates(EstimateRepository(db).forIncident(incidentId), *review.restoredAt);
        return review;
    });
}

Result<QList<BoardEvent>> SituationService::history(qint64 incidentId) const
{
    return query<QList<BoardEvent>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<BoardEvent>> {
        return BoardEventRepository(db).forIncident(incidentId);
    });
}

Result<BoardSnapshot> SituationService::boardAsOf(qint64 incidentId, qint64 atMs) const
{
    const Result<QList<BoardEvent>> events = history(incidentId);
    if (!events)
        return events.error();
    return sitrep::boardAsOf(events.value(), atMs);
}

Result<BoardSnapshot> SituationService::board(qint64 incidentId) const
{
    return query<BoardSnapshot>(m_ctx, [&](const QSqlDatabase &db) -> Result<BoardSnapshot> {
        QList<SituationItem> cards = SituationRepository(db).forIncident(incidentId);
        // Columns in the order cards arrived in them, as the history replays them.
        std::stable_sort(cards.begin(), cards.end(),
                         [](const SituationItem &a, const SituationItem &b) { return a.position < b.position; });
        BoardSnapshot snapshot;
        for (const SituationItem &c : std::as_const(cards)) {
            const SnapshotCard card{c.uuid, c.text, c.owner, c.state, c.answer, c.tag};
            switch (c.column) {
            case SituationColumn::Known: snapshot.known.append(card); break;
            case SituationColumn::Unknown: snapshot.unknown.append(card); break;
            case SituationColumn::Plan: snapshot.plan.append(card); break;
            case SituationColumn::Estimate: break; // written before estimates were ranges
            }
        }
        snapshot.estimate = EstimateRepository(db).latest(incidentId);
        return snapshot;
    });
}

Result<std::optional<qint64>> SituationService::boardTimeOfEntry(qint64 entryId) const
{
    return query<std::optional<qint64>>(m_ctx, [&](const QSqlDatabase &db) -> Result<std::optional<qint64>> {
        return BoardEventRepository(db).timeOfEntry(entryId);
    });
}

Result<QString> SituationService::briefing(qint64 incidentId, std::optional<qint64> asOfMs, bool utc) const
{
    const Result<QString> title = query<QString>(m_ctx, [&](const QSqlDatabase &db) -> Result<QString> {
        const std::optional<Incident> incident = IncidentRepository(db).find(incidentId);
        if (!incident)
            return notFound(tr("There is no incident %1.").arg(incidentId));
        return incident->title;
    });
    if (!title)
        return title.error();
    const Result<BoardSnapshot> snapshot = asOfMs ? boardAsOf(incidentId, *asOfMs) : board(incidentId);
    if (!snapshot)
        return snapshot.error();
    return composeBriefing(snapshot.value(), title.value(), asOfMs.value_or(m_ctx.now()), utc);
}

} // namespace sitrep
