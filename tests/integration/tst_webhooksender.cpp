// The webhook sender against a real HTTP server on loopback playing Slack, Mattermost and Teams:
// what goes on the wire is exactly the documented body, and every answer (or silence) turns
// into the right verdict and a reason a person can read, without a webhook URL in any log.
#include "support/chatserver.h"

#include "domain/clock.h"
#include "net/secretmask.h"
#include "net/webhooksender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace sitrep;
using test::ScriptedAnswer;

Q_DECLARE_METATYPE(sitrep::ChannelKind)
Q_DECLARE_METATYPE(sitrep::DeliveryOutcome::Verdict)
Q_DECLARE_METATYPE(sitrep::test::ScriptedAnswer)

namespace {

// 2026-11-25T08:45:00Z
constexpr qint64 kNow = 1'795'596'300'000;
constexpr qint64 kNoRetryAfter = -1;

UpdateMessage sampleMessage()
{
    UpdateMessage m;
    m.incidentTitle = QStringLiteral("Checkout errors & <timeouts>");
    m.severityLabel = QStringLiteral("SEV1");
    m.statusLabel = QStringLiteral("Investigating");
    m.audience = QStringLiteral("responders");
    m.body = QStringLiteral("We see 5xx on db_primary.\n\n- Rolled back\n- Watching");
    m.nextUpdateAt = kNow + 15 * 60 * 1000;
    return m;
}

ScriptedAnswer withHeader(ScriptedAnswer a, const QByteArray &name, const QByteArray &value)
{
    a.headers.append({name, value});
    return a;
}

QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
}

} // namespace

class TestWebhookSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<DeliveryOutcome>();
        QVERIFY(m_server.isListening());
    }

    void answers_data()
    {
        QTest::addColumn<ChannelKind>("kind");
        QTest::addColumn<ScriptedAnswer>("answer");
        QTest::addColumn<DeliveryOutcome::Verdict>("verdict");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::addColumn<QString>("reason");

        const auto ok = DeliveryOutcome::Delivered;
        const auto retry = DeliveryOutcome::RetryLater;
        const auto failed = DeliveryOutcome::Failed;
        const QByteArray json = "application/json";
        QTest::newRow("slack 200 ok") << ChannelKind::Slack << test::answer(200, "ok") << ok << 200 << kNoRetryAfter
                                      << QStringLiteral("Slack accepted the message");
        QTest::newRow("slack 400 invalid_payload") << ChannelKind::Slack << test::answer(400, "invalid_payload") << failed << 400
                                                   << kNoRetryAfter << QStringLiteral("Slack rejected the message format (invalid_payload)");
        QTest::newRow("slack 403 action_prohibited") << ChannelKind::Slack << test::answer(403, "action_prohibited") << failed << 403
                                                     << kNoRetryAfter << QStringLiteral("restricted what this webhook may post (action_prohibited)");
        QTest::newRow("slack 404 no_service") << ChannelKind::Slack << test::answer(404, "no_service") << failed << 404 << kNoRetryAfter
                                              << QStringLiteral("The Slack webhook URL is no longer valid (no_service)");
        QTest::newRow("slack 410 channel_is_archived") << ChannelKind::Slack << test::answer(410, "channel_is_archived") << failed
                                                       << 410 << kNoRetryAfter << QStringLiteral("is archived (channel_is_archived)");
        QTest::newRow("slack 429 retry-after 30") << ChannelKind::Slack
                                                  << withHeader(test::answer(429, R"({"ok":false,"calls":2})", json), "Retry-After", "30") << retry
                                                  << 429 << qint64(30'000) << QStringLiteral("rate limiting");
        QTest::newRow("slack 500") << ChannelKind::Slack << test::answer(500, "rollup_error") << retry << 500 << kNoRetryAfter
                                   << QStringLiteral("(rollup_error)");
        QTest::newRow("slack 301 not followed") << ChannelKind::Slack
                                                << withHeader(test::answer(301, ""), "Location", "http://127.0.0.1:9/elsewhere")
                                                << failed << 301 << kNoRetryAfter << QStringLiteral("redirects elsewhere (HTTP 301)");
        QTest::newRow("mattermost 200 ok") << ChannelKind::Mattermost << test::answer(200, "ok") << ok << 200 << kNoRetryAfter
                                           << QStringLiteral("Mattermost accepted");
        QTest::newRow("mattermost 400 json error")
            << ChannelKind::Mattermost
            << test::answer(400, R"({"id":"web.incoming_webhook.parse.app_error","message":"Unable to parse incoming data","status_code":400})", json)
            << failed << 400 << kNoRetryAfter << QStringLiteral("Unable to parse incoming data (web.incoming_webhook.parse.app_error)");
        QTest::newRow("mattermost 403") << ChannelKind::Mattermost << test::answer(403, "") << failed << 403 << kNoRetryAfter
                                        << QStringLiteral("Mattermost refused the webhook (HTTP 403)");
        QTest::newRow("teams 200 accepted") << ChannelKind::Teams << test::answer(200, "1") << ok << 200 << kNoRetryAfter
                                            << QStringLiteral("Microsoft Teams accepted");
        QTest::newRow("teams 200 throttled in body")
            << ChannelKind::Teams << test::answer(200, "Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0")
            << retry << 200 << kNoRetryAfter << QStringLiteral("throttling");
        QTest::newRow("teams 400 summary missing") << ChannelKind::Teams << test::answer(400, "Summary or Text is required.") << failed
                                                   << 400 << kNoRetryAfter << QStringLiteral("Summary or Text is required.");
        QTest::newRow("teams 404") << ChannelKind::Teams << test::answer(404, "") << failed << 404 << kNoRetryAfter
                                   << QStringLiteral("webhook URL was not found (HTTP 404)");
        QTest::newRow("teams 410") << ChannelKind::Teams << test::answer(410, "") << failed << 410 << kNoRetryAfter
                                   << QStringLiteral("no longer exists (HTTP 410 Gone)");
        QTest::newRow("teams workflow 202") << ChannelKind::TeamsWorkflow << test::answer(202, "") << ok << 202 << kNoRetryAfter
                                            << QStringLiteral("Microsoft Teams accepted");
        QTest::newRow("teams workflow 503") << ChannelKind::TeamsWorkflow << test::answer(503, "") << retry << 503 << kNoRetryAfter
                                            << QStringLiteral("server error (HTTP 503)");
        QTest::newRow("never answers") << ChannelKind::Slack << test::silence() << retry << 0 << kNoRetryAfter
                                       << QStringLiteral("Slack did not answer in time");
    }

    void answers()
    {
        QFETCH(ChannelKind, kind);
        QFETCH(ScriptedAnswer, answer);
        QFETCH(DeliveryOutcome::Verdict, verdict);
        QFETCH(int, httpStatus);
        QFETCH(qint64, retryAfterMs);
        QFETCH(QString, reason);

        const QString path = QStringLiteral("/hooks/%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        m_server.script(path, {answer});
        ManualClock clock(kNow);
        QNetworkAccessManager network;
        WebhookSender sender(&network, clock);
        sender.setTimeoutMs(400);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        const QByteArray payload = buildChatPayload(kind, sampleMessage());
        sender.post(7, kind, m_server.url(path), payload);
        QCOMPARE(sender.inFlight(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(sender.inFlight(), 0);
        QCOMPARE(finished.at(0).at(0).toLongLong(), 7);
        const auto outcome = finished.at(0).at(1).value<DeliveryOutcome>();
        QCOMPARE(outcome.verdict, verdict);
        QCOMPARE(finished.at(0).at(2).toInt(), httpStatus);
        QCOMPARE(outcome.retryAfterMs.value_or(kNoRetryAfter), retryAfterMs);
        QVERIFY2(outcome.reason.contains(reason), qPrintable(outcome.reason));
        // One request, never a followed redirect or a silent second try.
        QCOMPARE(m_server.count(path), 1);
    }

    void closedPortIsRefused()
    {
        ManualClock clock(kNow);
        QNetworkAccessManager network;
        WebhookSender sender(&network, clock);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.post(1, ChannelKind::Mattermost, QUrl(QStringLiteral("http://127.0.0.1:%1/hooks/x").arg(test::closedPort())), "{}");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        const auto outcome = finished.at(0).at(1).value<DeliveryOutcome>();
        QCOMPARE(outcome.verdict, DeliveryOutcome::RetryLater);
        QCOMPARE(finished.at(0).at(2).toInt(), 0);
        QCOMPARE(outcome.reason, QStringLiteral("The connection to Mattermost was refused"));
    }

    void bodiesGoOutAsDocumented_data()
    {
        QTest::addColumn<ChannelKind>("kind");
        QTest::addColumn<QString>("documentedKey"); // a top-level key the service's documentation requires
        QTest::addColumn<QString>("documentedValue");
        QTest::newRow("slack blocks") << ChannelKind::Slack << QStringLiteral("text") << QString();
        QTest::newRow("mattermost text") << ChannelKind::Mattermost << QStringLiteral("text") << QString();
        QTest::newRow("teams message card") << ChannelKind::Teams << QStringLiteral("@type") << QStringLiteral("MessageCard");
        QTest::newRow("teams workflow message") << ChannelKind::TeamsWorkflow << QStringLiteral("type") << QStringLiteral("message");
    }

    void bodiesGoOutAsDocumented()
    {
        QFETCH(ChannelKind, kind);
        QFETCH(QString, documentedKey);
        QFETCH(QString, documentedValue);
        const QString path = QStringLiteral("/body/%1").arg(channelKindKey(kind));
        ManualClock clock(kNow);
        QNetworkAccessManager network;
        WebhookSender sender(&network, clock);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        const QByteArray payload = buildChatPayload(kind, sampleMessage());
        sender.post(1, kind, m_server.url(path), payload);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);

        const test::ReceivedRequest &r = m_server.requests.constLast();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, path.toUtf8());
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.body, payload); // byte for byte what the builder made
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QVERIFY(o.contains(documentedKey));
        if (!documentedValue.isEmpty())
            QCOMPARE(o.value(documentedKey).toString(), documentedValue);
        // User text arrives as typed, whatever the markup of the target.
        QVERIFY(QString::fromUtf8(r.body).contains(QStringLiteral("Checkout errors")));
    }

    void noUrlReachesTheLog()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("sitrep.*=true"));
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        const QString secretPath = QStringLiteral("/services/T0123ABCD/B0456EFGH/Zq8secretsecretsecret42");
        m_server.script(secretPath, {test::answer(404, "no_service")});
        ManualClock clock(kNow);
        QNetworkAccessManager network;
        WebhookSender sender(&network, clock);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        const QUrl url = m_server.url(secretPath);
        sender.post(1, ChannelKind::Slack, url, buildChatPayload(ChannelKind::Slack, sampleMessage()));
        const QUrl refused(QStringLiteral("http://127.0.0.1:%1/services/T0123ABCD/B0456EFGH/Zq8secretsecretsecret42").arg(test::closedPort()));
        sender.post(2, ChannelKind::Slack, refused, "{}");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        const QString log = g_log.join(QLatin1Char('\n'));
        QVERIFY2(!log.isEmpty(), "the sender logged nothing, so this test proves nothing");
        QVERIFY2(log.contains(maskWebhookUrl(url)), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("Zq8secretsecretsecret42")), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("B0456EFGH")), qPrintable(log));
    }

    void abortAllReportsNothing()
    {
        m_server.script(QStringLiteral("/silent"), {test::silence()});
        ManualClock clock(kNow);
        QNetworkAccessManager network;
        WebhookSender sender(&network, clock);
        QSignalSpy finished(&sender, &WebhookSender::finished);
        sender.post(1, ChannelKind::Slack, m_server.url(QStringLiteral("/silent")), "{}");
        QTRY_COMPARE(m_server.count(QStringLiteral("/silent")), 1);
        sender.abortAll();
        QCOMPARE(sender.inFlight(), 0);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 0);
    }

private:
    test::ChatServer m_server;
};

QTEST_GUILESS_MAIN(TestWebhookSender)
#include "tst_webhooksender.moc"
