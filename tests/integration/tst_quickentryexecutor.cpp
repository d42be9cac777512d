// The quick-entry grammar carried out against a real store: each line does what
// docs/quick-entry.md says, and a malformed line changes nothing.
#include "support/teststore.h"

#include "services/quickentryexecutor.h"

#include <QSqlQuery>
#include <QtTest>

using namespace sitrep;

namespace {

int changeCount(const test::TestStore &store)
{
    QSqlQuery q(store.db->connection());
    q.exec(QStringLiteral("SELECT COUNT(*) FROM change_log"));
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

using sitrep::test::TestStore;

class TestQuickEntryExecutor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesDoWhatTheySay_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected"); // a compact description of the effect
        QTest::newRow("note") << QStringLiteral("Disk full on db-1") << QStringLiteral("entry note: Disk full on db-1");
        QTest::newRow("decision") << QStringLiteral("! Fail over to db-2") << QStringLiteral("entry decision: Fail over to db-2");
        QTest::newRow("action") << QStringLiteral("> Restarted the pool") << QStringLiteral("entry action: Restarted the pool");
        QTest::newRow("pinned decision") << QStringLiteral("*! Roll back 412") << QStringLiteral("entry decision pinned: Roll back 412");
        QTest::newRow("unknown") << QStringLiteral("? Which deploy broke it") << QStringLiteral("card unknown: Which deploy broke it");
        QTest::newRow("known") << QStringLiteral("+ Replica is healthy") << QStringLiteral("card known: Replica is healthy");
        QTest::newRow("plan with owner") << QStringLiteral("~ Check the pool size @Priya") << QStringLiteral("card plan: Check the pool size (Priya)");
        QTest::newRow("status") << QStringLiteral("/status mitigated") << QStringLiteral("status mitigated");
        QTest::newRow("severity") << QStringLiteral("/sev 2") << QStringLiteral("severity 2");
        QTest::newRow("role") << QStringLiteral("/role ic Dana Okafor") << QStringLiteral("role commander: Dana Okafor");
        QTest::newRow("acknowledge") << QStringLiteral("/ack") << QStringLiteral("milestone acknowledged");
        QTest::newRow("estimate") << QStringLiteral("/estimate 30m 2h rollback under way") << QStringLiteral("estimate 30-120 min: rollback under way");
        QTest::newRow("escaped bang") << QStringLiteral("\\!important") << QStringLiteral("entry note: !important");
    }

    void linesDoWhatTheySay()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        TestStore store;
        const Incident incident = store.declare();
        QuickEntryExecutor executor(*store.services);
        const Result<QuickOutcome> outcome = executor.execute(incident.id, line);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));

        QString effect;
        const Incident after = store.services->incidents.find(incident.id).value();
        switch (outcome->action) {
        case QuickAction::LogEntry: {
            const TimelineEntry e = store.services->timeline.entry(*outcome->entryId).value();
            effect = QStringLiteral("entry %1%2: %3").arg(entryKindKey(e.kind), e.pinned ? QStringLiteral(" pinned") : QString(), e.text);
            break;
        }
        case QuickAction::AddSituation: {
            const SituationItem i = store.services->situation.item(*outcome->situationItemId).value();
            effect = QStringLiteral("card %1: %2%3").arg(situationColumnKey(i.column), i.text,
                                                         i.owner.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(i.owner));
            break;
        }
        case QuickAction::SetStatus: effect = QStringLiteral("status ") + statusKey(after.status); break;
        case QuickAction::SetSeverity: effect = QStringLiteral("severity %1").arg(severityNumber(after.severity)); break;
        case QuickAction::AssignRole:
            effect = QStringLiteral("role %1: %2").arg(roleKey(after.roles.constFirst().role), after.roles.constFirst().person);
            break;
        case QuickAction::Milestone:
            effect = after.acknowledgedAt == test::kT0 ? QStringLiteral("milestone acknowledged") : QStringLiteral("?");
            break;
        case QuickAction::Estimate: {
            const Estimate e = store.services->situation.currentEstimate(incident.id).value().value();
            effect = QStringLiteral("estimate %1-%2 min: %3").arg(e.lowMs / 60'000).arg(e.highMs / 60'000).arg(e.basis);
            break;
        }
        case QuickAction::Invalid: break;
        }
        QCOMPARE(effect, expected);
    }

    void malformedLinesChangeNothing_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("Nothing to log");
        QTest::newRow("unknown command") << QStringLiteral("/frobnicate") << QStringLiteral("/frobnicate");
        QTest::newRow("unknown status") << QStringLiteral("/status fixed") << QStringLiteral("fixed");
        QTest::newRow("bad severity") << QStringLiteral("/sev 9") << QStringLiteral("9");
        QTest::newRow("role without person") << QStringLiteral("/role ic") << QStringLiteral("who");
        QTest::newRow("estimate upside down") << QStringLiteral("/estimate 2h 30m") << QStringLiteral("above the high");
        QTest::newRow("empty decision") << QStringLiteral("!") << QStringLiteral("decision");
        QTest::newRow("refused by the service") << QStringLiteral("/status investigating") << QStringLiteral("already");
    }

    void malformedLinesChangeNothing()
    {
        QFETCH(QString, line);
        QFETCH(QString, message);
        TestStore store;
        const Incident incident = store.declare();
        const int before = changeCount(store);
        QuickEntryExecutor executor(*store.services);
        const Result<QuickOutcome> outcome = executor.execute(incident.id, line);
        QVERIFY(!outcome);
        QVERIFY2(outcome.error().message.contains(message, Qt::CaseInsensitive), qPrintable(outcome.error().message));
        QCOMPARE(changeCount(store), before);
    }
};

QTEST_GUILESS_MAIN(TestQuickEntryExecutor)
#include "tst_quickentryexecutor.moc"
