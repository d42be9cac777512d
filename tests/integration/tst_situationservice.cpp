// The situation service against a real store: plan-step transitions as one table (the refused
// ones too), every refusal leaves the store exactly as it was, and every change writes its
// state, its timeline entry (before → after) and its board event together or not at all.
#include "support/teststore.h"

#include "store/sqlquery.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace sitrep;

namespace {

constexpr qint64 kMinute = 60'000;

int rowCount(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// Every table a board change writes to, counted: a refusal must leave all of them alone.
QList<int> footprint(const QSqlDatabase &db)
{
    return {rowCount(db, QStringLiteral("situation_items")), rowCount(db, QStringLiteral("timeline_entries")),
            rowCount(db, QStringLiteral("board_events")), rowCount(db, QStringLiteral("estimates")),
            rowCount(db, QStringLiteral("change_log")), rowCount(db, QStringLiteral("situation_links"))};
}

void breakTimelineInserts(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER fail_timeline BEFORE INSERT ON timeline_entries "
                                  "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
}

QString lastEntryText(test::TestStore &store, qint64 incidentId)
{
    const int n = store.services->timeline.count(incidentId).value();
    return store.services->timeline.page(incidentId, n - 1, 1).value().constFirst().text;
}

} // namespace

class TestSituationService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planTransitions_data()
    {
        QTest::addColumn<QString>("from"); // reached through the service
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("risky");
        QTest::addColumn<QString>("backOut");
        QTest::addColumn<QString>("refusal"); // empty: allowed

        const QString none;
        const QString undo = QStringLiteral("redeploy 4812");
        QTest::newRow("start") << "todo" << "doing" << false << none << none;
        QTest::newRow("done straight away") << "todo" << "done" << false << none << none;
        QTest::newRow("drop before starting") << "todo" << "abandoned" << false << none << none;
        QTest::newRow("pause") << "doing" << "todo" << false << none << none;
        QTest::newRow("finish") << "doing" << "done" << false << none << none;
        QTest::newRow("give up") << "doing" << "abandoned" << false << none << none;
        QTest::newRow("reopen") << "done" << "doing" << false << none << none;
        QTest::newRow("risky with back-out starts") << "todo" << "doing" << true << undo << none;
        QTest::newRow("refused: risky without back-out") << "todo" << "doing" << true << none
                                                         << QStringLiteral("back out of it before starting");
        QTest::newRow("refused: risky done without back-out") << "todo" << "done" << true << none
                                                              << QStringLiteral("back out of it before starting");
        QTest::newRow("risky may still be abandoned") << "todo" << "abandoned" << true << none << none;
        QTest::newRow("refused: same state") << "doing" << "doing" << false << none << QStringLiteral("already in that state");
        QTest::newRow("refused: done back to todo") << "done" << "todo" << false << none << QStringLiteral("only be reopened");
        QTest::newRow("refused: done to abandoned") << "done" << "abandoned" << false << none
                                                    << QStringLiteral("only be reopened");
        QTest::newRow("refused: out of abandoned") << "abandoned" << "doing" << false << none
                                                   << QStringLiteral("stays abandoned");
    }

