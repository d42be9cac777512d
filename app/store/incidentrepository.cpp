#include "incidentrepository.h"

#include "sqlquery.h"

namespace sitrep {

namespace {

const QString kColumns = QStringLiteral(
    "id, uuid, title, severity, status, impact, started_at, detected_at, declared_at, acknowledged_at, "
    "identified_at, mitigated_at, resolved_at, closed_at, deadline_at, cost_per_minute_cents, drill, updated_at");

void bindIncident(SqlQuery &q, const Incident &i)
{
    q.bind(QStringLiteral(":uuid"), uuidText(i.uuid))
        .bind(QStringLiteral(":title"), i.title)
        .bind(QStringLiteral(":severity"), severityNumber(i.severity))
        .bind(QStringLiteral(":status"), statusKey(i.status))
        .bind(QStringLiteral(":impact"), i.impact)
        .bind(QStringLiteral(":started"), i.startedAt)
        .bindOptional(QStringLiteral(":detected"), i.detectedAt)
        .bind(QStringLiteral(":declared"), i.declaredAt)
        .bindOptional(QStringLiteral(":acknowledged"), i.acknowledgedAt)
        .bindOptional(QStringLiteral(":identified"), i.identifiedAt)
        .bindOptional(QStringLiteral(":mitigated"), i.mitigatedAt)
        .bindOptional(QStringLiteral(":resolved"), i.resolvedAt)
        .bindOptional(QStringLiteral(":closed"), i.closedAt)
        .bindOptional(QStringLiteral(":deadline"), i.deadlineAt)
        .bindOptional(QStringLiteral(":cost"), i.costPerMinuteCents)
        .bind(QStringLiteral(":drill"), i.drill ? 1 : 0)
        .bind(QStringLiteral(":updated"), i.updatedAt);
}

} // namespace

Incident IncidentRepository::read(SqlQuery &q)
{
    Incident i;
    i.id = q.value(QStringLiteral("id")).toLongLong();
    i.uuid = QUuid::fromString(q.value(QStringLiteral("uuid")).toString());
    i.title = q.value(QStringLiteral("title")).toString();
    i.severity = severityFromNumber(q.value(QStringLiteral("severity")).toInt()).value_or(Severity::Sev3);
    i.status = parseStatus(q.value(QStringLiteral("status")).toString()).value_or(Status::Investigating);
    i.impact = q.value(QStringLiteral("impact")).toString();
    i.startedAt = q.value(QStringLiteral("started_at")).toLongLong();
    i.detectedAt = q.optionalInt(QStringLiteral("detected_at"));
    i.declaredAt = q.value(QStringLiteral("declared_at")).toLongLong();
    i.acknowledgedAt = q.optionalInt(QStringLiteral("acknowledged_at"));
    i.identifiedAt = q.optionalInt(QStringLiteral("identified_at"));
    i.mitigatedAt = q.optionalInt(QStringLiteral("mitigated_at"));
    i.resolvedAt = q.optionalInt(QStringLiteral("resolved_at"));
    i.closedAt = q.optionalInt(QStringLiteral("closed_at"));
    i.deadlineAt = q.optionalInt(QStringLiteral("deadline_at"));
    i.costPerMinuteCents = q.optionalInt(QStringLiteral("cost_per_minute_cents"));
    i.drill = q.value(QStringLiteral("drill")).toInt() != 0;
    i.updatedAt = q.value(QStringLiteral("updated_at")).toLongLong();
    return i;
}

void IncidentRepository::insert(Incident &incident)
{
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO incidents (uuid, title, severity, status, impact, started_at, detected_at, declared_at, "
        "acknowledged_at, identified_at, mitigated_at, resolved_at, closed_at, deadline_at, cost_per_minute_cents, "
        "drill, updated_at) VALUES (:uuid, :title, :severity, :status, :impact, :started, :detected, :declared, "
        ":acknowledged, :identified, :mitigated, :resolved, :closed, :deadline, :cost, :drill, :updated)"));
    bindIncident(q, incident);
    q.exec();
    incident.id = q.lastInsertId();
}

