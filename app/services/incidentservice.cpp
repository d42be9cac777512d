#include "incidentservice.h"

#include "store/incidentrepository.h"

#include "domain/metrics.h"
#include "domain/timeformat.h"

#include <QRegularExpression>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("IncidentService", text);
}

constexpr int kMinimumPrefix = 6;
constexpr int kMaxTitle = 500;

Result<Incident> load(const QSqlDatabase &db, qint64 id)
{
    if (auto incident = IncidentRepository(db).find(id))
        return *incident;
    return notFound(tr("There is no incident %1.").arg(id));
}

TimelineEntry systemEntry(const Incident &incident, EntryKind kind, const QString &author, EntrySource source,
                          qint64 at, qint64 now, const QString &text)
{
    TimelineEntry entry;
    entry.incidentId = incident.id;
    entry.at = at;
    entry.kind = kind;
    entry.author = author;
    entry.source = source;
    entry.text = text;
    entry.createdAt = now;
    return entry;
}

void touch(const QSqlDatabase &db, Incident &incident, qint64 now)
{
    incident.updatedAt = now;
    IncidentRepository(db).update(incident);
    ChangeLogRepository(db).record(Entity::Incident, incident.id, incident.id, Operation::Update, now);
}

} // namespace

Result<Incident> IncidentService::declare(const DeclareRequest &request)
{
    const QString title = request.title.simplified();
    if (title.isEmpty())
        return invalid(tr("The incident needs a title."));
    if (title.size() > kMaxTitle)
        return invalid(tr("The title is %1 characters long; keep it under %2.").arg(title.size()).arg(kMaxTitle));
    const qint64 now = m_ctx.now();
    const qint64 started = request.startedAt.value_or(now);
    if (started > now + 60'000)
        return invalid(tr("The impact start time is in the future."));
    if (request.deadlineAt && *request.deadlineAt < started)
        return invalid(tr("The deadline is before the impact started."));

    return mutate<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        Incident incident;
        incident.uuid = QUuid::createUuid();
        incident.title = title;
        incident.severity = request.severity;
        incident.status = Status::Investigating;
        incident.impact = request.impact.trimmed();
        incident.startedAt = started;
        incident.declaredAt = std::max(now, started);
        incident.deadlineAt = request.deadlineAt;
        incident.costPerMinuteCents = request.costPerMinuteCents;
        incident.drill = request.drill;
        incident.updatedAt = now;
        IncidentRepository(db).insert(incident);
        ChangeLogRepository(db).record(Entity::Incident, incident.id, incident.id, Operation::Insert, now);

        TimelineEntry entry;
        entry.incidentId = incident.id;
        entry.at = incident.declaredAt;
        entry.kind = EntryKind::System;
        entry.author = m_ctx.user;
        entry.source = request.source;
        entry.pinned = true;
        entry.text = tr("%1 declared: %2").arg(severityLabel(incident.severity), incident.title);
        entry.createdAt = now;
        appendEntry(db, entry);
        return incident;
    });
}

Result<Incident> IncidentService::changeStatus(qint64 incidentId, Status status, std::optional<qint64> at,
                                               EntrySource source)
{
    const qint64 now = m_ctx.now();
    const qint64 when = at.value_or(now);
    return mutate<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        Result<Incident> loaded = load(db, incidentId);
        if (!loaded)
            return loaded;
        Incident incident = loaded.value();
        const Status from = incident.status;
        if (from == status)
            return invalid(tr("The incident is already %1.").arg(statusLabel(status)));
        if (!isStatusChangeAllowed(from, status))
            return invalid(tr("An incident cannot go from %1 to %2.").arg(statusLabel(from), statusLabel(status)));
        if (when < incident.startedAt)
            return invalid(tr("%1 is before the impact started.").arg(statusLabel(status)));
        incident.status = status;
        if (status < from) {
            // The step forward did not hold (a mitigation that failed): its milestone no longer
            // stands, and the correction is kept like any other.
            for (Status later : allStatuses()) {
                const auto m = milestoneForStatus(later);
                if (later <= status || !m || !incident.milestone(*m))
                    continue;
                MilestoneEdit edit;
                edit.incidentId = incident.id;
                edit.milestone = *m;
                edit.oldAt = incident.milestone(*m);
                edit.editor = m_ctx.user;
                edit.editedAt = now;
                IncidentRepository(db).recordMilestoneEdit(edit);
                incident.setMilestone(*m, std::nullopt);
            }
        }
        if (const auto milestone = milestoneForStatus(status); milestone && !incident.milestone(*milestone))
            incident.setMilestone(*milestone, when);
        if (const auto problem = checkMilestoneOrder(incident))
            return invalid(*problem);
        touch(db, incident, now);

        TimelineEntry entry;
        entry.incidentId = incident.id;
        entry.at = when;
        entry.kind = EntryKind::Status;
        entry.author = m_ctx.user;
        entry.source = source;
        entry.pinned = true;
        entry.text = tr("Status: %1 → %2").arg(statusLabel(from), statusLabel(status));
        entry.createdAt = now;
        appendEntry(db, entry);
        return incident;
    });
}

