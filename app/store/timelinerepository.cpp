#include "timelinerepository.h"

#include "sqlquery.h"

namespace sitrep {

namespace {

const QString kColumns = QStringLiteral(
    "id, uuid, incident_id, at, kind, author, text, source, pinned, internal, retracted_at, retract_reason, created_at");

// The filter is always the same SQL text with bound values, so statements stay prepared and
// nothing typed ever becomes SQL: an empty kind list or author matches everything.
const QString kFilter = QStringLiteral(
    " AND (:kinds = '' OR instr(:kinds2, ',' || kind || ',') > 0)"
    " AND (:author = '' OR author = :author2)"
    " AND (:pinned = 0 OR pinned = 1)");

QString kindList(const TimelineFilter &filter)
{
    if (filter.kinds.isEmpty())
        return QStringLiteral("");
    QString list = QStringLiteral(",");
    for (EntryKind k : filter.kinds)
        list += entryKindKey(k) + QLatin1Char(',');
    return list;
}

} // namespace

void TimelineRepository::bindFilter(SqlQuery &q, const TimelineFilter &filter)
{
    const QString kinds = kindList(filter);
    q.bind(QStringLiteral(":kinds"), kinds)
        .bind(QStringLiteral(":kinds2"), kinds)
        .bind(QStringLiteral(":author"), filter.author)
        .bind(QStringLiteral(":author2"), filter.author)
        .bind(QStringLiteral(":pinned"), filter.pinnedOnly ? 1 : 0);
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
    const QVariant retracted = q.value(10);
    if (!retracted.isNull())
        e.retractedAt = retracted.toLongLong();
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

QList<TimelineEntry> TimelineRepository::findByUuidPrefix(qint64 incidentId, const QString &prefix)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(" FROM timeline_entries WHERE incident_id = :incident "
                                          "AND substr(uuid, 1, length(:prefix)) = :prefix2 LIMIT 10"));
    q.bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":prefix"), prefix)
        .bind(QStringLiteral(":prefix2"), prefix)
        .exec();
    QList<TimelineEntry> out;
    while (q.next())
        out.append(read(q));
    return out;
}

int TimelineRepository::count(qint64 incidentId, const TimelineFilter &filter)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COUNT(*) FROM timeline_entries WHERE incident_id = :id") + kFilter);
    q.bind(QStringLiteral(":id"), incidentId);
    bindFilter(q, filter);
    q.exec();
    return q.next() ? q.value(0).toInt() : 0;
}

QList<TimelineEntry> TimelineRepository::page(qint64 incidentId, int offset, int limit, const TimelineFilter &filter)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM timeline_entries WHERE incident_id = :id")
                         + kFilter + QStringLiteral(" ORDER BY at, id LIMIT :limit OFFSET :offset"));
    q.bind(QStringLiteral(":id"), incidentId).bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset);
    bindFilter(q, filter);
    q.exec();
    QList<TimelineEntry> out;
    out.reserve(limit);
    while (q.next())
        out.append(read(q));
    return out;
}

int TimelineRepository::rowOf(const TimelineEntry &entry, const TimelineFilter &filter)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COUNT(*) FROM timeline_entries WHERE incident_id = :incident "
                                    "AND (at < :at OR (at = :at2 AND id < :id))") + kFilter);
    q.bind(QStringLiteral(":incident"), entry.incidentId)
        .bind(QStringLiteral(":at"), entry.at)
        .bind(QStringLiteral(":at2"), entry.at)
        .bind(QStringLiteral(":id"), entry.id);
    bindFilter(q, filter);
    q.exec();
    return q.next() ? q.value(0).toInt() : 0;
}

QStringList TimelineRepository::authors(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT DISTINCT author FROM timeline_entries WHERE incident_id = :id "
                                    "AND author != '' ORDER BY author"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QList<TimelineEntry> TimelineRepository::pinned(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(" FROM timeline_entries WHERE incident_id = :id AND pinned = 1 ORDER BY at, id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QList<TimelineEntry> out;
    while (q.next())
        out.append(read(q));
    return out;
}

void TimelineRepository::recordEdit(TimelineEdit &edit)
{
    SqlQuery q(m_db, QStringLiteral("INSERT INTO timeline_edits (uuid, entry_id, edited_at, editor, old_text, new_text, "
                                    "old_at, new_at) VALUES (:uuid, :entry, :at, :editor, :oldText, :newText, :oldAt, :newAt)"));
    q.bind(QStringLiteral(":uuid"), uuidText(QUuid::createUuid()))
        .bind(QStringLiteral(":entry"), edit.entryId)
        .bind(QStringLiteral(":at"), edit.editedAt)
        .bind(QStringLiteral(":editor"), edit.editor)
        .bind(QStringLiteral(":oldText"), edit.oldText)
        .bind(QStringLiteral(":newText"), edit.newText)
        .bind(QStringLiteral(":oldAt"), edit.oldAt)
        .bind(QStringLiteral(":newAt"), edit.newAt)
        .exec();
    edit.id = q.lastInsertId();
}

QList<TimelineEdit> TimelineRepository::edits(qint64 entryId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT id, entry_id, edited_at, editor, old_text, new_text, old_at, new_at "
                                    "FROM timeline_edits WHERE entry_id = :id ORDER BY edited_at, id"));
    q.bind(QStringLiteral(":id"), entryId).exec();
    QList<TimelineEdit> out;
    while (q.next()) {
        TimelineEdit e;
        e.id = q.value(0).toLongLong();
        e.entryId = q.value(1).toLongLong();
        e.editedAt = q.value(2).toLongLong();
        e.editor = q.value(3).toString();
        e.oldText = q.value(4).toString();
        e.newText = q.value(5).toString();
        e.oldAt = q.value(6).toLongLong();
        e.newAt = q.value(7).toLongLong();
        out.append(e);
    }
    return out;
}

QList<SearchHit> TimelineRepository::search(const QString &ftsQuery, std::optional<qint64> incidentId, int limit)
{
    // Newest first by rowid, which FTS5 walks in order without ranking every match: answers
    // stay fast however common the word.
    SqlQuery q(m_db, QStringLiteral(
        "SELECT e.id, e.incident_id, i.uuid, i.title, e.at, e.text FROM timeline_search s "
        "JOIN timeline_entries e ON e.id = s.rowid JOIN incidents i ON i.id = e.incident_id "
        "WHERE timeline_search MATCH :query AND (:all = 1 OR e.incident_id = :incident) "
        "ORDER BY s.rowid DESC LIMIT :limit"));
    q.bind(QStringLiteral(":query"), ftsQuery)
        .bind(QStringLiteral(":all"), incidentId ? 0 : 1)
        .bind(QStringLiteral(":incident"), incidentId.value_or(0))
        .bind(QStringLiteral(":limit"), limit)
        .exec();
    QList<SearchHit> hits;
    while (q.next()) {
        SearchHit h;
        h.entryId = q.value(0).toLongLong();
        h.incidentId = q.value(1).toLongLong();
        h.incidentUuid = QUuid::fromString(q.value(2).toString());
        h.incidentTitle = q.value(3).toString();
        h.at = q.value(4).toLongLong();
        h.text = q.value(5).toString();
        hits.append(h);
    }
    return hits;
}

} // namespace sitrep