    void planTransitions()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, risky);
        QFETCH(QString, backOut);
        QFETCH(QString, refusal);
        test::TestStore store;
        const Incident incident = store.declare();
        SituationService &board = store.services->situation;
        CardDraft draft;
        draft.text = QStringLiteral("Roll back deploy 4812");
        draft.backOut = QStringLiteral("redeploy 4812");
        const SituationItem step = board.addCard(incident.id, SituationColumn::Plan, draft).value();
        // Reach `from` the way a lead would, with a back-out written; then set the row's rules.
        if (from == QLatin1String("doing") || from == QLatin1String("done"))
            QVERIFY(board.setPlanState(step.id, PlanState::Doing));
        if (from == QLatin1String("done"))
            QVERIFY(board.setPlanState(step.id, PlanState::Done));
        if (from == QLatin1String("abandoned"))
            QVERIFY(board.setPlanState(step.id, PlanState::Abandoned));
        draft.risky = risky;
        draft.backOut = backOut;
        QVERIFY(board.edit(step.id, draft));

        const QSqlDatabase db = store.db->connection();
        const QList<int> before = footprint(db);
        const Result<SituationItem> result = board.setPlanState(step.id, *parsePlanState(to));
        if (refusal.isEmpty()) {
            QVERIFY2(result, result ? "" : qPrintable(result.error().message));
            QCOMPARE(board.item(step.id)->state, to);
            QCOMPARE(lastEntryText(store, incident.id),
                     QStringLiteral("Plan step “Roll back deploy 4812”: %1 → %2")
                         .arg(planStateLabel(*parsePlanState(from)), planStateLabel(*parsePlanState(to))));
        } else {
            QVERIFY(!result);
            QCOMPARE(result.error().kind, ErrorKind::Invalid);
            QVERIFY2(result.error().message.contains(refusal), qPrintable(result.error().message));
            QVERIFY2(result.error().message.contains(QStringLiteral("Roll back deploy 4812")),
                     qPrintable(result.error().message));
            QCOMPARE(footprint(db), before);
            QCOMPARE(board.item(step.id)->state, from);
        }
    }

    void refusalsChangeNothing_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("expected");
        QTest::newRow("estimate low above high") << 0 << QStringLiteral("low end of the estimate is above the high end");
        QTest::newRow("negative estimate") << 1 << QStringLiteral("cannot be negative");
        QTest::newRow("answer a known") << 2 << QStringLiteral("Only an unknown can be answered");
        QTest::newRow("answer with nothing") << 3 << QStringLiteral("needs some text");
        QTest::newRow("answer twice") << 4 << QStringLiteral("Only an unknown can be answered");
        QTest::newRow("time-box on a known") << 5 << QStringLiteral("only a plan step has a time-box");
        QTest::newRow("step answers a known") << 6 << QStringLiteral("is not an unknown");
        QTest::newRow("step answers another incident's card") << 7 << QStringLiteral("no card");
        QTest::newRow("edit that changes nothing") << 8 << QStringLiteral("Nothing changed");
        QTest::newRow("move into the estimate") << 9 << QStringLiteral("not a card");
        QTest::newRow("a card in the estimate column") << 10 << QStringLiteral("range, not a card");
        QTest::newRow("estimate for no incident") << 11 << QStringLiteral("no incident");
        QTest::newRow("need-by on a plan step") << 12 << QStringLiteral("need-by time belongs to an unknown");
        QTest::newRow("malformed marker") << 13 << QStringLiteral("box: \"soon\"");
        QTest::newRow("advance a known") << 14 << QStringLiteral("not a plan step");
        QTest::newRow("move an answered card out of known") << 15 << QStringLiteral("was answered (Yes), so it stays known");
    }

    void refusalsChangeNothing()
    {
        QFETCH(int, step);
        QFETCH(QString, expected);
        test::TestStore store;
        const Incident incident = store.declare();
        const Incident other = store.declare(QStringLiteral("Search is slow"), Severity::Sev3);
        SituationService &board = store.services->situation;
        const SituationItem known = board.add(incident.id, SituationColumn::Known, QStringLiteral("Error rate 40%")).value();
        const SituationItem unknown = board.add(incident.id, SituationColumn::Unknown, QStringLiteral("Which deploy?")).value();
        const SituationItem answered = board.add(incident.id, SituationColumn::Unknown, QStringLiteral("Replica ok?")).value();
        QVERIFY(board.answer(answered.id, QStringLiteral("Yes")));
        const SituationItem elsewhere = board.add(other.id, SituationColumn::Unknown, QStringLiteral("Why slow?")).value();
        QVERIFY(board.estimate(incident.id, 30 * kMinute, 90 * kMinute, Confidence::Medium, QStringLiteral("guess")));

        const QSqlDatabase db = store.db->connection();
        const QList<int> before = footprint(db);
        CardDraft draft;
        draft.text = QStringLiteral("Error rate 40%");
        Error error;
        const auto take = [&](const auto &result) {
            QVERIFY(!result);
            error = result.error();
        };
        switch (step) {
        case 0: take(board.estimate(incident.id, 2 * 60 * kMinute, 30 * kMinute, Confidence::Low, {})); break;
        case 1: take(board.estimate(incident.id, -5 * kMinute, 30 * kMinute, Confidence::Low, {})); break;
        case 2: take(board.answer(known.id, QStringLiteral("irrelevant"))); break;
        case 3: take(board.answer(unknown.id, QStringLiteral("   "))); break;
        case 4: take(board.answer(answered.id, QStringLiteral("Again"))); break;
        case 5: take(board.editFromText(known.id, QStringLiteral("Error rate 40% box:10m"))); break;
        case 6: take(board.addFromText(incident.id, SituationColumn::Plan,
                                       QStringLiteral("Check it answers:%1").arg(known.id)));
            break;
        case 7: take(board.addFromText(incident.id, SituationColumn::Plan,
                                       QStringLiteral("Check it answers:%1").arg(elsewhere.id)));
            break;
        case 8: take(board.edit(known.id, draft)); break;
        case 9: take(board.move(unknown.id, SituationColumn::Estimate)); break;
        case 10: take(board.add(incident.id, SituationColumn::Estimate, QStringLiteral("30-90 min"))); break;
        case 11: take(board.estimate(incident.id + 100, kMinute, 2 * kMinute, Confidence::Low, {})); break;
        case 12: take(board.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Check by:09:30"))); break;
        case 13: take(board.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Watch box:soon"))); break;
        case 14: take(board.advancePlanStep(known.id)); break;
        case 15: take(board.move(answered.id, SituationColumn::Unknown)); break;
        }
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
        QCOMPARE(footprint(db), before);
        QCOMPARE(board.currentEstimate(incident.id).value()->lowMs, 30 * kMinute);
    }

    void failedWritesLeaveNoTrace()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        SituationService &board = store.services->situation;
        const SituationItem unknown = board.add(incident.id, SituationColumn::Unknown, QStringLiteral("Which deploy?")).value();
        const SituationItem step = board.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Roll back")).value();
        const QSqlDatabase db = store.db->connection();
        const QList<int> before = footprint(db);
        QSignalSpy spy(&store.services->feed(), &ChangeFeed::changed);

        breakTimelineInserts(db);
        QVERIFY(!board.answer(unknown.id, QStringLiteral("4812")));
        QVERIFY(!board.estimate(incident.id, kMinute, 2 * kMinute, Confidence::High, {}));
        QVERIFY(!board.setPlanState(step.id, PlanState::Doing));
        QVERIFY(!board.editFromText(step.id, QStringLiteral("Roll back @Ana")));
        QVERIFY(!board.remove(unknown.id));
        QVERIFY(!board.addFromText(incident.id, SituationColumn::Known, QStringLiteral("lost")));

        QCOMPARE(footprint(db), before);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(board.item(unknown.id)->column, SituationColumn::Unknown);
        QCOMPARE(board.item(step.id)->state, QStringLiteral("todo"));
        QCOMPARE(board.item(step.id)->owner, QString());
    }

    void everyChangeSaysBeforeAndAfter()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        SituationService &board = store.services->situation;
        const auto entry = [&] { return lastEntryText(store, incident.id); };

        const SituationItem q = board.addFromText(incident.id, SituationColumn::Unknown,
                                                  QStringLiteral("Which deploy introduced it? @Ana")).value();
        QCOMPARE(entry(), QStringLiteral("What we don't know: Which deploy introduced it? (Ana)"));
        const SituationItem step =
            board.addFromText(incident.id, SituationColumn::Plan,
                              QStringLiteral("Roll back 4812 @Ana #contain box:10m answers:%1").arg(q.id)).value();
        QCOMPARE(step.answers, QList<qint64>{q.id});
        QVERIFY(board.editFromText(step.id, QStringLiteral("Roll back 4812 @Ben #fix !risky box:15m undo: redeploy 4812")));
        QCOMPARE(entry(), QStringLiteral("Edited in “The plan”: owner Ana → Ben; tag contain → fix; marked risky; "
                                         "back-out none → “redeploy 4812”; time-box 10 min → 15 min; answers #%1 → none")
                              .arg(q.id));
        QVERIFY(board.advancePlanStep(step.id));
        QCOMPARE(entry(), QStringLiteral("Plan step “Roll back 4812”: To do → In progress"));
        QCOMPARE(board.item(step.id)->boxStartedAt, std::optional<qint64>(test::kT0));
        QVERIFY(board.answer(q.id, QStringLiteral("Deploy 4812")));
        QCOMPARE(entry(), QStringLiteral("Answered “Which deploy introduced it?” → “Deploy 4812” (was open, now known)"));
        const SituationItem known = board.item(q.id).value();
        QCOMPARE(known.column, SituationColumn::Known);
        QCOMPARE(known.answer, QStringLiteral("Deploy 4812"));
        QCOMPARE(known.knownAt, std::optional<qint64>(test::kT0));
        const SituationItem fact = board.addFromText(incident.id, SituationColumn::Known, QStringLiteral("Disk is full @Eve")).value();
        QCOMPARE(fact.knownAt, std::optional<qint64>(test::kT0));
        QVERIFY(board.move(fact.id, SituationColumn::Unknown));
        QCOMPARE(entry(), QStringLiteral("Moved \"Disk is full\" from What we know to What we don't know"));
        QCOMPARE(board.item(fact.id)->knownAt, std::nullopt);
        QCOMPARE(board.item(fact.id)->state, QStringLiteral("open"));
        QVERIFY(board.move(fact.id, SituationColumn::Plan));
        QCOMPARE(entry(), QStringLiteral("Moved \"Disk is full\" from What we don't know to The plan (was Open)"));
        QVERIFY(board.estimate(incident.id, 30 * kMinute, 90 * kMinute, Confidence::Medium, QStringLiteral("failover took 40 min")));
        QVERIFY(entry().startsWith(QStringLiteral("Estimate: 30–90 min · ")));
        QVERIFY(entry().endsWith(QStringLiteral(", medium confidence — failover took 40 min")));
        QVERIFY(board.estimate(incident.id, 20 * kMinute, 40 * kMinute, Confidence::High, {}));
        QVERIFY(entry().startsWith(QStringLiteral("Estimate revised: 30–90 min, medium confidence → 20–40 min · ")));
        QCOMPARE(board.estimates(incident.id)->size(), 2);
        QVERIFY(board.remove(step.id));
        QCOMPARE(entry(), QStringLiteral("Removed from “The plan”: “Roll back 4812”"));

        // Each board event points at the timeline entry written with it.
        const QList<TimelineEntry> all = store.services->timeline.page(incident.id, 0, 100).value();
        int linked = 0;
        for (const TimelineEntry &e : all) {
            if (e.kind == EntryKind::Situation) {
                QCOMPARE(board.boardTimeOfEntry(e.id).value(), std::optional<qint64>(e.at));
                ++linked;
            }
        }
        QCOMPARE(linked, board.history(incident.id)->size());
        QCOMPARE(linked, 11);
    }

    void advanceIsOneKey()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        SituationService &board = store.services->situation;
        const SituationItem step = board.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Fail over")).value();
        QCOMPARE(board.advancePlanStep(step.id)->state, QStringLiteral("doing"));
        QCOMPARE(board.advancePlanStep(step.id)->state, QStringLiteral("done"));
        const Result<SituationItem> again = board.advancePlanStep(step.id);
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(QStringLiteral("already done")));
    }

    void timeBoxCountsFromTheStart()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        SituationService &board = store.services->situation;
        const SituationItem step =
            board.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Watch the queue box:10m")).value();
        QCOMPARE(step.timeBoxEnd(), std::nullopt);
        store.clock.advance(5 * kMinute);
        QCOMPARE(board.setPlanState(step.id, PlanState::Doing)->timeBoxEnd(), std::optional<qint64>(test::kT0 + 15 * kMinute));
        store.clock.advance(kMinute);
        // Changing the box while the step runs restarts it: "check back in 20 min" from now.
        QCOMPARE(board.editFromText(step.id, QStringLiteral("Watch the queue box:20m"))->timeBoxEnd(),
                 std::optional<qint64>(test::kT0 + 26 * kMinute));
        QCOMPARE(board.setPlanState(step.id, PlanState::Todo)->timeBoxEnd(), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSituationService)
#include "tst_situationservice.moc"
