#include "net/deliveryoutcome.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace sitrep;

Q_DECLARE_METATYPE(sitrep::ChannelKind)
Q_DECLARE_METATYPE(sitrep::NetworkFailure)
Q_DECLARE_METATYPE(sitrep::DeliveryOutcome::Verdict)

namespace {

// 2025-06-17 12:00:00 UTC, a Tuesday
const qint64 kNow = QDateTime(QDate(2025, 6, 17), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
constexpr qint64 kNoRetryAfter = -1;

const char *verdictName(DeliveryOutcome::Verdict verdict)
{
    switch (verdict) {
    case DeliveryOutcome::Delivered: return "Delivered";
    case DeliveryOutcome::RetryLater: return "RetryLater";
    case DeliveryOutcome::Failed: return "Failed";
    }
    return "?";
}

} // namespace

class TestDeliveryOutcome : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void answersAsTheFixturesSay_data();
    void answersAsTheFixturesSay();
    void retryAfter_data();
    void retryAfter();
    void backoff_data();
    void backoff();
    void attemptBudget();
};

void TestDeliveryOutcome::classify_data()
{
    QTest::addColumn<ChannelKind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfterHeader");
    QTest::addColumn<NetworkFailure>("failure");
    QTest::addColumn<DeliveryOutcome::Verdict>("verdict");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<QString>("reason"); // must appear in the reason

    const auto none = NetworkFailure::None;
    const auto ok = DeliveryOutcome::Delivered;
    const auto retry = DeliveryOutcome::RetryLater;
    const auto failed = DeliveryOutcome::Failed;

    QTest::newRow("slack 200 ok") << ChannelKind::Slack << 200 << QByteArray("ok") << QByteArray() << none << ok << kNoRetryAfter
                                  << QStringLiteral("Slack accepted the message");
    QTest::newRow("mattermost 200 ok") << ChannelKind::Mattermost << 200 << QByteArray("ok") << QByteArray() << none << ok
                                       << kNoRetryAfter << QStringLiteral("Mattermost accepted");
    QTest::newRow("teams connector 200 1") << ChannelKind::Teams << 200 << QByteArray("1") << QByteArray() << none << ok
                                           << kNoRetryAfter << QStringLiteral("Microsoft Teams accepted");
    QTest::newRow("teams workflow 202 empty") << ChannelKind::TeamsWorkflow << 202 << QByteArray() << QByteArray() << none << ok
                                              << kNoRetryAfter << QStringLiteral("Microsoft Teams accepted");

    QTest::newRow("slack 400 invalid_payload") << ChannelKind::Slack << 400 << QByteArray("invalid_payload") << QByteArray() << none
                                               << failed << kNoRetryAfter
                                               << QStringLiteral("Slack rejected the message format (invalid_payload)");
    QTest::newRow("slack 400 unknown code") << ChannelKind::Slack << 400 << QByteArray("too_many_attachments") << QByteArray() << none
                                            << failed << kNoRetryAfter
                                            << QStringLiteral("Slack refused the message (HTTP 400: too_many_attachments)");
    QTest::newRow("slack 403 invalid_token") << ChannelKind::Slack << 403 << QByteArray("invalid_token") << QByteArray() << none
                                             << failed << kNoRetryAfter << QStringLiteral("invalid or was revoked (invalid_token)");
    QTest::newRow("mattermost 403 empty body") << ChannelKind::Mattermost << 403 << QByteArray() << QByteArray() << none << failed
                                               << kNoRetryAfter << QStringLiteral("Mattermost refused the webhook (HTTP 403)");
    QTest::newRow("slack 404 no_service") << ChannelKind::Slack << 404 << QByteArray("no_service") << QByteArray() << none << failed
                                          << kNoRetryAfter
                                          << QStringLiteral("The Slack webhook URL is no longer valid (no_service): it was removed or disabled");
    QTest::newRow("slack 404 channel_not_found") << ChannelKind::Slack << 404 << QByteArray("channel_not_found") << QByteArray()
                                                 << none << failed << kNoRetryAfter << QStringLiteral("(channel_not_found)");
    QTest::newRow("teams 404 html page") << ChannelKind::Teams << 404 << QByteArray("<html><body>Not Found</body></html>")
                                         << QByteArray() << none << failed << kNoRetryAfter
                                         << QStringLiteral("The Microsoft Teams webhook URL was not found (HTTP 404)");
    QTest::newRow("slack 410 channel_is_archived") << ChannelKind::Slack << 410 << QByteArray("channel_is_archived") << QByteArray()
                                                   << none << failed << kNoRetryAfter
                                                   << QStringLiteral("is archived (channel_is_archived)");
    QTest::newRow("mattermost 410 gone") << ChannelKind::Mattermost << 410 << QByteArray() << QByteArray() << none << failed
                                         << kNoRetryAfter << QStringLiteral("no longer exists (HTTP 410 Gone)");

    QTest::newRow("slack 429 retry-after seconds") << ChannelKind::Slack << 429 << QByteArray("{\"ok\":false}") << QByteArray("30")
                                                   << none << retry << qint64(30000) << QStringLiteral("rate limiting");
    QTest::newRow("mattermost 429 retry-after http-date") << ChannelKind::Mattermost << 429 << QByteArray()
                                                          << QByteArray("Tue, 17 Jun 2025 12:01:30 GMT") << none << retry
                                                          << qint64(90000) << QStringLiteral("HTTP 429");
    QTest::newRow("teams 429 without header") << ChannelKind::Teams << 429 << QByteArray() << QByteArray() << none << retry
                                              << kNoRetryAfter << QStringLiteral("HTTP 429");
    QTest::newRow("slack 500 rollup_error") << ChannelKind::Slack << 500 << QByteArray("rollup_error") << QByteArray() << none
                                            << retry << kNoRetryAfter << QStringLiteral("internal error (rollup_error)");
    QTest::newRow("teams workflow 502") << ChannelKind::TeamsWorkflow << 502 << QByteArray() << QByteArray() << none << retry
                                        << kNoRetryAfter << QStringLiteral("server error (HTTP 502)");
    QTest::newRow("slack 503 with retry-after") << ChannelKind::Slack << 503 << QByteArray() << QByteArray("120") << none << retry
                                                << qint64(120000) << QStringLiteral("HTTP 503");
    QTest::newRow("408 request timeout") << ChannelKind::Mattermost << 408 << QByteArray() << QByteArray() << none << retry
                                         << kNoRetryAfter << QStringLiteral("HTTP 408");

    QTest::newRow("teams 200 throttled in body")
        << ChannelKind::Teams << 200
        << QByteArray("Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-170,cv=deadbeef.0.")
        << QByteArray() << none << retry << kNoRetryAfter << QStringLiteral("throttling");
    QTest::newRow("teams 200 other error in body")
        << ChannelKind::Teams << 200 << QByteArray("Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413")
        << QByteArray() << none << failed << kNoRetryAfter << QStringLiteral("too large for Microsoft Teams (HTTP 413)");
    QTest::newRow("teams 400 summary missing") << ChannelKind::Teams << 400 << QByteArray("Summary or Text is required.") << QByteArray()
                                               << none << failed << kNoRetryAfter
                                               << QStringLiteral("Microsoft Teams rejected the message format: Summary or Text is required.");
    QTest::newRow("mattermost 400 json error")
        << ChannelKind::Mattermost << 400
        << QByteArray(R"({"id":"web.incoming_webhook.parse.app_error","message":"Unable to parse incoming data","detailed_error":"","request_id":"x","status_code":400})")
        << QByteArray() << none << failed << kNoRetryAfter
        << QStringLiteral("Mattermost refused the message: Unable to parse incoming data (web.incoming_webhook.parse.app_error)");
    QTest::newRow("mattermost 501 webhooks disabled")
        << ChannelKind::Mattermost << 501
        << QByteArray(R"({"id":"web.incoming_webhook.disabled.app_error","message":"Incoming webhooks have been disabled by the system admin.","status_code":501})")
        << QByteArray() << none << failed << kNoRetryAfter << QStringLiteral("disabled by the system admin");
    QTest::newRow("teams workflow 400 json error")
        << ChannelKind::TeamsWorkflow << 400
        << QByteArray(R"({"error":{"code":"InvalidRequestContent","message":"The input body for trigger 'manual' must be of type JSON"}})")
        << QByteArray() << none << failed << kNoRetryAfter << QStringLiteral("must be of type JSON (InvalidRequestContent)");

    QTest::newRow("timeout") << ChannelKind::Slack << 0 << QByteArray() << QByteArray() << NetworkFailure::Timeout << retry
                             << kNoRetryAfter << QStringLiteral("Slack did not answer in time");
    QTest::newRow("connection refused") << ChannelKind::Mattermost << 0 << QByteArray() << QByteArray()
                                        << NetworkFailure::ConnectionRefused << retry << kNoRetryAfter
                                        << QStringLiteral("connection to Mattermost was refused");
    QTest::newRow("host not found") << ChannelKind::Teams << 0 << QByteArray() << QByteArray() << NetworkFailure::HostNotFound
                                    << retry << kNoRetryAfter << QStringLiteral("host name could not be found");
}

