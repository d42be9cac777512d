#include "changelogrepository.h"

#include "sqlquery.h"

namespace sitrep {

void ChangeLogRepository::record(const QString &entity, qint64 entityId, qint64 incidentId,
                                 const QString &operation, qint64 at)
{
    SqlQuery(m_db, QStringLiteral("INSERT INTO change_log (at, entity, entity_id, incident_id, operation) "
                                  "VALUES (:at, :entity, :id, :incident, :op)"))
        .bind(QStringLiteral(":at"), at)
        .bind(QStringLiteral(":entity"), entity)
        .bind(QStringLiteral(":id"), entityId)
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":op"), operation)
        .exec();
}

QList<Change> ChangeLogRepository::since(qint64 seq, int limit)
{
    SqlQuery q(m_db, QStringLiteral("SELECT seq, at, entity, entity_id, incident_id, operation FROM change_log "
                                    "WHERE seq > :seq ORDER BY seq LIMIT :limit"));
    q.bind(QStringLiteral(":seq"), seq).bind(QStringLiteral(":limit"), limit).exec();
    QList<Change> changes;
    while (q.next()) {
        changes.append(Change{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                              q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toString()});
    }
    return changes;
}

qint64 ChangeLogRepository::lastSeq()
{
    SqlQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 ChangeLogRepository::dataVersion()
{
    SqlQuery q(m_db, QStringLiteral("PRAGMA data_version"));
    q.exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace sitrep
