// Drills and the runbook library in the war-room window, offscreen, on a manual clock: the bundled
// scenario runs start to finish — DRILL in the title, the incident list, the header and the
// checklist pane; injects on the timeline at their times; a tick from the keyboard and a typed
// note timed against the expectations; the scorecard at the end. The library edits, exports and
// attaches runbooks and sets what each severity gets on declare.
#include "support/teststore.h"

#include "dialogs/runbooklibrarydialog.h"
#include "dialogs/scorecarddialog.h"
#include "drillcontroller.h"
#include "mainwindow.h"
#include "models/checklistmodel.h"
#include "models/timelinemodel.h"
#include "panels/checklistpanel.h"
#include "panels/headerstrip.h"
#include "panels/timelinepanel.h"
#include "services/drillplayer.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeView>
#include <QtTest>

using namespace sitrep;

namespace {

constexpr qint64 s = 1000;
constexpr qint64 min = 60 * s;

DrillChoice bundledDrill(double speed)
{
    QFile f(QStringLiteral(":/scenarios/database-down.json"));
    DrillChoice c;
    if (f.open(QIODevice::ReadOnly))
        c.json = f.readAll();
    c.source = QStringLiteral("database-down");
    c.speed = speed;
    return c;
}

bool anyLabelSays(QWidget *parent, const QString &text)
{
    const QList<QLabel *> labels = parent->findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(), [&](QLabel *l) { return l->isVisible() && l->text() == text; });
}

} // namespace

class TestDrillWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledScenarioRunsStartToFinishInTheWindow()
    {
        test::TestStore store;
        MainWindow window(*store.services);
        window.resize(1600, 1000);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.drills()->setStartPrompt([](QWidget *) { return std::optional<DrillChoice>(bundledDrill(10.0)); });
        auto *start = window.findChild<QAction *>(QStringLiteral("drillStartAction"));
        QVERIFY(start);
        start->trigger();
        QVERIFY2(window.drills()->lastError().isEmpty(), qPrintable(window.drills()->lastError()));
        DrillPlayer *player = window.drills()->player();
        QVERIFY(player && player->isRunning());
        const qint64 drillId = player->incidentId();
        QCOMPARE(window.currentIncident(), drillId);

        // DRILL everywhere the incident shows.
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("DRILL — SEV1 — Production database down")));
        auto *list = window.findChild<QListView *>(QStringLiteral("incidentList"));
        QVERIFY(list->model()->index(0, 0).data().toString().startsWith(QStringLiteral("DRILL · SEV1")));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("checklistDrill"))->isVisible());
        QVERIFY(anyLabelSays(window.headerStrip(), QStringLiteral("DRILL")));
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("drillIndicator"))->isVisible());
        auto *status = window.findChild<QLabel *>(QStringLiteral("drillStatus"));

        ChecklistModel *checklists = window.checklistPanel()->model();
        QAbstractItemModelTester checklistTester(checklists, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TimelineModel *timeline = window.timelinePanel()->model();
        QAbstractItemModelTester timelineTester(timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(checklists->rowCount(), 3); // the scenario's runbooks
        QSignalSpy checklistReset(checklists, &QAbstractItemModel::modelReset);
        QSignalSpy timelineReset(timeline, &QAbstractItemModel::modelReset);
        const int before = timeline->rowCount();

        // The player's timer would do this; the test moves the clock and lets it catch up.
        auto to = [&](qint64 scenarioMs) {
            store.clock.setNow(realTimeAt(scenarioMs, player->startedAt(), player->speed()));
            player->advance();
        };
        to(0);
        QCOMPARE(timeline->rowCount(), before + 1);
        to(70 * s);
        QCOMPARE(timeline->rowCount(), before + 3);
        const QModelIndex alert = timeline->index(before + 1, TimelineModel::TextColumn);
        QVERIFY(alert.data().toString().startsWith(QStringLiteral("API error rate 64%")));

        // A person answers: a note typed at 1m10s, the first step ticked with Space at 2m30s.
        auto *entry = window.findChild<QLineEdit *>(QStringLiteral("quickEntry"));
        QTest::keyClicks(entry, QStringLiteral("On it: checking db-primary-01"));
        QTest::keyClick(entry, Qt::Key_Return);
        to(150 * s);
        auto *view = window.findChild<QTreeView *>(QStringLiteral("checklistView"));
        view->setFocus();
        QVERIFY(checklists->itemAt(view->currentIndex())->text.startsWith(QStringLiteral("Confirm the outage")));
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(checklists->doneCount(), 1);
        QTRY_VERIFY2(status->text().startsWith(QStringLiteral("DRILL 02:30 / 15:00")), qPrintable(status->text()));

        to(14 * min);
        QVERIFY(store.services->incidents.changeStatus(drillId, Status::Mitigated));
        QCOMPARE(player->injectsPlayed(), 12);
        QVERIFY(player->isRunning());
        to(15 * min);
        QVERIFY(player->isEnded());
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("drillIndicator"))->isVisible());
        QCOMPARE(checklistReset.count(), 0);
        QCOMPARE(timelineReset.count(), 0);

        // The scorecard: acknowledged at 1m10s (the typed note), no update, the first step at
        // 2m30s (within 3m), mitigated at 14m.
        ScorecardDialog *card = window.drills()->scorecard();
        QVERIFY(card && card->isVisible());
        QTableWidget *table = card->scorecardTable();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("1m 10s"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("met"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("not done"));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("MISSED"));
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("2m 30s"));
        QCOMPARE(table->item(3, 2)->text(), QStringLiteral("14m 00s"));
        QCOMPARE(card->findChild<QLabel *>(QStringLiteral("scorecardSummary"))->text(),
                 QStringLiteral("<b>3 of 4 expectations met.</b>"));
        QVERIFY(!card->comparisonTable()->isVisible()); // the first run has nothing to compare with

        // A second run, side by side with the first.
        start->trigger();
        DrillPlayer *second = window.drills()->player();
        QVERIFY(second && second->isRunning());
        store.clock.setNow(realTimeAt(15 * min, second->startedAt(), second->speed()));
        second->advance();
        QVERIFY(second->isEnded());
        QTableWidget *comparison = window.drills()->scorecard()->comparisonTable();
        QVERIFY(comparison->isVisible());
        QCOMPARE(comparison->columnCount(), 3);
        QCOMPARE(comparison->rowCount(), 5);
        QVERIFY2(comparison->item(0, 2)->text().contains(QStringLiteral("slower")), qPrintable(comparison->item(0, 2)->text()));
        QCOMPARE(comparison->item(4, 1)->text(), QStringLiteral("3 of 4"));
        QCOMPARE(comparison->item(4, 2)->text(), QStringLiteral("0 of 4"));
    }

    void aBadScenarioIsRefusedWithItsPath()
    {
        test::TestStore store;
        MainWindow window(*store.services);
        window.drills()->setStartPrompt([](QWidget *) {
            DrillChoice c = bundledDrill(1.0);
            c.json.replace("\"severity\": 1", "\"severity\": 7");
            return std::optional<DrillChoice>(c);
        });
        window.drills()->startDrill();
        QVERIFY2(window.drills()->lastError().contains(QStringLiteral("$.severity")), qPrintable(window.drills()->lastError()));
        QCOMPARE(store.services->incidents.list()->size(), 0);
    }

    void declaringFromTheWindowAttachesFirstResponse()
    {
        test::TestStore store;
        MainWindow window(*store.services);
        window.setDeclarePrompt([](QWidget *) {
            DeclareRequest r;
            r.title = QStringLiteral("Checkout is down");
            r.severity = Severity::Sev2;
            return std::optional<DeclareRequest>(r);
        });
        window.declareIncident();
        QVERIFY(window.currentIncident() != 0);
        ChecklistModel *model = window.checklistPanel()->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data(ChecklistModel::NameRole).toString(), QStringLiteral("First response"));
        QCOMPARE(model->itemAt(window.findChild<QTreeView *>(QStringLiteral("checklistView"))->currentIndex())->text.left(18),
                 QStringLiteral("Confirm the outage"));
    }

    void libraryEditsExportsAndSetsSeverities()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        MainWindow window(*store.services);
        window.checklistPanel()->findChild<QPushButton *>(QStringLiteral("runbookLibraryButton"))->click();
        auto *library = window.findChild<RunbookLibraryDialog *>(QStringLiteral("runbookLibrary"));
        QVERIFY(library && library->isVisible());
        auto *list = library->findChild<QListWidget *>(QStringLiteral("runbookList"));
        QCOMPARE(list->count(), 5);
        QVERIFY(library->select(QStringLiteral("communicate")));
        auto *editor = library->findChild<QPlainTextEdit *>(QStringLiteral("runbookEditor"));
        QVERIFY(editor->toPlainText().startsWith(QStringLiteral("# Communicate\n")));
        auto *save = library->findChild<QPushButton *>(QStringLiteral("runbookSave"));
        QVERIFY(!save->isEnabled()); // nothing changed yet

        // A broken edit cannot be saved, and says why.
        editor->setPlainText(QStringLiteral("# Communicate\n\nNo steps left."));
        QVERIFY(!save->isEnabled());
        QVERIFY(library->findChild<QLabel *>(QStringLiteral("runbookCheck"))->text().contains(QStringLiteral("No steps found")));
        editor->setPlainText(QStringLiteral("# Communicate\n\n## Now\n\n* [ ] Tell Acme   @liaison (10m)\n"));
        QVERIFY(save->isEnabled());
        save->click();
        QCOMPARE(store.services->runbooks.exportMarkdown(QStringLiteral("communicate")).value(),
                 QStringLiteral("# Communicate\n\n## Now\n\n- [ ] Tell Acme @liaison (10m)\n"));
        QCOMPARE(editor->toPlainText(), QStringLiteral("# Communicate\n\n## Now\n\n- [ ] Tell Acme @liaison (10m)\n"));

        library->findChild<QCheckBox *>(QStringLiteral("attachSev1"))->setChecked(true);
        QCOMPARE(store.services->runbooks.declareRunbooks(Severity::Sev1).value(),
                 (QStringList{QStringLiteral("first-response"), QStringLiteral("communicate")}));

        const QString exported = store.dir.filePath(QStringLiteral("communicate.md"));
        library->setFilePrompt([&](QWidget *, bool saving, const QString &suggested) {
            return saving && suggested == QStringLiteral("communicate.md") ? exported : QString();
        });
        library->exportRunbook();
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("# Communicate\n\n## Now\n\n- [ ] Tell Acme @liaison (10m)\n"));

        library->setIncident(incident.id);
        library->findChild<QPushButton *>(QStringLiteral("runbookAttach"))->click();
        QCOMPARE(window.checklistPanel()->model()->rowCount(), 1);
        QCOMPARE(window.checklistPanel()->model()->itemCount(), 1);
    }
};

QTEST_MAIN(TestDrillWindow)
#include "tst_drillwindow.moc"