void TestDeliveryOutcome::classify()
{
    QFETCH(ChannelKind, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfterHeader);
    QFETCH(NetworkFailure, failure);
    QFETCH(DeliveryOutcome::Verdict, verdict);
    QFETCH(qint64, retryAfterMs);
    QFETCH(QString, reason);

    const DeliveryOutcome outcome = classifyResponse(kind, status, body, retryAfterHeader, failure, kNow);
    QCOMPARE(verdictName(outcome.verdict), verdictName(verdict));
    QCOMPARE(outcome.retryAfterMs.value_or(kNoRetryAfter), retryAfterMs);
    QVERIFY2(outcome.reason.contains(reason), qPrintable(outcome.reason));
}

// Every documented answer in the shared fixtures: retry exactly when the fixture says so.
void TestDeliveryOutcome::answersAsTheFixturesSay_data()
{
    QTest::addColumn<ChannelKind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfterHeader");
    QTest::addColumn<DeliveryOutcome::Verdict>("verdict");

    const QList<QPair<ChannelKind, QString>> files{{ChannelKind::Slack, QStringLiteral("slack.json")},
                                                   {ChannelKind::Mattermost, QStringLiteral("mattermost.json")},
                                                   {ChannelKind::Teams, QStringLiteral("teams.json")}};
    for (const auto &[kind, name] : files) {
        QFile file(QStringLiteral(SITREP_SOURCE_DIR "/tests/data/chat/") + name);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonArray answers = QJsonDocument::fromJson(file.readAll()).array();
        QVERIFY(!answers.isEmpty());
        int row = 0;
        for (const QJsonValue &value : answers) {
            const QJsonObject answer = value.toObject();
            const int status = answer.value(QStringLiteral("status")).toInt();
            const QJsonValue bodyValue = answer.value(QStringLiteral("body"));
            const QByteArray body = bodyValue.isObject() ? QJsonDocument(bodyValue.toObject()).toJson(QJsonDocument::Compact)
                                                         : bodyValue.toString().toUtf8();
            const QByteArray retryAfter = answer.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Retry-After")).toString().toUtf8();
            DeliveryOutcome::Verdict verdict = DeliveryOutcome::Failed;
            if (answer.value(QStringLiteral("retry")).toBool())
                verdict = DeliveryOutcome::RetryLater;
            else if (status >= 200 && status < 300)
                verdict = DeliveryOutcome::Delivered;
            const QString said = bodyValue.isObject() ? bodyValue.toObject().value(QStringLiteral("id")).toString()
                                                      : QString::fromUtf8(body.left(40));
            const QString rowName = QStringLiteral("%1 #%2 %3 %4").arg(name).arg(++row).arg(status).arg(said);
            QTest::newRow(qPrintable(rowName)) << kind << status << body << retryAfter << verdict;
        }
    }
}

