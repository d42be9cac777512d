// The situation board in an offscreen window, worked as a lead works it: from the keyboard
// (Ctrl+1…4, Enter to edit, Space to start and finish, A to answer, Ctrl+arrows to move), by
// drag and drop, back through its history, and briefed to the room with F2. Every column model
// runs under QAbstractItemModelTester throughout.
#include "support/teststore.h"

#include "dialogs/briefingdialog.h"
#include "mainwindow.h"
#include "models/situationcolumnmodel.h"
#include "panels/situationboardpanel.h"
#include "widgets/estimatechart.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QSlider>
#include <QtTest>

#include <memory>

using namespace sitrep;

namespace {

constexpr qint64 kMinute = 60'000;

using Tester = QAbstractItemModelTester;

// Watches all three column models for the length of a test.
struct Testers
{
    explicit Testers(SituationBoardPanel *panel)
    {
        for (SituationColumn c : {SituationColumn::Known, SituationColumn::Unknown, SituationColumn::Plan})
            list.push_back(std::make_unique<Tester>(panel->columnModel(c), Tester::FailureReportingMode::QtTest));
    }
    std::vector<std::unique_ptr<Tester>> list;
};

QStringList texts(const SituationColumnModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row).data().toString();
    return out;
}

// Drops `mime` on a view the way a drag from another column ends: enter, move, drop.
bool dropOn(QListView *view, QMimeData *mime)
{
    const QPoint pos = view->viewport()->rect().center();
    QDragEnterEvent enter(pos, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    enter.setDropAction(Qt::MoveAction);
    QApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(pos, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    move.setDropAction(Qt::MoveAction);
    QApplication::sendEvent(view->viewport(), &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(QPointF(pos), Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    drop.setDropAction(Qt::MoveAction);
    QApplication::sendEvent(view->viewport(), &drop);
    return drop.isAccepted();
}

} // namespace

class TestSituationBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void modelsFollowEveryKindOfChange()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        SituationBoardPanel panel(*store.services);
        panel.setIncident(incident.id);
        Testers testers(&panel);
        SituationColumnModel *known = panel.columnModel(SituationColumn::Known);
        SituationColumnModel *unknown = panel.columnModel(SituationColumn::Unknown);
        SituationColumnModel *plan = panel.columnModel(SituationColumn::Plan);
        SituationService &s = store.services->situation;

        QSignalSpy resets(plan, &QAbstractItemModel::modelReset);
        QSignalSpy moves(plan, &QAbstractItemModel::rowsMoved);
        const SituationItem verify = s.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Watch errors #verify")).value();
        const SituationItem fix = s.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Patch the pool #fix")).value();
        const SituationItem contain = s.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Roll back #contain")).value();
        const SituationItem plain = s.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Tell support")).value();
        // Contain before you cure, whatever order the steps came in.
        QCOMPARE(texts(plan), QStringList({QStringLiteral("Roll back"), QStringLiteral("Patch the pool"),
                                           QStringLiteral("Watch errors"), QStringLiteral("Tell support")}));
        // Re-tagging moves the row; finishing a step sinks it below the open ones.
        QVERIFY(s.editFromText(plain.id, QStringLiteral("Tell support #contain")));
        QCOMPARE(texts(plan).at(1), QStringLiteral("Tell support"));
        QVERIFY(s.setPlanState(contain.id, PlanState::Done));
        QCOMPARE(texts(plan).constLast(), QStringLiteral("Roll back"));
        QVERIFY(moves.count() >= 2);
        QCOMPARE(resets.count(), 0);

        const SituationItem q = s.addFromText(incident.id, SituationColumn::Unknown,
                                              QStringLiteral("Which deploy? @Ana by:09:30")).value();
        QCOMPARE(unknown->rowCount(), 1);
        QCOMPARE(unknown->index(0).data(SituationColumnModel::MetaRole).toString(), QStringLiteral("Ana · need by 09:30"));
        QVERIFY(s.answer(q.id, QStringLiteral("4812")));
        QCOMPARE(unknown->rowCount(), 0);
        QCOMPARE(known->rowCount(), 1);
        QCOMPARE(known->index(0).data(SituationColumnModel::AnswerRole).toString(), QStringLiteral("4812"));
        QCOMPARE(known->index(0).data(SituationColumnModel::MetaRole).toString(), QStringLiteral("from Ana · 08:45"));
        QVERIFY(s.move(fix.id, SituationColumn::Unknown));
        QCOMPARE(texts(unknown), QStringList{QStringLiteral("Patch the pool")});
        QVERIFY(s.remove(verify.id));
        QCOMPARE(plan->rowCount(), 2);
        QCOMPARE(resets.count(), 0);

        // A past board replaces the rows wholesale, read-only; live comes back the same way.
        panel.showAsOf(test::kT0 - 1);
        QCOMPARE(plan->rowCount(), 0);
        QVERIFY(plan->isSnapshot());
        QCOMPARE(plan->flags(QModelIndex()), Qt::NoItemFlags);
        panel.showAsOf(std::nullopt);
        QCOMPARE(plan->rowCount(), 2);
    }

    void keyboardRunsTheBoard()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        MainWindow window(*store.services);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        SituationBoardPanel *panel = window.situationPanel();
        Testers testers(panel);
        SituationColumnModel *known = panel->columnModel(SituationColumn::Known);
        SituationColumnModel *unknown = panel->columnModel(SituationColumn::Unknown);
        SituationColumnModel *plan = panel->columnModel(SituationColumn::Plan);
        auto *addUnknown = window.findChild<QLineEdit *>(QStringLiteral("situationAdd_unknown"));
        auto *addPlan = window.findChild<QLineEdit *>(QStringLiteral("situationAdd_plan"));
        auto *addKnown = window.findChild<QLineEdit *>(QStringLiteral("situationAdd_known"));
        auto *addEstimate = window.findChild<QLineEdit *>(QStringLiteral("situationAdd_estimate"));
        auto *planView = window.findChild<QListView *>(QStringLiteral("situationList_plan"));
        auto *knownView = window.findChild<QListView *>(QStringLiteral("situationList_known"));
        auto *unknownView = window.findChild<QListView *>(QStringLiteral("situationList_unknown"));
        auto *feedback = window.findChild<QLabel *>(QStringLiteral("situationFeedback"));
        QVERIFY(addUnknown && addPlan && addKnown && addEstimate && planView && knownView && unknownView && feedback);

        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QVERIFY(addUnknown->hasFocus());
        QTest::keyClicks(addUnknown, QStringLiteral("Which deploy introduced it? @Ana"));
        QTest::keyClick(addUnknown, Qt::Key_Return);
        QCOMPARE(texts(unknown), QStringList{QStringLiteral("Which deploy introduced it?")});
        const qint64 question = unknown->index(0).data(SituationColumnModel::ItemIdRole).toLongLong();

        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QVERIFY(addPlan->hasFocus());
        QTest::keyClicks(addPlan, QStringLiteral("Watch the error rate #verify"));
        QTest::keyClick(addPlan, Qt::Key_Return);
        QTest::keyClicks(addPlan, QStringLiteral("Roll back deploy 4812 @Ana #contain !risky answers:%1").arg(question));
        QTest::keyClick(addPlan, Qt::Key_Return);
        QCOMPARE(texts(plan), QStringList({QStringLiteral("Roll back deploy 4812"), QStringLiteral("Watch the error rate")}));

        // Up from the line goes to the cards; the first card is the containment step.
        QTest::keyClick(addPlan, Qt::Key_Up);
        QVERIFY(planView->hasFocus());
        QCOMPARE(planView->currentIndex().data().toString(), QStringLiteral("Roll back deploy 4812"));
        const qint64 rollback = planView->currentIndex().data(SituationColumnModel::ItemIdRole).toLongLong();

        // A risky step will not start without its back-out step; the board says why.
        QTest::keyClick(planView, Qt::Key_Space);
        QVERIFY(feedback->isVisible());
        QVERIFY2(feedback->text().contains(QStringLiteral("back out of it before starting")), qPrintable(feedback->text()));
        QCOMPARE(store.services->situation.item(rollback)->state, QStringLiteral("todo"));

        // Enter edits in place; the card's markers come along, so the back-out is one more word.
        QTest::keyClick(planView, Qt::Key_Return);
        auto *editor = planView->findChild<QLineEdit *>(QStringLiteral("cardEditor"));
        QVERIFY(editor);
        QTRY_VERIFY(editor->hasFocus());
        QCOMPARE(editor->text(), QStringLiteral("Roll back deploy 4812 @Ana #contain !risky answers:%1").arg(question));
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClicks(editor, QStringLiteral(" undo: redeploy 4812"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(store.services->situation.item(rollback)->backOut, QStringLiteral("redeploy 4812"));

        // One key starts it, the same key finishes it; a finished step that was to answer a
        // question turns the question's line into its answer.
        QTRY_VERIFY(planView->hasFocus());
        planView->setCurrentIndex(plan->index(plan->rowOfItem(rollback)));
        QTest::keyClick(planView, Qt::Key_Space);
        QCOMPARE(store.services->situation.item(rollback)->state, QStringLiteral("doing"));
        QTest::keyClick(planView, Qt::Key_Space);
        QCOMPARE(store.services->situation.item(rollback)->state, QStringLiteral("done"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("situationHeading_plan"))->text(), QStringLiteral("THE PLAN (1)"));
        QCOMPARE(panel->answering(), question);
        QVERIFY(addUnknown->hasFocus());
        QTest::keyClicks(addUnknown, QStringLiteral("Deploy 4812"));
        QTest::keyClick(addUnknown, Qt::Key_Return);
        QCOMPARE(unknown->rowCount(), 0);
        QCOMPARE(known->index(0).data(SituationColumnModel::AnswerRole).toString(), QStringLiteral("Deploy 4812"));
        QCOMPARE(panel->answering(), 0);

        // The estimate: Ctrl+4, a range with its confidence and basis.
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QVERIFY(addEstimate->hasFocus());
        QTest::keyClicks(addEstimate, QStringLiteral("30m 90m medium last failover took 40 min"));
        QTest::keyClick(addEstimate, Qt::Key_Return);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("estimateRange"))->text(), QStringLiteral("30–90 min"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("estimateWindow"))->text(), QStringLiteral("09:15–10:15 UTC"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("estimateConfidence"))->text(), QStringLiteral("MEDIUM CONFIDENCE"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("estimateBasis"))->text(),
                 QStringLiteral("Basis: last failover took 40 min"));
        QVERIFY(addEstimate->text().isEmpty());

        // A known fact, moved to the next column with Ctrl+Right, then removed with Delete.
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QTest::keyClicks(addKnown, QStringLiteral("Error rate 40% @Grafana"));
        QTest::keyClick(addKnown, Qt::Key_Return);
        QCOMPARE(known->rowCount(), 2);
        QTest::keyClick(addKnown, Qt::Key_Up);
        QVERIFY(knownView->hasFocus());
        QTest::keyClick(knownView, Qt::Key_Down);
        QCOMPARE(knownView->currentIndex().data().toString(), QStringLiteral("Error rate 40%"));
        QTest::keyClick(knownView, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(texts(unknown), QStringList{QStringLiteral("Error rate 40%")});
        QVERIFY(unknownView->hasFocus());
        QCOMPARE(unknownView->currentIndex().data().toString(), QStringLiteral("Error rate 40%"));
        QTest::keyClick(unknownView, Qt::Key_Delete);
        QCOMPARE(unknown->rowCount(), 0);
        // Left and Right walk between the columns.
        QTest::keyClick(unknownView, Qt::Key_Right);
        QVERIFY(planView->hasFocus());
        QTest::keyClick(planView, Qt::Key_Left);
        QTest::keyClick(unknownView, Qt::Key_Left);
        QVERIFY(knownView->hasFocus());

        // Every one of those changes is on the timeline.
        QCOMPARE(store.services->situation.history(incident.id)->size(), 11);
    }

    void answerIsOneStepAndEscapeKeepsTheDraft()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const SituationItem q = store.services->situation.add(incident.id, SituationColumn::Unknown,
                                                              QStringLiteral("Is the replica healthy?"), QStringLiteral("Ben")).value();
        SituationBoardPanel panel(*store.services);
        panel.setIncident(incident.id);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *view = panel.findChild<QListView *>(QStringLiteral("situationList_unknown"));
        auto *line = panel.findChild<QLineEdit *>(QStringLiteral("situationAdd_unknown"));
        auto *hint = panel.findChild<QLabel *>(QStringLiteral("answerHint"));
        line->setText(QStringLiteral("half-typed question"));
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_A);
        QCOMPARE(panel.answering(), q.id);
        QVERIFY(hint->isVisible());
        QVERIFY(line->text().isEmpty());
        QTest::keyClick(line, Qt::Key_Escape);
        QCOMPARE(panel.answering(), 0);
        QCOMPARE(line->text(), QStringLiteral("half-typed question"));

        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QTest::keyClicks(line, QStringLiteral("Yes, lag is normal"));
        QTest::keyClick(line, Qt::Key_Return);
        const SituationItem answered = store.services->situation.item(q.id).value();
        QCOMPARE(answered.column, SituationColumn::Known);
        QCOMPARE(answered.answer, QStringLiteral("Yes, lag is normal"));
        QCOMPARE(line->text(), QStringLiteral("half-typed question"));
    }

    void refusedEditKeepsTheWords()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        QVERIFY(store.services->situation.add(incident.id, SituationColumn::Known, QStringLiteral("Disk is full")));
        SituationBoardPanel panel(*store.services);
        panel.setIncident(incident.id);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *view = panel.findChild<QListView *>(QStringLiteral("situationList_known"));
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        auto *editor = view->findChild<QLineEdit *>(QStringLiteral("cardEditor"));
        QVERIFY(editor);
        QTRY_VERIFY(editor->hasFocus());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Disk is full on db-1 box:10m"));
        QTest::keyClick(editor, Qt::Key_Return);
        auto *feedback = panel.findChild<QLabel *>(QStringLiteral("situationFeedback"));
        QTRY_VERIFY(feedback->text().contains(QStringLiteral("only a plan step has a time-box")));
        QCOMPARE(store.services->situation.items(incident.id)->constFirst().text, QStringLiteral("Disk is full"));
        // The editor comes back with what was typed.
        QTRY_VERIFY(view->findChild<QLineEdit *>(QStringLiteral("cardEditor"))
                    && view->findChild<QLineEdit *>(QStringLiteral("cardEditor"))->isVisible());
        QCOMPARE(view->findChild<QLineEdit *>(QStringLiteral("cardEditor"))->text(),
                 QStringLiteral("Disk is full on db-1 box:10m"));
    }

    void timeBoxTurnsRedWhenItRunsOut()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const SituationItem step = store.services->situation.addFromText(
            incident.id, SituationColumn::Plan, QStringLiteral("Watch the queue drain @Cy box:10m")).value();
        SituationBoardPanel panel(*store.services);
        panel.setIncident(incident.id);
        SituationColumnModel *plan = panel.columnModel(SituationColumn::Plan);
        Testers testers(&panel);
        QCOMPARE(plan->index(0).data(SituationColumnModel::MetaRole).toString(), QStringLiteral("Cy · time-box 10 min"));
        QVERIFY(store.services->situation.setPlanState(step.id, PlanState::Doing));
        store.clock.advance(4 * kMinute + 12'000);
        QCOMPARE(plan->index(0).data(SituationColumnModel::MetaRole).toString(), QStringLiteral("Cy · 5:48 left"));
        QCOMPARE(plan->index(0).data(SituationColumnModel::AlertRole).toBool(), false);
        QSignalSpy repaint(plan, &QAbstractItemModel::dataChanged);
        store.clock.advance(7 * kMinute);
        QTRY_VERIFY(repaint.count() >= 1); // the panel's ticker repaints the countdown
        QCOMPARE(plan->index(0).data(SituationColumnModel::MetaRole).toString(),
                 QStringLiteral("Cy · time-box OVER by 1:12 — check back"));
        QCOMPARE(plan->index(0).data(SituationColumnModel::AlertRole).toBool(), true);
    }

    void dragAndDropMovesCards()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const SituationItem fact = store.services->situation.add(incident.id, SituationColumn::Known,
                                                                 QStringLiteral("Disk is full")).value();
        MainWindow window(*store.services);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SituationBoardPanel *panel = window.situationPanel();
        Testers testers(panel);
        SituationColumnModel *known = panel->columnModel(SituationColumn::Known);
        SituationColumnModel *plan = panel->columnModel(SituationColumn::Plan);
        auto *knownView = window.findChild<QListView *>(QStringLiteral("situationList_known"));
        auto *planView = window.findChild<QListView *>(QStringLiteral("situationList_plan"));
        QVERIFY(knownView->dragEnabled());
        QCOMPARE(knownView->dragDropMode(), QAbstractItemView::DragDrop);

        // Dropped on its own column, nothing happens.
        std::unique_ptr<QMimeData> same(known->mimeData({known->index(0)}));
        QVERIFY(!dropOn(knownView, same.get()));
        QCOMPARE(known->rowCount(), 1);

        std::unique_ptr<QMimeData> mime(known->mimeData({known->index(0)}));
        QCOMPARE(mime->text(), QStringLiteral("Disk is full"));
        QVERIFY(dropOn(planView, mime.get()));
        QCOMPARE(known->rowCount(), 0);
        QCOMPARE(texts(plan), QStringList{QStringLiteral("Disk is full")});
        QCOMPARE(store.services->situation.item(fact.id)->state, QStringLiteral("todo"));
        QVERIFY(store.services->timeline.page(incident.id, 0, 10)->constLast().text.startsWith(QStringLiteral("Moved")));
    }

    void historySliderShowsThePast()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        SituationService &s = store.services->situation;
        QVERIFY(s.add(incident.id, SituationColumn::Unknown, QStringLiteral("Which deploy?")));
        store.clock.advance(kMinute);
        QVERIFY(s.estimate(incident.id, 60 * kMinute, 120 * kMinute, Confidence::Low, QStringLiteral("no idea")));
        store.clock.advance(kMinute);
        const SituationItem q = s.items(incident.id)->constFirst();
        QVERIFY(s.answer(q.id, QStringLiteral("4812")));
        store.clock.advance(kMinute);
        QVERIFY(s.estimate(incident.id, 10 * kMinute, 20 * kMinute, Confidence::High, QStringLiteral("rolled back")));

        MainWindow window(*store.services);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        SituationBoardPanel *panel = window.situationPanel();
        Testers testers(panel);
        SituationColumnModel *known = panel->columnModel(SituationColumn::Known);
        SituationColumnModel *unknown = panel->columnModel(SituationColumn::Unknown);
        auto *slider = window.findChild<QSlider *>(QStringLiteral("asOfSlider"));
        auto *banner = window.findChild<QLabel *>(QStringLiteral("asOfBanner"));
        auto *range = window.findChild<QLabel *>(QStringLiteral("estimateRange"));
        auto *addKnown = window.findChild<QLineEdit *>(QStringLiteral("situationAdd_known"));
        auto *chart = window.findChild<EstimateChart *>(QStringLiteral("estimateChart"));
        QCOMPARE(slider->maximum(), 4);
        QCOMPARE(slider->value(), 4);
        QCOMPARE(range->text(), QStringLiteral("10–20 min"));
        QCOMPARE(chart->revisionCount(), 2);

        // Ctrl+Shift+H takes the slider; each step left is one change back.
        QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(slider->hasFocus());
        QTest::keyClick(slider, Qt::Key_Left);
        QTest::keyClick(slider, Qt::Key_Left);
        QCOMPARE(panel->asOf(), std::optional<qint64>(test::kT0 + kMinute));
        QVERIFY(banner->isVisible());
        QCOMPARE(texts(unknown), QStringList{QStringLiteral("Which deploy?")});
        QCOMPARE(known->rowCount(), 0);
        QCOMPARE(range->text(), QStringLiteral("1–2 h"));
        QCOMPARE(chart->revisionCount(), 1);
        QVERIFY(!addKnown->isEnabled());
        QVERIFY(!(known->flags(QModelIndex()) & Qt::ItemIsDropEnabled));

        QTest::keyClick(slider, Qt::Key_Left);
        QCOMPARE(range->text(), QStringLiteral("No estimate yet"));
        // A timeline click lands here: any moment, not only the slider's steps.
        panel->showAsOf(test::kT0 + 2 * kMinute + 30'000);
        QCOMPARE(slider->value(), 3);
        QCOMPARE(known->index(0).data(SituationColumnModel::AnswerRole).toString(), QStringLiteral("4812"));
        QCOMPARE(unknown->rowCount(), 0);

        // Esc is the way home; typing into a column (Ctrl+1) also returns to now.
        QTest::keyClick(slider, Qt::Key_Escape);
        QCOMPARE(panel->asOf(), std::nullopt);
        QVERIFY(!banner->isVisible());
        QCOMPARE(slider->value(), 4);
        QCOMPARE(range->text(), QStringLiteral("10–20 min"));
        panel->showAsOf(test::kT0);
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(panel->asOf(), std::nullopt);
        QVERIFY(addKnown->hasFocus());
    }

    void accuracyShowsOnceRestored()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        SituationService &s = store.services->situation;
        QVERIFY(s.estimate(incident.id, 10 * kMinute, 15 * kMinute, Confidence::High, QStringLiteral("scripted")));
        store.clock.advance(5 * kMinute);
        QVERIFY(s.estimate(incident.id, 30 * kMinute, 90 * kMinute, Confidence::Medium, QStringLiteral("it was not")));
        SituationBoardPanel panel(*store.services);
        panel.setIncident(incident.id);
        auto *accuracy = panel.findChild<QLabel *>(QStringLiteral("estimateAccuracy"));
        QVERIFY(accuracy->isHidden());
        store.clock.advance(40 * kMinute);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Mitigated));
        QVERIFY(!accuracy->isHidden());
        QCOMPARE(accuracy->text(), QStringLiteral("Restored 09:30 · 1 of 2 estimates held · the last one was right"));
    }

    void f2BriefsTheRoom()
    {
        test::TestStore store;
        const Incident incident = store.declare(QStringLiteral("Checkout is down"));
        SituationService &s = store.services->situation;
        QVERIFY(s.addFromText(incident.id, SituationColumn::Known, QStringLiteral("Error rate 40% @Grafana")));
        QVERIFY(s.addFromText(incident.id, SituationColumn::Unknown, QStringLiteral("Which deploy? @Ana")));
        QVERIFY(s.addFromText(incident.id, SituationColumn::Plan, QStringLiteral("Roll back 4812 @Ana #contain")));
        QVERIFY(s.estimate(incident.id, 30 * kMinute, 90 * kMinute, Confidence::Medium, QStringLiteral("failover took 40 min")));
        MainWindow window(*store.services);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QGuiApplication::clipboard()->clear();

        QTest::keyClick(&window, Qt::Key_F2);
        BriefingDialog *dialog = window.situationPanel()->briefingDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        const QString expected = QStringLiteral(
            "Checkout is down — briefing as of 08:45 UTC.\n"
            "What we know: Error rate 40%.\n"
            "What we don't know yet: Which deploy (Ana)?\n"
            "What we are doing: Nothing under way yet. Next: Roll back 4812 (Ana).\n"
            "Estimate: 30–90 min (09:15–10:15 UTC), medium confidence — failover took 40 min.");
        QCOMPARE(dialog->text(), expected);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("briefingCopied"))->text().contains(QStringLiteral("clipboard")));
    }
};

QTEST_MAIN(TestSituationBoard)
#include "tst_situationboard.moc"
