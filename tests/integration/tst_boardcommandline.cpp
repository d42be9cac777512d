// The board from the built sitrep binary, as a shell user runs it: known, unknown, plan,
// answer, estimate and board round-trip through a real store; bad input gets exit 2 or 3, a
// message naming what was wrong, and a store file that did not change.
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Rows in every table a board change writes to, read with SQLite itself.
QList<int> footprint(const QString &path)
{
    QList<int> counts;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        if (db.open()) {
            for (const char *table : {"situation_items", "timeline_entries", "board_events", "estimates", "change_log"}) {
                QSqlQuery q(db);
                counts << (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)) && q.next()
                               ? q.value(0).toInt()
                               : -1);
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return counts;
}

} // namespace

class TestBoardCommandLine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_incident;
    int m_stores = 0;

    Run sitrep(const QStringList &arguments)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("USER"), QStringLiteral("dana"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SITREP_BINARY), QStringList{QStringLiteral("--db"), m_db} + arguments);
        if (!p.waitForFinished(30'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    // Runs a command that must succeed and returns what it printed.
    QString ok(const QStringList &arguments)
    {
        const Run r = sitrep(arguments);
        if (r.exitCode != 0)
            qWarning("%s failed (%d): %s", qPrintable(arguments.join(QLatin1Char(' '))), r.exitCode, qPrintable(r.err));
        return r.exitCode == 0 ? r.out.trimmed() : QStringLiteral("<failed>");
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // A fresh store for every row, so each starts from the same board.
        m_db = m_dir.filePath(QStringLiteral("board-%1.db").arg(++m_stores));
        m_incident = ok({QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Checkout is down"),
                         QStringLiteral("--severity"), QStringLiteral("1")});
        QVERIFY(!m_incident.startsWith(QLatin1Char('<')));
    }

    void roundTrip()
    {
        const QString id = m_incident.left(8);
        const QString question = ok({QStringLiteral("unknown"), id, QStringLiteral("Which deploy introduced it?"),
                                     QStringLiteral("--owner"), QStringLiteral("Ana")});
        const QString fact = ok({QStringLiteral("known"), id, QStringLiteral("Error rate 40%"), QStringLiteral("since 08:31"),
                                 QStringLiteral("--owner"), QStringLiteral("Grafana")});
        const QString step = ok({QStringLiteral("plan"), id, QStringLiteral("Roll back deploy 4812"), QStringLiteral("--owner"),
                                 QStringLiteral("Ana"), QStringLiteral("--tag"), QStringLiteral("contain"),
                                 QStringLiteral("--back-out"), QStringLiteral("redeploy 4812"), QStringLiteral("--time-box"),
                                 QStringLiteral("10m")});
        const QString verify = ok({QStringLiteral("plan"), id, QStringLiteral("Watch the error rate"), QStringLiteral("--tag"),
                                   QStringLiteral("verify")});
        QCOMPARE(QStringList({question, fact, step, verify}),
                 QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}));
        const QString estimate = ok({QStringLiteral("estimate"), id, QStringLiteral("30m"), QStringLiteral("90m"),
                                     QStringLiteral("--confidence"), QStringLiteral("medium"), QStringLiteral("--basis"),
                                     QStringLiteral("last failover took 40 min")});
        QVERIFY2(estimate.startsWith(QStringLiteral("30–90 min · ")) && estimate.endsWith(QStringLiteral("UTC, medium confidence")),
                 qPrintable(estimate));
        QCOMPARE(ok({QStringLiteral("answer"), id, QStringLiteral("#1"), QStringLiteral("Deploy"), QStringLiteral("4812")}),
                 QString());

        const QString board = ok({QStringLiteral("board"), id});
        const QStringList lines = board.split(QLatin1Char('\n'));
        QVERIFY2(lines.constFirst().startsWith(QStringLiteral("Checkout is down — the board at ")), qPrintable(board));
        QVERIFY2(board.contains(QStringLiteral("ESTIMATE\n  30–90 min · ")), qPrintable(board));
        QVERIFY(board.contains(QStringLiteral("medium confidence — last failover took 40 min")));
        QVERIFY2(board.contains(QStringLiteral("WHAT WE KNOW (2)\n"
                                               "  #2    Error rate 40% since 08:31 (from Grafana, ")),
                 qPrintable(board));
        QVERIFY(board.contains(QStringLiteral("  #1    Which deploy introduced it? — answered: Deploy 4812 (from Ana, ")));
        QVERIFY(board.contains(QStringLiteral("WHAT WE DON'T KNOW (0)\n  nothing yet")));
        QVERIFY2(board.contains(QStringLiteral("THE PLAN (2)\n"
                                               "  #3    [todo] contain: Roll back deploy 4812 — Ana · back-out: redeploy 4812 · time-box 10 min\n"
                                               "  #4    [todo] verify: Watch the error rate")),
                 qPrintable(board));

        // Before anything was on it, the board was empty; the history is in the store.
        const QString before = ok({QStringLiteral("board"), id, QStringLiteral("--as-of"), QStringLiteral("2001-01-01T00:00:00Z")});
        QVERIFY2(before.contains(QStringLiteral("the board as of 2001-01-01T00:00:00Z")), qPrintable(before));
        QVERIFY(before.contains(QStringLiteral("ESTIMATE\n  none given yet")));
        QCOMPARE(before.count(QStringLiteral("nothing yet")), 3);
        const QString later = ok({QStringLiteral("board"), id, QStringLiteral("--as-of"), QStringLiteral("2999-01-01T00:00:00Z")});
        QVERIFY2(later.contains(QStringLiteral("Which deploy introduced it? — answered: Deploy 4812")), qPrintable(later));

        // Every change is on the timeline, as the command line wrote it.
        const QString show = ok({QStringLiteral("show"), id});
        QVERIFY(show.contains(QStringLiteral("[situation] dana: What we don't know: Which deploy introduced it? (Ana)")));
        QVERIFY(show.contains(QStringLiteral("[situation] dana: Answered “Which deploy introduced it?” → “Deploy 4812”")));
    }

    void badInputIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments"); // after the incident id
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("low above high") << QStringList{QStringLiteral("estimate"), QStringLiteral("2h"), QStringLiteral("30m")}
                                        << 2 << QStringLiteral("estimate: 2h 30m: The low end of the estimate is above the high end");
        QTest::newRow("negative") << QStringList{QStringLiteral("estimate"), QStringLiteral("-5m"), QStringLiteral("30m")} << 2
                                  << QStringLiteral("\"-5m\" is negative");
        QTest::newRow("unparseable low") << QStringList{QStringLiteral("estimate"), QStringLiteral("soon"), QStringLiteral("1h")}
                                         << 2 << QStringLiteral("LOW \"soon\" is not a duration");
        QTest::newRow("unparseable high") << QStringList{QStringLiteral("estimate"), QStringLiteral("5m"), QStringLiteral("1x")}
                                          << 2 << QStringLiteral("HIGH \"1x\" is not a duration");
        QTest::newRow("one number") << QStringList{QStringLiteral("estimate"), QStringLiteral("45m")} << 2
                                    << QStringLiteral("missing arguments");
        QTest::newRow("bad confidence") << QStringList{QStringLiteral("estimate"), QStringLiteral("5m"), QStringLiteral("1h"),
                                                       QStringLiteral("--confidence"), QStringLiteral("sure")}
                                        << 2 << QStringLiteral("--confidence \"sure\" is not a confidence");
        QTest::newRow("answer a known") << QStringList{QStringLiteral("answer"), QStringLiteral("1"), QStringLiteral("yes")} << 2
                                        << QStringLiteral("answer: Card 1 (“Error rate 40%”): Only an unknown can be answered");
        QTest::newRow("answer no card") << QStringList{QStringLiteral("answer"), QStringLiteral("99"), QStringLiteral("yes")} << 3
                                        << QStringLiteral("there is no card 99 on the board of \"Checkout is down\"");
        QTest::newRow("answer not a number") << QStringList{QStringLiteral("answer"), QStringLiteral("first"), QStringLiteral("yes")}
                                             << 2 << QStringLiteral("ITEM \"first\" is not a card number");
        QTest::newRow("empty card") << QStringList{QStringLiteral("known"), QStringLiteral("  ")} << 2
                                    << QStringLiteral("known: the card TEXT is empty");
        QTest::newRow("bad tag") << QStringList{QStringLiteral("plan"), QStringLiteral("Fix it"), QStringLiteral("--tag"),
                                                QStringLiteral("later")}
                                 << 2 << QStringLiteral("--tag \"later\" is not a tag");
        QTest::newRow("bad as-of") << QStringList{QStringLiteral("board"), QStringLiteral("--as-of"), QStringLiteral("yesterday")}
                                   << 2 << QStringLiteral("--as-of: \"yesterday\" is not a time");
    }

    void badInputIsRefusedAndChangesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QCOMPARE(ok({QStringLiteral("known"), m_incident, QStringLiteral("Error rate 40%")}), QStringLiteral("1"));
        const QList<int> before = footprint(m_db);
        QCOMPARE(before.size(), 5);
        QStringList args = arguments;
        args.insert(1, m_incident);
        const Run r = sitrep(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(footprint(m_db), before);
        const QString board = ok({QStringLiteral("board"), m_incident});
        QVERIFY(board.contains(QStringLiteral("ESTIMATE\n  none given yet")));
        QVERIFY(board.contains(QStringLiteral("WHAT WE KNOW (1)\n  #1    Error rate 40%")));
    }
};

QTEST_GUILESS_MAIN(TestBoardCommandLine)
#include "tst_boardcommandline.moc"
