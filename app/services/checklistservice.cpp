#include "checklistservice.h"

#include "store/checklistrepository.h"
#include "store/incidentrepository.h"

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ChecklistService", text);
}

void recordChecklistEntry(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId, const QString &text,
                          EntrySource source, qint64 now)
{
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.at = now;
    entry.kind = EntryKind::Checklist;
    entry.author = ctx.user;
    entry.source = source;
    entry.text = text;
    entry.createdAt = now;
    appendEntry(db, entry);
}

} // namespace

Result<Checklist> ChecklistService::attach(qint64 incidentId, const QString &name, const QList<ChecklistItem> &items,
                                           EntrySource source)
{
    const QString title = name.trimmed();
    if (title.isEmpty())
        return invalid(tr("The checklist needs a name."));
    if (items.isEmpty())
        return invalid(tr("The checklist \"%1\" has no items.").arg(title));
    for (const ChecklistItem &i : items) {
        if (i.text.trimmed().isEmpty())
            return invalid(tr("The checklist \"%1\" has an empty item.").arg(title));
    }
    const qint64 now = m_ctx.now();
    return mutate<Checklist>(m_ctx, [&](const QSqlDatabase &db) -> Result<Checklist> {
        if (!IncidentRepository(db).find(incidentId))
            return notFound(tr("There is no incident %1.").arg(incidentId));
        Checklist checklist;
        checklist.incidentId = incidentId;
        checklist.name = title;
        checklist.attachedAt = now;
        checklist.items = items;
        for (ChecklistItem &i : checklist.items) {
            i.state = ChecklistItemState::Open;
            i.doneBy.clear();
            i.doneAt.reset();
        }
        ChecklistRepository(db).insert(checklist);
        ChangeLogRepository(db).record(Entity::Checklist, checklist.id, incidentId, Operation::Insert, now);
        recordChecklistEntry(m_ctx, db, incidentId,
                             tr("Checklist attached: %1 (%2 items)").arg(title).arg(checklist.items.size()), source, now);
        return checklist;
    });
}

Result<ChecklistItem> ChecklistService::tick(qint64 itemId, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<ChecklistItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<ChecklistItem> {
        ChecklistRepository repo(db);
        std::optional<ChecklistItem> item = repo.findItem(itemId);
        if (!item)
            return notFound(tr("There is no checklist item %1.").arg(itemId));
        if (item->state == ChecklistItemState::Done)
            return invalid(tr("\"%1\" is already done.").arg(item->text));
        const std::optional<Checklist> list = repo.find(item->checklistId);
        item->state = ChecklistItemState::Done;
        item->doneBy = m_ctx.user;
        item->doneAt = now;
        repo.updateItem(*item);
        ChangeLogRepository(db).record(Entity::ChecklistItem, item->id, list->incidentId, Operation::Update, now);
        recordChecklistEntry(m_ctx, db, list->incidentId, tr("Done: %1").arg(item->text), source, now);
        return *item;
    });
}

Result<QList<Checklist>> ChecklistService::checklists(qint64 incidentId) const
{
    return query<QList<Checklist>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<Checklist>> {
        return ChecklistRepository(db).forIncident(incidentId);
    });
}

} // namespace sitrep
