#include "boardeventrepository.h"

#include "sqlquery.h"

#include "domain/ids.h"

namespace sitrep {

void BoardEventRepository::append(qint64 incidentId, BoardEvent &event, qint64 entryId, qint64 estimateId)
{
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO board_events (uuid, incident_id, at, kind, item_uuid, board_column, text, owner, state, answer, "
        "tag, estimate_id, entry_id) VALUES (:uuid, :incident, :at, :kind, :item, :column, :text, :owner, :state, "
        ":answer, :tag, :estimate, :entry)"));
    q.bind(QStringLiteral(":uuid"), uuidText(QUuid::createUuid()))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":at"), event.at)
        .bind(QStringLiteral(":kind"), boardEventKindKey(event.kind))
        .bind(QStringLiteral(":item"), event.itemUuid.isNull() ? QString() : uuidText(event.itemUuid))
        .bind(QStringLiteral(":column"), event.kind == BoardEventKind::Estimated ? QString()
                                                                                : situationColumnKey(event.column))
        .bind(QStringLiteral(":text"), event.text)
        .bind(QStringLiteral(":owner"), event.owner)
        .bind(QStringLiteral(":state"), event.state)
        .bind(QStringLiteral(":answer"), event.answer)
        .bind(QStringLiteral(":tag"), event.tag)
        .bindOptional(QStringLiteral(":estimate"), estimateId ? std::optional<qint64>(estimateId) : std::nullopt)
        .bindOptional(QStringLiteral(":entry"), entryId ? std::optional<qint64>(entryId) : std::nullopt)
        .exec();
    event.seq = q.lastInsertId();
}

QList<BoardEvent> BoardEventRepository::forIncident(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral(
        "SELECT e.id, e.at, e.kind, e.item_uuid, e.board_column, e.text, e.owner, e.state, e.answer, e.tag, "
        "x.low_ms, x.high_ms, x.confidence, x.basis, x.made_at "
        "FROM board_events e LEFT JOIN estimates x ON x.id = e.estimate_id "
        "WHERE e.incident_id = :id ORDER BY e.at, e.id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QList<BoardEvent> out;
    while (q.next()) {
        const std::optional<BoardEventKind> kind = parseBoardEventKind(q.value(2).toString());
        if (!kind)
            continue; // a kind from a newer Sitrep: replay what we understand
        BoardEvent e;
        e.seq = q.value(0).toLongLong();
        e.at = q.value(1).toLongLong();
        e.kind = *kind;
        e.itemUuid = QUuid::fromString(q.value(3).toString());
        e.column = parseSituationColumn(q.value(4).toString()).value_or(SituationColumn::Estimate);
        e.text = q.value(5).toString();
        e.owner = q.value(6).toString();
        e.state = q.value(7).toString();
        e.answer = q.value(8).toString();
        e.tag = q.value(9).toString();
        if (!q.value(10).isNull()) {
            Estimate x;
            x.lowMs = q.value(10).toLongLong();
            x.highMs = q.value(11).toLongLong();
            x.confidence = parseConfidence(q.value(12).toString()).value_or(Confidence::Low);
            x.basis = q.value(13).toString();
            x.madeAt = q.value(14).toLongLong();
            e.estimate = x;
        }
        out.append(e);
    }
    return out;
}

std::optional<qint64> BoardEventRepository::timeOfEntry(qint64 entryId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT at FROM board_events WHERE entry_id = :id ORDER BY id LIMIT 1"));
    q.bind(QStringLiteral(":id"), entryId).exec();
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace sitrep
