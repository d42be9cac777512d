#include "timelineservice.h"

#include "store/incidentrepository.h"

namespace sitrep {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TimelineService", text);
}
} // namespace

Result<TimelineEntry> TimelineService::log(const LogRequest &request)
{
    const QString text = request.text.trimmed();
    if (text.isEmpty())
        return invalid(tr("The entry is empty: type what happened."));
    if (text.size() > maxTextLength)
        return invalid(tr("The entry is %1 characters long; the limit is %2.").arg(text.size()).arg(maxTextLength));
    const qint64 now = m_ctx.now();
    if (request.at && *request.at < 0)
        return invalid(tr("The entry time is before 1970."));

    return mutate<TimelineEntry>(m_ctx, [&](const QSqlDatabase &db) -> Result<TimelineEntry> {
        IncidentRepository incidents(db);
        std::optional<Incident> incident = incidents.find(request.incidentId);
        if (!incident)
            return notFound(tr("There is no incident %1.").arg(request.incidentId));

        TimelineEntry entry;
        entry.incidentId = request.incidentId;
        entry.at = request.at.value_or(now);
        entry.kind = request.kind;
        entry.author = request.author.trimmed().isEmpty() ? m_ctx.user : request.author.trimmed();
        entry.text = text;
        entry.source = request.source;
        entry.pinned = request.pinned;
        entry.createdAt = now;
        appendEntry(db, entry);

        incident->updatedAt = now;
        incidents.update(*incident);
        return entry;
    });
}

Result<int> TimelineService::count(qint64 incidentId) const
{
    return query<int>(m_ctx, [&](const QSqlDatabase &db) -> Result<int> { return TimelineRepository(db).count(incidentId); });
}

Result<QList<TimelineEntry>> TimelineService::page(qint64 incidentId, int offset, int limit) const
{
    return query<QList<TimelineEntry>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<TimelineEntry>> {
        return TimelineRepository(db).page(incidentId, offset, limit);
    });
}

Result<TimelineEntry> TimelineService::entry(qint64 entryId) const
{
    return query<TimelineEntry>(m_ctx, [&](const QSqlDatabase &db) -> Result<TimelineEntry> {
        if (auto e = TimelineRepository(db).find(entryId))
            return *e;
        return notFound(tr("There is no timeline entry %1.").arg(entryId));
    });
}

Result<int> TimelineService::rowOf(const TimelineEntry &entry) const
{
    return query<int>(m_ctx, [&](const QSqlDatabase &db) -> Result<int> { return TimelineRepository(db).rowOf(entry); });
}

} // namespace sitrep
