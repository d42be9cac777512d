// The outbox on a real store, delivering to a real HTTP server on loopback, with time held in
// a manual clock: every message's state, each attempt and when it happened, retries that back
// off and honour Retry-After, no retry where retrying cannot help, and a restart that resends
// what was queued and never what was delivered.
#include "support/chatserver.h"
#include "support/teststore.h"

#include "net/webhooksender.h"
#include "services/outbox.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace sitrep;
using test::kT0;

namespace {

constexpr qint64 kSecond = 1000;

// A store with one incident whose responders hear from us through the given webhooks, and the
// outbox that delivers to them.
struct Rig
{
    explicit Rig(bool drill = false)
    {
        DeclareRequest r;
        r.title = QStringLiteral("Checkout is down");
        r.severity = Severity::Sev1;
        r.drill = drill;
        incident = store.services->incidents.declare(r).value();
        audience = store.services->audiences.findAudience(incident.id, QStringLiteral("responders")).value();
        startOutbox();
    }

    void startOutbox()
    {
        sender = std::make_unique<WebhookSender>(&network, store.clock);
        sender->setTimeoutMs(300);
        outbox = std::make_unique<Outbox>(store.services->updates, *sender, store.clock);
    }

    void stopOutbox()
    {
        outbox.reset();
        sender.reset();
    }

    Channel addChannel(ChannelKind kind, const QString &target)
    {
        return store.services->audiences.addChannel(audience.id, kind, target).value();
    }

    SentUpdate send(const QString &body = QStringLiteral("We see errors at checkout."))
    {
        SendRequest r;
        r.incidentId = incident.id;
        r.audienceId = audience.id;
        r.body = body;
        const Result<SentUpdate> sent = store.services->updates.send(r);
        if (!sent)
            qFatal("send failed: %s", qPrintable(sent.error().message));
        return sent.value();
    }

    OutboxMessage message(qint64 id) const { return store.services->updates.message(id).value(); }
    QList<DeliveryAttempt> attempts(qint64 id) const { return store.services->updates.attempts(id).value(); }

    QStringList timelineTexts() const
    {
        QStringList texts;
        const QList<TimelineEntry> entries = store.services->timeline.page(incident.id, 0, 1000).value();
        for (const TimelineEntry &e : entries)
            texts.append(e.text);
        return texts;
    }

