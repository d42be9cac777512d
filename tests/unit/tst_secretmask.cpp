#include "net/secretmask.h"

#include <QtTest>

using namespace sitrep;

namespace {

const QString kSlack = QStringLiteral("https://hooks.slack.com/services/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");
const QString kWorkflow = QStringLiteral(
    "https://prod-12.westus.logic.azure.com:443/workflows/0a1b2c3d4e5f60718293a4b5c6d7e8f9/triggers/manual/paths/invoke"
    "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA_zyXwVuT");

} // namespace

class TestSecretMask : public QObject
{
    Q_OBJECT

private slots:
    void mask_data();
    void mask();
    void redactsEveryFormOfTheUrl_data();
    void redactsEveryFormOfTheUrl();
    void redactLeavesOtherTextAlone();
    void redactHandlesSeveralSecrets();
};

void TestSecretMask::mask_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("secrets"); // must not appear in the masked form

    QTest::newRow("slack") << kSlack << QStringLiteral("https://hooks.slack.com/services/T0A\u2026/\u2022\u2022\u2022\u2022")
                           << QStringList{QStringLiteral("q8Zr2LxN5vWk7JtY3mPd9HsA"), QStringLiteral("B0E4F5G6H")};
    QTest::newRow("mattermost") << QStringLiteral("https://chat.example.com/hooks/xzy8pq5ffjnb3rctjigu4wprgh")
                                << QStringLiteral("https://chat.example.com/hooks/xzy\u2026")
                                << QStringList{QStringLiteral("xzy8pq5ffjnb3rctjigu4wprgh"), QStringLiteral("8pq5")};
    QTest::newRow("teams connector")
        << QStringLiteral("https://contoso.webhook.office.com/webhookb2/1f0c2a9e-7b1d-4c3e-9f2a-5d6e7f8a9b0c@72f988bf-86f1-41af-91ab-2d7cd011db47"
                          "/IncomingWebhook/4d3c2b1a0f9e8d7c6b5a493827161504/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
        << QStringLiteral("https://contoso.webhook.office.com/webhookb2/1f0\u2026/\u2022\u2022\u2022\u2022")
        << QStringList{QStringLiteral("IncomingWebhook"), QStringLiteral("4d3c2b1a0f9e"), QStringLiteral("72f988bf")};
    QTest::newRow("teams workflow signature in query")
        << kWorkflow << QStringLiteral("https://prod-12.westus.logic.azure.com/workflows/0a1\u2026/\u2022\u2022\u2022\u2022")
        << QStringList{QStringLiteral("sig"), QStringLiteral("Zx9Yw8"), QStringLiteral("invoke")};
    QTest::newRow("password and port dropped") << QStringLiteral("https://bot:hunter22@relay.example.com:8443/x/abcdefghijklmnopq")
                                               << QStringLiteral("https://relay.example.com:8443/\u2026/\u2022\u2022\u2022\u2022")
                                               << QStringList{QStringLiteral("hunter22"), QStringLiteral("bot"), QStringLiteral("abc")};
    QTest::newRow("short secret gets no hint") << QStringLiteral("https://relay.example.com/abc123")
                                               << QStringLiteral("https://relay.example.com/\u2026") << QStringList{QStringLiteral("abc")};
    QTest::newRow("fragment hidden") << QStringLiteral("https://relay.example.com/hooks/abcdefghijkl#token=s3cr3tValue")
                                     << QStringLiteral("https://relay.example.com/hooks/abc\u2026/\u2022\u2022\u2022\u2022")
                                     << QStringList{QStringLiteral("s3cr3t")};
    QTest::newRow("host only") << QStringLiteral("https://hooks.example.com") << QStringLiteral("https://hooks.example.com") << QStringList{};
    QTest::newRow("not a url") << QStringLiteral("paste here") << QStringLiteral("\u2022\u2022\u2022\u2022") << QStringList{QStringLiteral("paste")};
    QTest::newRow("empty") << QString() << QString() << QStringList{};
}

