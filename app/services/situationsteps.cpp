// The situation service's one-step moves: answer an unknown, start or finish a plan step,
// revise the estimate.
#include "situationservice.h"

#include "situationrecord.h"

#include "store/estimaterepository.h"
#include "store/incidentrepository.h"
#include "store/situationrepository.h"

namespace sitrep {

using namespace situation;

Result<SituationItem> SituationService::answer(qint64 unknownItemId, const QString &answer, EntrySource source)
{
    const QString text = answer.simplified();
    const qint64 now = m_ctx.now();
    return mutate<SituationItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<SituationItem> {
        SituationRepository repo(db);
        std::optional<SituationItem> item = repo.find(unknownItemId);
        if (!item)
            return notFound(tr("There is no situation item %1.").arg(unknownItemId));
        if (const std::optional<QString> problem = checkAnswer(*item, text))
            return invalid(tr("Card %1 (%2): %3").arg(QString::number(unknownItemId), quoted(item->text), *problem));
        fitToColumn(*item, SituationColumn::Known, now);
        item->state = unknownStateKey(UnknownState::Answered);
        item->answer = text;
        item->position = repo.nextPosition(item->incidentId, SituationColumn::Known);
        item->updatedAt = now;
        repo.update(*item);
        ChangeLogRepository(db).record(Entity::Situation, item->id, item->incidentId, Operation::Update, now);
        recordBoardChange(m_ctx, db, item->incidentId,
                          tr("Answered %1 → %2 (was open, now known)").arg(quoted(item->text), quoted(text)), source,
                          now, eventFor(*item, BoardEventKind::Answered, now));
        return *item;
    });
}

Result<SituationItem> SituationService::setPlanState(qint64 itemId, PlanState state, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<SituationItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<SituationItem> {
        SituationRepository repo(db);
        std::optional<SituationItem> item = repo.find(itemId);
        if (!item)
            return notFound(tr("There is no situation item %1.").arg(itemId));
        if (item->column != SituationColumn::Plan)
            return invalid(tr("Card %1 (%2) is not a plan step: only steps are started and finished.")
                               .arg(QString::number(itemId), quoted(item->text)));
        const PlanState from = parsePlanState(item->state).value_or(PlanState::Todo);
        if (const std::optional<QString> problem = checkPlanTransition(from, state, item->risky, item->backOut))
            return invalid(tr("Step %1 (%2): %3").arg(QString::number(itemId), quoted(item->text), *problem));
        item->state = planStateKey(state);
        // The time-box runs while the step is under way, from the moment it started.
        if (state == PlanState::Doing)
            item->boxStartedAt = item->timeBoxMs ? std::optional<qint64>(now) : std::nullopt;
        else if (state == PlanState::Todo)
            item->boxStartedAt.reset();
        item->updatedAt = now;
        repo.update(*item);
        ChangeLogRepository(db).record(Entity::Situation, item->id, item->incidentId, Operation::Update, now);
        recordBoardChange(m_ctx, db, item->incidentId,
                          tr("Plan step %1: %2 → %3").arg(quoted(item->text), planStateLabel(from), planStateLabel(state)),
                          source, now, eventFor(*item, BoardEventKind::StateChanged, now));
        return *item;
    });
}

Result<SituationItem> SituationService::advancePlanStep(qint64 itemId, EntrySource source)
{
    const Result<SituationItem> current = item(itemId);
    if (!current)
        return current.error();
    if (current->column != SituationColumn::Plan)
        return invalid(tr("Card %1 (%2) is not a plan step: only steps are started and finished.")
                           .arg(QString::number(itemId), quoted(current->text)));
    const PlanState from = parsePlanState(current->state).value_or(PlanState::Todo);
    switch (from) {
    case PlanState::Todo: return setPlanState(itemId, PlanState::Doing, source);
    case PlanState::Doing: return setPlanState(itemId, PlanState::Done, source);
    case PlanState::Done:
        return invalid(tr("Step %1 (%2) is already done; reopen it to work on it again.")
                           .arg(QString::number(itemId), quoted(current->text)));
    case PlanState::Abandoned: return setPlanState(itemId, PlanState::Doing, source); // refused, with the reason
    }
    return invalid(tr("Step %1 is in an unrecognised state.").arg(itemId));
}

Result<Estimate> SituationService::estimate(qint64 incidentId, qint64 lowMs, qint64 highMs, Confidence confidence,
                                            const QString &basis, EntrySource source)
{
    if (const std::optional<QString> problem = validateEstimate(lowMs, highMs))
        return invalid(*problem);
    const qint64 now = m_ctx.now();
    return mutate<Estimate>(m_ctx, [&](const QSqlDatabase &db) -> Result<Estimate> {
        if (!IncidentRepository(db).find(incidentId))
            return notFound(tr("There is no incident %1.").arg(incidentId));
        EstimateRepository repo(db);
        const std::optional<Estimate> before = repo.latest(incidentId);
        Estimate e;
        e.lowMs = lowMs;
        e.highMs = highMs;
        e.confidence = confidence;
        e.basis = basis.simplified();
        e.madeAt = now;
        const qint64 id = repo.insert(incidentId, e, m_ctx.user);
        ChangeLogRepository(db).record(Entity::Estimate, id, incidentId, Operation::Insert, now);

        // Times in the entry are the store machine's local time, named, like the rest of the record.
        const QString after = tr("%1, %2").arg(formatEstimate(e, false), confidencePhrase(confidence));
        QString text = before ? tr("Estimate revised: %1 → %2")
                                    .arg(tr("%1, %2").arg(formatEstimateRange(before->lowMs, before->highMs),
                                                          confidencePhrase(before->confidence)),
                                         after)
                              : tr("Estimate: %1").arg(after);
        if (!e.basis.isEmpty())
            text += QStringLiteral(" — ") + e.basis;
        BoardEvent event;
        event.at = now;
        event.kind = BoardEventKind::Estimated;
        event.column = SituationColumn::Estimate;
        event.estimate = e;
        recordBoardChange(m_ctx, db, incidentId, text, source, now, event, id);
        return e;
    });
}

} // namespace sitrep
