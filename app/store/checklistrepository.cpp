#include "checklistrepository.h"

#include "sqlquery.h"

namespace sitrep {

namespace {

const QString kItemColumns = QStringLiteral("id, uuid, checklist_id, position, section, text, depth, state, done_by, "
                                            "done_at, skip_reason, owner_role, time_box_ms, link");
const QString kListColumns = QStringLiteral("id, uuid, incident_id, name, attached_at, runbook_slug");

ChecklistItem readItem(SqlQuery &q)
{
    ChecklistItem i;
    i.id = q.value(0).toLongLong();
    i.uuid = QUuid::fromString(q.value(1).toString());
    i.checklistId = q.value(2).toLongLong();
    i.position = q.value(3).toInt();
    i.section = q.value(4).toString();
    i.text = q.value(5).toString();
    i.depth = q.value(6).toInt();
    i.state = parseChecklistItemState(q.value(7).toString()).value_or(ChecklistItemState::Open);
    i.doneBy = q.value(8).toString();
    i.doneAt = q.optionalInt(QStringLiteral("done_at"));
    i.skipReason = q.value(10).toString();
    i.ownerRole = parseRole(q.value(11).toString());
    i.timeBoxMs = q.optionalInt(QStringLiteral("time_box_ms"));
    i.link = q.value(13).toString();
    return i;
}

Checklist readList(SqlQuery &q)
{
    Checklist c;
    c.id = q.value(0).toLongLong();
    c.uuid = QUuid::fromString(q.value(1).toString());
    c.incidentId = q.value(2).toLongLong();
    c.name = q.value(3).toString();
    c.attachedAt = q.value(4).toLongLong();
    c.runbookSlug = q.value(5).toString();
    return c;
}

} // namespace

void ChecklistRepository::insert(Checklist &checklist)
{
    if (checklist.uuid.isNull())
        checklist.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral("INSERT INTO checklists (uuid, incident_id, name, attached_at, runbook_slug) "
                                    "VALUES (:uuid, :incident, :name, :at, :slug)"));
    q.bind(QStringLiteral(":uuid"), uuidText(checklist.uuid))
        .bind(QStringLiteral(":incident"), checklist.incidentId)
        .bind(QStringLiteral(":name"), checklist.name)
        .bind(QStringLiteral(":at"), checklist.attachedAt)
        .bind(QStringLiteral(":slug"), checklist.runbookSlug)
        .exec();
    checklist.id = q.lastInsertId();

    SqlQuery item(m_db, QStringLiteral(
        "INSERT INTO checklist_items (uuid, checklist_id, position, section, text, depth, state, done_by, done_at, "
        "skip_reason, owner_role, time_box_ms, link) "
        "VALUES (:uuid, :list, :position, :section, :text, :depth, :state, :by, :at, :reason, :role, :box, :link)"));
    for (int n = 0; n < checklist.items.size(); ++n) {
        ChecklistItem &i = checklist.items[n];
        if (i.uuid.isNull())
            i.uuid = QUuid::createUuid();
        i.checklistId = checklist.id;
        i.position = n;
        item.bind(QStringLiteral(":uuid"), uuidText(i.uuid))
            .bind(QStringLiteral(":list"), i.checklistId)
            .bind(QStringLiteral(":position"), i.position)
            .bind(QStringLiteral(":section"), i.section)
            .bind(QStringLiteral(":text"), i.text)
            .bind(QStringLiteral(":depth"), i.depth)
            .bind(QStringLiteral(":state"), checklistItemStateKey(i.state))
            .bind(QStringLiteral(":by"), i.doneBy)
            .bindOptional(QStringLiteral(":at"), i.doneAt)
            .bind(QStringLiteral(":reason"), i.skipReason)
            .bind(QStringLiteral(":role"), i.ownerRole ? roleKey(*i.ownerRole) : QString())
            .bindOptional(QStringLiteral(":box"), i.timeBoxMs)
            .bind(QStringLiteral(":link"), i.link)
            .exec();
        i.id = item.lastInsertId();
    }
}

QList<ChecklistItem> ChecklistRepository::itemsOf(qint64 checklistId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kItemColumns
                         + QStringLiteral(" FROM checklist_items WHERE checklist_id = :id ORDER BY position"));
    q.bind(QStringLiteral(":id"), checklistId).exec();
    QList<ChecklistItem> items;
    while (q.next())
        items.append(readItem(q));
    return items;
}

QList<Checklist> ChecklistRepository::forIncident(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kListColumns
                         + QStringLiteral(" FROM checklists WHERE incident_id = :id ORDER BY attached_at, id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QList<Checklist> lists;
    while (q.next())
        lists.append(readList(q));
    for (Checklist &c : lists)
        c.items = itemsOf(c.id);
    return lists;
}

std::optional<Checklist> ChecklistRepository::readChecklist(qint64 checklistId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kListColumns + QStringLiteral(" FROM checklists WHERE id = :id"));
    q.bind(QStringLiteral(":id"), checklistId).exec();
    if (!q.next())
        return std::nullopt;
    Checklist c = readList(q);
    c.items = itemsOf(c.id);
    return c;
}

std::optional<Checklist> ChecklistRepository::find(qint64 checklistId)
{
    return readChecklist(checklistId);
}

std::optional<ChecklistItem> ChecklistRepository::findItem(qint64 itemId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kItemColumns + QStringLiteral(" FROM checklist_items WHERE id = :id"));
    q.bind(QStringLiteral(":id"), itemId).exec();
    if (!q.next())
        return std::nullopt;
    return readItem(q);
}

void ChecklistRepository::updateItem(const ChecklistItem &item)
{
    SqlQuery(m_db, QStringLiteral("UPDATE checklist_items SET state = :state, done_by = :by, done_at = :at, "
                                  "skip_reason = :reason WHERE id = :id"))
        .bind(QStringLiteral(":state"), checklistItemStateKey(item.state))
        .bind(QStringLiteral(":by"), item.doneBy)
        .bindOptional(QStringLiteral(":at"), item.doneAt)
        .bind(QStringLiteral(":reason"), item.skipReason)
        .bind(QStringLiteral(":id"), item.id)
        .exec();
}

bool ChecklistRepository::hasRunbook(qint64 incidentId, const QString &runbookSlug)
{
    SqlQuery q(m_db, QStringLiteral("SELECT 1 FROM checklists WHERE incident_id = :id AND runbook_slug = :slug LIMIT 1"));
    q.bind(QStringLiteral(":id"), incidentId).bind(QStringLiteral(":slug"), runbookSlug).exec();
    return q.next();
}

} // namespace sitrep
