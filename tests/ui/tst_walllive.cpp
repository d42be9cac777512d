// Live across processes: another process (the `sitrep` command line) changes the store and
// the wall, watching the same file through its change feed at its normal poll rate, shows it
// within half a second of that process finishing.
#include "support/teststore.h"

#include "wall/fitlabel.h"
#include "wall/walllist.h"
#include "wall/wallwindow.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

using namespace sitrep;

namespace {

// How soon the wall must show another process's change (the promise).
constexpr int kWithinMs = 500;

} // namespace

class TestWallLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void anotherProcessChangeAppears_data()
    {
        QTest::addColumn<QStringList>("command"); // after `sitrep --db PATH`; %ID is the incident
        QTest::addColumn<QString>("widget");      // a WallList or a FitLabel
        QTest::addColumn<QString>("expected");    // a shown text that contains this
        QTest::newRow("a timeline entry") << QStringList{QStringLiteral("log"), QStringLiteral("%ID"),
                                                         QStringLiteral("Failover to db-2 complete")}
                                          << QStringLiteral("wallTimelineList") << QStringLiteral("Failover to db-2 complete");
        QTest::newRow("a fact on the board") << QStringList{QStringLiteral("known"), QStringLiteral("%ID"),
                                                            QStringLiteral("Replica db-2 is current")}
                                             << QStringLiteral("wallKnownList") << QStringLiteral("Replica db-2 is current");
        QTest::newRow("a status change") << QStringList{QStringLiteral("status"), QStringLiteral("%ID"),
                                                        QStringLiteral("mitigated")}
                                         << QStringLiteral("wallStatus") << QStringLiteral("MITIGATED");
        QTest::newRow("a role") << QStringList{QStringLiteral("role"), QStringLiteral("%ID"), QStringLiteral("comms"),
                                               QStringLiteral("Sam Lee")}
                                << QStringLiteral("wallRolesList") << QStringLiteral("Comms Sam Lee");
        QTest::newRow("an estimate") << QStringList{QStringLiteral("estimate"), QStringLiteral("%ID"), QStringLiteral("30m"),
                                                    QStringLiteral("1h")}
                                     << QStringLiteral("wallEstimateRange") << QStringLiteral("30–60 min");
    }

    void anotherProcessChangeAppears()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, widget);
        QFETCH(QString, expected);
        test::TestStore store;
        // The other process stamps its changes with the real time: declare on the same clock.
        store.clock.setNow(QDateTime::currentMSecsSinceEpoch());
        const Incident incident = store.declare();
        WallWindow wall(WallReader::of(*store.services));
        wall.model()->follow();
        wall.resize(1920, 1080);
        wall.show();
        store.services->feed().start(); // the wall's own poll rate

        auto shown = [&] {
            if (const auto *list = wall.findChild<WallList *>(widget)) {
                const QStringList texts = list->shownTexts();
                return std::any_of(texts.cbegin(), texts.cend(), [&](const QString &t) { return t.contains(expected); });
            }
            const auto *label = wall.findChild<FitLabel *>(widget);
            return label && label->text().contains(expected);
        };
        QVERIFY(!shown());

        command.replaceInStrings(QStringLiteral("%ID"), uuidText(incident.uuid));
        QProcess writer;
        writer.start(QStringLiteral(SITREP_BINARY), QStringList{QStringLiteral("--db"), store.path} + command);
        QVERIFY(writer.waitForFinished(30'000));
        QCOMPARE(writer.exitCode(), 0);
        // From the moment the other process is done: the wall is never told, it notices.
        QElapsedTimer since;
        since.start();
        QTRY_VERIFY_WITH_TIMEOUT(shown(), kWithinMs);
        qInfo("shown %lld ms after the other process finished", since.elapsed()); // for the record only
    }

    void followsAnIncidentDeclaredElsewhere()
    {
        test::TestStore store;
        WallWindow wall(WallReader::of(*store.services));
        wall.model()->follow();
        wall.show();
        store.services->feed().start();
        QVERIFY(!wall.model()->incident());

        QProcess writer;
        writer.start(QStringLiteral(SITREP_BINARY),
                     {QStringLiteral("--db"), store.path, QStringLiteral("declare"), QStringLiteral("--title"),
                      QStringLiteral("Payments timing out"), QStringLiteral("--severity"), QStringLiteral("2")});
        QVERIFY(writer.waitForFinished(30'000));
        QCOMPARE(writer.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(wall.findChild<FitLabel *>(QStringLiteral("wallTitle"))->text(),
                                  QStringLiteral("Payments timing out"), kWithinMs);
        QVERIFY(wall.findChild<FitLabel *>(QStringLiteral("wallTitle"))->isVisibleTo(&wall));
    }
};

QTEST_MAIN(TestWallLive)
#include "tst_walllive.moc"