void TestSecretMask::mask()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QFETCH(QStringList, secrets);
    const QString masked = maskWebhookUrl(QUrl(url));
    QCOMPARE(masked, expected);
    for (const QString &secret : secrets)
        QVERIFY2(!masked.contains(secret), qPrintable(secret));
}

void TestSecretMask::redactsEveryFormOfTheUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("logLine");
    QTest::addColumn<QStringList>("secrets");

    const QUrl slack(kSlack);
    const QUrl workflow(kWorkflow);
    QTest::newRow("slack url as typed") << kSlack << QStringLiteral("POST %1 failed: 404").arg(kSlack)
                                        << QStringList{QStringLiteral("q8Zr2LxN5vWk7JtY3mPd9HsA")};
    QTest::newRow("slack path only") << kSlack << QStringLiteral("request line: POST %1 HTTP/1.1").arg(slack.path())
                                     << QStringList{QStringLiteral("q8Zr2LxN5vWk7JtY3mPd9HsA")};
    QTest::newRow("slack token alone") << kSlack << QStringLiteral("token q8Zr2LxN5vWk7JtY3mPd9HsA rejected")
                                       << QStringList{QStringLiteral("q8Zr2LxN5vWk7JtY3mPd9HsA")};
    QTest::newRow("workflow encoded") << kWorkflow << QStringLiteral("Error transferring %1 - server replied: Accepted")
                                                          .arg(QString::fromLatin1(workflow.toEncoded()))
                                      << QStringList{QStringLiteral("Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA_zyXwVuT"),
                                                     QStringLiteral("0a1b2c3d4e5f60718293a4b5c6d7e8f9")};
    QTest::newRow("workflow decoded") << kWorkflow << QStringLiteral("url=%1").arg(QUrl::fromPercentEncoding(workflow.toEncoded()))
                                      << QStringList{QStringLiteral("Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA_zyXwVuT")};
    QTest::newRow("workflow signature alone") << kWorkflow << QStringLiteral("sig=Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA_zyXwVuT")
                                              << QStringList{QStringLiteral("Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA_zyXwVuT")};
    QTest::newRow("password") << QStringLiteral("https://bot:hunter22@relay.example.com/x")
                              << QStringLiteral("auth bot:hunter22 refused") << QStringList{QStringLiteral("hunter22")};
}

void TestSecretMask::redactsEveryFormOfTheUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, logLine);
    QFETCH(QStringList, secrets);
    const QString redacted = redactSecrets(logLine, {QUrl(url)});
    QVERIFY(redacted != logLine);
    for (const QString &secret : secrets)
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
}

void TestSecretMask::redactLeavesOtherTextAlone()
{
    const QString line = QStringLiteral("POST %1 failed: 404 no_service (hooks, services, manual, invoke)").arg(kSlack);
    QCOMPARE(redactSecrets(line, {QUrl(kSlack)}),
             QStringLiteral("POST https://hooks.slack.com/services/T0A\u2026/\u2022\u2022\u2022\u2022 failed: 404 no_service "
                            "(hooks, services, manual, invoke)"));
    const QString plain = QStringLiteral("Slack answered 404 for services/hooks");
    QCOMPARE(redactSecrets(plain, {QUrl(kSlack), QUrl()}), plain);
    QCOMPARE(redactSecrets(plain, {}), plain);
}

void TestSecretMask::redactHandlesSeveralSecrets()
{
    const QString mattermost = QStringLiteral("https://chat.example.com/hooks/xzy8pq5ffjnb3rctjigu4wprgh");
    const QString line = QStringLiteral("slack=%1 mm=%2").arg(kSlack, mattermost);
    QCOMPARE(redactSecrets(line, {QUrl(kSlack), QUrl(mattermost)}),
             QStringLiteral("slack=https://hooks.slack.com/services/T0A\u2026/\u2022\u2022\u2022\u2022 mm=https://chat.example.com/hooks/xzy\u2026"));
}

QTEST_GUILESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
