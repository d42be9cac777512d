#pragma once

#include "domain/situationitem.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

class SqlQuery;

// Cards of the situation board.
class SituationRepository final
{
public:
    explicit SituationRepository(const QSqlDatabase &db) : m_db(db) {}

    void insert(SituationItem &item); // sets id
    void update(const SituationItem &item);
    std::optional<SituationItem> find(qint64 id);
    QList<SituationItem> forIncident(qint64 incidentId); // by column, then position
    int nextPosition(qint64 incidentId, SituationColumn column);

private:
    SituationItem read(SqlQuery &q);
    QSqlDatabase m_db;
};

} // namespace sitrep
