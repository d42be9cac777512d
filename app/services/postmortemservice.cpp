#include "postmortemservice.h"

#include "store/incidentrepository.h"
#include "store/postmortemrepository.h"

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PostmortemService", text);
}

bool incidentExists(const QSqlDatabase &db, qint64 incidentId)
{
    return IncidentRepository(db).find(incidentId).has_value();
}

Error noIncident(qint64 incidentId)
{
    return notFound(tr("There is no incident %1.").arg(incidentId));
}

void logEntry(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId, qint64 now, const QString &text)
{
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.at = now;
    entry.kind = EntryKind::System;
    entry.author = ctx.user;
    entry.source = EntrySource::Typed;
    entry.text = text;
    entry.createdAt = now;
    appendEntry(db, entry);
}

// Copies what a person edits, leaving identity and bookkeeping alone.
void copyContent(Postmortem &to, const Postmortem &from)
{
    to.owner = from.owner.trimmed();
    to.status = from.status;
    to.summary = from.summary;
    to.affectedCount = from.affectedCount;
    to.affectedUnit = from.affectedUnit.trimmed();
    to.supportRequests = from.supportRequests;
    to.costCents = from.costCents;
    to.detection = from.detection;
    to.response = from.response;
    to.rootCauses = from.rootCauses;
    to.trigger = from.trigger;
    to.fiveWhys.clear();
    for (const QString &why : from.fiveWhys) {
        if (!why.trimmed().isEmpty())
            to.fiveWhys << why.trimmed();
    }
    to.wentWell = from.wentWell;
    to.wentPoorly = from.wentPoorly;
    to.gotLucky = from.gotLucky;
    to.lessons = from.lessons;
}

void copyAction(ActionItem &to, const ActionItem &from)
{
    to.text = from.text.trimmed();
    to.owner = from.owner.trimmed();
    to.kind = from.kind;
    to.priority = from.priority;
    to.due = from.due;
    to.tracker = from.tracker.trimmed();
    to.state = from.state;
}

// "Prevent, P2, Sam, due 2026-12-01"
QString actionDetails(const ActionItem &a)
{
    QStringList parts{actionKindLabel(a.kind), priorityLabel(a.priority)};
    if (!a.owner.isEmpty())
        parts << a.owner;
    if (a.due.isValid())
        parts << tr("due %1").arg(dueDateText(a.due));
    return parts.join(QStringLiteral(", "));
}

QString shortText(const QString &text)
{
    return text.size() > 120 ? text.left(119) + QChar(0x2026) : text;
}

} // namespace

Result<Postmortem> PostmortemService::postmortem(qint64 incidentId) const
{
    return query<Postmortem>(m_ctx, [&](const QSqlDatabase &db) -> Result<Postmortem> {
        if (!incidentExists(db, incidentId))
            return noIncident(incidentId);
        if (std::optional<Postmortem> stored = PostmortemRepository(db).find(incidentId))
            return *stored;
        Postmortem empty;
        empty.incidentId = incidentId;
        return empty;
    });
}

Result<Postmortem> PostmortemService::save(qint64 incidentId, const Postmortem &edited)
{
    Postmortem candidate;
    copyContent(candidate, edited);
    if (const std::optional<QString> problem = validatePostmortem(candidate))
        return invalid(*problem);
    const qint64 now = m_ctx.now();
    return mutate<Postmortem>(m_ctx, [&](const QSqlDatabase &db) -> Result<Postmortem> {
        if (!incidentExists(db, incidentId))
            return noIncident(incidentId);
        PostmortemRepository repo(db);
        std::optional<Postmortem> stored = repo.find(incidentId);
        Postmortem result = stored.value_or(Postmortem{});
        const QStringList changed = changedPostmortemSections(result, candidate);
        if (changed.isEmpty()) {
            result.incidentId = incidentId;
            return result;
        }
        copyContent(result, candidate);
        result.incidentId = incidentId;
        result.updatedAt = now;
        result.updatedBy = m_ctx.user;
        if (stored) {
            repo.update(result);
        } else {
            result.createdAt = now;
            repo.insert(result);
        }
        ChangeLogRepository(db).record(Entity::Postmortem, result.id, incidentId,
                                       stored ? Operation::Update : Operation::Insert, now);
        logEntry(m_ctx, db, incidentId, now, tr("Postmortem edited: %1").arg(changed.join(QStringLiteral(", "))));
        return result;
    });
}

