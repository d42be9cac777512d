// What a drill run observes from the record, on the drill's clock: the acknowledge rule, the first
// update, ticks, statuses, the cut-off at the end, and the speed; and the stored scorecard form.
#include "domain/drillrun.h"

#include <QTest>

using namespace sitrep;

namespace {

constexpr qint64 kStart = 1'795'596'300'000;
constexpr qint64 s = 1000;
constexpr qint64 min = 60 * s;

TimelineEntry entry(qint64 createdAt, EntryKind kind, EntrySource source)
{
    TimelineEntry e;
    e.at = createdAt;
    e.createdAt = createdAt;
    e.kind = kind;
    e.source = source;
    e.text = QStringLiteral("x");
    return e;
}

Incident drill()
{
    Incident i;
    i.startedAt = kStart;
    i.declaredAt = kStart;
    i.drill = true;
    return i;
}

} // namespace

class TestDrillRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clockMapsRealTimeToScenarioTime_data()
    {
        QTest::addColumn<double>("speed");
        QTest::addColumn<qint64>("realAfter");
        QTest::addColumn<qint64>("scenario");
        QTest::newRow("real time") << 1.0 << 90 * s << 90 * s;
        QTest::newRow("ten times faster") << 10.0 << 9 * s << 90 * s;
        QTest::newRow("before the start counts as the start") << 10.0 << -5 * s << qint64(0);
    }

    void clockMapsRealTimeToScenarioTime()
    {
        QFETCH(double, speed);
        QFETCH(qint64, realAfter);
        QFETCH(qint64, scenario);
        QCOMPARE(scenarioOffsetMs(kStart + realAfter, kStart, speed), scenario);
        if (realAfter >= 0)
            QCOMPARE(realTimeAt(scenario, kStart, speed), kStart + realAfter);
    }

    void realTimeRoundsUpSoTheOffsetIsReached()
    {
        // 1 s of scenario time at 3x is 333.33 ms: at 334 ms the offset has been reached.
        QCOMPARE(realTimeAt(1000, kStart, 3.0), kStart + 334);
        QVERIFY(scenarioOffsetMs(realTimeAt(1000, kStart, 3.0), kStart, 3.0) >= 1000);
    }

    void acknowledgedIsTheMilestoneWhenSet()
    {
        Incident i = drill();
        i.acknowledgedAt = kStart + 3 * min;
        const QList<TimelineEntry> entries{entry(kStart + 1 * min, EntryKind::Note, EntrySource::Typed)};
        QCOMPARE(observeDrill(i, entries, {}, kStart, 1.0).acknowledgedAfterMs, std::optional<qint64>(3 * min));
    }

    void acknowledgedFallsBackToTheFirstEntryAPersonTyped()
    {
        const QList<TimelineEntry> entries{
            entry(kStart, EntryKind::System, EntrySource::Drill),               // the drill declaring itself
            entry(kStart + 10 * s, EntryKind::Alert, EntrySource::Drill),       // an inject
            entry(kStart + 20 * s, EntryKind::Checklist, EntrySource::System),  // runbooks attached on declare
            entry(kStart + 30 * s, EntryKind::System, EntrySource::Typed),      // a system line, even if typed
            entry(kStart + 75 * s, EntryKind::Note, EntrySource::CommandLine),  // the first person
            entry(kStart + 80 * s, EntryKind::Note, EntrySource::Typed)};
        QCOMPARE(observeDrill(drill(), entries, {}, kStart, 1.0).acknowledgedAfterMs, std::optional<qint64>(75 * s));
    }

    void retractedEntriesDoNotCount()
    {
        TimelineEntry typed = entry(kStart + 10 * s, EntryKind::Communication, EntrySource::Typed);
        typed.retractedAt = kStart + 11 * s;
        const DrillObservations o = observeDrill(drill(), {typed}, {}, kStart, 1.0);
        QCOMPARE(o.acknowledgedAfterMs, std::nullopt);
        QCOMPARE(o.firstUpdateAfterMs, std::nullopt);
    }

    void firstUpdateIsTheFirstCommunicationNotPlayedByTheDrill()
    {
        const QList<TimelineEntry> entries{entry(kStart + 1 * min, EntryKind::Communication, EntrySource::Drill),
                                           entry(kStart + 4 * min, EntryKind::Communication, EntrySource::Typed),
                                           entry(kStart + 2 * min, EntryKind::Note, EntrySource::Typed)};
        QCOMPARE(observeDrill(drill(), entries, {}, kStart, 1.0).firstUpdateAfterMs, std::optional<qint64>(4 * min));
    }

    void entriesCountWhenRecordedNotWhenBackdated()
    {
        TimelineEntry backdated = entry(kStart + 9 * min, EntryKind::Communication, EntrySource::Typed);
        backdated.at = kStart + 1 * min;
        QCOMPARE(observeDrill(drill(), {backdated}, {}, kStart, 1.0).firstUpdateAfterMs, std::optional<qint64>(9 * min));
    }

    void ticksAndStatusesAreScaledBySpeed()
    {
        Incident i = drill();
        i.mitigatedAt = kStart + 30 * s; // at 10x: 5 minutes of scenario time
        i.resolvedAt = kStart + 60 * s;
        Checklist c;
        ChecklistItem done;
        done.text = QStringLiteral("Confirm the outage yourself");
        done.state = ChecklistItemState::Done;
        done.doneAt = kStart + 12 * s;
        ChecklistItem skipped = done;
        skipped.text = QStringLiteral("Scope it");
        skipped.state = ChecklistItemState::Skipped;
        c.items = {done, skipped};
        const DrillObservations o = observeDrill(i, {}, {c}, kStart, 10.0);
        QCOMPARE(o.checklistItemDoneAfterMs.value(done.text), 2 * min);
        QVERIFY(!o.checklistItemDoneAfterMs.contains(skipped.text)); // skipping is not doing
        QCOMPARE(o.statusReachedAfterMs.value(QStringLiteral("mitigated")), 5 * min);
        QCOMPARE(o.statusReachedAfterMs.value(QStringLiteral("resolved")), 10 * min);
        QVERIFY(!o.statusReachedAfterMs.contains(QStringLiteral("identified")));
    }

    void nothingAfterTheEndCounts()
    {
        Incident i = drill();
        i.mitigatedAt = kStart + 20 * min;
        const QList<TimelineEntry> entries{entry(kStart + 16 * min, EntryKind::Communication, EntrySource::Typed)};
        const DrillObservations o = observeDrill(i, entries, {}, kStart, 1.0, kStart + 15 * min);
        QCOMPARE(o.firstUpdateAfterMs, std::nullopt);
        QCOMPARE(o.acknowledgedAfterMs, std::nullopt);
        QVERIFY(o.statusReachedAfterMs.isEmpty());
    }

    void endIsTheLastInjectOrLimit()
    {
        DrillScenario scenario;
        QCOMPARE(drillEndOffsetMs(scenario), qint64(0));
        DrillInject late;
        late.atMs = 13 * min;
        scenario.injects = {late};
        QCOMPARE(drillEndOffsetMs(scenario), 13 * min);
        DrillExpectation e;
        e.withinMs = 15 * min;
        scenario.expectations = {e};
        QCOMPARE(drillEndOffsetMs(scenario), 15 * min);
    }

    void scorecardSurvivesTheStore()
    {
        Scorecard card;
        ScoreLine met;
        met.expectationId = QStringLiteral("ack");
        met.description = QStringLiteral("Acknowledge the incident within 2m");
        met.limitMs = 2 * min;
        met.measuredMs = 70 * s;
        met.met = true;
        ScoreLine missed;
        missed.expectationId = QStringLiteral("first-update");
        missed.description = QStringLiteral("Send the first stakeholder update within 5m");
        missed.limitMs = 5 * min;
        card.lines = {met, missed};
        card.metCount = 1;
        QCOMPARE(scorecardFromJson(scorecardToJson(card)), std::optional<Scorecard>(card));
        QCOMPARE(scorecardFromJson("not json"), std::nullopt);
        QCOMPARE(scorecardFromJson("[]"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestDrillRun)
#include "tst_drillrun.moc"
