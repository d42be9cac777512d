#pragma once

#include "domain/incident.h"
#include "domain/timelinehistory.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

class SqlQuery;

// Incidents and their role assignments. SQL for incidents lives here and nowhere else.
class IncidentRepository final
{
public:
    explicit IncidentRepository(const QSqlDatabase &db) : m_db(db) {}

    void insert(Incident &incident); // sets id
    void update(const Incident &incident);
    std::optional<Incident> find(qint64 id);
    QList<Incident> list(); // most recently updated first
    // Incidents whose UUID starts with prefix (already validated as hex and dashes).
    QList<Incident> findByUuidPrefix(const QString &prefix);

    QList<RoleAssignment> roles(qint64 incidentId);
    qint64 addRole(qint64 incidentId, const RoleAssignment &assignment, qint64 at); // returns row id
    void clearRole(qint64 incidentId, Role role);
    void removeRole(qint64 incidentId, Role role, const QString &person);

    void recordMilestoneEdit(MilestoneEdit &edit); // sets id
    QList<MilestoneEdit> milestoneEdits(qint64 incidentId);

private:
    Incident read(SqlQuery &q);
    QSqlDatabase m_db;
};

} // namespace sitrep
