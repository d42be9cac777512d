// Which incident the wall shows, and the wall from the lead's window: View → Wall display
// opens it full screen with the lead's incident, the header says it is presenting, the wall
// follows the incident the lead opens, and Esc on the wall ends it.
#include "support/teststore.h"

#include "mainwindow.h"
#include "wall/fitlabel.h"
#include "wall/wallpresenter.h"
#include "wall/wallwindow.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QtTest>

using namespace sitrep;

namespace {

Incident incidentWith(qint64 id, Status status)
{
    Incident i;
    i.id = id;
    i.status = status;
    return i;
}

std::optional<qint64> idOrNone(qint64 id)
{
    return id ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

class TestWallPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void chooseFollowedIncident_data()
    {
        QTest::addColumn<QList<int>>("statuses"); // newest activity first; ids 1, 2, 3 in that order
        QTest::addColumn<qint64>("current");
        QTest::addColumn<qint64>("declared");
        QTest::addColumn<qint64>("expected"); // 0: none, the calm screen
        const int inv = int(Status::Investigating);
        const int mit = int(Status::Mitigated);
        const int res = int(Status::Resolved);
        const int clo = int(Status::Closed);
        QTest::newRow("no incidents") << QList<int>{} << 0LL << 0LL << 0LL;
        QTest::newRow("nothing active") << QList<int>{res, clo} << 0LL << 0LL << 0LL;
        QTest::newRow("the most recently active") << QList<int>{res, inv, inv} << 0LL << 0LL << 2LL;
        QTest::newRow("mitigated still needs the room") << QList<int>{mit, inv} << 0LL << 0LL << 1LL;
        QTest::newRow("stays on its incident while active") << QList<int>{inv, inv, inv} << 3LL << 0LL << 3LL;
        QTest::newRow("a new incident takes the wall") << QList<int>{inv, inv, inv} << 3LL << 1LL << 1LL;
        QTest::newRow("its incident ended: the next most recent") << QList<int>{inv, res, inv} << 2LL << 0LL << 1LL;
        QTest::newRow("its incident ended, none left") << QList<int>{res, clo} << 1LL << 0LL << 0LL;
        QTest::newRow("declared already resolved (an import)") << QList<int>{res, inv} << 2LL << 1LL << 2LL;
        QTest::newRow("a stale current id") << QList<int>{inv} << 9LL << 0LL << 1LL;
    }

    void chooseFollowedIncident()
    {
        QFETCH(QList<int>, statuses);
        QFETCH(qint64, current);
        QFETCH(qint64, declared);
        QFETCH(qint64, expected);
        QList<Incident> incidents;
        for (int i = 0; i < statuses.size(); ++i)
            incidents.append(incidentWith(i + 1, Status(statuses.at(i))));
        QCOMPARE(sitrep::chooseFollowedIncident(incidents, idOrNone(current), idOrNone(declared)), idOrNone(expected));
    }

    void followingMovesWithTheIncidents()
    {
        test::TestStore store;
        const Incident first = store.declare(QStringLiteral("Checkout is down"));
        WallWindow wall(WallReader::of(*store.services));
        wall.model()->follow();
        QVERIFY(wall.model()->isFollowing());
        QCOMPARE(wall.model()->incident()->id, first.id);

        store.clock.advance(60'000);
        const Incident second = store.declare(QStringLiteral("Search is slow"), Severity::Sev3);
        QCOMPARE(wall.model()->incident()->id, second.id);
        // Activity on the first does not pull the wall back while the second is active.
        QVERIFY(store.services->timeline.log(test::noteFor(first.id, QStringLiteral("still looking"))));
        QCOMPARE(wall.model()->incident()->id, second.id);
        QVERIFY(store.services->incidents.changeStatus(second.id, Status::Resolved));
        QCOMPARE(wall.model()->incident()->id, first.id);
        store.clock.advance(60'000);
        QVERIFY(store.services->incidents.changeStatus(first.id, Status::Resolved));
        QVERIFY(!wall.model()->incident());
        QCOMPARE(wall.model()->lastEnded()->id, first.id);
    }

    void aFixedIncidentStaysWhenResolved()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        WallWindow wall(WallReader::of(*store.services));
        wall.model()->showIncident(incident.id);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Resolved));
        QCOMPARE(wall.model()->incident()->status, Status::Resolved);
        QCOMPARE(wall.findChild<FitLabel *>(QStringLiteral("wallStatus"))->text(), QStringLiteral("RESOLVED"));
        QCOMPARE(wall.findChild<FitLabel *>(QStringLiteral("wallElapsedHeading"))->text(), QStringLiteral("IMPACT LASTED"));
    }

    void viewWallDisplayPresentsTheLeadsIncident()
    {
        test::TestStore store;
        const Incident first = store.declare(QStringLiteral("Checkout is down"));
        const Incident second = store.declare(QStringLiteral("Search is slow"), Severity::Sev3);
        MainWindow window(*store.services);
        window.openIncident(first.id);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WallPresenter *presenter = window.wallPresenter();
        QVERIFY(presenter);
        auto *indicator = window.findChild<QLabel *>(QStringLiteral("wallIndicator"));
        QVERIFY(indicator);
        QVERIFY(!indicator->isVisibleTo(&window));

        // It is on the View menu, with its shortcut.
        QAction *toggle = window.findChild<QAction *>(QStringLiteral("actionWallDisplay"));
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
        bool onViewMenu = false;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(toggle))
                onViewMenu = menu->text() == QStringLiteral("&View");
        }
        QVERIFY(onViewMenu);
        QVERIFY(window.findChild<QMenu *>(QStringLiteral("menuWallScreens")));

        QSignalSpy presenting(presenter, &WallPresenter::presentingChanged);
        toggle->trigger();
        QVERIFY(presenter->isPresenting());
        WallWindow *wall = presenter->wall();
        QVERIFY(QTest::qWaitForWindowExposed(wall));
        QVERIFY(wall->isFullScreen());
        QCOMPARE(wall->screen(), WallPresenter::defaultScreen(&window));
        QVERIFY(toggle->isChecked());
        QVERIFY(indicator->isVisibleTo(&window));
        QCOMPARE(wall->model()->incident()->id, first.id);

        // The wall follows what the lead opens.
        window.openIncident(second.id);
        QCOMPARE(wall->model()->incident()->id, second.id);
        QCOMPARE(wall->findChild<FitLabel *>(QStringLiteral("wallTitle"))->text(), second.title);

        // Esc on the wall ends it, and the lead's window says so.
        QTest::keyClick(wall, Qt::Key_Escape);
        QTRY_VERIFY(!indicator->isVisibleTo(&window));
        QVERIFY(!presenter->isPresenting());
        QVERIFY(!toggle->isChecked());
        QCOMPARE(presenting.constLast().constFirst().toBool(), false);

        // And again, then off from the menu.
        toggle->trigger();
        QVERIFY(presenter->isPresenting());
        QVERIFY(indicator->isVisibleTo(&window));
        toggle->trigger();
        QTRY_VERIFY(!presenter->isPresenting());
        QVERIFY(!indicator->isVisibleTo(&window));
    }

    void aLeftOpenWallDoesNotKeepSitrepRunning()
    {
        test::TestStore store;
        store.declare();
        MainWindow window(*store.services);
        window.wallPresenter()->present();
        QVERIFY(!window.wallPresenter()->wall()->testAttribute(Qt::WA_QuitOnClose));
    }
};

QTEST_MAIN(TestWallPresenter)
#include "tst_wallpresenter.moc"
