// Stakeholder updates in the window, offscreen, on a real store and a loopback "Slack": Ctrl+M
// opens the composer on the audience's template, drafts survive a crash, an update reaches the
// webhook from the Send button, the countdown turns amber then red with a notification at both
// moments, and resolving the incident offers the all-clear and keeps reminding.
#include "support/chatserver.h"
#include "support/teststore.h"

#include "dialogs/channelsdialog.h"
#include "dialogs/composerdialog.h"
#include "mainwindow.h"
#include "models/outboxmodel.h"
#include "stakeholderupdates.h"
#include "widgets/channelpreviewpane.h"

#include "net/secretmask.h"
#include "store/updatechanges.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace sitrep;
using test::kT0;

namespace {

constexpr qint64 kMinute = 60 * 1000;
const QString kSecret = QStringLiteral("Zq8secretsecretsecret42");

struct Notice
{
    QString title;
    QString text;
};

// A window on a store, its notifications caught instead of shown.
struct Desk
{
    Desk()
    {
        DeclareRequest r;
        r.title = QStringLiteral("Checkout is down");
        r.severity = Severity::Sev1;
        r.impact = QStringLiteral("No customer can pay");
        incident = store.services->incidents.declare(r).value();
        window = std::make_unique<MainWindow>(*store.services);
        updates()->setNotifier([this](const QString &title, const QString &text) { notices.append({title, text}); });
        window->show();
        window->activateWindow();
    }

    StakeholderUpdates *updates() const { return window->stakeholderUpdates(); }
    CadenceIndicator *indicator() const { return window->findChild<CadenceIndicator *>(QStringLiteral("cadenceIndicator")); }

    Audience audience(const QString &name) const
    {
        return store.services->audiences.findAudience(incident.id, name).value();
    }

    ComposerDialog *openComposer()
    {
        QTest::keyClick(window.get(), Qt::Key_M, Qt::ControlModifier);
        return updates()->composer();
    }

    test::TestStore store;
    Incident incident;
    std::unique_ptr<MainWindow> window;
    QList<Notice> notices;
};

template <typename T>
T *child(QWidget *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_server = std::make_unique<test::ChatServer>(); }

    void composerStartsFromTheTemplateAndKeepsWhatWasTyped()
    {
        auto desk = std::make_unique<Desk>();
        QVERIFY(QTest::qWaitForWindowActive(desk->window.get()));
        QVERIFY(desk->store.services->situation.add(desk->incident.id, SituationColumn::Known, QStringLiteral("Primary DB disk is full")));
        ComposerDialog *composer = desk->openComposer();
        QVERIFY(composer);
        QTRY_VERIFY(composer->isVisible());
        QCOMPARE(composer->audienceNames(),
                 (QStringList{QStringLiteral("responders"), QStringLiteral("executives"), QStringLiteral("customers")}));
        auto *body = child<QPlainTextEdit>(composer, "composerBody");
        QVERIFY(body->toPlainText().startsWith(QStringLiteral("Impact: No customer can pay")));
        QVERIFY(body->toPlainText().contains(QStringLiteral("- Primary DB disk is full")));
        QVERIFY(composer->selectAudience(QStringLiteral("Customers")));
        QVERIFY2(body->toPlainText().startsWith(QStringLiteral("We are aware of a problem")), qPrintable(body->toPlainText()));
        QCOMPARE(child<QLabel>(composer, "composerHeadline")->text(), QStringLiteral("Update: SEV1 – Checkout is down · Investigating"));

        body->moveCursor(QTextCursor::End);
        QTest::keyClicks(body, QStringLiteral(" Next step: failover."));
        QTest::keyClicks(child<QLineEdit>(composer, "composerNext"), QStringLiteral("20m"));
        const qint64 customers = desk->audience(QStringLiteral("customers")).id;
        // Saved while typing: nothing has been closed or flushed yet when the "crash" comes.
        QTRY_VERIFY(desk->store.services->updates.draft(customers, UpdateKind::Update).value().has_value()
                    && desk->store.services->updates.draft(customers, UpdateKind::Update).value()->nextText == QStringLiteral("20m"));
        QVERIFY(desk->store.services->updates.draft(customers, UpdateKind::Update).value()->body.endsWith(
            QStringLiteral("Next step: failover.")));

        desk->window.reset();
        desk->store.close();
        desk->store.open();
        desk->window = std::make_unique<MainWindow>(*desk->store.services);
        desk->window->show();
        desk->window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(desk->window.get()));
        composer = desk->openComposer();
        QVERIFY(composer->selectAudience(QStringLiteral("customers")));
        body = child<QPlainTextEdit>(composer, "composerBody");
        QVERIFY2(body->toPlainText().endsWith(QStringLiteral("Next step: failover.")), qPrintable(body->toPlainText()));
        QCOMPARE(child<QLineEdit>(composer, "composerNext")->text(), QStringLiteral("20m"));
        QVERIFY(child<QLabel>(composer, "composerDraftState")->text().startsWith(QStringLiteral("Draft from")));

