#pragma once

#include "domain/checklist.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

// Checklists attached to incidents, and their items.
class ChecklistRepository final
{
public:
    explicit ChecklistRepository(const QSqlDatabase &db) : m_db(db) {}

    void insert(Checklist &checklist); // sets ids of the checklist and its items
    QList<Checklist> forIncident(qint64 incidentId);
    std::optional<Checklist> find(qint64 checklistId);
    std::optional<ChecklistItem> findItem(qint64 itemId);
    void updateItem(const ChecklistItem &item);
    // Whether the incident already has a checklist made from this library runbook.
    bool hasRunbook(qint64 incidentId, const QString &runbookSlug);

private:
    QList<ChecklistItem> itemsOf(qint64 checklistId);
    std::optional<Checklist> readChecklist(qint64 checklistId);
    QSqlDatabase m_db;
};

} // namespace sitrep
