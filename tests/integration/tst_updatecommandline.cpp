// The built sitrep binary sending stakeholder updates to a loopback "Slack" served by this test:
// channel add/list with masked URLs, update with an exit code that says whether every channel
// delivered, the outbox listing, and usage errors that name the argument and leave the store be.
#include "support/chatserver.h"

#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QString kSecret = QStringLiteral("Zq8secretsecretsecret42");

} // namespace

class TestUpdateCommandLine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<sitrep::test::ChatServer> m_server;

    // Runs the binary without blocking this process's event loop: the chat server lives here.
    Run sitrep(const QStringList &arguments)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        QEventLoop loop;
        connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        p.start(QStringLiteral(SITREP_BINARY), QStringList{QStringLiteral("--db"), m_db} + arguments);
        loop.exec();
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString declare()
    {
        return sitrep({QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Orders failing"),
                       QStringLiteral("--severity"), QStringLiteral("1")})
            .out.trimmed();
    }

    QString webhook(const QString &name) const
    {
        return m_server->url(QStringLiteral("/services/T0123ABCD/%1/").arg(name) + kSecret).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_db = m_dir.filePath(QStringLiteral("cli-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(m_db);
        m_server = std::make_unique<sitrep::test::ChatServer>();
    }

    void channelsAreListedMasked()
    {
        const Run added = sitrep({QStringLiteral("channel"), QStringLiteral("add"), QStringLiteral("--audience"),
                                  QStringLiteral("Customers"), QStringLiteral("--kind"), QStringLiteral("slack"),
                                  QStringLiteral("--target"), webhook(QStringLiteral("B0001"))});
        QCOMPARE(added.exitCode, 0);
        QVERIFY2(added.err.isEmpty(), qPrintable(added.err));
        const QString masked = QStringLiteral("http://127.0.0.1:%1/services/T01…/••••").arg(m_server->port());
        QCOMPARE(added.out, QStringLiteral("1\tcustomers\tslack\t%1\n").arg(masked));
        QCOMPARE(sitrep({QStringLiteral("channel"), QStringLiteral("add"), QStringLiteral("--audience"), QStringLiteral("executives"),
                         QStringLiteral("--kind"), QStringLiteral("email"), QStringLiteral("--target"),
                         QStringLiteral("cto@example.com,ceo@example.com")})
                     .exitCode,
                 0);
        const Run list = sitrep({QStringLiteral("channel"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out, QStringLiteral("1\tcustomers\tslack\t%1\n2\texecutives\temail\tcto@example.com, ceo@example.com\n").arg(masked));

        const QString id = declare();
        const Run perIncident = sitrep({QStringLiteral("channel"), QStringLiteral("list"), id.left(8)});
        QCOMPARE(perIncident.exitCode, 0);
        QCOMPARE(perIncident.out, QStringLiteral("responders\t(no channel)\nexecutives\temail\tcto@example.com, ceo@example.com\n"
                                                 "customers\tslack\t%1\n").arg(masked));
        QCOMPARE(sitrep({QStringLiteral("channel"), QStringLiteral("remove"), QStringLiteral("2")}).exitCode, 0);
        const Run missing = sitrep({QStringLiteral("channel"), QStringLiteral("remove"), QStringLiteral("2")});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY2(missing.err.contains(QStringLiteral("There is no default channel 2")), qPrintable(missing.err));
        for (const Run &r : {added, list, perIncident})
            QVERIFY(!r.out.contains(kSecret) && !r.err.contains(kSecret));
    }

    void channelUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString audience = QStringLiteral("--audience");
        const QString kind = QStringLiteral("--kind");
        const QString target = QStringLiteral("--target");
        QTest::newRow("no subcommand") << QStringList{} << QStringLiteral("channel: \"\" is not add, list or remove");
        QTest::newRow("unknown kind") << QStringList{QStringLiteral("add"), audience, QStringLiteral("x"), kind, QStringLiteral("irc"),
                                                     target, QStringLiteral("x")}
                                      << QStringLiteral("--kind \"irc\" is not a channel kind");
        QTest::newRow("missing audience") << QStringList{QStringLiteral("add"), kind, QStringLiteral("slack"), target,
                                                         QStringLiteral("https://hooks.slack.com/services/a/b/") + kSecret}
                                          << QStringLiteral("--audience is required");
        QTest::newRow("webhook over ftp") << QStringList{QStringLiteral("add"), audience, QStringLiteral("x"), kind, QStringLiteral("slack"),
                                                         target, QStringLiteral("ftp://hooks.slack.com/services/a/b/") + kSecret}
                                          << QStringLiteral("--target: The Slack webhook URL must start with https://.");
        QTest::newRow("bad address") << QStringList{QStringLiteral("add"), audience, QStringLiteral("x"), kind, QStringLiteral("email"),
                                                    target, QStringLiteral("cto-at-example")}
                                     << QStringLiteral("\"cto-at-example\" is not an e-mail address.");
    }

    void channelUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = sitrep(QStringList{QStringLiteral("channel")} + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!r.err.contains(kSecret));
        QVERIFY(!QFile::exists(m_db)); // refused before the store was opened
    }

    void updateIsDeliveredEndToEnd()
    {
        QVERIFY(sitrep({QStringLiteral("channel"), QStringLiteral("add"), QStringLiteral("--audience"), QStringLiteral("customers"),
                        QStringLiteral("--kind"), QStringLiteral("slack"), QStringLiteral("--target"), webhook(QStringLiteral("B0001"))})
                    .exitCode == 0);
        const QString id = declare();
        QFile body(m_dir.filePath(QStringLiteral("body.txt")));
        QVERIFY(body.open(QIODevice::WriteOnly));
        body.write("Checkout fails for about 30% of orders.\n\n- Rolled back the 09:10 deploy\n- Watching error rates\n");
        body.close();
        const Run sent = sitrep({QStringLiteral("update"), id.left(8), QStringLiteral("--audience"), QStringLiteral("Customers"),
                                 QStringLiteral("--body-file"), body.fileName(), QStringLiteral("--next"), QStringLiteral("30m")});
        QCOMPARE(sent.exitCode, 0);
        QVERIFY2(sent.err.isEmpty(), qPrintable(sent.err));
        const QStringList lines = sent.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f-]{36}$")).match(lines.at(0)).hasMatch());
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("delivered\tcustomers\tslack\thttp://127.0.0.1:")), qPrintable(lines.at(1)));
        QCOMPARE(m_server->requests.size(), 1);
        const QString received = QString::fromUtf8(m_server->requests.constFirst().body);
        QVERIFY2(received.contains(QStringLiteral("Checkout fails for about 30% of orders.")), qPrintable(received));
        QVERIFY2(received.contains(QStringLiteral("\\u2022 Rolled back the 09:10 deploy")) || received.contains(QStringLiteral("• Rolled back")),
                 qPrintable(received));

        const Run outbox = sitrep({QStringLiteral("outbox"), id.left(8)});
        QCOMPARE(outbox.exitCode, 0);
        QVERIFY2(outbox.out.contains(QStringLiteral("\tdelivered\tcustomers\tslack\t")), qPrintable(outbox.out));
        const Run show = sitrep({QStringLiteral("show"), id.left(8)});
        QVERIFY2(show.out.contains(QStringLiteral("Update to customers via Slack — queued; next update by ")), qPrintable(show.out));
        QVERIFY2(show.out.contains(QStringLiteral("Update to customers: delivered via Slack.")), qPrintable(show.out));
        for (const Run &r : {sent, outbox, show})
            QVERIFY(!r.out.contains(kSecret) && !r.err.contains(kSecret));
    }

    void refusedUpdateExitsOneWithTheReason()
    {
        m_server->script(QStringLiteral("/services/T0123ABCD/B0404/") + kSecret, {sitrep::test::answer(404, "no_service")});
        const QString id = declare();
        QCOMPARE(sitrep({QStringLiteral("channel"), QStringLiteral("add"), QStringLiteral("--incident"), id.left(8),
                         QStringLiteral("--audience"), QStringLiteral("executives"), QStringLiteral("--kind"), QStringLiteral("slack"),
                         QStringLiteral("--target"), webhook(QStringLiteral("B0404"))})
                     .exitCode,
                 0);
        const Run sent = sitrep({QStringLiteral("update"), id, QStringLiteral("--audience"), QStringLiteral("executives"),
                                 QStringLiteral("--body"), QStringLiteral("Short version: we are on it.")});
        QCOMPARE(sent.exitCode, 1);
        QVERIFY2(sent.out.contains(QStringLiteral("failed\texecutives\tslack\t")), qPrintable(sent.out));
        QVERIFY2(sent.out.contains(QStringLiteral("The Slack webhook URL is no longer valid (no_service): it was removed or disabled")),
                 qPrintable(sent.out));
        QCOMPARE(m_server->requests.size(), 1); // a refusal is not retried
    }

    void queuedWhenTheCommandGaveUpGoesOutLater()
    {
        const QString path = QStringLiteral("/services/T0123ABCD/B0003/") + kSecret;
        m_server->script(path, {sitrep::test::silence(), sitrep::test::answer(200, "ok")});
        const QString id = declare();
        sitrep({QStringLiteral("channel"), QStringLiteral("add"), QStringLiteral("--incident"), id, QStringLiteral("--audience"),
                QStringLiteral("responders"), QStringLiteral("--kind"), QStringLiteral("mattermost"), QStringLiteral("--target"),
                webhook(QStringLiteral("B0003"))});
        const Run sent = sitrep({QStringLiteral("update"), id, QStringLiteral("--audience"), QStringLiteral("responders"),
                                 QStringLiteral("--body"), QStringLiteral("Looking into it."), QStringLiteral("--wait"), QStringLiteral("0")});
        QCOMPARE(sent.exitCode, 1);
        QVERIFY2(sent.out.contains(QStringLiteral("queued\tresponders\tmattermost")), qPrintable(sent.out));
        QVERIFY2(sent.err.contains(QStringLiteral("the rest stays queued")), qPrintable(sent.err));
        const Run later = sitrep({QStringLiteral("outbox"), QStringLiteral("--send"), QStringLiteral("--wait"), QStringLiteral("20s")});
        QCOMPARE(later.exitCode, 0);
        QVERIFY2(later.out.contains(QStringLiteral("\tdelivered\tresponders\tmattermost\t")), qPrintable(later.out));
        QCOMPARE(m_server->count(path), 2);
        // Delivered is final: sending again sends nothing.
        QCOMPARE(sitrep({QStringLiteral("outbox"), QStringLiteral("--send"), QStringLiteral("--wait"), QStringLiteral("0")}).exitCode, 0);
        QCOMPARE(m_server->count(path), 2);
    }

    void updateUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString aud = QStringLiteral("--audience");
        const QString body = QStringLiteral("--body");
        QTest::newRow("no audience") << QStringList{body, QStringLiteral("x")} << 2 << QStringLiteral("update: --audience is required");
        QTest::newRow("no body") << QStringList{aud, QStringLiteral("customers")} << 2
                                 << QStringLiteral("give the text with exactly one of --body TEXT or --body-file FILE");
        QTest::newRow("missing body file") << QStringList{aud, QStringLiteral("customers"), QStringLiteral("--body-file"),
                                                          QStringLiteral("/nonexistent/update.txt")}
                                           << 2 << QStringLiteral("--body-file /nonexistent/update.txt cannot be read");
        QTest::newRow("bad next") << QStringList{aud, QStringLiteral("customers"), body, QStringLiteral("x"), QStringLiteral("--next"),
                                                 QStringLiteral("soonish")}
                                  << 2 << QStringLiteral("--next \"soonish\" is neither a duration");
        QTest::newRow("bad wait") << QStringList{aud, QStringLiteral("customers"), body, QStringLiteral("x"), QStringLiteral("--wait"),
                                                 QStringLiteral("forever")}
                                  << 2 << QStringLiteral("--wait: \"forever\" is not a waiting time");
        QTest::newRow("unknown audience") << QStringList{aud, QStringLiteral("board"), body, QStringLiteral("x")} << 3
                                          << QStringLiteral("There is no audience \"board\" for this incident");
        QTest::newRow("no channel") << QStringList{aud, QStringLiteral("customers"), body, QStringLiteral("x")} << 2
                                    << QStringLiteral("The audience \"customers\" has no channel to send to");
        QTest::newRow("all-clear while open") << QStringList{aud, QStringLiteral("customers"), body, QStringLiteral("x"),
                                                             QStringLiteral("--all-clear")}
                                              << 2 << QStringLiteral("The all-clear is for a resolved incident");
    }

    void updateUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString id = declare();
        const Run r = sitrep(QStringList{QStringLiteral("update"), id} + arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        const Run outbox = sitrep({QStringLiteral("outbox")});
        QCOMPARE(outbox.out, QString()); // nothing was queued
    }
};

QTEST_GUILESS_MAIN(TestUpdateCommandLine)
#include "tst_updatecommandline.moc"
