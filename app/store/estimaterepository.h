#pragma once

#include "domain/estimate.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

// Every revision of an incident's time-to-restore estimate.
class EstimateRepository final
{
public:
    explicit EstimateRepository(const QSqlDatabase &db) : m_db(db) {}

    qint64 insert(qint64 incidentId, const Estimate &estimate, const QString &madeBy); // returns the id
    // Oldest first.
    QList<Estimate> forIncident(qint64 incidentId);
    std::optional<Estimate> latest(qint64 incidentId);

private:
    QSqlDatabase m_db;
};

} // namespace sitrep