Result<QList<ActionItem>> PostmortemService::actionItems(qint64 incidentId) const
{
    return query<QList<ActionItem>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<ActionItem>> {
        if (!incidentExists(db, incidentId))
            return noIncident(incidentId);
        return PostmortemRepository(db).actionItems(incidentId);
    });
}

Result<ActionItem> PostmortemService::actionItem(qint64 itemId) const
{
    return query<ActionItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<ActionItem> {
        if (std::optional<ActionItem> item = PostmortemRepository(db).actionItem(itemId))
            return *item;
        return notFound(tr("There is no action item %1.").arg(itemId));
    });
}

Result<ActionItem> PostmortemService::addActionItem(qint64 incidentId, const ActionItem &draft)
{
    ActionItem item;
    copyAction(item, draft);
    if (const std::optional<QString> problem = validateActionItem(item))
        return invalid(*problem);
    const qint64 now = m_ctx.now();
    return mutate<ActionItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<ActionItem> {
        if (!incidentExists(db, incidentId))
            return noIncident(incidentId);
        PostmortemRepository repo(db);
        item.incidentId = incidentId;
        item.position = repo.nextActionPosition(incidentId);
        item.createdAt = now;
        item.updatedAt = now;
        repo.insertActionItem(item);
        ChangeLogRepository(db).record(Entity::ActionItem, item.id, incidentId, Operation::Insert, now);
        logEntry(m_ctx, db, incidentId, now,
                 tr("Action item added: %1 (%2)").arg(shortText(item.text), actionDetails(item)));
        return item;
    });
}

Result<ActionItem> PostmortemService::updateActionItem(const ActionItem &draft)
{
    ActionItem candidate;
    copyAction(candidate, draft);
    if (const std::optional<QString> problem = validateActionItem(candidate))
        return invalid(*problem);
    const qint64 now = m_ctx.now();
    return mutate<ActionItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<ActionItem> {
        PostmortemRepository repo(db);
        std::optional<ActionItem> stored = repo.actionItem(draft.id);
        if (!stored)
            return notFound(tr("There is no action item %1.").arg(draft.id));
        ActionItem item = *stored;
        copyAction(item, candidate);
        item.updatedAt = stored->updatedAt;
        if (item == *stored)
            return item;
        item.updatedAt = now;
        repo.updateActionItem(item);
        ChangeLogRepository(db).record(Entity::ActionItem, item.id, item.incidentId, Operation::Update, now);
        // Say what moved: a state change is what the review follows up on.
        QString what;
        if (item.state != stored->state)
            what = tr("%1 → %2").arg(actionStateLabel(stored->state), actionStateLabel(item.state));
        else
            what = actionDetails(item);
        logEntry(m_ctx, db, item.incidentId, now, tr("Action item changed: %1 (%2)").arg(shortText(item.text), what));
        return item;
    });
}

Result<ActionItem> PostmortemService::removeActionItem(qint64 itemId)
{
    const qint64 now = m_ctx.now();
    return mutate<ActionItem>(m_ctx, [&](const QSqlDatabase &db) -> Result<ActionItem> {
        PostmortemRepository repo(db);
        std::optional<ActionItem> stored = repo.actionItem(itemId);
        if (!stored)
            return notFound(tr("There is no action item %1.").arg(itemId));
        repo.removeActionItem(itemId);
        ChangeLogRepository(db).record(Entity::ActionItem, itemId, stored->incidentId, Operation::Delete, now);
        logEntry(m_ctx, db, stored->incidentId, now, tr("Action item removed: %1").arg(shortText(stored->text)));
        return *stored;
    });
}

} // namespace sitrep
