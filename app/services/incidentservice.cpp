#include "incidentservice.h"

#include "store/incidentrepository.h"

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
        if (const auto milestone = milestoneForStatus(status))
            incident.setMilestone(*milestone, when);
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
