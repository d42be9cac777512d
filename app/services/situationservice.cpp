#include "situationservice.h"

#include "store/incidentrepository.h"
#include "store/situationrepository.h"

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SituationService", text);
}

QString initialState(SituationColumn column)
{
    switch (column) {
    case SituationColumn::Unknown: return QStringLiteral("open");
    case SituationColumn::Plan: return QStringLiteral("todo");
    case SituationColumn::Known:
    case SituationColumn::Estimate: return {};
    }
    return {};
}

void recordSituationEntry(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId, const QString &text,
                          EntrySource source, qint64 now)
{
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.at = now;
    entry.kind = EntryKind::Situation;
    entry.author = ctx.user;
    entry.source = source;
    entry.text = text;
    entry.createdAt = now;
    appendEntry(db, entry);
}

} // namespace

Result<SituationItem> SituationService::add(qint64 incidentId, SituationColumn column, const QString &text,
                                            const QString &owner, EntrySource source)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return invalid(tr("The card is empty: type what we know, what we don't, or the step."));
    const qint64 now = m_ctx.now();
    return mutate<SituationItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<SituationItem> {
        if (!IncidentRepository(db).find(incidentId))
            return notFound(tr("There is no incident %1.").arg(incidentId));
        SituationRepository repo(db);
        SituationItem item;
        item.incidentId = incidentId;
        item.column = column;
        item.text = body;
        item.owner = owner.trimmed();
        item.state = initialState(column);
        item.position = repo.nextPosition(incidentId, column);
        item.createdAt = now;
        item.updatedAt = now;
        repo.insert(item);
        ChangeLogRepository(db).record(Entity::Situation, item.id, incidentId, Operation::Insert, now);
        recordSituationEntry(m_ctx, db, incidentId,
                             tr("%1: %2").arg(situationColumnLabel(column), body), source, now);
        return item;
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
        item->column = column;
        item->state = initialState(column);
        item->position = repo.nextPosition(item->incidentId, column);
        item->updatedAt = now;
        repo.update(*item);
        ChangeLogRepository(db).record(Entity::Situation, item->id, item->incidentId, Operation::Update, now);
        recordSituationEntry(m_ctx, db, item->incidentId,
                             tr("Moved \"%1\" from %2 to %3")
                                 .arg(item->text, situationColumnLabel(from), situationColumnLabel(column)),
                             source, now);
        return *item;
    });
}

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

} // namespace sitrep