void IncidentRepository::update(const Incident &incident)
{
    SqlQuery q(m_db, QStringLiteral(
        "UPDATE incidents SET uuid = :uuid, title = :title, severity = :severity, status = :status, impact = :impact, "
        "started_at = :started, detected_at = :detected, declared_at = :declared, acknowledged_at = :acknowledged, "
        "identified_at = :identified, mitigated_at = :mitigated, resolved_at = :resolved, closed_at = :closed, "
        "deadline_at = :deadline, cost_per_minute_cents = :cost, drill = :drill, updated_at = :updated WHERE id = :id"));
    bindIncident(q, incident);
    q.bind(QStringLiteral(":id"), incident.id).exec();
}

std::optional<Incident> IncidentRepository::find(qint64 id)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM incidents WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    Incident i = read(q);
    i.roles = roles(i.id);
    return i;
}

QList<Incident> IncidentRepository::list()
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM incidents ORDER BY updated_at DESC, id DESC"));
    q.exec();
    QList<Incident> all;
    while (q.next())
        all.append(read(q));
    return all;
}

QList<Incident> IncidentRepository::findByUuidPrefix(const QString &prefix)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(" FROM incidents WHERE substr(uuid, 1, length(:prefix)) = :prefix2 LIMIT 10"));
    q.bind(QStringLiteral(":prefix"), prefix).bind(QStringLiteral(":prefix2"), prefix).exec();
    QList<Incident> found;
    while (q.next())
        found.append(read(q));
    return found;
}

QList<RoleAssignment> IncidentRepository::roles(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT role, person FROM incident_roles WHERE incident_id = :id ORDER BY assigned_at, id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QList<RoleAssignment> out;
    while (q.next()) {
        if (const auto role = parseRole(q.value(0).toString()))
            out.append({*role, q.value(1).toString()});
    }
    return out;
}

qint64 IncidentRepository::addRole(qint64 incidentId, const RoleAssignment &assignment, qint64 at)
{
    SqlQuery q(m_db, QStringLiteral("INSERT OR IGNORE INTO incident_roles (uuid, incident_id, role, person, assigned_at) "
                                    "VALUES (:uuid, :incident, :role, :person, :at)"));
    q.bind(QStringLiteral(":uuid"), uuidText(QUuid::createUuid()))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":role"), roleKey(assignment.role))
        .bind(QStringLiteral(":person"), assignment.person)
        .bind(QStringLiteral(":at"), at)
        .exec();
    return q.lastInsertId();
}

void IncidentRepository::clearRole(qint64 incidentId, Role role)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM incident_roles WHERE incident_id = :incident AND role = :role"))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":role"), roleKey(role))
        .exec();
}

} // namespace sitrep

namespace sitrep {

void IncidentRepository::removeRole(qint64 incidentId, Role role, const QString &person)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM incident_roles WHERE incident_id = :incident AND role = :role AND person = :person"))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":role"), roleKey(role))
        .bind(QStringLiteral(":person"), person)
        .exec();
}

void IncidentRepository::recordMilestoneEdit(MilestoneEdit &edit)
{
    SqlQuery q(m_db, QStringLiteral("INSERT INTO milestone_edits (uuid, incident_id, milestone, old_at, new_at, editor, edited_at) "
                                    "VALUES (:uuid, :incident, :milestone, :old, :new, :editor, :at)"));
    q.bind(QStringLiteral(":uuid"), uuidText(QUuid::createUuid()))
        .bind(QStringLiteral(":incident"), edit.incidentId)
        .bind(QStringLiteral(":milestone"), milestoneKey(edit.milestone))
        .bindOptional(QStringLiteral(":old"), edit.oldAt)
        .bindOptional(QStringLiteral(":new"), edit.newAt)
        .bind(QStringLiteral(":editor"), edit.editor)
        .bind(QStringLiteral(":at"), edit.editedAt)
        .exec();
    edit.id = q.lastInsertId();
}

QList<MilestoneEdit> IncidentRepository::milestoneEdits(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT id, incident_id, milestone, old_at, new_at, editor, edited_at FROM milestone_edits "
                                    "WHERE incident_id = :id ORDER BY edited_at, id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QList<MilestoneEdit> out;
    while (q.next()) {
        MilestoneEdit e;
        e.id = q.value(0).toLongLong();
        e.incidentId = q.value(1).toLongLong();
        e.milestone = parseMilestone(q.value(2).toString()).value_or(Milestone::Started);
        e.oldAt = q.optionalInt(QStringLiteral("old_at"));
        e.newAt = q.optionalInt(QStringLiteral("new_at"));
        e.editor = q.value(5).toString();
        e.editedAt = q.value(6).toLongLong();
        out.append(e);
    }
    return out;
}

} // namespace sitrep
