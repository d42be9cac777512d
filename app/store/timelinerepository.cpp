#include "timelinerepository.h"

#include "sqlquery.h"

namespace sitrep {

namespace {
const QString kColumns = QStringLiteral(
    "id, uuid, incident_id, at, kind, author, text, source, pinned, internal, retracted_at, retract_reason, created_at");
}

TimelineEntry TimelineRepository::read(SqlQuery &q)
{
    TimelineEntry e;
    e.id = q.value(0).toLongLong();
    e.uuid = QUuid::fromString(q.value(1).toString());
    e.incidentId = q.value(2).toLongLong();
    e.at = q.value(3).toLongLong();
    e.kind = parseEntryKind(q.value(4).toString()).value_or(EntryKind::Note);
    e.author = q.value(5).toString();
    e.text = q.value(6).toString();
    e.source = parseEntrySource(q.value(7).toString()).value_or(EntrySource::Typed);
    e.pinned = q.value(8).toInt() != 0;
    e.internal = q.value(9).toInt() != 0;
    e.retractedAt = q.optionalInt(QStringLiteral("retracted_at"));
    e.retractReason = q.value(11).toString();
    e.createdAt = q.value(12).toLongLong();
    return e;
}

void TimelineRepository::insert(TimelineEntry &entry)
{
    if (entry.uuid.isNull())
        entry.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO timeline_entries (uuid, incident_id, at, kind, author, text, source, pinned, internal, "
        "retracted_at, retract_reason, created_at) VALUES (:uuid, :incident, :at, :kind, :author, :text, :source, "
        ":pinned, :internal, :retracted, :reason, :created)"));
    q.bind(QStringLiteral(":uuid"), uuidText(entry.uuid))
        .bind(QStringLiteral(":incident"), entry.incidentId)
        .bind(QStringLiteral(":at"), entry.at)
        .bind(QStringLiteral(":kind"), entryKindKey(entry.kind))
        .bind(QStringLiteral(":author"), entry.author)
        .bind(QStringLiteral(":text"), entry.text)
        .bind(QStringLiteral(":source"), entrySourceKey(entry.source))
        .bind(QStringLiteral(":pinned"), entry.pinned ? 1 : 0)
        .bind(QStringLiteral(":internal"), entry.internal ? 1 : 0)
        .bindOptional(QStringLiteral(":retracted"), entry.retractedAt)
        .bind(QStringLiteral(":reason"), entry.retractReason)
        .bind(QStringLiteral(":created"), entry.createdAt)
        .exec();
    entry.id = q.lastInsertId();
}

void TimelineRepository::update(const TimelineEntry &entry)
{
    SqlQuery(m_db, QStringLiteral(
        "UPDATE timeline_entries SET at = :at, kind = :kind, text = :text, pinned = :pinned, internal = :internal, "
        "retracted_at = :retracted, retract_reason = :reason WHERE id = :id"))
        .bind(QStringLiteral(":at"), entry.at)
        .bind(QStringLiteral(":kind"), entryKindKey(entry.kind))
        .bind(QStringLiteral(":text"), entry.text)
        .bind(QStringLiteral(":pinned"), entry.pinned ? 1 : 0)
        .bind(QStringLiteral(":internal"), entry.internal ? 1 : 0)
        .bindOptional(QStringLiteral(":retracted"), entry.retractedAt)
        .bind(QStringLiteral(":reason"), entry.retractReason)
        .bind(QStringLiteral(":id"), entry.id)
        .exec();
}

std::optional<TimelineEntry> TimelineRepository::find(qint64 id)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM timeline_entries WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return read(q);
}

int TimelineRepository::count(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COUNT(*) FROM timeline_entries WHERE incident_id = :id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

QList<TimelineEntry> TimelineRepository::page(qint64 incidentId, int offset, int limit)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(" FROM timeline_entries WHERE incident_id = :id ORDER BY at, id LIMIT :limit OFFSET :offset"));
    q.bind(QStringLiteral(":id"), incidentId).bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    QList<TimelineEntry> out;
    out.reserve(limit);
    while (q.next())
        out.append(read(q));
    return out;
}

int TimelineRepository::rowOf(const TimelineEntry &entry)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COUNT(*) FROM timeline_entries WHERE incident_id = :incident "
                                    "AND (at < :at OR (at = :at AND id < :id))"));
    q.bind(QStringLiteral(":incident"), entry.incidentId)
        .bind(QStringLiteral(":at"), entry.at)
        .bind(QStringLiteral(":id"), entry.id)
        .exec();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace sitrep
