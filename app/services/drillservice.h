#pragma once

#include "servicecontext.h"

#include "domain/drillrun.h"
#include "domain/drillscenario.h"

namespace sitrep {

// Drill runs in the store: beginning one on a declared drill incident (attaching the
// scenario's runbooks), scoring it against what the record shows, ending it with its scorecard,
// and the history of a scenario's runs for side-by-side comparison. The live part, playing
// injects on the clock, is DrillPlayer's.
class DrillService final
{
public:
    explicit DrillService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    // Refuses a scenario whose runbooks the library does not have, naming the JSON path.
    Result<Done> checkRunbooks(const DrillScenario &scenario) const;
    // Records the run and attaches the scenario's runbooks (those not attached yet), with a
    // timeline entry, in one transaction. The incident must be a drill.
    Result<DrillRun> begin(qint64 incidentId, const DrillScenario &scenario, const QByteArray &scenarioJson,
                           double speed, qint64 startedAt);
    // Scores the run as the record stands now (or as it stood when the run ended).
    Result<Scorecard> score(qint64 incidentId) const;
    // Ends the run: freezes its scorecard, with a timeline entry, in one transaction.
    Result<DrillRun> finish(qint64 incidentId);

    Result<DrillRun> run(qint64 incidentId) const;
    // Ended runs of a scenario, oldest first.
    Result<QList<DrillRun>> history(const QString &scenario) const;
    Result<QList<std::pair<QString, int>>> scenarios() const;

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
