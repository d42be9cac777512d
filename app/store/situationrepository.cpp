#include "situationrepository.h"

#include "sqlquery.h"

namespace sitrep {

namespace {
const QString kColumns = QStringLiteral(
    "id, uuid, incident_id, board_column, text, owner, state, position, created_at, updated_at");
}

SituationItem SituationRepository::read(SqlQuery &q)
{
    SituationItem s;
    s.id = q.value(0).toLongLong();
    s.uuid = QUuid::fromString(q.value(1).toString());
    s.incidentId = q.value(2).toLongLong();
    s.column = parseSituationColumn(q.value(3).toString()).value_or(SituationColumn::Known);
    s.text = q.value(4).toString();
    s.owner = q.value(5).toString();
    s.state = q.value(6).toString();
    s.position = q.value(7).toInt();
    s.createdAt = q.value(8).toLongLong();
    s.updatedAt = q.value(9).toLongLong();
    return s;
}

void SituationRepository::insert(SituationItem &item)
{
    if (item.uuid.isNull())
        item.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO situation_items (uuid, incident_id, board_column, text, owner, state, position, created_at, updated_at) "
        "VALUES (:uuid, :incident, :column, :text, :owner, :state, :position, :created, :updated)"));
    q.bind(QStringLiteral(":uuid"), uuidText(item.uuid))
        .bind(QStringLiteral(":incident"), item.incidentId)
        .bind(QStringLiteral(":column"), situationColumnKey(item.column))
        .bind(QStringLiteral(":text"), item.text)
        .bind(QStringLiteral(":owner"), item.owner)
        .bind(QStringLiteral(":state"), item.state)
        .bind(QStringLiteral(":position"), item.position)
        .bind(QStringLiteral(":created"), item.createdAt)
        .bind(QStringLiteral(":updated"), item.updatedAt)
        .exec();
    item.id = q.lastInsertId();
}

void SituationRepository::update(const SituationItem &item)
{
    SqlQuery(m_db, QStringLiteral("UPDATE situation_items SET board_column = :column, text = :text, owner = :owner, "
                                  "state = :state, position = :position, updated_at = :updated WHERE id = :id"))
        .bind(QStringLiteral(":column"), situationColumnKey(item.column))
        .bind(QStringLiteral(":text"), item.text)
        .bind(QStringLiteral(":owner"), item.owner)
        .bind(QStringLiteral(":state"), item.state)
        .bind(QStringLiteral(":position"), item.position)
        .bind(QStringLiteral(":updated"), item.updatedAt)
        .bind(QStringLiteral(":id"), item.id)
        .exec();
}

std::optional<SituationItem> SituationRepository::find(qint64 id)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM situation_items WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return read(q);
}

QList<SituationItem> SituationRepository::forIncident(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(" FROM situation_items WHERE incident_id = :id ORDER BY board_column, position, id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    QList<SituationItem> out;
    while (q.next())
        out.append(read(q));
    return out;
}

int SituationRepository::nextPosition(qint64 incidentId, SituationColumn column)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(position), -1) + 1 FROM situation_items "
                                    "WHERE incident_id = :id AND board_column = :column"));
    q.bind(QStringLiteral(":id"), incidentId).bind(QStringLiteral(":column"), situationColumnKey(column)).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace sitrep
