// The drill player on a real store and a manual clock, never sleeping: injects arrive on the
// timeline and the board at their offsets (source: drill), a faster clock compresses real time,
// responses are timed against the expectations and the scorecard is exact, repeated runs line up
// side by side, and a scenario the library cannot serve is refused before anything is stored.
#include "support/teststore.h"

#include "services/drillplayer.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace sitrep;

namespace {

constexpr qint64 s = 1000;
constexpr qint64 min = 60 * s;

QByteArray bundledScenario()
{
    QFile f(QStringLiteral(":/scenarios/database-down.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

DrillScenario scenarioOf(const QByteArray &json)
{
    const ScenarioParseResult parsed = parseDrillScenario(json);
    if (!parsed.ok())
        qFatal("scenario does not parse: %s", qPrintable(parsed.error));
    return *parsed.scenario;
}

// Moves the clock to a scenario offset and lets the player catch up, as its timer would.
void at(test::TestStore &store, DrillPlayer &player, qint64 scenarioMs)
{
    store.clock.setNow(realTimeAt(scenarioMs, player.startedAt(), player.speed()));
    player.advance();
}

LogRequest typed(qint64 incidentId, const QString &text, EntryKind kind = EntryKind::Note)
{
    LogRequest r;
    r.incidentId = incidentId;
    r.text = text;
    r.kind = kind;
    return r;
}

// Plays a run of the bundled scenario where the team acknowledges, ticks the first step, sends
// the first update and mitigates at the given scenario offsets (negative: never).
Scorecard playRun(test::TestStore &store, double speed, qint64 ack, qint64 tick, qint64 update, qint64 mitigate)
{
    const QByteArray json = bundledScenario();
    DrillPlayer player(*store.services, scenarioOf(json), json, speed);
    const Result<Incident> incident = player.start();
    if (!incident)
        qFatal("start failed: %s", qPrintable(incident.error().message));
    QSignalSpy finished(&player, &DrillPlayer::finished);
    player.advance();
    QList<std::pair<qint64, std::function<void()>>> steps;
    const qint64 id = incident->id;
    Services &services = *store.services;
    if (ack >= 0)
        steps.append({ack, [&] { (void)services.timeline.log(typed(id, QStringLiteral("On it, paging the DBA"))); }});
    if (tick >= 0)
        steps.append({tick, [&] {
                          const Checklist first = services.checklists.checklists(id)->constFirst();
                          (void)services.checklists.tick(first.items.constFirst().id);
                      }});
    if (update >= 0)
        steps.append({update, [&] {
                          (void)services.timeline.log(typed(id, QStringLiteral("Acme told: down, next update 09:00"),
                                                            EntryKind::Communication));
                      }});
    if (mitigate >= 0)
        steps.append({mitigate, [&] { (void)services.incidents.changeStatus(id, Status::Mitigated); }});
    std::sort(steps.begin(), steps.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[when, act] : steps) {
        at(store, player, when);
        act();
    }
    at(store, player, player.durationMs());
    if (finished.count() != 1)
        qFatal("the drill did not end at its end");
    return *finished.constFirst().constFirst().value<DrillRun>().scorecard;
}

} // namespace

class TestDrillPlayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<DrillRun>(); }

    void injectsArriveAtTheirTimesOnAFasterClock()
    {
        test::TestStore store;
        const QByteArray json = bundledScenario();
        const DrillScenario scenario = scenarioOf(json);
        DrillPlayer player(*store.services, scenario, json, 10.0);
        QSignalSpy played(&player, &DrillPlayer::injectPlayed);
        QSignalSpy finished(&player, &DrillPlayer::finished);
        const Incident incident = player.start().value();
        QVERIFY(incident.drill);
        QCOMPARE(incident.title, scenario.title);
        QCOMPARE(incident.severity, Severity::Sev1);
        // "Must be up by" 15 minutes of scenario time is 90 s of real time at 10x.
        QCOMPARE(incident.deadlineAt, std::optional<qint64>(test::kT0 + 90 * s));
        QStringList attached;
        const QList<Checklist> lists = store.services->checklists.checklists(incident.id).value();
        for (const Checklist &c : lists)
            attached.append(c.runbookSlug);
        QCOMPARE(attached, scenario.runbooks);
        QCOMPARE(player.msUntilNextEvent(), std::optional<qint64>(0));

        player.advance();
        QCOMPARE(played.count(), 1);
        QCOMPARE(player.msUntilNextEvent(), std::optional<qint64>(3 * s)); // 30 s of scenario time
        store.clock.advance(3 * s - 1);
        player.advance();
        QCOMPARE(played.count(), 1);
        store.clock.advance(1);
        player.advance();
        QCOMPARE(played.count(), 2);
        QCOMPARE(player.elapsedMs(), 30 * s);

        // The timer wakes the player at each inject's time.
        for (int i = 2; i <= 8; ++i)
            at(store, player, scenario.injects.at(i).atMs);
        QCOMPARE(played.count(), 9);
        QCOMPARE(finished.count(), 0);
        QList<TimelineEntry> drillEntries;
        const QList<TimelineEntry> entries = store.services->timeline.page(incident.id, 0, 200).value();
        for (const TimelineEntry &e : entries) {
            QCOMPARE(e.source == EntrySource::Drill || e.source == EntrySource::Typed, true);
            if (e.source == EntrySource::Drill && e.kind != EntryKind::System && e.kind != EntryKind::Checklist)
                drillEntries.append(e);
        }
        QCOMPARE(drillEntries.size(), 9);
        QCOMPARE(drillEntries.at(0).kind, EntryKind::Alert);
        QCOMPARE(drillEntries.at(0).author, QStringLiteral("monitoring"));
        QCOMPARE(drillEntries.at(0).at, test::kT0);
        QCOMPARE(drillEntries.at(1).at, test::kT0 + 3 * s);
        QCOMPARE(drillEntries.at(3).kind, EntryKind::Situation); // "unknown" lands on the board
        QCOMPARE(drillEntries.at(3).author, QStringLiteral("drill"));
        QCOMPARE(drillEntries.at(5).text,
                 QStringLiteral("Question from Head of engineering: What's the ETA? The CEO is presenting to Acme at 09:30."));
        QVERIFY(drillEntries.at(5).pinned);
        QCOMPARE(drillEntries.at(8).at, test::kT0 + 45 * s); // 7m30s / 10
        const QList<SituationItem> board = store.services->situation.items(incident.id).value();
        QCOMPARE(board.size(), 3);

        // Jumping ahead plays everything due, in order. (1 ms of real time is 10 ms here.)
        at(store, player, player.durationMs() - 10);
        QCOMPARE(played.count(), 12);
        for (int i = 0; i < played.size(); ++i)
            QCOMPARE(played.at(i).at(0).toInt(), i);
        QCOMPARE(finished.count(), 0);
        QVERIFY(player.isRunning());
        at(store, player, player.durationMs());
        QCOMPARE(finished.count(), 1);
        QVERIFY(player.isEnded());
        QCOMPARE(player.msUntilNextEvent(), std::nullopt);
        const DrillRun run = store.services->drills.run(incident.id).value();
        QCOMPARE(run.endedAt, std::optional<qint64>(test::kT0 + 90 * s));
        QCOMPARE(run.scorecard->metCount, 0);
        QCOMPARE(run.scorecard->total(), 4);
        player.advance(); // nothing more after the end
        QCOMPARE(played.count(), 12);
    }

    void scorecardIsMeasuredOnTheScenarioClock()
    {
        test::TestStore store;
        // At 10x: acknowledged at 1m10s, first step ticked at 2m, first update at 6m (late),
        // mitigated at 14m.
        const Scorecard card = playRun(store, 10.0, 70 * s, 2 * min, 6 * min, 14 * min);
        QCOMPARE(card.total(), 4);
        QCOMPARE(card.lines.at(0).expectationId, QStringLiteral("acknowledge"));
        QCOMPARE(card.lines.at(0).measuredMs, std::optional<qint64>(70 * s));
        QVERIFY(card.lines.at(0).met);
        QCOMPARE(card.lines.at(1).expectationId, QStringLiteral("first-update"));
        QCOMPARE(card.lines.at(1).measuredMs, std::optional<qint64>(6 * min));
        QVERIFY(!card.lines.at(1).met);
        QCOMPARE(card.lines.at(2).expectationId, QStringLiteral("confirm-outage"));
        QCOMPARE(card.lines.at(2).measuredMs, std::optional<qint64>(2 * min));
        QVERIFY(card.lines.at(2).met);
        QCOMPARE(card.lines.at(3).measuredMs, std::optional<qint64>(14 * min));
        QVERIFY(card.lines.at(3).met);
        QCOMPARE(card.metCount, 3);
    }

    void exactlyOnTheLimitIsMetAndTickingCountsAsAcknowledging()
    {
        test::TestStore store;
        const Scorecard card = playRun(store, 1.0, -1, 2 * min, 5 * min, -1);
        QCOMPARE(card.lines.at(0).measuredMs, std::optional<qint64>(2 * min)); // the tick was the first thing typed
        QVERIFY(card.lines.at(0).met);
        QCOMPARE(card.lines.at(1).measuredMs, std::optional<qint64>(5 * min));
        QVERIFY(card.lines.at(1).met);
        QCOMPARE(card.lines.at(3).measuredMs, std::nullopt);
        QVERIFY(!card.lines.at(3).met);
        QCOMPARE(card.metCount, 3);
    }

    void repeatedRunsLineUpSideBySide()
    {
        test::TestStore store;
        playRun(store, 10.0, 3 * min, -1, 8 * min, -1);
        playRun(store, 10.0, 90 * s, 150 * s, 4 * min, 12 * min);
        const QList<DrillRun> runs = store.services->drills.history(scenarioOf(bundledScenario()).title).value();
        QCOMPARE(runs.size(), 2);
        QVERIFY(runs.at(0).startedAt < runs.at(1).startedAt);
        QList<Scorecard> cards;
        for (const DrillRun &r : runs)
            cards.append(*r.scorecard);
        const ScorecardComparison comparison = compareScorecards(cards);
        QCOMPARE(comparison.metCounts, (QList<int>{0, 4}));
        QCOMPARE(comparison.rows.size(), 4);
        const ComparisonCell ack = comparison.rows.at(0).runs.at(1);
        QCOMPARE(ack.trend, ScoreTrend::Faster);
        QCOMPARE(ack.deltaMs, std::optional<qint64>(-90 * s));
        QCOMPARE(comparison.rows.at(2).runs.at(1).trend, ScoreTrend::Faster); // never ticked, then ticked
    }

    void endingEarlyCountsOnlyWhatHappenedSoFar()
    {
        test::TestStore store;
        const QByteArray json = bundledScenario();
        DrillPlayer player(*store.services, scenarioOf(json), json, 1.0);
        const Incident incident = player.start().value();
        player.advance();
        at(store, player, 1 * min);
        QVERIFY(store.services->timeline.log(typed(incident.id, QStringLiteral("looking"))));
        at(store, player, 3 * min);
        const DrillRun run = player.stop().value();
        QCOMPARE(run.scorecard->lines.at(0).measuredMs, std::optional<qint64>(1 * min));
        QCOMPARE(player.injectsPlayed(), 5);
        store.clock.advance(10 * min);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Mitigated));
        QCOMPARE(store.services->drills.score(incident.id)->lines.at(3).measuredMs, std::nullopt); // frozen at the end
        player.advance();
        QCOMPARE(player.injectsPlayed(), 5);
        QVERIFY(!player.stop());
        QCOMPARE(store.services->drills.finish(incident.id).error().kind, ErrorKind::Invalid);
    }

    void refusalsStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<double>("speed");
        QTest::addColumn<QString>("expected");
        QByteArray unknownRunbook = bundledScenario();
        unknownRunbook.replace("\"communicate\"]", "\"failover-plan\"]");
        QTest::newRow("runbook not in the library") << unknownRunbook << 1.0
                                                    << QStringLiteral("$.runbooks[2]: \"failover-plan\" is not in the runbook library");
        QTest::newRow("speed zero") << bundledScenario() << 0.0 << QStringLiteral("out of range");
        QTest::newRow("speed too fast") << bundledScenario() << 5000.0 << QStringLiteral("out of range");
    }

    void refusalsStoreNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(double, speed);
        QFETCH(QString, expected);
        test::TestStore store;
        DrillPlayer player(*store.services, scenarioOf(json), json, speed);
        const Result<Incident> refused = player.start();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(expected), qPrintable(refused.error().message));
        QCOMPARE(store.services->incidents.list()->size(), 0);
        QVERIFY(!player.isRunning());
    }

    void runningLiveUsesTheTimer()
    {
        // The timer only wakes the player; with the manual clock at the start, only what is due
        // at 0s plays, however long we wait.
        test::TestStore store;
        const QByteArray json = bundledScenario();
        DrillPlayer player(*store.services, scenarioOf(json), json, 1.0);
        QSignalSpy played(&player, &DrillPlayer::injectPlayed);
        QVERIFY(player.start());
        player.run();
        QTRY_COMPARE(played.count(), 1);
        store.clock.advance(30 * s);
        QTRY_COMPARE_WITH_TIMEOUT(played.count(), 2, 3000);
    }
};

QTEST_GUILESS_MAIN(TestDrillPlayer)
#include "tst_drillplayer.moc"
