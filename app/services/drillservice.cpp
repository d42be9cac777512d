#include "drillservice.h"

#include "runbookservice.h"

#include "store/checklistrepository.h"
#include "store/drillrunrepository.h"
#include "store/incidentrepository.h"

#include <QLocale>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DrillService", text);
}

QList<TimelineEntry> allEntries(const QSqlDatabase &db, qint64 incidentId)
{
    constexpr int kPage = 1000;
    TimelineRepository repo(db);
    QList<TimelineEntry> all;
    for (int offset = 0;; offset += kPage) {
        const QList<TimelineEntry> page = repo.page(incidentId, offset, kPage);
        all += page;
        if (page.size() < kPage)
            break;
    }
    return all;
}

Result<Scorecard> scoreRun(const QSqlDatabase &db, const DrillRun &run, std::optional<qint64> until)
{
    const ScenarioParseResult scenario = parseDrillScenario(run.scenarioJson);
    if (!scenario.ok())
        return invalid(tr("The scenario stored with this drill cannot be read: %1").arg(scenario.error));
    const std::optional<Incident> incident = IncidentRepository(db).find(run.incidentId);
    if (!incident)
        return notFound(tr("There is no incident %1.").arg(run.incidentId));
    const DrillObservations seen = observeDrill(*incident, allEntries(db, run.incidentId),
                                                ChecklistRepository(db).forIncident(run.incidentId), run.startedAt,
                                                run.speed, until);
    return scoreDrill(scenario.scenario->expectations, seen);
}

Result<DrillRun> loadRun(const QSqlDatabase &db, qint64 incidentId)
{
    if (std::optional<DrillRun> run = DrillRunRepository(db).forIncident(incidentId))
        return *run;
    return notFound(tr("Incident %1 is not a drill run.").arg(incidentId));
}

} // namespace

Result<Done> DrillService::checkRunbooks(const DrillScenario &scenario) const
{
    return query<Done>(m_ctx, [&](const QSqlDatabase &db) -> Result<Done> {
        for (qsizetype i = 0; i < scenario.runbooks.size(); ++i) {
            if (!lookUpRunbook(db, scenario.runbooks.at(i)))
                return invalid(tr("$.runbooks[%1]: \"%2\" is not in the runbook library; import it first "
                                  "(sitrep runbook import FILE)").arg(i).arg(scenario.runbooks.at(i)));
        }
        return Done{};
    });
}

Result<DrillRun> DrillService::begin(qint64 incidentId, const DrillScenario &scenario, const QByteArray &scenarioJson,
                                     double speed, qint64 startedAt)
{
    if (!(speed >= minDrillSpeed && speed <= maxDrillSpeed))
        return invalid(tr("The speed %1 is out of range; use %2 to %3.").arg(speed).arg(minDrillSpeed).arg(maxDrillSpeed));
    const qint64 now = m_ctx.now();
    return mutate<DrillRun>(m_ctx, [&](const QSqlDatabase &db) -> Result<DrillRun> {
        const std::optional<Incident> incident = IncidentRepository(db).find(incidentId);
        if (!incident)
            return notFound(tr("There is no incident %1.").arg(incidentId));
        if (!incident->drill)
            return invalid(tr("\"%1\" is a real incident, not a drill.").arg(incident->title));
        DrillRunRepository runs(db);
        if (runs.forIncident(incidentId))
            return invalid(tr("\"%1\" already has a drill run.").arg(incident->title));

        QList<LibraryRunbook> runbooks;
        for (qsizetype i = 0; i < scenario.runbooks.size(); ++i) {
            const std::optional<LibraryRunbook> runbook = lookUpRunbook(db, scenario.runbooks.at(i));
            if (!runbook)
                return invalid(tr("$.runbooks[%1]: \"%2\" is not in the runbook library").arg(i).arg(scenario.runbooks.at(i)));
            runbooks.append(*runbook);
        }
        DrillRun run;
        run.incidentId = incidentId;
        run.scenario = scenario.title;
        run.scenarioJson = scenarioJson;
        run.speed = speed;
        run.startedAt = startedAt;
        runs.insert(run);
        ChangeLogRepository(db).record(Entity::DrillRun, run.id, incidentId, Operation::Insert, now);

        TimelineEntry entry;
        entry.incidentId = incidentId;
        entry.at = startedAt;
        entry.kind = EntryKind::System;
        entry.author = m_ctx.user;
        entry.source = EntrySource::Drill;
        entry.pinned = true;
        entry.text = speed == 1.0
                         ? tr("Drill started: %1 injects, %2 expectations to meet").arg(scenario.injects.size()).arg(scenario.expectations.size())
                         : tr("Drill started at %3× speed: %1 injects, %2 expectations to meet")
                               .arg(scenario.injects.size())
                               .arg(scenario.expectations.size())
                               .arg(QLocale::c().toString(speed, 'g', 4));
        entry.createdAt = now;
        appendEntry(db, entry);

        ChecklistRepository checklists(db);
        for (const LibraryRunbook &runbook : std::as_const(runbooks)) {
            if (!checklists.hasRunbook(incidentId, runbook.slug))
                attachRunbookInTransaction(m_ctx, db, incidentId, runbook, EntrySource::Drill, now, tr("for the drill"));
        }
        return run;
    });
}