void TestDeliveryOutcome::answersAsTheFixturesSay()
{
    QFETCH(ChannelKind, kind);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfterHeader);
    QFETCH(DeliveryOutcome::Verdict, verdict);

    const DeliveryOutcome outcome = classifyResponse(kind, status, body, retryAfterHeader, NetworkFailure::None, kNow);
    QCOMPARE(verdictName(outcome.verdict), verdictName(verdict));
    QVERIFY(!outcome.reason.isEmpty());
    if (!retryAfterHeader.isEmpty())
        QCOMPARE(outcome.retryAfterMs, parseRetryAfter(retryAfterHeader, kNow));
}

void TestDeliveryOutcome::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("expected"); // -1: not understood

    QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
    QTest::newRow("zero seconds") << QByteArray("0") << qint64(0);
    QTest::newRow("seconds with spaces") << QByteArray(" 5 ") << qint64(5000);
    QTest::newRow("imf-fixdate") << QByteArray("Tue, 17 Jun 2025 12:00:30 GMT") << qint64(30000);
    QTest::newRow("rfc 850 date") << QByteArray("Tuesday, 17-Jun-25 12:01:00 GMT") << qint64(60000);
    QTest::newRow("asctime date") << QByteArray("Tue Jun 17 12:00:45 2025") << qint64(45000);
    QTest::newRow("asctime single-digit day") << QByteArray("Wed Jul  2 12:00:00 2025") << qint64(15) * 24 * 3600 * 1000;
    QTest::newRow("date in the past means now") << QByteArray("Mon, 16 Jun 2025 12:00:00 GMT") << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("impossible date") << QByteArray("Tue, 31 Feb 2025 12:00:00 GMT") << qint64(-1);
    QTest::newRow("not GMT") << QByteArray("Tue, 17 Jun 2025 12:00:30 +0200") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void TestDeliveryOutcome::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, expected);
    QCOMPARE(parseRetryAfter(header, kNow).value_or(-1), expected);
}

