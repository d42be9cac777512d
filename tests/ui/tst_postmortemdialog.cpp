// The postmortem editor and the Report menu, offscreen on a real store: typed text is saved by
// itself and on close, action items are edited in place and follow other writers row by row,
// and exports and imports go through a prompt the test answers.
#include "support/richincident.h"

#include "dialogs/postmortemdialog.h"
#include "mainwindow.h"
#include "models/actionitemmodel.h"
#include "reportactions.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QTabWidget>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace sitrep;

class TestPostmortemDialog : public QObject
{
    Q_OBJECT

    static QAction *action(MainWindow &window, const QString &name)
    {
        return window.findChild<QAction *>(name);
    }

    // Saves a picture of a widget when SITREP_SHOTS names a directory: for looking, not asserting.
    static void shoot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("SITREP_SHOTS");
        if (!dir.isEmpty())
            widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }

private Q_SLOTS:
    void typedTextIsSavedByItself()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        MainWindow window(*store.services);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *open = action(window, QStringLiteral("actionPostmortem"));
        QVERIFY(open);
        open->trigger();
        auto *dialog = window.findChild<PostmortemDialog *>(QStringLiteral("postmortemDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());

        auto *summary = dialog->findChild<QPlainTextEdit *>(QStringLiteral("postmortemSummary"));
        auto *owner = dialog->findChild<QLineEdit *>(QStringLiteral("postmortemOwner"));
        auto *affected = dialog->findChild<QLineEdit *>(QStringLiteral("postmortemAffected"));
        auto *why = dialog->findChild<QLineEdit *>(QStringLiteral("postmortemWhy2"));
        QVERIFY(summary && owner && affected && why);
        QTest::keyClicks(owner, QStringLiteral("Sam Lee"));
        QTest::keyClicks(summary, QStringLiteral("Checkout was down for 41 minutes."));
        QTest::keyClicks(affected, QStringLiteral("1,840"));
        QTest::keyClicks(why, QStringLiteral("Each pod's pool allowed 60."));
        QVERIFY(dialog->isDirty());
        // Saved a moment after the typing stops, with no button pressed.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isDirty(), 5000);
        const Postmortem stored = store.services->postmortems.postmortem(incident.id).value();
        QCOMPARE(stored.owner, QStringLiteral("Sam Lee"));
        QCOMPARE(stored.summary, QStringLiteral("Checkout was down for 41 minutes."));
        QCOMPARE(stored.affectedCount, std::optional<qint64>(1840));
        QCOMPARE(stored.fiveWhys, QStringList{QStringLiteral("Each pod's pool allowed 60.")});
        const QList<TimelineEntry> entries = store.services->timeline.page(incident.id, 0, 100).value();
        QVERIFY(entries.last().text.startsWith(QStringLiteral("Postmortem edited: review, summary, impact")));

        // Closing saves what was typed since.
        QTest::keyClicks(summary, QStringLiteral(" No order was lost."));
        dialog->close();
        QCOMPARE(store.services->postmortems.postmortem(incident.id)->summary,
                 QStringLiteral("Checkout was down for 41 minutes. No order was lost."));
    }

    void aBadNumberIsShownAndKept()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        PostmortemDialog dialog(*store.services, incident.id);
        auto *support = dialog.findChild<QLineEdit *>(QStringLiteral("postmortemSupport"));
        QTest::keyClicks(support, QStringLiteral("lots"));
        QVERIFY(!dialog.save());
        QVERIFY(dialog.problem().contains(QStringLiteral("\"lots\"")));
        QVERIFY(!store.services->postmortems.postmortem(incident.id)->isStored());
        QCOMPARE(support->text(), QStringLiteral("lots"));
        // Closing does not throw the text away while it cannot be saved.
        dialog.show();
        dialog.reject();
        QVERIFY(dialog.isVisible());
    }

    void actionItemsEditInPlaceAndFollowOtherWriters()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        PostmortemDialog dialog(*store.services, incident.id);
        ActionItemModel *model = dialog.actionItems();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);

        auto *text = dialog.findChild<QLineEdit *>(QStringLiteral("newActionText"));
        QTest::keyClicks(text, QStringLiteral("Alert at 80% of max_connections"));
        dialog.findChild<QPushButton *>(QStringLiteral("addActionItem"))->click();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(text->text().isEmpty());

        // Edited in the table: owner typed, type and priority picked.
        QVERIFY(model->setData(model->index(0, ActionItemModel::OwnerColumn), QStringLiteral("Marek")));
        QVERIFY(model->setData(model->index(0, ActionItemModel::TypeColumn), QStringLiteral("detect")));
        QVERIFY(model->setData(model->index(0, ActionItemModel::PriorityColumn), 1));
        QVERIFY(model->setData(model->index(0, ActionItemModel::DueColumn), QStringLiteral("2026-12-02")));
        QVERIFY(!model->setData(model->index(0, ActionItemModel::DueColumn), QStringLiteral("soon")));
        QVERIFY(dialog.problem().contains(QStringLiteral("soon")));
        const ActionItem stored = store.services->postmortems.actionItems(incident.id).value().first();
        QCOMPARE(stored.owner, QStringLiteral("Marek"));
        QCOMPARE(stored.kind, ActionKind::Detect);
        QCOMPARE(stored.priority, 1);
        QCOMPARE(stored.due, QDate(2026, 12, 2));
        QCOMPARE(model->index(0, ActionItemModel::TypeColumn).data().toString(), QStringLiteral("Detect"));
        QCOMPARE(model->index(0, ActionItemModel::PriorityColumn).data().toString(), QStringLiteral("P1"));

        // Another writer (another window, the command line) adds and finishes items: one row at a time.
        ActionItem other;
        other.text = QStringLiteral("PgBouncer in front of the primary");
        const ActionItem added = store.services->postmortems.addActionItem(incident.id, other).value();
        QTRY_COMPARE(model->rowCount(), 2);
        QCOMPARE(inserted.count(), 2);
        other = added;
        other.state = ActionState::Done;
        QVERIFY(store.services->postmortems.updateActionItem(other));
        QTRY_COMPARE(model->index(1, ActionItemModel::StateColumn).data().toString(), QStringLiteral("Done"));

        auto *view = dialog.findChild<QTableView *>(QStringLiteral("actionItemsView"));
        view->setCurrentIndex(model->index(0, 0));
        dialog.findChild<QPushButton *>(QStringLiteral("removeActionItem"))->click();
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->item(0).text, QStringLiteral("PgBouncer in front of the primary"));
        QCOMPARE(reset.count(), 0);
    }

    void exportAndImportThroughTheMenu()
    {
        test::TestStore store;
        const qint64 id = test::writeRichIncident(store);
        MainWindow window(*store.services);
        window.openIncident(id);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ReportActions *reports = window.reportActions();
        QString answer;
        reports->setFilePrompt([&answer](QWidget *, const QString &, const QString &, const QString &, bool) { return answer; });
        QSignalSpy exported(reports, &ReportActions::exported);
        QSignalSpy failed(reports, &ReportActions::failed);

        const QStringList names = {QStringLiteral("actionExportPdf"), QStringLiteral("actionExportMarkdown"),
                                   QStringLiteral("actionExportSitrep"), QStringLiteral("actionExportJson")};
        for (const QString &name : names) {
            answer = store.dir.filePath(name);
            action(window, name)->trigger();
            QVERIFY2(QFileInfo(answer).size() > 100, qPrintable(name));
        }
        QCOMPARE(exported.count(), 4);

        // Cancelled: nothing happens.
        answer.clear();
        action(window, QStringLiteral("actionExportPdf"))->trigger();
        QCOMPARE(exported.count(), 4);

        // An unwritable place is reported, not written.
        answer = store.dir.filePath(QStringLiteral("actionExportPdf")) + QStringLiteral("/inside.pdf");
        action(window, QStringLiteral("actionExportPdf"))->trigger();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("Cannot write")));

        // The JSON comes back as a second incident, and the window opens it.
        answer = store.dir.filePath(QStringLiteral("actionExportJson"));
        action(window, QStringLiteral("actionImportIncident"))->trigger();
        QCOMPARE(store.services->incidents.list().value().size(), 2);
        QVERIFY(window.currentIncident() != id);
        QCOMPARE(store.services->incidents.find(window.currentIncident())->title, store.services->incidents.find(id)->title);
    }

    void lookAtIt()
    {
        test::TestStore store;
        const qint64 id = test::writeRichIncident(store);
        PostmortemDialog dialog(*store.services, id);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("postmortemTabs"));
        QCOMPARE(tabs->count(), 5);
        for (int n = 0; n < tabs->count(); ++n) {
            tabs->setCurrentIndex(n);
            shoot(&dialog, QStringLiteral("postmortem-tab%1").arg(n + 1));
        }
        QCOMPARE(dialog.actionItems()->rowCount(), 4);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("postmortemMeasures"))->text().contains(QStringLiteral("Time to detect")));
    }
};

QTEST_MAIN(TestPostmortemDialog)
#include "tst_postmortemdialog.moc"