Result<Scorecard> DrillService::score(qint64 incidentId) const
{
    return query<Scorecard>(m_ctx, [&](const QSqlDatabase &db) -> Result<Scorecard> {
        const Result<DrillRun> run = loadRun(db, incidentId);
        if (!run)
            return run.error();
        if (run->scorecard)
            return *run->scorecard;
        return scoreRun(db, run.value(), run->endedAt);
    });
}

Result<DrillRun> DrillService::finish(qint64 incidentId)
{
    const qint64 now = m_ctx.now();
    return mutate<DrillRun>(m_ctx, [&](const QSqlDatabase &db) -> Result<DrillRun> {
        Result<DrillRun> loaded = loadRun(db, incidentId);
        if (!loaded)
            return loaded;
        DrillRun run = loaded.value();
        if (run.isEnded())
            return invalid(tr("This drill already ended."));
        const Result<Scorecard> card = scoreRun(db, run, now);
        if (!card)
            return card.error();
        run.endedAt = now;
        run.scorecard = card.value();
        DrillRunRepository(db).finish(run);
        ChangeLogRepository(db).record(Entity::DrillRun, run.id, incidentId, Operation::Update, now);

        TimelineEntry entry;
        entry.incidentId = incidentId;
        entry.at = now;
        entry.kind = EntryKind::System;
        entry.author = m_ctx.user;
        entry.source = EntrySource::Drill;
        entry.pinned = true;
        entry.text = tr("Drill ended: %1 of %2 expectations met").arg(card->metCount).arg(card->total());
        entry.createdAt = now;
        appendEntry(db, entry);
        return run;
    });
}

Result<DrillRun> DrillService::run(qint64 incidentId) const
{
    return query<DrillRun>(m_ctx, [&](const QSqlDatabase &db) { return loadRun(db, incidentId); });
}

Result<QList<DrillRun>> DrillService::history(const QString &scenario) const
{
    return query<QList<DrillRun>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<DrillRun>> {
        QList<DrillRun> ended;
        for (const DrillRun &r : DrillRunRepository(db).forScenario(scenario)) {
            if (r.isEnded() && r.scorecard)
                ended.append(r);
        }
        return ended;
    });
}

Result<QList<std::pair<QString, int>>> DrillService::scenarios() const
{
    return query<QList<std::pair<QString, int>>>(m_ctx, [](const QSqlDatabase &db) -> Result<QList<std::pair<QString, int>>> {
        return DrillRunRepository(db).scenarios();
    });
}

} // namespace sitrep
