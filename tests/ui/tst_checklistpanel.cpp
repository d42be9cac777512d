// The checklist pane offscreen on a real store: Space ticks and moves on, S skips with a reason,
// Backspace unticks, the arrows pass over section headings, the next open step is highlighted,
// a time-boxed step counts down once the step before is done, and a runbook file dropped onto
// the pane is imported and attached (or refused, naming the file). No model reset for a tick.
#include "support/teststore.h"

#include "models/checklistmodel.h"
#include "panels/checklistpanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColor>
#include <QDragEnterEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTreeView>
#include <QUrl>
#include <QtTest>

using namespace sitrep;

namespace {

constexpr qint64 min = 60'000;

struct Pane
{
    explicit Pane(test::TestStore &store) : panel(*store.services)
    {
        panel.resize(700, 800);
        panel.show();
        // Shortcuts fire only in the active window, as on a desk.
        panel.activateWindow();
        active = QTest::qWaitForWindowActive(&panel);
    }
    ChecklistPanel panel;
    bool active = false;
    ChecklistModel *model() const { return panel.model(); }
    QTreeView *view() const { return panel.findChild<QTreeView *>(QStringLiteral("checklistView")); }
    QString current() const { return model()->itemAt(view()->currentIndex()).value_or(ChecklistItem{}).text; }
};

// Drops local files onto a widget the way a file manager does.
bool dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls.append(QUrl::fromLocalFile(p));
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace

class TestChecklistPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyboardTicksSkipsAndMoves()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        QVERIFY(store.services->runbooks.attachToIncident(incident.id, QStringLiteral("first-response")));
        Pane pane(store);
        QVERIFY(pane.active);
        pane.panel.setIncident(incident.id);
        QAbstractItemModelTester tester(pane.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(pane.model(), &QAbstractItemModel::modelReset);
        QTreeView *view = pane.view();
        view->setFocus();
        auto *progress = pane.panel.findChild<QProgressBar *>(QStringLiteral("checklistProgress"));

        // Sections are rows of their own that cannot be selected.
        const QModelIndex list = pane.model()->index(0, 0);
        QCOMPARE(list.data(ChecklistModel::NameRole).toString(), QStringLiteral("First response"));
        QCOMPARE(list.data().toString(), QStringLiteral("First response · 0/13"));
        QCOMPARE(pane.model()->index(0, 0, list).data().toString(), QStringLiteral("Assess"));
        QCOMPARE(pane.model()->flags(pane.model()->index(0, 0, list)), Qt::NoItemFlags);
        QVERIFY(pane.current().startsWith(QStringLiteral("Confirm the outage")));
        QVERIFY(view->currentIndex().data(ChecklistModel::IsNextRole).toBool());
        QCOMPARE(view->currentIndex().data(Qt::BackgroundRole).isValid(), true);

        store.clock.advance(2 * min);
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(pane.model()->doneCount(), 1);
        QCOMPARE(progress->value(), 1);
        QCOMPARE(progress->maximum(), 13);
        QVERIFY2(pane.current().startsWith(QStringLiteral("Scope it")), qPrintable(pane.current()));
        const Checklist stored = store.services->checklists.checklists(incident.id)->constFirst();
        const QModelIndex first = pane.model()->indexOfItem(stored.items.at(0).id);
        QCOMPARE(first.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(pane.model()->index(first.row(), ChecklistModel::TimeColumn, first.parent()).data().toString(),
                 QStringLiteral("2m 00s")); // time taken
        QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Done by Dana at")));

        // S asks why; a cancelled question skips nothing.
        QString asked;
        pane.panel.setSkipPrompt([&](QWidget *, const QString &step) {
            asked = step;
            return std::optional<QString>();
        });
        QTest::keyClick(view, Qt::Key_S);
        QVERIFY(asked.startsWith(QStringLiteral("Scope it")));
        QCOMPARE(pane.model()->doneCount(), 1);
        pane.panel.setSkipPrompt([](QWidget *, const QString &) { return std::optional<QString>(QStringLiteral("one region only")); });
        QTest::keyClick(view, Qt::Key_S);
        QCOMPARE(pane.model()->doneCount(), 2);
        QVERIFY(pane.current().startsWith(QStringLiteral("Check the logs")));
        const QModelIndex skipped = pane.model()->indexOfItem(stored.items.at(1).id);
        QCOMPARE(skipped.data(ChecklistModel::StateRole).toString(), QStringLiteral("skipped"));
        QCOMPARE(skipped.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
        QVERIFY(skipped.data(Qt::ToolTipRole).toString().contains(QStringLiteral("one region only")));

        // Down past the last step of a section lands on the next section's first step.
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        QVERIFY(pane.current().startsWith(QStringLiteral("List recent changes")));
        QTest::keyClick(view, Qt::Key_Down);
        QVERIFY2(pane.current().startsWith(QStringLiteral("Declare the incident")), qPrintable(pane.current()));
        QTest::keyClick(view, Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Up);
        QVERIFY(pane.current().startsWith(QStringLiteral("Scope it")));
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(pane.model()->doneCount(), 1);
        QCOMPARE(view->currentIndex().data(ChecklistModel::StateRole).toString(), QStringLiteral("open"));
        QTest::keyClick(view, Qt::Key_Space);
        QTest::keyClick(view, Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Space); // Space on a done step unticks it
        QCOMPARE(pane.model()->doneCount(), 1);
        QCOMPARE(reset.count(), 0);

        const QList<TimelineEntry> entries = store.services->timeline.page(incident.id, 0, 50).value();
        QCOMPARE(entries.constLast().text.left(10), QStringLiteral("Unticked: "));
        QCOMPARE(entries.constLast().kind, EntryKind::Checklist);
    }

    void timeBoxedStepCountsDownOnceTheStepBeforeIsDone()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        QVERIFY(store.services->runbooks.attachToIncident(incident.id, QStringLiteral("first-response")));
        Pane pane(store);
        pane.panel.setIncident(incident.id);
        const Checklist list = store.services->checklists.checklists(incident.id)->constFirst();
        const QModelIndex scope = pane.model()->indexOfItem(list.items.at(1).id, ChecklistModel::TimeColumn);
        QCOMPARE(scope.data().toString(), QStringLiteral("5m")); // waiting: only its time-box
        QVERIFY(!scope.data(ChecklistModel::DueAtRole).isValid());

        store.clock.advance(1 * min);
        QVERIFY(store.services->checklists.tick(list.items.at(0).id));
        QCOMPARE(scope.data(ChecklistModel::DueAtRole).toLongLong(), test::kT0 + 6 * min);
        QCOMPARE(scope.data().toString(), QStringLiteral("5:00 left"));
        store.clock.advance(4 * min + 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(scope.data().toString(), QStringLiteral("0:30 left"), 3000);
        store.clock.advance(75'000);
        QTRY_COMPARE_WITH_TIMEOUT(scope.data().toString(), QStringLiteral("0:45 over"), 3000);
        QCOMPARE(scope.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
    }

    void droppedRunbookIsImportedAndAttached()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        Pane pane(store);
        pane.panel.setIncident(incident.id);
        QSignalSpy inserted(pane.model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(pane.model(), &QAbstractItemModel::modelReset);
        const QString path = store.dir.filePath(QStringLiteral("DB failover.md"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# DB failover\n\n## Fail over\n\n- [ ] Promote the replica @ops (5m)\n- [ ] Point the app at it\n"
                    "- [x Check lag\n");
        }
        QVERIFY(dropFiles(&pane.panel, {path}));
        QCOMPARE(pane.model()->rowCount(), 1);
        QCOMPARE(pane.model()->index(0, 0).data(ChecklistModel::NameRole).toString(), QStringLiteral("DB failover"));
        QCOMPARE(pane.model()->itemCount(), 3);
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(reset.count(), 0);
        auto *feedback = pane.panel.findChild<QLabel *>(QStringLiteral("checklistFeedback"));
        QVERIFY(feedback->isVisible());
        QVERIFY2(feedback->text().contains(QStringLiteral("Imported “DB failover” (3 steps) and attached it.")), qPrintable(feedback->text()));
        QVERIFY2(feedback->text().contains(QStringLiteral("Line 7:")), qPrintable(feedback->text())); // the broken box
        QCOMPARE(store.services->runbooks.find(QStringLiteral("db-failover"))->itemCount, 3);
        QCOMPARE(store.services->checklists.checklists(incident.id)->constFirst().runbookSlug, QStringLiteral("db-failover"));
    }

    void droppedBadFileIsRefusedByName()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        Pane pane(store);
        pane.panel.setIncident(incident.id);
        const QString path = store.dir.filePath(QStringLiteral("broken.md"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# Broken\n- [ ] caf\xE9\n");
        }
        QVERIFY(dropFiles(&pane.panel, {path}));
        auto *feedback = pane.panel.findChild<QLabel *>(QStringLiteral("checklistFeedback"));
        QVERIFY2(feedback->text().contains(QStringLiteral("broken.md: Line 2 is not valid UTF-8")), qPrintable(feedback->text()));
        QCOMPARE(pane.model()->rowCount(), 0);
        QCOMPARE(store.services->runbooks.library()->size(), 5);
        // Not a runbook file at all: the drop is not even accepted.
        QVERIFY(!dropFiles(&pane.panel, {store.dir.filePath(QStringLiteral("picture.png"))}));
    }
};

QTEST_MAIN(TestChecklistPanel)
#include "tst_checklistpanel.moc"
