#pragma once

#include "domain/drillrun.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

namespace Entity {
inline const QString DrillRun = QStringLiteral("drill_run");
} // namespace Entity

// Drill runs: one per drill incident, with the scorecard frozen when the run ends.
class DrillRunRepository final
{
public:
    explicit DrillRunRepository(const QSqlDatabase &db) : m_db(db) {}

    void insert(DrillRun &run); // sets id and uuid
    std::optional<DrillRun> forIncident(qint64 incidentId);
    void finish(const DrillRun &run); // writes ended_at and the scorecard
    // Runs of one scenario, oldest first.
    QList<DrillRun> forScenario(const QString &scenario);
    // Every scenario title that has been run, with its number of runs.
    QList<std::pair<QString, int>> scenarios();

private:
    QSqlDatabase m_db;
};

} // namespace sitrep
