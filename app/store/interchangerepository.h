#pragma once

#include "domain/incidentarchive.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

// Reads a whole incident into an archive and writes one back, keeping every value as it was
// (times, authors, UUIDs), for export and import. What the other repositories already read or
// write exactly is done through them; the rest (UUIDs and fields the domain types do not
// carry, such as who made an estimate) is read and written here.
class InterchangeRepository final
{
public:
    explicit InterchangeRepository(const QSqlDatabase &db) : m_db(db) {}

    // Nothing when there is no such incident.
    std::optional<IncidentArchive> load(qint64 incidentId);

    // Which stored kind of thing a UUID names, to tell whether an imported one is taken.
    enum class Table {
        Incident, Role, MilestoneEdit, Entry, EntryEdit, SituationItem, Estimate, BoardEvent, Checklist,
        ChecklistItem, Audience, Update, Dismissal, DrillRun, Postmortem, ActionItem
    };
    bool uuidTaken(Table table, const QUuid &uuid);

    // Writers for import, called inside one transaction. Each keeps the given UUID and values;
    // the caller has made the UUIDs free and the references point at rows already written.
    void insertRole(qint64 incidentId, const ArchivedRole &role);
    void insertMilestoneEdit(qint64 incidentId, const ArchivedMilestoneEdit &edit);
    void insertEntryEdit(qint64 entryId, const ArchivedEdit &edit);
    void insertLinks(qint64 planId, const QList<qint64> &unknownIds);
    qint64 insertEstimate(qint64 incidentId, const ArchivedEstimate &estimate);
    void insertBoardEvent(qint64 incidentId, const ArchivedBoardEvent &event, std::optional<qint64> estimateId,
                          std::optional<qint64> entryId);
    void insertDismissal(qint64 incidentId, const ArchivedDismissal &dismissal);
    void insertDrillRun(qint64 incidentId, const ArchivedDrillRun &run);

private:
    QSqlDatabase m_db;
};

} // namespace sitrep
