// The situation service's card changes: add, edit, move, remove.
#include "situationservice.h"

#include "situationrecord.h"

#include "store/incidentrepository.h"
#include "store/situationrepository.h"

namespace sitrep {

using namespace situation;

namespace {

// "What we don't know: Which deploy broke it? (Ben)"
QString addedText(const SituationItem &item)
{
    const QString what = tr("%1: %2").arg(situationColumnLabel(item.column), item.text);
    return item.owner.isEmpty() ? what : tr("%1 (%2)").arg(what, item.owner);
}

} // namespace

Result<SituationItem> SituationService::add(qint64 incidentId, SituationColumn column, const QString &text,
                                            const QString &owner, EntrySource source)
{
    CardDraft draft;
    draft.text = text;
    draft.owner = owner;
    return addCard(incidentId, column, draft, source);
}

Result<SituationItem> SituationService::addFromText(qint64 incidentId, SituationColumn column, const QString &line,
                                                    EntrySource source)
{
    const Result<CardDraft> draft = parseCardText(line, m_ctx.now());
    if (!draft)
        return draft.error();
    return addCard(incidentId, column, draft.value(), source);
}

Result<SituationItem> SituationService::addCard(qint64 incidentId, SituationColumn column, const CardDraft &draft,
                                                EntrySource source)
{
    if (const std::optional<QString> problem = checkDraftForColumn(draft, column))
        return invalid(*problem);
    const qint64 now = m_ctx.now();
    return mutate<SituationItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<SituationItem> {
        if (!IncidentRepository(db).find(incidentId))
            return notFound(tr("There is no incident %1.").arg(incidentId));
        if (const std::optional<QString> problem = checkAnswerLinks(db, incidentId, draft.answers))
            return invalid(*problem);
        SituationRepository repo(db);
        SituationItem item;
        item.incidentId = incidentId;
        fitToColumn(item, column, now);
        applyDraft(item, draft);
        item.position = repo.nextPosition(incidentId, column);
        item.createdAt = now;
        item.updatedAt = now;
        repo.insert(item);
        ChangeLogRepository(db).record(Entity::Situation, item.id, incidentId, Operation::Insert, now);
        recordBoardChange(m_ctx, db, incidentId, addedText(item), source, now,
                          eventFor(item, BoardEventKind::Added, now));
        return item;
    });
}

Result<SituationItem> SituationService::editFromText(qint64 itemId, const QString &line, EntrySource source)
{
    const Result<CardDraft> draft = parseCardText(line, m_ctx.now());
    if (!draft)
        return draft.error();
    return edit(itemId, draft.value(), source);
}

Result<SituationItem> SituationService::edit(qint64 itemId, const CardDraft &draft, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<SituationItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<SituationItem> {
        SituationRepository repo(db);
        std::optional<SituationItem> item = repo.find(itemId);
        if (!item)
            return notFound(tr("There is no situation item %1.").arg(itemId));
        if (const std::optional<QString> problem = checkDraftForColumn(draft, item->column))
            return invalid(*problem);
        if (draft.answers.contains(itemId))
            return invalid(tr("answers: a step cannot answer itself (card %1).").arg(itemId));
        if (const std::optional<QString> problem = checkAnswerLinks(db, item->incidentId, draft.answers))
            return invalid(*problem);
        const SituationItem before = *item;
        applyDraft(*item, draft);
        // A time-box set or changed on a step under way counts from now: "check back in 10 min".
        if (item->timeBoxMs != before.timeBoxMs)
            item->boxStartedAt = item->timeBoxMs && item->state == planStateKey(PlanState::Doing)
                ? std::optional<qint64>(now) : std::nullopt;
        const QString changes = describeChanges(before, *item);
        if (changes.isEmpty())
            return invalid(tr("Nothing changed on card %1.").arg(itemId));
        item->updatedAt = now;
        repo.update(*item);
        ChangeLogRepository(db).record(Entity::Situation, item->id, item->incidentId, Operation::Update, now);
        recordBoardChange(m_ctx, db, item->incidentId,
                          tr("Edited in “%1”: %2").arg(situationColumnLabel(item->column), changes), source, now,
                          eventFor(*item, BoardEventKind::Edited, now));
        return *item;
    });
}

Result<SituationItem> SituationService::move(qint64 itemId, SituationColumn column, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<SituationItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<SituationItem> {
        SituationRepository repo(db);
        std::optional<SituationItem> item = repo.find(itemId);
        if (!item)
            return notFound(tr("There is no situation item %1.").arg(itemId));
        const SituationColumn from = item->column;
        if (from == column)
            return invalid(tr("The item is already in \"%1\".").arg(situationColumnLabel(column)));
        if (column == SituationColumn::Estimate)
            return invalid(tr("The estimate is a range, not a card: \"%1\" cannot move there.").arg(item->text));
        // The answer is part of the record of what was known when; a wrong answer is a new question.
        if (item->isAnswered())
            return invalid(tr("\"%1\" was answered (%2), so it stays known; if the answer turned out wrong, "
                              "add the question again as an unknown.")
                               .arg(item->text, item->answer));
        const QString beforeState = item->state;
        fitToColumn(*item, column, now);
        item->position = repo.nextPosition(item->incidentId, column);
        item->updatedAt = now;
        repo.update(*item);
        ChangeLogRepository(db).record(Entity::Situation, item->id, item->incidentId, Operation::Update, now);
        QString text = tr("Moved \"%1\" from %2 to %3")
                           .arg(item->text, situationColumnLabel(from), situationColumnLabel(column));
        if (!beforeState.isEmpty() && beforeState != item->state)
            text += tr(" (was %1)").arg(stateLabel(beforeState));
        recordBoardChange(m_ctx, db, item->incidentId, text, source, now, eventFor(*item, BoardEventKind::Moved, now));
        return *item;
    });
}

Result<SituationItem> SituationService::remove(qint64 itemId, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<SituationItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<SituationItem> {
        SituationRepository repo(db);
        const std::optional<SituationItem> item = repo.find(itemId);
        if (!item)
            return notFound(tr("There is no situation item %1.").arg(itemId));
        repo.remove(itemId);
        ChangeLogRepository(db).record(Entity::Situation, item->id, item->incidentId, Operation::Delete, now);
        // The entry keeps the words: the card leaves the board, not the record.
        recordBoardChange(m_ctx, db, item->incidentId,
                          tr("Removed from “%1”: %2").arg(situationColumnLabel(item->column), quoted(item->text)),
                          source, now, eventFor(*item, BoardEventKind::Removed, now));
        return *item;
    });
}

} // namespace sitrep