        // Starting again from the template drops the draft for good.
        child<QPushButton>(composer, "composerReset")->click();
        QVERIFY(body->toPlainText().startsWith(QStringLiteral("We are aware of a problem")));
        QVERIFY(!desk->store.services->updates.draft(customers, UpdateKind::Update).value());
    }

    void updateReachesTheLoopbackSlackFromTheWindow()
    {
        Desk desk;
        QVERIFY(QTest::qWaitForWindowActive(desk.window.get()));
        const QString url = m_server->url(QStringLiteral("/services/T0123ABCD/B0456EFGH/") + kSecret).toString();

        // The channel goes in through the channels dialog, as a user would add it.
        {
            ChannelsDialog channels(*desk.store.services, desk.incident.id, desk.window.get());
            auto *audience = child<QComboBox>(&channels, "channelsAudience");
            auto *kind = child<QComboBox>(&channels, "channelsKind");
            auto *target = child<QLineEdit>(&channels, "channelsTarget");
            audience->setCurrentIndex(audience->findText(QStringLiteral("responders")));
            kind->setCurrentIndex(kind->findData(int(ChannelKind::Slack)));
            QCOMPARE(target->echoMode(), QLineEdit::PasswordEchoOnEdit);
            target->setText(QStringLiteral("hooks.example.com/no-scheme"));
            QVERIFY(!channels.addChannel());
            auto *feedback = child<QLabel>(&channels, "channelsFeedback");
            QVERIFY2(feedback->text().contains(QStringLiteral("Slack webhook URL")), qPrintable(feedback->text()));
            target->setText(url);
            QVERIFY(channels.addChannel());
            auto *tree = child<QTreeWidget>(&channels, "channelsTree");
            const QTreeWidgetItem *responders = tree->topLevelItem(0);
            QCOMPARE(responders->child(0)->text(1), maskWebhookUrl(QUrl(url)));
            QVERIFY(target->text().isEmpty());
        }

        ComposerDialog *composer = desk.openComposer();
        QVERIFY(composer);
        QCOMPARE(composer->currentAudience(), QStringLiteral("responders"));
        auto *channelsLabel = child<QLabel>(composer, "composerChannels");
        QTRY_VERIFY(channelsLabel->text().contains(QStringLiteral("Slack")));
        QVERIFY(!channelsLabel->text().contains(kSecret));
        auto *preview = child<ChannelPreviewPane>(composer, nullptr);
        QVERIFY(preview);
        QTRY_COMPARE(preview->channelCount(), 1);
        auto *body = child<QPlainTextEdit>(composer, "composerBody");
        body->selectAll();
        QTest::keyClicks(body, QStringLiteral("Checkout fails for 30% of orders. Rolling back."));
        QTRY_VERIFY(preview->page(0)->toPlainText().contains(QStringLiteral("Checkout fails for 30% of orders.")));
        QVERIFY(preview->page(0)->toPlainText().contains(QStringLiteral("SEV1 – Checkout is down")));

        const QString shots = qEnvironmentVariable("SITREP_SHOTS");
        if (!shots.isEmpty())
            QVERIFY(composer->grab().save(QDir(shots).filePath(QStringLiteral("composer.png"))));

        auto *outboxView = child<QTableView>(composer, "composerOutbox");
        auto *model = qobject_cast<OutboxModel *>(outboxView->model());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QVERIFY(QTest::qWaitForWindowActive(composer));
        QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);

        QTRY_COMPARE(m_server->requests.size(), 1);
        const QString received = QString::fromUtf8(m_server->requests.constFirst().body);
        QVERIFY2(received.contains(QStringLiteral("Checkout fails for 30% of orders. Rolling back.")), qPrintable(received));
        QTRY_COMPARE(model->rowCount(), 1);
        QTRY_COMPARE(model->index(0, OutboxModel::StateColumn).data().toString(), QStringLiteral("Delivered"));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model->index(0, OutboxModel::ChannelColumn).data().toString(),
                 QStringLiteral("Slack · %1").arg(maskWebhookUrl(QUrl(url))));
        QVERIFY(child<QLabel>(composer, "composerFeedback")->text().startsWith(QStringLiteral("Sent to responders via Slack")));
        QCOMPARE(child<QTabBar>(composer, "composerAudiences")->tabText(0), QStringLiteral("responders ✓"));
        // The rhythm starts again from the update just sent.
        QTRY_COMPARE(desk.indicator()->text(), QStringLiteral("Next update in 15:00"));
        if (!shots.isEmpty())
            QVERIFY(composer->grab().save(QDir(shots).filePath(QStringLiteral("composer-sent.png"))));
    }

    void countdownTurnsAmberThenRedWithANotificationEach()
    {
        Desk desk;
        CadenceIndicator *indicator = desk.indicator();
        QVERIFY(indicator);
        QCOMPARE(indicator->text(), QStringLiteral("Next update in 15:00"));
        QCOMPARE(indicator->phase(), CadenceState::OnTrack);
        desk.store.clock.advance(12 * kMinute + 59'000);
        indicator->tick();
        QCOMPARE(indicator->phase(), CadenceState::OnTrack);
        QVERIFY(desk.notices.isEmpty());

        desk.store.clock.advance(1000);
        indicator->tick();
        QCOMPARE(indicator->phase(), CadenceState::DueSoon);
        QCOMPARE(indicator->text(), QStringLiteral("Update due in 2:00"));
        QVERIFY(indicator->styleSheet().contains(QStringLiteral("#f9a825")));
        QCOMPARE(desk.notices.size(), 1);
        QCOMPARE(desk.notices.at(0).title, QStringLiteral("Stakeholder update due soon"));
        QCOMPARE(desk.notices.at(0).text, QStringLiteral("Checkout is down: the next update is due at 09:00:00 UTC."));

        desk.store.clock.advance(2 * kMinute + 5000);
        indicator->tick();
        QCOMPARE(indicator->phase(), CadenceState::Overdue);
        QCOMPARE(indicator->text(), QStringLiteral("Update overdue +0:05"));
        QVERIFY(indicator->styleSheet().contains(QStringLiteral("#c62828")));
        QCOMPARE(desk.notices.size(), 2);
        QCOMPARE(desk.notices.at(1).title, QStringLiteral("Stakeholder update overdue"));
        desk.store.clock.advance(kMinute);
        indicator->tick();
        QCOMPARE(indicator->text(), QStringLiteral("Update overdue +1:05"));
        QCOMPARE(desk.notices.size(), 2); // once per moment, not every second

        // An update with its own promise resets the clock to that promise.
        const Audience responders = desk.audience(QStringLiteral("responders"));
        QVERIFY(desk.store.services->audiences.addChannel(responders.id, ChannelKind::Clipboard, QString()));
        SendRequest r;
        r.incidentId = desk.incident.id;
        r.audienceId = responders.id;
        r.body = QStringLiteral("Rolling back.");
        r.nextUpdateAt = desk.store.clock.nowMs() + 45 * kMinute;
        QVERIFY(desk.store.services->updates.send(r));
        QCOMPARE(indicator->phase(), CadenceState::OnTrack);
        QCOMPARE(indicator->text(), QStringLiteral("Next update in 45:00"));
    }

    void allClearIsOfferedWhenResolvedAndRemindedUntilSent()
    {
        Desk desk;
        QVERIFY(QTest::qWaitForWindowActive(desk.window.get()));
        for (const QString &name : {QStringLiteral("responders"), QStringLiteral("customers")}) {
            const Audience a = desk.audience(name);
            QVERIFY(desk.store.services->audiences.addChannel(a.id, ChannelKind::Clipboard, QString()));
            SendRequest r;
            r.incidentId = desk.incident.id;
            r.audienceId = a.id;
            r.body = QStringLiteral("Working on it.");
            QVERIFY(desk.store.services->updates.send(r));
        }
        QVERIFY(!desk.updates()->composer());
        desk.store.clock.advance(40 * kMinute);
        QVERIFY(desk.store.services->incidents.changeStatus(desk.incident.id, Status::Resolved));

        ComposerDialog *composer = desk.updates()->composer();
        QVERIFY(composer);
        QTRY_VERIFY(composer->isVisible());
        QCOMPARE(composer->kind(), UpdateKind::AllClear);
        QCOMPARE(composer->audienceNames(), (QStringList{QStringLiteral("responders"), QStringLiteral("customers")}));
        QVERIFY(child<QPlainTextEdit>(composer, "composerBody")->toPlainText().startsWith(QStringLiteral("Resolved. The impact lasted")));
        QVERIFY(!child<QLineEdit>(composer, "composerNext")->isEnabled());
        QCOMPARE(desk.notices.size(), 1);
        QCOMPARE(desk.notices.at(0).title, QStringLiteral("Send the all-clear"));
        QCOMPARE(desk.indicator()->text(), QStringLiteral("All-clear not sent"));
        if (const QString shots = qEnvironmentVariable("SITREP_SHOTS"); !shots.isEmpty())
            QVERIFY(composer->grab().save(QDir(shots).filePath(QStringLiteral("composer-allclear.png"))));

        // Closed without sending: reminded after a while, not before.
        composer->close();
        desk.store.clock.advance(StakeholderUpdates::allClearReminderMs - 1000);
        desk.updates()->tick();
        QCOMPARE(desk.notices.size(), 1);
        desk.store.clock.advance(1000);
        desk.updates()->tick();
        QCOMPARE(desk.notices.size(), 2);
        QCOMPARE(desk.notices.at(1).title, QStringLiteral("All-clear not sent"));

        composer = desk.updates()->compose(UpdateKind::AllClear);
        QCOMPARE(composer->sendAll(), 2);
        QVERIFY(!desk.updates()->allClearPending());
        QVERIFY(!desk.indicator()->isVisible());
        QTRY_COMPARE(QGuiApplication::clipboard()->text().section(QLatin1Char('\n'), 0, 0), QStringLiteral("SEV1 – Checkout is down"));
        desk.store.clock.advance(StakeholderUpdates::allClearReminderMs * 3);
        desk.updates()->tick();
        QCOMPARE(desk.notices.size(), 2);
    }

    void allClearCanBeDismissedWithAReason()
    {
        Desk desk;
        const Audience responders = desk.audience(QStringLiteral("responders"));
        QVERIFY(desk.store.services->audiences.addChannel(responders.id, ChannelKind::Clipboard, QString()));
        SendRequest r;
        r.incidentId = desk.incident.id;
        r.audienceId = responders.id;
        r.body = QStringLiteral("Working on it.");
        QVERIFY(desk.store.services->updates.send(r));
        desk.updates()->setDismissPrompt([](QWidget *) { return std::optional<QString>(QStringLiteral("Told everyone on the bridge")); });
        QVERIFY(desk.store.services->incidents.changeStatus(desk.incident.id, Status::Resolved));
        ComposerDialog *composer = desk.updates()->composer();
        QVERIFY(composer);
        QSignalSpy dismissed(composer, &ComposerDialog::allClearDismissed);
        child<QPushButton>(composer, "composerDismiss")->click();
        QCOMPARE(dismissed.count(), 1);
        QVERIFY(!desk.updates()->allClearPending());
        const QList<TimelineEntry> entries = desk.store.services->timeline.page(desk.incident.id, 0, 100).value();
        QCOMPARE(entries.constLast().text, QStringLiteral("All-clear not sent: Told everyone on the bridge"));
    }

    void previewShowsEveryChannelAndWhatIsSent()
    {
        Desk desk;
        const Audience executives = desk.audience(QStringLiteral("executives"));
        const QString slack = QStringLiteral("https://hooks.slack.com/services/T0123ABCD/B0456EFGH/") + kSecret;
        QVERIFY(desk.store.services->audiences.addChannel(executives.id, ChannelKind::Slack, slack));
        QVERIFY(desk.store.services->audiences.addChannel(executives.id, ChannelKind::Teams,
                                                          QStringLiteral("https://example.webhook.office.com/webhookb2/") + kSecret));
        QVERIFY(desk.store.services->audiences.addChannel(executives.id, ChannelKind::Email, QStringLiteral("cto@example.com")));
        ComposerDialog *composer = desk.updates()->compose();
        QVERIFY(composer->selectAudience(QStringLiteral("executives")));
        auto *tabs = child<QTabWidget>(composer, "composerPreview");
        auto *preview = child<ChannelPreviewPane>(composer, nullptr);
        QTRY_COMPARE(tabs->count(), 3);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Slack"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Microsoft Teams (connector)"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("E-mail"));
        QCOMPARE(tabs->tabToolTip(0), maskWebhookUrl(QUrl(slack)));
        auto *body = child<QPlainTextEdit>(composer, "composerBody");
        body->setPlainText(QStringLiteral("Payments down for db_primary_01.\n\n- Rolling back\n- *Watching*"));
        QTRY_VERIFY(preview->page(0)->toPlainText().contains(QStringLiteral("db_primary_01")));
        for (int i = 0; i < 3; ++i) {
            const QString page = preview->page(i)->toPlainText();
            QVERIFY2(page.contains(QStringLiteral("SEV1 – Checkout is down")), qPrintable(page));
            QVERIFY2(page.contains(QStringLiteral("Rolling back")), qPrintable(page));
            QVERIFY2(!page.contains(kSecret), qPrintable(page));
        }
        QVERIFY(preview->page(2)->toPlainText().contains(QStringLiteral("cto@example.com")));
        tabs->setCurrentIndex(1);
        if (const QString shots = qEnvironmentVariable("SITREP_SHOTS"); !shots.isEmpty())
            QVERIFY(composer->grab().save(QDir(shots).filePath(QStringLiteral("composer-teams.png"))));
        QVERIFY(preview->page(2)->toPlainText().contains(QStringLiteral("Subject: SEV1 – Checkout is down: Investigating")));
        child<QCheckBox>(composer, "composerRaw")->setChecked(true);
        QVERIFY(preview->page(0)->toPlainText().contains(QStringLiteral("\"blocks\"")));
        QVERIFY(preview->page(1)->toPlainText().contains(QStringLiteral("\"@type\": \"MessageCard\"")));

        // A next time that is no time says so, and nothing is sent.
        auto *next = child<QLineEdit>(composer, "composerNext");
        next->setText(QStringLiteral("soonish"));
        QTRY_VERIFY(preview->page(0)->toPlainText().contains(QStringLiteral("\"soonish\" is neither a duration")));
        QVERIFY(!composer->sendCurrent());
        QVERIFY(desk.store.services->updates.updates(desk.incident.id).value().isEmpty());
        // No label, button or tab of the composer ever shows the secret.
        const QList<QWidget *> widgets = composer->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (auto *label = qobject_cast<QLabel *>(w))
                QVERIFY2(!label->text().contains(kSecret), qPrintable(label->objectName()));
        }
    }

    void emailAndClipboardGoThroughTheDesk()
    {
        Desk desk;
        QList<QUrl> opened;
        desk.updates()->setMailOpener([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        const Audience customers = desk.audience(QStringLiteral("customers"));
        QVERIFY(desk.store.services->audiences.addChannel(customers.id, ChannelKind::Email, QStringLiteral("a@example.com; b@example.com")));
        QVERIFY(desk.store.services->audiences.addChannel(customers.id, ChannelKind::Clipboard, QString()));
        ComposerDialog *composer = desk.updates()->compose();
        QVERIFY(composer->selectAudience(QStringLiteral("customers")));
        child<QPlainTextEdit>(composer, "composerBody")->setPlainText(QStringLiteral("We are on it & will write again."));
        QVERIFY(composer->sendCurrent());
        QTRY_COMPARE(opened.size(), 1);
        const QString mailto = QString::fromLatin1(opened.constFirst().toEncoded());
        QVERIFY2(mailto.startsWith(QStringLiteral("mailto:a@example.com,b@example.com?")), qPrintable(mailto));
        QVERIFY2(mailto.contains(QStringLiteral("subject=SEV1%20%E2%80%93%20Checkout%20is%20down%3A%20Investigating")), qPrintable(mailto));
        QTRY_VERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("We are on it & will write again.")));
        const QList<OutboxMessage> messages = desk.store.services->updates.messages(desk.incident.id).value();
        QCOMPARE(messages.size(), 2);
        QTRY_COMPARE(desk.store.services->updates.message(messages.at(0).id).value().state, OutboxState::Delivered);
        QCOMPARE(desk.store.services->updates.message(messages.at(0).id).value().reason,
                 QStringLiteral("Opened in your mail program: send it from there"));
    }

    void drillComposerSaysNothingLeaves()
    {
        test::TestStore store;
        DeclareRequest r;
        r.title = QStringLiteral("Database failover drill");
        r.severity = Severity::Sev2;
        r.drill = true;
        const Incident drill = store.services->incidents.declare(r).value();
        const Audience responders = store.services->audiences.findAudience(drill.id, QStringLiteral("responders")).value();
        QVERIFY(store.services->audiences.addChannel(responders.id, ChannelKind::Slack, m_server->url(QStringLiteral("/drill")).toString()));
        ComposerDialog composer(*store.services, drill.id, UpdateKind::Update);
        composer.show();
        QVERIFY(child<QLabel>(&composer, "composerDrill")->isVisible());
        QVERIFY(composer.sendCurrent());
        QVERIFY(child<QLabel>(&composer, "composerFeedback")->text().startsWith(QStringLiteral("Drill update to responders recorded and kept local")));
        QTest::qWait(100);
        QCOMPARE(m_server->requests.size(), 0);
    }

    void rhythmIsConfigurable()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        ChannelsDialog dialog(*store.services, incident.id);
        QSignalSpy changed(&dialog, &ChannelsDialog::rhythmChanged);
        auto *sev1 = child<QSpinBox>(&dialog, "channelsRhythm1");
        QCOMPARE(sev1->value(), 15);
        QCOMPARE(child<QSpinBox>(&dialog, "channelsRhythm4")->value(), 0); // SEV4: none
        sev1->setValue(10);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.services->updates.cadencePolicy().sev1Ms.value_or(0), 10 * kMinute);
        QCOMPARE(QSettings().value(QStringLiteral("updates/cadence/sev1")).toInt(), 10);
        QCOMPARE(store.services->updates.cadence(incident.id).value().dueAt.value_or(0), kT0 + 10 * kMinute);
        QSettings().remove(QStringLiteral("updates"));
    }

    void nextUpdateTextReadsAsPeopleTypeIt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // ms after kT0; -1 none; -2 not understood
        QTest::newRow("empty is the rhythm") << QString() << qint64(-1);
        QTest::newRow("duration") << QStringLiteral("30m") << qint64(30 * kMinute);
        QTest::newRow("in duration") << QStringLiteral("in 1h") << qint64(60 * kMinute);
        QTest::newRow("clock time") << QStringLiteral("09:30") << qint64(45 * kMinute);
        QTest::newRow("iso time") << QStringLiteral("2026-11-25T10:00:00Z") << qint64(75 * kMinute);
        QTest::newRow("words") << QStringLiteral("after lunch") << qint64(-2);
        QTest::newRow("zero") << QStringLiteral("0m") << qint64(-2);
    }

    void nextUpdateTextReadsAsPeopleTypeIt()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto parsed = parseNextUpdateText(text, kT0);
        if (expected == -2) {
            QVERIFY(!parsed);
            return;
        }
        QVERIFY(parsed);
        QCOMPARE(parsed->value_or(-1), expected < 0 ? -1 : kT0 + expected);
    }

private:
    std::unique_ptr<test::ChatServer> m_server;
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
