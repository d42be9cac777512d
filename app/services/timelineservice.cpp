#include "timelineservice.h"

#include "store/incidentrepository.h"

#include <QRegularExpression>

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

namespace {

// Loads an entry for a change, refusing changes to a retracted one.
Result<TimelineEntry> loadForChange(TimelineRepository &repo, qint64 entryId)
{
    std::optional<TimelineEntry> entry = repo.find(entryId);
    if (!entry)
        return notFound(tr("There is no timeline entry %1.").arg(entryId));
    if (entry->isRetracted())
        return invalid(tr("The entry was retracted (%1); it can no longer change.").arg(entry->retractReason));
    return *entry;
}

void recordChange(const QSqlDatabase &db, const TimelineEntry &entry, qint64 now)
{
    ChangeLogRepository(db).record(Entity::Timeline, entry.id, entry.incidentId, Operation::Update, now);
}

} // namespace

Result<TimelineEntry> TimelineService::setPinned(qint64 entryId, bool pinned)
{
    const qint64 now = m_ctx.now();
    return mutate<TimelineEntry>(m_ctx, [&](const QSqlDatabase &db) -> Result<TimelineEntry> {
        TimelineRepository repo(db);
        Result<TimelineEntry> loaded = loadForChange(repo, entryId);
        if (!loaded)
            return loaded;
        TimelineEntry entry = loaded.value();
        if (entry.pinned == pinned)
            return entry;
        entry.pinned = pinned;
        repo.update(entry);
        recordChange(db, entry, now);
        return entry;
    });
}

Result<TimelineEntry> TimelineService::setInternal(qint64 entryId, bool internal)
{
    const qint64 now = m_ctx.now();
    return mutate<TimelineEntry>(m_ctx, [&](const QSqlDatabase &db) -> Result<TimelineEntry> {
        TimelineRepository repo(db);
        std::optional<TimelineEntry> entry = repo.find(entryId);
        if (!entry)
            return notFound(tr("There is no timeline entry %1.").arg(entryId));
        if (entry->internal == internal)
            return *entry;
        entry->internal = internal;
        repo.update(*entry);
        recordChange(db, *entry, now);
        return *entry;
    });
}

Result<TimelineEntry> TimelineService::edit(qint64 entryId, const QString &text, qint64 at)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return invalid(tr("The entry cannot be empty; retract it instead."));
    if (body.size() > maxTextLength)
        return invalid(tr("The entry is %1 characters long; the limit is %2.").arg(body.size()).arg(maxTextLength));
    if (at < 0)
        return invalid(tr("The entry time is before 1970."));
    const qint64 now = m_ctx.now();
    return mutate<TimelineEntry>(m_ctx, [&](const QSqlDatabase &db) -> Result<TimelineEntry> {
        TimelineRepository repo(db);
        Result<TimelineEntry> loaded = loadForChange(repo, entryId);
        if (!loaded)
            return loaded;
        TimelineEntry entry = loaded.value();
        if (entry.text == body && entry.at == at)
            return invalid(tr("Nothing changed."));
        TimelineEdit edit;
        edit.entryId = entry.id;
        edit.editedAt = now;
        edit.editor = m_ctx.user;
        edit.oldText = entry.text;
        edit.newText = body;
        edit.oldAt = entry.at;
        edit.newAt = at;
        repo.recordEdit(edit);
        entry.text = body;
        entry.at = at;
        repo.update(entry);
        recordChange(db, entry, now);
        return entry;
    });
}

Result<TimelineEntry> TimelineService::retract(qint64 entryId, const QString &reason)
{
    const QString why = reason.simplified();
    if (why.isEmpty())
        return invalid(tr("Say why the entry is retracted."));
    const qint64 now = m_ctx.now();
    return mutate<TimelineEntry>(m_ctx, [&](const QSqlDatabase &db) -> Result<TimelineEntry> {
        TimelineRepository repo(db);
        Result<TimelineEntry> loaded = loadForChange(repo, entryId);
        if (!loaded)
            return loaded;
        TimelineEntry entry = loaded.value();
        entry.retractedAt = now;
        entry.retractReason = why;
        repo.update(entry);
        recordChange(db, entry, now);
        return entry;
    });
}

Result<int> TimelineService::count(qint64 incidentId, const TimelineFilter &filter) const
{
    return query<int>(m_ctx, [&](const QSqlDatabase &db) -> Result<int> { return TimelineRepository(db).count(incidentId, filter); });
}

Result<QList<TimelineEntry>> TimelineService::page(qint64 incidentId, int offset, int limit, const TimelineFilter &filter) const
{
    return query<QList<TimelineEntry>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<TimelineEntry>> {
        return TimelineRepository(db).page(incidentId, offset, limit, filter);
    });
}

Result<TimelineEntry> TimelineService::resolve(qint64 incidentId, const QString &idOrPrefix) const
{
    static const QRegularExpression uuidChars(QStringLiteral("^[0-9a-f-]+$"));
    const QString prefix = idOrPrefix.trimmed().toLower().remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    if (prefix.size() < 6)
        return invalid(tr("Entry id \"%1\" is too short: give at least 6 characters of it.").arg(idOrPrefix));
    if (!uuidChars.match(prefix).hasMatch())
        return invalid(tr("Entry id \"%1\" is not an id: ids are hexadecimal digits and dashes.").arg(idOrPrefix));
    return query<TimelineEntry>(m_ctx, [&](const QSqlDatabase &db) -> Result<TimelineEntry> {
        const QList<TimelineEntry> found = TimelineRepository(db).findByUuidPrefix(incidentId, prefix);
        if (found.isEmpty())
            return notFound(tr("The incident has no entry whose id starts with \"%1\".").arg(idOrPrefix));
        if (found.size() > 1)
            return notFound(tr("Entry id \"%1\" is ambiguous: give more characters.").arg(idOrPrefix));
        return found.constFirst();
    });
}

Result<QList<TimelineEdit>> TimelineService::edits(qint64 entryId) const
{
    return query<QList<TimelineEdit>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<TimelineEdit>> {
        return TimelineRepository(db).edits(entryId);
    });
}

Result<QStringList> TimelineService::authors(qint64 incidentId) const
{
    return query<QStringList>(m_ctx, [&](const QSqlDatabase &db) -> Result<QStringList> {
        return TimelineRepository(db).authors(incidentId);
    });
}

Result<QList<TimelineEntry>> TimelineService::pinned(qint64 incidentId) const
{
    return query<QList<TimelineEntry>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<TimelineEntry>> {
        return TimelineRepository(db).pinned(incidentId);
    });
}

Result<QList<SearchHit>> TimelineService::search(const QString &text, std::optional<qint64> incidentId, int limit) const
{
    const QString fts = fullTextQuery(text);
    if (fts.isEmpty())
        return invalid(tr("Type a word to search for."));
    return query<QList<SearchHit>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<SearchHit>> {
        return TimelineRepository(db).search(fts, incidentId, limit);
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

Result<int> TimelineService::rowOf(const TimelineEntry &entry, const TimelineFilter &filter) const
{
    return query<int>(m_ctx, [&](const QSqlDatabase &db) -> Result<int> { return TimelineRepository(db).rowOf(entry, filter); });
}

} // namespace sitrep
