#include "drillrunrepository.h"

#include "domain/ids.h"
#include "sqlquery.h"

namespace sitrep {

namespace {

const QString kColumns =
    QStringLiteral("id, uuid, incident_id, scenario, scenario_json, speed, started_at, ended_at, scorecard");

DrillRun readRun(const SqlQuery &q)
{
    DrillRun r;
    r.id = q.value(0).toLongLong();
    r.uuid = QUuid::fromString(q.value(1).toString());
    r.incidentId = q.value(2).toLongLong();
    r.scenario = q.value(3).toString();
    r.scenarioJson = q.value(4).toString().toUtf8();
    r.speed = q.value(5).toDouble();
    r.startedAt = q.value(6).toLongLong();
    r.endedAt = q.optionalInt(QStringLiteral("ended_at"));
    const QString card = q.value(8).toString();
    if (!card.isEmpty())
        r.scorecard = scorecardFromJson(card.toUtf8());
    return r;
}

} // namespace

void DrillRunRepository::insert(DrillRun &run)
{
    if (run.uuid.isNull())
        run.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral("INSERT INTO drill_runs (uuid, incident_id, scenario, scenario_json, speed, started_at) "
                                    "VALUES (:uuid, :incident, :scenario, :json, :speed, :started)"));
    q.bind(QStringLiteral(":uuid"), uuidText(run.uuid))
        .bind(QStringLiteral(":incident"), run.incidentId)
        .bind(QStringLiteral(":scenario"), run.scenario)
        .bind(QStringLiteral(":json"), QString::fromUtf8(run.scenarioJson))
        .bind(QStringLiteral(":speed"), run.speed)
        .bind(QStringLiteral(":started"), run.startedAt)
        .exec();
    run.id = q.lastInsertId();
}

std::optional<DrillRun> DrillRunRepository::forIncident(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM drill_runs WHERE incident_id = :id"));
    q.bind(QStringLiteral(":id"), incidentId).exec();
    if (!q.next())
        return std::nullopt;
    return readRun(q);
}

void DrillRunRepository::finish(const DrillRun &run)
{
    SqlQuery(m_db, QStringLiteral("UPDATE drill_runs SET ended_at = :ended, scorecard = :card WHERE id = :id"))
        .bindOptional(QStringLiteral(":ended"), run.endedAt)
        .bind(QStringLiteral(":card"), run.scorecard ? QString::fromUtf8(scorecardToJson(*run.scorecard)) : QString())
        .bind(QStringLiteral(":id"), run.id)
        .exec();
}

QList<DrillRun> DrillRunRepository::forScenario(const QString &scenario)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(" FROM drill_runs WHERE scenario = :scenario ORDER BY started_at, id"));
    q.bind(QStringLiteral(":scenario"), scenario).exec();
    QList<DrillRun> runs;
    while (q.next())
        runs.append(readRun(q));
    return runs;
}

QList<std::pair<QString, int>> DrillRunRepository::scenarios()
{
    SqlQuery q(m_db, QStringLiteral("SELECT scenario, COUNT(*) FROM drill_runs GROUP BY scenario ORDER BY MAX(started_at) DESC"));
    q.exec();
    QList<std::pair<QString, int>> all;
    while (q.next())
        all.append({q.value(0).toString(), q.value(1).toInt()});
    return all;
}

} // namespace sitrep
