// The timeline as the lead uses it, offscreen on a real store: quick entry with recall and
// undo, pins, filters, UTC, the ribbon, search, milestones and the deadline countdown.
#include "support/teststore.h"

#include "dialogs/milestonesdialog.h"
#include "dialogs/searchdialog.h"
#include "mainwindow.h"
#include "models/timelinemodel.h"
#include "panels/timelinepanel.h"
#include "widgets/timeribbonwidget.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace sitrep;

namespace {

struct Fixture
{
    test::TestStore store;
    Incident incident;
    std::unique_ptr<MainWindow> window;
    QLineEdit *entry = nullptr;

    explicit Fixture(const DeclareRequest *request = nullptr)
    {
        if (request)
            incident = store.services->incidents.declare(*request).value();
        else
            incident = store.declare();
        window = std::make_unique<MainWindow>(*store.services);
        window->resize(1400, 900);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        entry = window->findChild<QLineEdit *>(QStringLiteral("quickEntry"));
    }
    TimelineModel *model() const { return window->timelinePanel()->model(); }
    void type(const QString &line)
    {
        entry->setFocus();
        QTest::keyClicks(entry, line);
        QTest::keyClick(entry, Qt::Key_Return);
    }
    QString lastText() const
    {
        return model()->index(model()->rowCount() - 1, TimelineModel::TextColumn).data().toString();
    }
};

} // namespace

class TestTimelinePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upArrowRecallsTheLastEntryForCorrection()
    {
        Fixture f;
        f.type(QStringLiteral("Dsik full on db-1"));
        const int rows = f.model()->rowCount();
        QTest::keyClick(f.entry, Qt::Key_Up);
        QCOMPARE(f.entry->text(), QStringLiteral("Dsik full on db-1"));
        f.entry->selectAll();
        QTest::keyClicks(f.entry, QStringLiteral("Disk full on db-1"));
        QTest::keyClick(f.entry, Qt::Key_Return);
        QCOMPARE(f.model()->rowCount(), rows); // corrected, not added
        QCOMPARE(f.lastText(), QStringLiteral("Disk full on db-1"));
        const qint64 id = f.model()->index(rows - 1, 0).data(TimelineModel::EntryIdRole).toLongLong();
        QCOMPARE(f.store.services->timeline.edits(id)->size(), 1);
        // Escape gives up a recall without touching the entry.
        QTest::keyClick(f.entry, Qt::Key_Up);
        QTest::keyClick(f.entry, Qt::Key_Escape);
        QVERIFY(f.entry->text().isEmpty());
    }

    void ctrlZUndoesTheLastAction()
    {
        Fixture f;
        f.type(QStringLiteral("/status mitigated"));
        QCOMPARE(f.store.services->incidents.find(f.incident.id)->status, Status::Mitigated);
        f.type(QStringLiteral("! Fail over to db-2"));
        const qint64 decision = f.model()->index(f.model()->rowCount() - 1, 0).data(TimelineModel::EntryIdRole).toLongLong();

        QTest::keyClick(f.window.get(), Qt::Key_Z, Qt::ControlModifier);
        const TimelineEntry undone = f.store.services->timeline.entry(decision).value();
        QVERIFY(undone.isRetracted()); // kept on the record, struck through
        QTest::keyClick(f.window.get(), Qt::Key_Z, Qt::ControlModifier);
        const Incident back = f.store.services->incidents.find(f.incident.id).value();
        QCOMPARE(back.status, Status::Investigating);
        QCOMPARE(back.mitigatedAt, std::nullopt);
    }

    void pinsAndFilters()
    {
        Fixture f;
        f.type(QStringLiteral("a note"));
        f.type(QStringLiteral("! a decision"));
        f.type(QStringLiteral("> an action"));
        QAbstractItemModelTester tester(f.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *view = f.window->findChild<QTableView *>(QStringLiteral("timelineView"));
        view->setFocus();
        view->setCurrentIndex(f.model()->index(1, 0)); // "a note"
        QTest::keyClick(view, Qt::Key_P);
        QVERIFY(f.model()->index(1, 0).data(TimelineModel::PinnedRole).toBool());

        auto *pinned = f.window->findChild<QCheckBox *>(QStringLiteral("filterPinned"));
        pinned->setChecked(true);
        QCOMPARE(f.model()->rowCount(), 2); // the declaration and the pinned note
        pinned->setChecked(false);
        auto *kind = f.window->findChild<QComboBox *>(QStringLiteral("filterKind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("decision")));
        QCOMPARE(f.model()->rowCount(), 1);
        QCOMPARE(f.model()->index(0, TimelineModel::TextColumn).data().toString(), QStringLiteral("a decision"));
        kind->setCurrentIndex(0);
        QCOMPARE(f.model()->rowCount(), 4);

        QTest::keyClick(f.window.get(), Qt::Key_Z, Qt::ControlModifier); // the pin
        QVERIFY(!f.model()->index(1, 0).data(TimelineModel::PinnedRole).toBool());
    }

    void ctrlUShowsUtc()
    {
        qputenv("TZ", "Europe/Berlin");
        Fixture f;
        const QString local = f.model()->index(0, TimelineModel::TimeColumn).data().toString();
        QTest::keyClick(f.window.get(), Qt::Key_U, Qt::ControlModifier);
        const QString utc = f.model()->index(0, TimelineModel::TimeColumn).data().toString();
        QCOMPARE(utc, QStringLiteral("08:45:00"));
        QVERIFY2(local != utc, qPrintable(local));
        QCOMPARE(f.model()->headerData(TimelineModel::TimeColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Time (UTC)"));
        qputenv("TZ", "UTC");
    }

    void ribbonClickScrollsToThePinnedEntry()
    {
        Fixture f;
        for (int i = 0; i < 60; ++i) {
            f.store.clock.advance(30'000);
            f.type(i == 20 ? QStringLiteral("* Found it") : QStringLiteral("entry %1").arg(i));
        }
        auto *ribbon = f.window->findChild<TimeRibbonWidget *>(QStringLiteral("timeRibbon"));
        const QList<TimelineEntry> pins = f.store.services->timeline.pinned(f.incident.id).value();
        const TimelineEntry found = pins.constLast();
        QCOMPARE(found.text, QStringLiteral("Found it"));
        const double x = ribbon->mapping().xForTime(found.at);
        QCOMPARE(ribbon->entryNear(x)->id, found.id);
        QTest::mouseClick(ribbon, Qt::LeftButton, {}, QPoint(int(std::round(x)), 10));
        auto *view = f.window->findChild<QTableView *>(QStringLiteral("timelineView"));
        QCOMPARE(view->currentIndex().data(TimelineModel::EntryIdRole).toLongLong(), found.id);
    }

    void searchOpensTheIncidentAtTheEntry()
    {
        Fixture f;
        f.type(QStringLiteral("Disk full on db-1"));
        const Incident other = f.store.declare(QStringLiteral("Another"));
        f.window->openIncident(other.id);
        f.window->openSearch();
        SearchDialog *search = f.window->searchDialog();
        search->findChild<QCheckBox *>()->setChecked(true);
        search->search(QStringLiteral("disk"));
        QCOMPARE(search->resultCount(), 1);
        search->activate(0);
        QCOMPARE(f.window->currentIncident(), f.incident.id);
        auto *view = f.window->findChild<QTableView *>(QStringLiteral("timelineView"));
        QCOMPARE(view->currentIndex().siblingAtColumn(TimelineModel::TextColumn).data().toString(), QStringLiteral("Disk full on db-1"));
    }

    void milestonesDialogRefusesDisorder()
    {
        Fixture f;
        MilestonesDialog dialog(*f.store.services, f.incident.id, true);
        dialog.setValue(Milestone::Detected, test::kT0 - 3'600'000); // before impact began
        QVERIFY(!dialog.apply());
        QVERIFY2(dialog.problem().contains(QStringLiteral("Detected")), qPrintable(dialog.problem()));
        QCOMPARE(f.store.services->incidents.find(f.incident.id)->detectedAt, std::nullopt);
        dialog.setValue(Milestone::Detected, test::kT0);
        QVERIFY(dialog.apply());
        QCOMPARE(f.store.services->incidents.find(f.incident.id)->detectedAt, std::optional<qint64>(test::kT0));
    }

    void deadlineCountdownTurnsAmberThenRed()
    {
        DeclareRequest r;
        r.title = QStringLiteral("Must be up by 09:00");
        r.deadlineAt = test::kT0 + 20 * 60'000;
        Fixture f(&r);
        auto *deadline = f.window->findChild<QLabel *>(QStringLiteral("headerDeadline"));
        QVERIFY(deadline->isVisible());
        QVERIFY2(deadline->text().startsWith(QStringLiteral("20m 00s to deadline")), qPrintable(deadline->text()));
        QVERIFY(!deadline->styleSheet().contains(QStringLiteral("background")));
        f.store.clock.advance(6 * 60'000);
        QTRY_VERIFY2_WITH_TIMEOUT(deadline->styleSheet().contains(QStringLiteral("#f9a825")), qPrintable(deadline->styleSheet()), 3000);
        f.store.clock.advance(15 * 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(deadline->text().startsWith(QStringLiteral("1m 00s past deadline")), 3000);
        QVERIFY(deadline->styleSheet().contains(QStringLiteral("#c62828")));
    }

    void longTimelinesOpenWithoutReadingEverything()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        for (int i = 0; i < 1500; ++i) {
            store.clock.advance(1000);
            QVERIFY(store.services->timeline.log(test::noteFor(incident.id, QStringLiteral("entry %1").arg(i))));
        }
        MainWindow window(*store.services);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TimelineModel *model = window.timelinePanel()->model();
        QCOMPARE(model->rowCount(), 1501);
        QVERIFY2(model->pagesInMemory() <= 2, qPrintable(QString::number(model->pagesInMemory())));
        QCOMPARE(model->index(1500, TimelineModel::TextColumn).data().toString(), QStringLiteral("entry 1499"));
        QCOMPARE(model->index(1, TimelineModel::TextColumn).data().toString(), QStringLiteral("entry 0"));
        // A back-dated entry lands where it sorts, without a reset.
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        LogRequest r = test::noteFor(incident.id, QStringLiteral("remembered later"));
        r.at = test::kT0 + 500;
        QVERIFY(store.services->timeline.log(r));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model->index(1, TimelineModel::TextColumn).data().toString(), QStringLiteral("remembered later"));
    }
};

QTEST_MAIN(TestTimelinePanel)
#include "tst_timelinepanel.moc"