void TestDeliveryOutcome::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none
    QTest::addColumn<qint64>("expected");

    QTest::newRow("after attempt 1") << 1 << qint64(-1) << qint64(2000);
    QTest::newRow("after attempt 2") << 2 << qint64(-1) << qint64(4000);
    QTest::newRow("after attempt 3") << 3 << qint64(-1) << qint64(8000);
    QTest::newRow("after attempt 4") << 4 << qint64(-1) << qint64(16000);
    QTest::newRow("after attempt 8") << 8 << qint64(-1) << qint64(256000);
    QTest::newRow("after attempt 9 capped") << 9 << qint64(-1) << qint64(300000);
    QTest::newRow("after attempt 100 capped, no overflow") << 100 << qint64(-1) << qint64(300000);
    QTest::newRow("attempt 0 treated as first") << 0 << qint64(-1) << qint64(2000);
    QTest::newRow("longer retry-after wins") << 1 << qint64(30000) << qint64(30000);
    QTest::newRow("shorter retry-after ignored") << 3 << qint64(1000) << qint64(8000);
    QTest::newRow("retry-after beyond the cap is honoured") << 9 << qint64(600000) << qint64(600000);
}

void TestDeliveryOutcome::backoff()
{
    QFETCH(int, attempt);
    QFETCH(qint64, retryAfterMs);
    QFETCH(qint64, expected);
    const RetryPolicy policy;
    const std::optional<qint64> retryAfter = retryAfterMs < 0 ? std::nullopt : std::optional<qint64>(retryAfterMs);
    QCOMPARE(policy.delayForAttempt(attempt, retryAfter), expected);
}

void TestDeliveryOutcome::attemptBudget()
{
    const RetryPolicy defaults;
    QCOMPARE(defaults.maxAttempts, 5);
    QVERIFY(defaults.mayRetry(4));
    QVERIFY(!defaults.mayRetry(5));

    RetryPolicy quick;
    quick.maxAttempts = 3;
    quick.baseDelayMs = 500;
    quick.maxDelayMs = 1500;
    QList<qint64> delays;
    for (int attempt = 1; quick.mayRetry(attempt); ++attempt)
        delays.append(quick.delayForAttempt(attempt));
    QCOMPARE(delays, (QList<qint64>{500, 1000}));
    QCOMPARE(quick.delayForAttempt(3), qint64(1500));
    QCOMPARE(quick.delayForAttempt(4), qint64(1500));
}

QTEST_GUILESS_MAIN(TestDeliveryOutcome)
#include "tst_deliveryoutcome.moc"