Result<Incident> IncidentService::changeSeverity(qint64 incidentId, Severity severity, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        Result<Incident> loaded = load(db, incidentId);
        if (!loaded)
            return loaded;
        Incident incident = loaded.value();
        const Severity from = incident.severity;
        if (from == severity)
            return invalid(tr("The incident is already %1.").arg(severityLabel(severity)));
        incident.severity = severity;
        touch(db, incident, now);

        TimelineEntry entry;
        entry.incidentId = incident.id;
        entry.at = now;
        entry.kind = EntryKind::Status;
        entry.author = m_ctx.user;
        entry.source = source;
        entry.text = tr("Severity: %1 → %2").arg(severityLabel(from), severityLabel(severity));
        entry.createdAt = now;
        appendEntry(db, entry);
        return incident;
    });
}

Result<Incident> IncidentService::setMilestone(qint64 incidentId, Milestone milestone, std::optional<qint64> at,
                                               EntrySource source)
{
    const qint64 now = m_ctx.now();
    if (!at && (milestone == Milestone::Started || milestone == Milestone::Declared))
        return invalid(tr("%1 cannot be cleared.").arg(milestoneLabel(milestone)));
    return mutate<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        Result<Incident> loaded = load(db, incidentId);
        if (!loaded)
            return loaded;
        Incident incident = loaded.value();
        const std::optional<qint64> before = incident.milestone(milestone);
        if (before == at)
            return invalid(tr("%1 is already %2.")
                               .arg(milestoneLabel(milestone), at ? formatDateTime(*at) : tr("unset")));
        incident.setMilestone(milestone, at);
        if (const auto problem = checkMilestoneOrder(incident))
            return invalid(*problem);
        touch(db, incident, now);

        IncidentRepository repo(db);
        QString text;
        if (before) {
            // A correction: the old value stays on record.
            MilestoneEdit edit;
            edit.incidentId = incident.id;
            edit.milestone = milestone;
            edit.oldAt = before;
            edit.newAt = at;
            edit.editor = m_ctx.user;
            edit.editedAt = now;
            repo.recordMilestoneEdit(edit);
            text = tr("%1 time corrected: %2 → %3")
                       .arg(milestoneLabel(milestone), formatIsoTime(*before), at ? formatIsoTime(*at) : tr("unset"));
        } else {
            text = tr("%1 at %2").arg(milestoneLabel(milestone), formatIsoTime(*at));
        }
        TimelineEntry entry = systemEntry(incident, EntryKind::Status, m_ctx.user, source, before ? now : *at, now, text);
        appendEntry(db, entry);
        return incident;
    });
}

Result<QList<MilestoneEdit>> IncidentService::milestoneEdits(qint64 incidentId) const
{
    return query<QList<MilestoneEdit>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<MilestoneEdit>> {
        return IncidentRepository(db).milestoneEdits(incidentId);
    });
}