    test::TestStore store;
    QNetworkAccessManager network;
    std::unique_ptr<WebhookSender> sender;
    std::unique_ptr<Outbox> outbox;
    Incident incident;
    Audience audience;
};

QList<qint64> startTimes(const QList<DeliveryAttempt> &attempts)
{
    QList<qint64> times;
    for (const DeliveryAttempt &a : attempts)
        times.append(a.startedAt - kT0);
    return times;
}

QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log.append(message);
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_server = std::make_unique<test::ChatServer>(); }

    void deliversOnceAndSaysSo()
    {
        Rig rig;
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/services/ok")).toString());
        const SentUpdate sent = rig.send();
        QCOMPARE(sent.messages.size(), 1);
        const qint64 id = sent.messages.constFirst().id;
        QCOMPARE(rig.message(id).state, OutboxState::Queued);

        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump();
        QCOMPARE(rig.message(id).state, OutboxState::Sending);
        QTRY_COMPARE(attempted.count(), 1);
        const OutboxMessage m = rig.message(id);
        QCOMPARE(m.state, OutboxState::Delivered);
        QCOMPARE(m.attempts, 1);
        QCOMPARE(m.deliveredAt.value_or(0), kT0);
        QCOMPARE(m.reason, QStringLiteral("Slack accepted the message"));
        const QList<DeliveryAttempt> attempts = rig.attempts(id);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).httpStatus, 200);
        QCOMPARE(attempts.at(0).verdict, QStringLiteral("delivered"));
        QCOMPARE(m_server->count(QStringLiteral("/services/ok")), 1);
        QCOMPARE(m_server->requests.constFirst().body, sent.messages.constFirst().payload);

        // The timeline: the update as sent (audience, channel, state, body), then how it fared.
        const QStringList timeline = rig.timelineTexts();
        QVERIFY(timeline.contains(QStringLiteral("Update to responders via Slack — queued; next update by 09:00:00 UTC.\n\n"
                                                 "We see errors at checkout.")));
        QVERIFY(timeline.contains(QStringLiteral("Update to responders: delivered via Slack.")));

        rig.store.clock.advance(3600 * kSecond);
        rig.outbox->pump();
        QTest::qWait(50);
        QCOMPARE(m_server->count(QStringLiteral("/services/ok")), 1);
    }

    void refusalsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("400 invalid_payload") << 400 << QByteArray("invalid_payload")
                                             << QStringLiteral("Slack rejected the message format (invalid_payload)");
        QTest::newRow("403 invalid_token") << 403 << QByteArray("invalid_token")
                                           << QStringLiteral("The Slack webhook token is invalid or was revoked (invalid_token): create a new webhook");
        QTest::newRow("404 no_service") << 404 << QByteArray("no_service")
                                        << QStringLiteral("The Slack webhook URL is no longer valid (no_service): it was removed or disabled");
        QTest::newRow("410 channel_is_archived") << 410 << QByteArray("channel_is_archived")
                                                 << QStringLiteral("The Slack channel of this webhook is archived (channel_is_archived): "
                                                                   "unarchive it or use a webhook for another channel");
    }

    void refusalsAreNotRetried()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        m_server->script(QStringLiteral("/refuse"), {test::answer(status, body)});
        Rig rig;
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/refuse")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 1);
        const OutboxMessage m = rig.message(id);
        QCOMPARE(m.state, OutboxState::Failed);
        QCOMPARE(m.attempts, 1);
        QCOMPARE(m.reason, reason);
        QCOMPARE(rig.attempts(id).constFirst().httpStatus, status);
        QVERIFY(rig.timelineTexts().contains(QStringLiteral("Update to responders: failed via Slack — %1.").arg(reason)));

        rig.store.clock.advance(3600 * kSecond);
        rig.outbox->pump();
        QTest::qWait(50);
        QCOMPARE(m_server->count(QStringLiteral("/refuse")), 1);
        QCOMPARE(rig.store.services->updates.nextWakeAt().value(), std::optional<qint64>());
    }

    void serverErrorIsRetriedAfterTheBackoff()
    {
        m_server->script(QStringLiteral("/flaky"), {test::answer(500, "rollup_error"), test::answer(200, "ok")});
        Rig rig;
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/flaky")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 1);
        OutboxMessage m = rig.message(id);
        QCOMPARE(m.state, OutboxState::Queued);
        QCOMPARE(m.nextAttemptAt.value_or(0), kT0 + 2 * kSecond); // RetryPolicy's first step
        QVERIFY2(m.reason.contains(QStringLiteral("rollup_error")), qPrintable(m.reason));

        rig.store.clock.advance(2 * kSecond - 1);
        rig.outbox->pump();
        QTest::qWait(50);
        QCOMPARE(m_server->count(QStringLiteral("/flaky")), 1); // not yet due
        rig.store.clock.advance(1);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 2);
        m = rig.message(id);
        QCOMPARE(m.state, OutboxState::Delivered);
        QCOMPARE(m.attempts, 2);
        QCOMPARE(startTimes(rig.attempts(id)), (QList<qint64>{0, 2 * kSecond}));
        QCOMPARE(rig.attempts(id).at(0).verdict, QStringLiteral("retry"));
        QCOMPARE(rig.attempts(id).at(1).verdict, QStringLiteral("delivered"));
    }

    void retryAfterIsHonoured()
    {
        test::ScriptedAnswer limited = test::answer(429, R"({"ok":false})", "application/json");
        limited.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
        m_server->script(QStringLiteral("/limited"), {limited, test::answer(200, "ok")});
        Rig rig;
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/limited")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 1);
        QCOMPARE(rig.message(id).nextAttemptAt.value_or(0), kT0 + 30 * kSecond);
        QCOMPARE(rig.message(id).reason, QStringLiteral("Slack is rate limiting this webhook (HTTP 429)"));
        rig.store.clock.advance(29 * kSecond);
        rig.outbox->pump();
        QTest::qWait(50);
        QCOMPARE(m_server->count(QStringLiteral("/limited")), 1);
        rig.store.clock.advance(kSecond);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 2);
        QCOMPARE(rig.message(id).state, OutboxState::Delivered);
        QCOMPARE(startTimes(rig.attempts(id)), (QList<qint64>{0, 30 * kSecond}));
    }

    void backoffDoublesUntilTheBudgetIsSpent()
    {
        m_server->script(QStringLiteral("/down"), {test::answer(503, "")});
        Rig rig;
        RetryPolicy policy;
        policy.maxAttempts = 4;
        policy.baseDelayMs = kSecond;
        rig.outbox->setRetryPolicy(policy);
        rig.addChannel(ChannelKind::Mattermost, m_server->url(QStringLiteral("/down")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        const QList<qint64> expected{0, kSecond, 3 * kSecond, 7 * kSecond};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            rig.store.clock.setNow(kT0 + expected.at(i));
            rig.outbox->pump();
            QTRY_COMPARE(attempted.count(), int(i) + 1);
        }
        const OutboxMessage m = rig.message(id);
        QCOMPARE(m.state, OutboxState::Failed);
        QCOMPARE(m.attempts, 4);
        QCOMPARE(m.reason, QStringLiteral("Mattermost had a server error (HTTP 503) (gave up after 4 attempts)"));
        QCOMPARE(startTimes(rig.attempts(id)), expected);
        QCOMPARE(m_server->count(QStringLiteral("/down")), 4);
    }

    void silenceTimesOutAndIsRetried()
    {
        m_server->script(QStringLiteral("/silent"), {test::silence()});
        Rig rig;
        RetryPolicy policy;
        policy.maxAttempts = 2;
        rig.outbox->setRetryPolicy(policy);
        rig.addChannel(ChannelKind::Teams, m_server->url(QStringLiteral("/silent")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 1);
        QCOMPARE(rig.message(id).state, OutboxState::Queued);
        QCOMPARE(rig.message(id).reason, QStringLiteral("Microsoft Teams did not answer in time"));
        rig.store.clock.advance(2 * kSecond);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 2);
        QCOMPARE(rig.message(id).state, OutboxState::Failed);
        QCOMPARE(rig.message(id).reason, QStringLiteral("Microsoft Teams did not answer in time (gave up after 2 attempts)"));
        QCOMPARE(rig.attempts(id).constFirst().httpStatus, 0);
    }

    void closedPortIsRetriedThenFails()
    {
        Rig rig;
        RetryPolicy policy;
        policy.maxAttempts = 2;
        rig.outbox->setRetryPolicy(policy);
        rig.addChannel(ChannelKind::TeamsWorkflow, QStringLiteral("http://127.0.0.1:%1/workflows/x").arg(test::closedPort()));
        const qint64 id = rig.send().messages.constFirst().id;
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 1);
        QCOMPARE(rig.message(id).state, OutboxState::Queued);
        rig.store.clock.advance(2 * kSecond);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 2);
        QCOMPARE(rig.message(id).state, OutboxState::Failed);
        QCOMPARE(rig.message(id).reason, QStringLiteral("The connection to Microsoft Teams was refused (gave up after 2 attempts)"));
    }

    void restartResendsQueuedAndNeverDelivered()
    {
        m_server->script(QStringLiteral("/later"), {test::answer(500, "")});
        Rig rig;
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/now")).toString());
        rig.addChannel(ChannelKind::Mattermost, m_server->url(QStringLiteral("/later")).toString());
        const SentUpdate sent = rig.send();
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 2);
        QCOMPARE(rig.message(sent.messages.at(0).id).state, OutboxState::Delivered);
        QCOMPARE(rig.message(sent.messages.at(1).id).state, OutboxState::Queued);

        // Quit: the window closes, the store is closed, the service comes back up.
        rig.stopOutbox();
        rig.store.close();
        m_server->script(QStringLiteral("/later"), {test::answer(200, "ok")});
        rig.store.clock.advance(5 * kSecond);
        rig.store.open();
        rig.startOutbox();
        QSignalSpy again(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->start();
        QTRY_COMPARE(again.count(), 1);
        QCOMPARE(rig.message(sent.messages.at(1).id).state, OutboxState::Delivered);
        QCOMPARE(m_server->count(QStringLiteral("/now")), 1);
        QCOMPARE(m_server->count(QStringLiteral("/later")), 2);
        QVERIFY(rig.timelineTexts().contains(QStringLiteral("Update to responders: delivered via Slack, Mattermost.")));
    }

    void crashMidSendIsTakenOverWhenTheClaimRunsOut()
    {
        Rig rig;
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/crash")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        // A sender claims the message and dies before recording anything.
        const qint64 lease = rig.outbox->leaseMs();
        QCOMPARE(rig.store.services->updates.claimDue(lease, 10).value().size(), 1);
        rig.stopOutbox();
        rig.store.close();
        rig.store.open();
        rig.startOutbox();
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->start();
        QTest::qWait(50);
        QCOMPARE(m_server->count(QStringLiteral("/crash")), 0); // its claim still holds
        QCOMPARE(rig.message(id).state, OutboxState::Sending);
        rig.store.clock.advance(lease);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 1);
        QCOMPARE(rig.message(id).state, OutboxState::Delivered);
        QCOMPARE(m_server->count(QStringLiteral("/crash")), 1);
    }

    void quittingMidSendPutsTheMessageBack()
    {
        m_server->script(QStringLiteral("/slow"), {test::silence()});
        Rig rig;
        rig.sender->setTimeoutMs(10'000);
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/slow")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        rig.outbox->pump();
        QTRY_COMPARE(m_server->count(QStringLiteral("/slow")), 1);
        QCOMPARE(rig.outbox->inFlight(), 1);
        rig.stopOutbox();
        const OutboxMessage m = rig.message(id);
        QCOMPARE(m.state, OutboxState::Queued);
        QCOMPARE(m.attempts, 0); // an unfinished try does not count
        QCOMPARE(m.nextAttemptAt.value_or(0), kT0);
    }

    void twoOutboxesNeverShareAMessage()
    {
        Rig rig;
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/once")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        WebhookSender otherSender(&rig.network, rig.store.clock);
        Outbox other(rig.store.services->updates, otherSender, rig.store.clock);
        QSignalSpy first(rig.outbox.get(), &Outbox::attempted);
        QSignalSpy second(&other, &Outbox::attempted);
        rig.outbox->pump();
        other.pump();
        QTRY_COMPARE(first.count() + second.count(), 1);
        QTest::qWait(50);
        QCOMPARE(m_server->count(QStringLiteral("/once")), 1);
        QCOMPARE(rig.message(id).state, OutboxState::Delivered);
    }

    void drillMessagesAreKeptLocal()
    {
        Rig rig(true);
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/drill")).toString());
        rig.addChannel(ChannelKind::Email, QStringLiteral("ops@example.com"));
        const SentUpdate sent = rig.send();
        QVERIFY(sent.update.drill);
        for (const OutboxMessage &m : sent.messages) {
            QCOMPARE(rig.message(m.id).state, OutboxState::Local);
            QVERIFY(rig.message(m.id).payload.contains("[DRILL]"));
        }
        rig.outbox->start();
        QTest::qWait(50);
        QCOMPARE(m_server->requests.size(), 0);
        QCOMPARE(rig.store.services->updates.nextWakeAt().value(), std::optional<qint64>());
        QVERIFY(rig.timelineTexts().contains(QStringLiteral("Drill update to responders via Slack, E-mail — kept local, not sent "
                                                            "(drill); next update by 09:00:00 UTC.\n\nWe see errors at checkout.")));
    }

    void localChannelsUseTheDeskOrSayWhyNot()
    {
        Rig rig;
        rig.addChannel(ChannelKind::Clipboard, QString());
        rig.addChannel(ChannelKind::Email, QStringLiteral("ops@example.com; cto@example.com"));
        SentUpdate sent = rig.send();
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump(); // no desk: the command line
        QCOMPARE(attempted.count(), 2);
        QCOMPARE(rig.message(sent.messages.at(0).id).state, OutboxState::Failed);
        QCOMPARE(rig.message(sent.messages.at(0).id).reason,
                 QStringLiteral("The clipboard needs the Sitrep window: send this update from there"));
        QVERIFY(rig.message(sent.messages.at(1).id).reason.startsWith(QStringLiteral("E-mail opens in your mail program")));

        QList<OutboxMessage> handed;
        rig.outbox->setLocalDelivery([&handed](const OutboxMessage &m) {
            handed.append(m);
            DeliveryOutcome o;
            o.verdict = DeliveryOutcome::Delivered;
            o.reason = QStringLiteral("handed over");
            return o;
        });
        sent = rig.send(QStringLiteral("Second update"));
        rig.outbox->pump();
        QCOMPARE(handed.size(), 2);
        QCOMPARE(handed.at(1).target, QStringLiteral("ops@example.com; cto@example.com"));
        QCOMPARE(handed.at(1).subject, QStringLiteral("SEV1 – Checkout is down: Investigating"));
        QVERIFY(handed.at(1).payload.contains("Second update"));
        QCOMPARE(rig.message(sent.messages.at(1).id).state, OutboxState::Delivered);
    }

    void emailFromAnEarlierRunIsNotOpenedAtStart()
    {
        Rig rig;
        rig.addChannel(ChannelKind::Email, QStringLiteral("ops@example.com"));
        const qint64 id = rig.send().messages.constFirst().id;
        rig.stopOutbox(); // Sitrep crashed before the mail program was asked
        rig.store.clock.advance(kSecond);
        rig.startOutbox();
        int opened = 0;
        rig.outbox->setLocalDelivery([&opened](const OutboxMessage &) {
            ++opened;
            DeliveryOutcome o;
            o.verdict = DeliveryOutcome::Delivered;
            return o;
        });
        rig.outbox->start();
        QCOMPARE(opened, 0);
        QCOMPARE(rig.message(id).state, OutboxState::Failed);
        QCOMPARE(rig.message(id).reason,
                 QStringLiteral("Sitrep closed before the mail program opened this e-mail: use Send again to open it now"));
        QVERIFY(rig.store.services->updates.resend(id));
        rig.outbox->pump();
        QCOMPARE(opened, 1);
        QCOMPARE(rig.message(id).state, OutboxState::Delivered);
    }

    void noWebhookUrlInLogsTimelineOrRecord()
    {
        const QString secret = QStringLiteral("Zq8secretsecretsecret42");
        const QString okPath = QStringLiteral("/services/T0123ABCD/B0456EFGH/") + secret;
        const QString badPath = QStringLiteral("/hooks/") + secret;
        m_server->script(badPath, {test::answer(404, "")});
        QLoggingCategory::setFilterRules(QStringLiteral("sitrep.*=true"));
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        {
            Rig rig;
            rig.addChannel(ChannelKind::Slack, m_server->url(okPath).toString());
            rig.addChannel(ChannelKind::Mattermost, m_server->url(badPath).toString());
            const SentUpdate sent = rig.send();
            QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
            rig.outbox->pump();
            QTRY_COMPARE(attempted.count(), 2);
            QCOMPARE(m_server->count(okPath), 1);

            const QStringList timeline = rig.timelineTexts();
            QVERIFY(timeline.size() >= 4);
            for (const QString &text : timeline)
                QVERIFY2(!text.contains(secret) && !text.contains(QStringLiteral("127.0.0.1")), qPrintable(text));
            const QList<OutboxMessage> messages = rig.store.services->updates.messages(rig.incident.id).value();
            for (const OutboxMessage &m : messages) {
                QVERIFY2(!m.reason.contains(secret), qPrintable(m.reason));
                QVERIFY(!displayTarget(m.kind, m.target).contains(secret));
                for (const DeliveryAttempt &a : rig.attempts(m.id))
                    QVERIFY2(!a.reason.contains(secret), qPrintable(a.reason));
            }
            const QList<QUrl> secrets = rig.store.services->audiences.secrets().value();
            QCOMPARE(secrets.size(), 2);
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        const QString log = g_log.join(QLatin1Char('\n'));
        QVERIFY2(log.contains(QStringLiteral("answered 404")), qPrintable(log));
        QVERIFY2(!log.contains(secret), qPrintable(log));
    }

    void failedMessageCanBeSentAgain()
    {
        m_server->script(QStringLiteral("/fixed"), {test::answer(404, "no_service"), test::answer(200, "ok")});
        Rig rig;
        rig.addChannel(ChannelKind::Slack, m_server->url(QStringLiteral("/fixed")).toString());
        const qint64 id = rig.send().messages.constFirst().id;
        QSignalSpy attempted(rig.outbox.get(), &Outbox::attempted);
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 1);
        QCOMPARE(rig.message(id).state, OutboxState::Failed);
        QVERIFY(!rig.store.services->updates.resend(id + 1000));
        const Result<OutboxMessage> again = rig.store.services->updates.resend(id);
        QVERIFY(again);
        QCOMPARE(again->state, OutboxState::Queued);
        QCOMPARE(again->attempts, 0);
        const Result<OutboxMessage> twice = rig.store.services->updates.resend(id);
        QVERIFY(!twice);
        QCOMPARE(twice.error().message, QStringLiteral("Only a failed message can be sent again; message %1 is queued.").arg(id));
        rig.outbox->pump();
        QTRY_COMPARE(attempted.count(), 2);
        QCOMPARE(rig.message(id).state, OutboxState::Delivered);
        QCOMPARE(rig.attempts(id).size(), 2);
    }

private:
    std::unique_ptr<test::ChatServer> m_server;
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
