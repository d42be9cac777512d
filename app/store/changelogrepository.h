#pragma once

#include "change.h"

#include <QSqlDatabase>

namespace sitrep {

// Reads and writes the change log. record() must run inside the transaction of the change.
class ChangeLogRepository final
{
public:
    explicit ChangeLogRepository(const QSqlDatabase &db) : m_db(db) {}

    void record(const QString &entity, qint64 entityId, qint64 incidentId, const QString &operation, qint64 at);
    QList<Change> since(qint64 seq, int limit = 5000);
    qint64 lastSeq();
    qint64 dataVersion(); // PRAGMA data_version: moves when another connection commits

private:
    QSqlDatabase m_db;
};

} // namespace sitrep