Result<Incident> IncidentService::assignRole(qint64 incidentId, Role role, const QString &person, EntrySource source)
{
    const QString name = person.simplified();
    if (name.isEmpty())
        return invalid(tr("Say who takes the role of %1.").arg(roleLabel(role)));
    const qint64 now = m_ctx.now();
    return mutate<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        Result<Incident> loaded = load(db, incidentId);
        if (!loaded)
            return loaded;
        Incident incident = loaded.value();
        QStringList previous;
        for (const RoleAssignment &r : std::as_const(incident.roles)) {
            if (r.role == role)
                previous.append(r.person);
        }
        if (previous.contains(name))
            return invalid(tr("%1 is already %2.").arg(name, roleLabel(role)));
        IncidentRepository repo(db);
        const bool single = role != Role::SubjectExpert;
        if (single)
            repo.clearRole(incident.id, role);
        const qint64 rowId = repo.addRole(incident.id, {role, name}, now);
        ChangeLogRepository(db).record(Entity::Role, rowId, incident.id, Operation::Insert, now);
        touch(db, incident, now);
        const QString text = single && !previous.isEmpty()
                                 ? tr("%1: %2 (was %3)").arg(roleLabel(role), name, previous.join(QStringLiteral(", ")))
                                 : tr("%1: %2").arg(roleLabel(role), name);
        TimelineEntry entry = systemEntry(incident, EntryKind::Status, m_ctx.user, source, now, now, text);
        appendEntry(db, entry);
        incident.roles = repo.roles(incident.id);
        return incident;
    });
}

Result<Incident> IncidentService::removeRole(qint64 incidentId, Role role, const QString &person, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        Result<Incident> loaded = load(db, incidentId);
        if (!loaded)
            return loaded;
        Incident incident = loaded.value();
        const bool holds = std::any_of(incident.roles.cbegin(), incident.roles.cend(),
                                       [&](const RoleAssignment &r) { return r.role == role && r.person == person; });
        if (!holds)
            return notFound(tr("%1 is not %2.").arg(person, roleLabel(role)));
        IncidentRepository repo(db);
        repo.removeRole(incident.id, role, person);
        ChangeLogRepository(db).record(Entity::Role, 0, incident.id, Operation::Delete, now);
        touch(db, incident, now);
        TimelineEntry entry = systemEntry(incident, EntryKind::Status, m_ctx.user, source, now, now,
                                          tr("%1 is no longer %2").arg(person, roleLabel(role)));
        appendEntry(db, entry);
        incident.roles = repo.roles(incident.id);
        return incident;
    });
}

Result<Incident> IncidentService::setDeadline(qint64 incidentId, std::optional<qint64> deadlineAt)
{
    const qint64 now = m_ctx.now();
    return mutate<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        Result<Incident> loaded = load(db, incidentId);
        if (!loaded)
            return loaded;
        Incident incident = loaded.value();
        if (deadlineAt && *deadlineAt < incident.startedAt)
            return invalid(tr("The deadline is before the impact started."));
        incident.deadlineAt = deadlineAt;
        touch(db, incident, now);
        TimelineEntry entry = systemEntry(incident, EntryKind::Status, m_ctx.user, EntrySource::Typed, now, now,
                                          deadlineAt ? tr("Deadline: up by %1").arg(formatIsoTime(*deadlineAt))
                                                     : tr("Deadline removed"));
        appendEntry(db, entry);
        return incident;
    });
}

Result<Incident> IncidentService::find(qint64 incidentId) const
{
    return query<Incident>(m_ctx, [&](const QSqlDatabase &db) { return load(db, incidentId); });
}

Result<QList<Incident>> IncidentService::list() const
{
    return query<QList<Incident>>(m_ctx, [](const QSqlDatabase &db) -> Result<QList<Incident>> {
        return IncidentRepository(db).list();
    });
}

Result<Incident> IncidentService::resolve(const QString &idOrPrefix) const
{
    static const QRegularExpression uuidChars(QStringLiteral("^[0-9a-f-]+$"));
    const QString prefix = idOrPrefix.trimmed().toLower().remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    if (prefix.size() < kMinimumPrefix)
        return invalid(tr("Incident id \"%1\" is too short: give at least %2 characters of it.")
                           .arg(idOrPrefix).arg(kMinimumPrefix));
    if (!uuidChars.match(prefix).hasMatch())
        return invalid(tr("Incident id \"%1\" is not an id: ids are hexadecimal digits and dashes.").arg(idOrPrefix));
    return query<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        IncidentRepository repo(db);
        const QList<Incident> found = repo.findByUuidPrefix(prefix);
        if (found.isEmpty())
            return notFound(tr("No incident has an id starting with \"%1\".").arg(idOrPrefix));
        if (found.size() > 1)
            return notFound(tr("Incident id \"%1\" is ambiguous: %2 incidents start with it; give more characters.")
                                .arg(idOrPrefix).arg(found.size()));
        return *repo.find(found.constFirst().id);
    });
}

} // namespace sitrep
