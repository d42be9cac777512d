// The war-room window, offscreen, on a real store: typing into the quick-entry line logs a
// durable entry that appears without a model reset; the panes follow the change feed.
#include "support/teststore.h"

#include "mainwindow.h"
#include "models/checklistmodel.h"
#include "models/incidentlistmodel.h"
#include "models/situationcolumnmodel.h"
#include "models/timelinemodel.h"
#include "panels/checklistpanel.h"
#include "panels/situationboardpanel.h"
#include "panels/timelinepanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace sitrep;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quickEntryLogsADurableNote()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        {
            MainWindow window(*store.services);
            window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.currentIncident(), incident.id);
            TimelineModel *model = window.timelinePanel()->model();
            QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
            QSignalSpy reset(model, &QAbstractItemModel::modelReset);
            const int before = model->rowCount();

            auto *entry = window.findChild<QLineEdit *>(QStringLiteral("quickEntry"));
            QVERIFY(entry);
            QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
            QVERIFY(entry->hasFocus());
            QTest::keyClicks(entry, QStringLiteral("Primary disk is 100% full"));
            QTest::keyClick(entry, Qt::Key_Return);

            QCOMPARE(model->rowCount(), before + 1);
            QCOMPARE(inserted.count(), 1);
            QCOMPARE(reset.count(), 0);
            const QModelIndex text = model->index(before, TimelineModel::TextColumn);
            QCOMPARE(text.data().toString(), QStringLiteral("Primary disk is 100% full"));
            QCOMPARE(model->index(before, TimelineModel::AuthorColumn).data().toString(), QStringLiteral("Dana"));
            QVERIFY(entry->text().isEmpty());

            // Already durable when it appears: another connection reads it right now.
            Result<std::shared_ptr<Database>> other = Database::open(store.path);
            QVERIFY(other);
            Services reader(other.value(), &store.clock, QStringLiteral("reader"));
            const QList<TimelineEntry> stored = reader.timeline.page(incident.id, 0, 10).value();
            QCOMPARE(stored.constLast().text, QStringLiteral("Primary disk is 100% full"));
        }
        store.open();
        MainWindow reopened(*store.services);
        const TimelineModel *model = reopened.timelinePanel()->model();
        QCOMPARE(model->index(model->rowCount() - 1, TimelineModel::TextColumn).data().toString(),
                 QStringLiteral("Primary disk is 100% full"));
    }

    void emptyEntryIsRefusedAndTheTextKept()
    {
        test::TestStore store;
        store.declare();
        MainWindow window(*store.services);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *entry = window.findChild<QLineEdit *>(QStringLiteral("quickEntry"));
        auto *feedback = window.findChild<QLabel *>(QStringLiteral("quickEntryFeedback"));
        const int before = window.timelinePanel()->model()->rowCount();
        QTest::keyClicks(entry, QStringLiteral("   "));
        QTest::keyClick(entry, Qt::Key_Return);
        QCOMPARE(window.timelinePanel()->model()->rowCount(), before);
        QVERIFY(feedback->isVisible());
        QVERIFY2(feedback->text().contains(QStringLiteral("Nothing to log")), qPrintable(feedback->text()));
        QCOMPARE(entry->text(), QStringLiteral("   "));
    }

    void declaringOpensTheNewIncident()
    {
        test::TestStore store;
        MainWindow window(*store.services);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.currentIncident(), 0);
        QVERIFY(!window.findChild<QLineEdit *>(QStringLiteral("quickEntry"))->isEnabled());
        window.setDeclarePrompt([](QWidget *) {
            DeclareRequest r;
            r.title = QStringLiteral("Search returns nothing");
            r.severity = Severity::Sev3;
            return std::optional<DeclareRequest>(r);
        });
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QVERIFY(window.currentIncident() != 0);
        const Incident opened = store.services->incidents.find(window.currentIncident()).value();
        QCOMPARE(opened.title, QStringLiteral("Search returns nothing"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("headerTitle"))->text(), QStringLiteral("Search returns nothing"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("headerSeverity"))->text(), QStringLiteral("SEV3"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("headerElapsed"))->text().startsWith(QStringLiteral("Impact")));
        auto *list = window.findChild<QListView *>(QStringLiteral("incidentList"));
        QCOMPARE(list->model()->rowCount(), 1);
        QAbstractItemModelTester tester(list->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void headerTicksWithTheClock()
    {
        test::TestStore store;
        store.declare();
        MainWindow window(*store.services);
        auto *elapsed = window.findChild<QLabel *>(QStringLiteral("headerElapsed"));
        QCOMPARE(elapsed->text(), QStringLiteral("Impact 0s"));
        store.clock.advance(65 * 60'000 + 7'000);
        QTRY_COMPARE_WITH_TIMEOUT(elapsed->text(), QStringLiteral("Impact 1h 05m 07s"), 3000);
    }

    void situationBoardAddsAndFollowsMoves()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        MainWindow window(*store.services);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        SituationColumnModel *unknowns = window.situationPanel()->columnModel(SituationColumn::Unknown);
        SituationColumnModel *knowns = window.situationPanel()->columnModel(SituationColumn::Known);
        QAbstractItemModelTester t1(unknowns, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(knowns, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        auto *add = window.findChild<QLineEdit *>(QStringLiteral("situationAdd_unknown"));
        QVERIFY(add->hasFocus());
        QTest::keyClicks(add, QStringLiteral("Did the 08:30 deploy touch the pool size?"));
        QTest::keyClick(add, Qt::Key_Return);
        QCOMPARE(unknowns->rowCount(), 1);
        QCOMPARE(unknowns->index(0).data().toString(), QStringLiteral("Did the 08:30 deploy touch the pool size?"));

        const qint64 id = unknowns->index(0).data(SituationColumnModel::ItemIdRole).toLongLong();
        QVERIFY(store.services->situation.move(id, SituationColumn::Known));
        QCOMPARE(unknowns->rowCount(), 0);
        QCOMPARE(knowns->rowCount(), 1);
        // The move is on the timeline too.
        const TimelineModel *timeline = window.timelinePanel()->model();
        QVERIFY(timeline->index(timeline->rowCount() - 1, TimelineModel::TextColumn).data().toString().startsWith(QStringLiteral("Moved")));
        Q_UNUSED(incident);
    }

    void spaceTicksTheNextChecklistItem()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        ChecklistItem a, b;
        a.text = QStringLiteral("Confirm the outage and its scope");
        b.text = QStringLiteral("Check logs, server status, recent changes");
        QVERIFY(store.services->checklists.attach(incident.id, QStringLiteral("First response"), {a, b}));
        MainWindow window(*store.services);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ChecklistModel *model = window.checklistPanel()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->itemCount(), 2);
        auto *view = window.findChild<QTreeView *>(QStringLiteral("checklistView"));
        view->setFocus();
        QCOMPARE(view->currentIndex().data().toString(), a.text);
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(model->doneCount(), 1);
        QCOMPARE(view->currentIndex().data().toString(), b.text);
        QCOMPARE(store.services->checklists.checklists(incident.id)->constFirst().items.constFirst().doneBy, QStringLiteral("Dana"));
    }

    void entriesFromAnotherWriterAppear()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        MainWindow window(*store.services);
        store.services->feed().start(20);
        TimelineModel *model = window.timelinePanel()->model();
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        const int before = model->rowCount();
        Result<std::shared_ptr<Database>> other = Database::open(store.path);
        Services writer(other.value(), &store.clock, QStringLiteral("Sam"));
        QVERIFY(writer.timeline.log(test::noteFor(incident.id, QStringLiteral("From the shell"))));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 1, 2000);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model->index(before, TimelineModel::AuthorColumn).data().toString(), QStringLiteral("Sam"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
