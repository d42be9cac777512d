#pragma once

#include "domain/situationitem.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

class SqlQuery;

// Cards of the situation board, with the unknowns each plan step should answer.
class SituationRepository final
{
public:
    explicit SituationRepository(const QSqlDatabase &db) : m_db(db) {}

    void insert(SituationItem &item); // sets id (and uuid when null); writes its links
    void update(const SituationItem &item); // writes every field and replaces its links
    void remove(qint64 id);
    std::optional<SituationItem> find(qint64 id);
    QList<SituationItem> forIncident(qint64 incidentId); // by column, then position
    int nextPosition(qint64 incidentId, SituationColumn column);
    // The plan steps that should answer this unknown.
    QList<qint64> stepsAnswering(qint64 unknownId);

private:
    SituationItem read(SqlQuery &q);
    void writeLinks(const SituationItem &item);
    QList<qint64> linksOf(qint64 planId);
    QSqlDatabase m_db;
};

} // namespace sitrep
