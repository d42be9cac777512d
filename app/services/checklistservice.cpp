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

QString entryText(const ChecklistItem &before, const ChecklistItem &after)
{
    switch (after.state) {
    case ChecklistItemState::Done:
        return before.state == ChecklistItemState::Skipped ? tr("Done (was skipped): %1").arg(after.text)
                                                            : tr("Done: %1").arg(after.text);
    case ChecklistItemState::Skipped: return tr("Skipped: %1 (%2)").arg(after.text, after.skipReason);
    case ChecklistItemState::Open:
        return before.state == ChecklistItemState::Skipped ? tr("No longer skipped: %1").arg(after.text)
                                                            : tr("Unticked: %1").arg(after.text);
    }
    return {};
}

} // namespace

std::optional<Error> checkChecklist(const QString &name, const QList<ChecklistItem> &items)
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
    return std::nullopt;
}

Checklist insertChecklist(const ServiceContext &ctx, const QSqlDatabase &db, Checklist checklist, EntrySource source,
                          qint64 now, const QString &why)
{
    checklist.name = checklist.name.trimmed();
    checklist.attachedAt = now;
    for (ChecklistItem &i : checklist.items) {
        i.state = ChecklistItemState::Open;
        i.doneBy.clear();
        i.doneAt.reset();
        i.skipReason.clear();
    }
    ChecklistRepository(db).insert(checklist);
    ChangeLogRepository(db).record(Entity::Checklist, checklist.id, checklist.incidentId, Operation::Insert, now);
    QString text = tr("Checklist attached: %1 (%2 items)").arg(checklist.name).arg(checklist.items.size());
    if (!why.isEmpty())
        text += QStringLiteral(", ") + why;
    recordChecklistEntry(ctx, db, checklist.incidentId, text, source, now);
    return checklist;
}

Result<Checklist> ChecklistService::attach(qint64 incidentId, const QString &name, const QList<ChecklistItem> &items,
                                           EntrySource source)
{
    if (const std::optional<Error> problem = checkChecklist(name, items))
        return *problem;
    const qint64 now = m_ctx.now();
    return mutate<Checklist>(m_ctx, [&](const QSqlDatabase &db) -> Result<Checklist> {
        if (!IncidentRepository(db).find(incidentId))
            return notFound(tr("There is no incident %1.").arg(incidentId));
        Checklist checklist;
        checklist.incidentId = incidentId;
        checklist.name = name;
        checklist.items = items;
        return insertChecklist(m_ctx, db, checklist, source, now);
    });
}

Result<ChecklistItem> ChecklistService::tick(qint64 itemId, EntrySource source)
{
    return apply(itemId, ChecklistAction::Tick, {}, source);
}

Result<ChecklistItem> ChecklistService::skip(qint64 itemId, const QString &reason, EntrySource source)
{
    return apply(itemId, ChecklistAction::Skip, reason.simplified(), source);
}

Result<ChecklistItem> ChecklistService::untick(qint64 itemId, EntrySource source)
{
    return apply(itemId, ChecklistAction::Untick, {}, source);
}

Result<ChecklistItem> ChecklistService::apply(qint64 itemId, ChecklistAction action, const QString &reason,
                                              EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<ChecklistItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<ChecklistItem> {
        ChecklistRepository repo(db);
        std::optional<ChecklistItem> item = repo.findItem(itemId);
        if (!item)
            return notFound(tr("There is no checklist item %1.").arg(itemId));
        if (const std::optional<QString> refused = checkChecklistAction(*item, action, reason))
            return invalid(*refused);
        const std::optional<Checklist> list = repo.find(item->checklistId);
        if (!list)
            return notFound(tr("There is no checklist %1.").arg(item->checklistId));
        const ChecklistItem before = *item;
        switch (action) {
        case ChecklistAction::Tick:
            item->state = ChecklistItemState::Done;
            item->skipReason.clear();
            break;
        case ChecklistAction::Skip:
            item->state = ChecklistItemState::Skipped;
            item->skipReason = reason;
            break;
        case ChecklistAction::Untick:
            item->state = ChecklistItemState::Open;
            item->skipReason.clear();
            break;
        }
        if (item->state == ChecklistItemState::Open) {
            item->doneBy.clear();
            item->doneAt.reset();
        } else {
            item->doneBy = m_ctx.user;
            item->doneAt = now;
        }
        repo.updateItem(*item);
        ChangeLogRepository(db).record(Entity::ChecklistItem, item->id, list->incidentId, Operation::Update, now);
        recordChecklistEntry(m_ctx, db, list->incidentId, entryText(before, *item), source, now);
        return *item;
    });
}

Result<QList<Checklist>> ChecklistService::checklists(qint64 incidentId) const
{
    return query<QList<Checklist>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<Checklist>> {
        return ChecklistRepository(db).forIncident(incidentId);
    });
}

Result<ChecklistItem> ChecklistService::item(qint64 itemId) const
{
    return query<ChecklistItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<ChecklistItem> {
        if (std::optional<ChecklistItem> found = ChecklistRepository(db).findItem(itemId))
            return *found;
        return notFound(tr("There is no checklist item %1.").arg(itemId));
    });
}

} // namespace sitrep
