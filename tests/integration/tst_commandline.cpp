// The built sitrep binary, run as a user would from a shell: the declare → log → status → show
// round trip, and every kind of bad input with its exit code, its message, and an untouched file.
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
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

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    Run sitrep(const QStringList &arguments, bool withDb = true)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("HOME"), m_dir.path()); // the default store stays in the sandbox
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // commands must not need a display
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SITREP_BINARY), (withDb ? QStringList{QStringLiteral("--db"), m_db} : QStringList{}) + arguments);
        if (!p.waitForFinished(30'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    // Changes the store behind Sitrep's back, with SQLite itself.
    void rawExec(const QStringList &statements)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            for (const QString &statement : statements) {
                QSqlQuery q(db);
                QVERIFY2(q.exec(statement), qPrintable(statement));
            }
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    QString declare(const QString &title)
    {
        const Run r = sitrep({QStringLiteral("declare"), QStringLiteral("--title"), title, QStringLiteral("--severity"),
                              QStringLiteral("2")});
        return r.out.trimmed();
    }

private Q_SLOTS:
    void init()
    {
        m_db = m_dir.filePath(QStringLiteral("cli-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(m_db);
    }

    void roundTrip()
    {
        // An hour ago, on the minute: impact began, then things happened in order.
        QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-3600);
        base.setTime(QTime(base.time().hour(), base.time().minute()));
        auto at = [&](int minutes) { return base.addSecs(minutes * 60).toString(Qt::ISODate); };
        const QString plusOneHour = base.addSecs(11 * 60).toOffsetFromUtc(3600).toString(Qt::ISODate);

        const Run declared = sitrep({QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Orders failing"),
                                     QStringLiteral("--severity"), QStringLiteral("1"), QStringLiteral("--started"), at(0),
                                     QStringLiteral("--impact"), QStringLiteral("No customer can check out")});
        QCOMPARE(declared.exitCode, 0);
        QVERIFY2(declared.err.isEmpty(), qPrintable(declared.err));
        const QString id = declared.out.trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
                     .match(id).hasMatch(), qPrintable(id));

        const QString prefix = id.left(6);
        QCOMPARE(sitrep({QStringLiteral("log"), prefix, QStringLiteral("Disk full on db-1"), QStringLiteral("--at"), at(10),
                         QStringLiteral("--author"), QStringLiteral("Sam")}).exitCode, 0);
        QCOMPARE(sitrep({QStringLiteral("log"), id, QStringLiteral("Fail"), QStringLiteral("over"), QStringLiteral("to db-2"),
                         QStringLiteral("--kind"), QStringLiteral("decision"), QStringLiteral("--at"), plusOneHour}).exitCode, 0);
        QCOMPARE(sitrep({QStringLiteral("status"), prefix, QStringLiteral("mitigated"), QStringLiteral("--at"), at(18)}).exitCode, 0);

        const Run list = sitrep({QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out, QStringLiteral("%1\tSEV1\tmitigated\t%2\tOrders failing\n").arg(id, at(0)));

        const Run show = sitrep({QStringLiteral("show"), prefix});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.startsWith(QStringLiteral("Orders failing\n")));
        QVERIFY(show.out.contains(QStringLiteral("impact:   No customer can check out\n")));
        QVERIFY(show.out.contains(QStringLiteral("started:      %1\n").arg(at(0))));
        QVERIFY(show.out.contains(QStringLiteral("mitigated:    %1\n").arg(at(18))));
        const QStringList lines = show.out.section(QStringLiteral("timeline:\n"), 1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        // Oldest first, by when it happened rather than when it was typed: the declaration,
        // typed first, happened now, after the back-dated entries.
        QVERIFY2(lines.at(0).startsWith(at(10) + QStringLiteral("  [note] Sam: Disk full on db-1")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(at(11) + QStringLiteral("  [decision] ")), qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).endsWith(QStringLiteral(": Fail over to db-2")));
        QVERIFY2(lines.at(2).startsWith(at(18) + QStringLiteral("  [status] * ")), qPrintable(lines.at(2)));
        QVERIFY(lines.at(2).endsWith(QStringLiteral("Status: Investigating → Mitigated")));
        QVERIFY2(lines.at(3).contains(QStringLiteral("[system] * ")), qPrintable(lines.at(3)));
        QVERIFY(lines.at(3).endsWith(QStringLiteral("SEV1 declared: Orders failing")));
        // The first-response runbook comes with every new incident, from the shell too.
        QVERIFY2(lines.at(4).contains(QStringLiteral("[checklist] ")), qPrintable(lines.at(4)));
    }

    void searchPinMilestoneRole()
    {
        const QString id = declare(QStringLiteral("Search me"));
        const QString other = declare(QStringLiteral("Other"));
        QCOMPARE(sitrep({QStringLiteral("log"), id, QStringLiteral("Primary disk full on db-1")}).exitCode, 0);
        const QString entry = sitrep({QStringLiteral("log"), other, QStringLiteral("disk alarms on db-9")}).out.trimmed();

        const Run everywhere = sitrep({QStringLiteral("search"), QStringLiteral("disk")});
        QCOMPARE(everywhere.exitCode, 0);
        const QStringList lines = everywhere.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(other + QLatin1Char('\t'))); // newest first
        QVERIFY(lines.at(0).endsWith(QStringLiteral("\tdisk alarms on db-9")));
        QVERIFY(lines.at(1).endsWith(QStringLiteral("\tPrimary disk full on db-1")));
        const Run scoped = sitrep({QStringLiteral("search"), QStringLiteral("disk"), QStringLiteral("--incident"), id.left(8)});
        QCOMPARE(scoped.out.count(QLatin1Char('\n')), 1);
        QCOMPARE(sitrep({QStringLiteral("search"), QStringLiteral("nothing")}).out, QString());
        QCOMPARE(sitrep({QStringLiteral("search"), QStringLiteral("**")}).exitCode, 2);

        QCOMPARE(sitrep({QStringLiteral("pin"), other, entry.left(8)}).exitCode, 0);
        QVERIFY(sitrep({QStringLiteral("show"), other}).out.contains(QStringLiteral("[note] * ")));
        const Run wrongEntry = sitrep({QStringLiteral("pin"), id, entry.left(8)}); // an entry of another incident
        QCOMPARE(wrongEntry.exitCode, 3);

        QCOMPARE(sitrep({QStringLiteral("milestone"), id, QStringLiteral("acknowledged"), QStringLiteral("now")}).exitCode, 0);
        QVERIFY(sitrep({QStringLiteral("show"), id}).out.contains(QStringLiteral("acknowledged:")));
        const Run early = sitrep({QStringLiteral("milestone"), id, QStringLiteral("detected"), QStringLiteral("2001-01-01T00:00:00Z")});
        QCOMPARE(early.exitCode, 2);
        QVERIFY2(early.err.contains(QStringLiteral("Detected")), qPrintable(early.err));
        QCOMPARE(sitrep({QStringLiteral("milestone"), id, QStringLiteral("fixed"), QStringLiteral("now")}).exitCode, 2);

        QCOMPARE(sitrep({QStringLiteral("role"), id, QStringLiteral("ic"), QStringLiteral("Dana"), QStringLiteral("Okafor")}).exitCode, 0);
        QVERIFY(sitrep({QStringLiteral("show"), id}).out.contains(QStringLiteral("commander:    Dana Okafor")));
        QCOMPARE(sitrep({QStringLiteral("role"), id, QStringLiteral("boss"), QStringLiteral("X")}).exitCode, 2);
    }

    void demoOpensItsOwnStore()
    {
        const Run refused = sitrep({QStringLiteral("demo")}); // with --db: never rewrite a real store
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("--db")), qPrintable(refused.err));
        const QString png = m_dir.filePath(QStringLiteral("demo.png"));
        const Run demo = sitrep({QStringLiteral("demo"), QStringLiteral("--screenshot"), png}, false);
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        QCOMPARE(QImage(png).size(), QSize(1600, 1000));
        const QString sample = m_dir.filePath(QStringLiteral("data/sitrep/sample.db"));
        QVERIFY(QFile::exists(sample));
        const Run list = sitrep({QStringLiteral("--db"), sample, QStringLiteral("list")}, false);
        QVERIFY2(list.out.contains(QStringLiteral("SEV1\tidentified")), qPrintable(list.out));
        // The real store was not touched by the demo.
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("data/sitrep/sitrep.db"))));
    }

    void helpAndVersionNeedNoStore()
    {
        const Run help = sitrep({QStringLiteral("--help")}, false);
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"declare", "log", "status", "list", "show"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
        const Run version = sitrep({QStringLiteral("--version")}, false);
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("sitrep ")));
        QVERIFY(!QFile::exists(m_db));
    }

    void defaultStoreLivesInTheDataLocation()
    {
        const Run declared = sitrep({QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Default store"),
                                     QStringLiteral("--severity"), QStringLiteral("3")}, false);
        QCOMPARE(declared.exitCode, 0);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/sitrep/sitrep.db"))));
        const Run list = sitrep({QStringLiteral("list")}, false);
        QVERIFY(list.out.contains(QStringLiteral("Default store")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        // ID is replaced by the id of a real incident.
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QStringLiteral("unknown command \"frobnicate\"");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("list"), QStringLiteral("--bogus")} << 2 << QStringLiteral("bogus");
        QTest::newRow("declare without title") << QStringList{QStringLiteral("declare"), QStringLiteral("--severity"), QStringLiteral("1")} << 2 << QStringLiteral("--title");
        QTest::newRow("unknown severity") << QStringList{QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--severity"), QStringLiteral("5")} << 2 << QStringLiteral("--severity \"5\"");
        QTest::newRow("malformed started") << QStringList{QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--severity"), QStringLiteral("1"), QStringLiteral("--started"), QStringLiteral("8:45 yesterday")} << 2 << QStringLiteral("--started: \"8:45 yesterday\"");
        QTest::newRow("malformed at") << QStringList{QStringLiteral("log"), QStringLiteral("ID"), QStringLiteral("text"), QStringLiteral("--at"), QStringLiteral("2026-13-45T99:00")} << 2 << QStringLiteral("--at: \"2026-13-45T99:00\"");
        QTest::newRow("empty text") << QStringList{QStringLiteral("log"), QStringLiteral("ID"), QStringLiteral("   ")} << 2 << QStringLiteral("empty");
        QTest::newRow("unknown kind") << QStringList{QStringLiteral("log"), QStringLiteral("ID"), QStringLiteral("x"), QStringLiteral("--kind"), QStringLiteral("gossip")} << 2 << QStringLiteral("--kind \"gossip\"");
        QTest::newRow("unknown status") << QStringList{QStringLiteral("status"), QStringLiteral("ID"), QStringLiteral("fixed")} << 2 << QStringLiteral("\"fixed\" is not a status");
        QTest::newRow("refused transition") << QStringList{QStringLiteral("status"), QStringLiteral("ID"), QStringLiteral("investigating")} << 2 << QStringLiteral("already");
        QTest::newRow("unknown id") << QStringList{QStringLiteral("show"), QStringLiteral("0123456789")} << 3 << QStringLiteral("\"0123456789\"");
        QTest::newRow("id too short") << QStringList{QStringLiteral("show"), QStringLiteral("ab")} << 2 << QStringLiteral("too short");
        QTest::newRow("id not hex") << QStringList{QStringLiteral("show"), QStringLiteral("zzzzzzzz")} << 2 << QStringLiteral("\"zzzzzzzz\" is not an id");
        QTest::newRow("ambiguous id") << QStringList{QStringLiteral("show"), QStringLiteral("AMBIGUOUS")} << 3 << QStringLiteral("ambiguous");
        QTest::newRow("missing arguments") << QStringList{QStringLiteral("status"), QStringLiteral("ID")} << 2 << QStringLiteral("usage: sitrep status");
        QTest::newRow("extra argument") << QStringList{QStringLiteral("show"), QStringLiteral("ID"), QStringLiteral("extra")} << 2 << QStringLiteral("\"extra\"");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString id = declare(QStringLiteral("Target"));
        QVERIFY(!id.isEmpty());
        if (arguments.contains(QStringLiteral("AMBIGUOUS"))) {
            // Random ids practically never share six characters, so give two of them the same
            // start directly in the file, as an import of look-alike ids could.
            QVERIFY(!declare(QStringLiteral("Twin")).isEmpty());
            rawExec({QStringLiteral("UPDATE incidents SET uuid = 'abcdef01-0000-4000-8000-000000000001' WHERE id = 1"),
                     QStringLiteral("UPDATE incidents SET uuid = 'abcdef02-0000-4000-8000-000000000002' WHERE id = 2")});
            arguments.replace(arguments.indexOf(QStringLiteral("AMBIGUOUS")), QStringLiteral("abcdef"));
        }
        for (QString &a : arguments) {
            if (a == QLatin1String("ID"))
                a = id;
        }
        const QByteArray before = fileHash(m_db);
        const Run r = sitrep(arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QStringLiteral("sitrep: ")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(fileHash(m_db), before);
    }

    void screenshotWritesThePng()
    {
        const QString id = declare(QStringLiteral("Screenshot me"));
        const QString png = m_dir.filePath(QStringLiteral("window.png"));
        const Run r = sitrep({QStringLiteral("--incident"), id.left(8), QStringLiteral("--screenshot"), png,
                              QStringLiteral("--size"), QStringLiteral("1200x800")});
        QCOMPARE(r.exitCode, 0);
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1200, 800));
        // Not a blank frame: the window drew something in more than one colour.
        QVERIFY(image.pixel(5, 5) != image.pixel(600, 60) || image.pixel(600, 60) != image.pixel(300, 400));

        const Run defaultSize = sitrep({QStringLiteral("--screenshot"), png});
        QCOMPARE(defaultSize.exitCode, 0);
        QCOMPARE(QImage(png).size(), QSize(1600, 1000));

        const Run badSize = sitrep({QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("huge")});
        QCOMPARE(badSize.exitCode, 2);
        QVERIFY2(badSize.err.contains(QStringLiteral("--size")), qPrintable(badSize.err));

        const Run unknown = sitrep({QStringLiteral("--incident"), QStringLiteral("ffffffff"), QStringLiteral("--screenshot"), png});
        QCOMPARE(unknown.exitCode, 3);
        QVERIFY2(unknown.err.contains(QStringLiteral("ffffffff")), qPrintable(unknown.err));

        const Run unwritable = sitrep({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("no/dir/x.png"))});
        QCOMPARE(unwritable.exitCode, 1);
        QVERIFY2(unwritable.err.contains(QStringLiteral("x.png")), qPrintable(unwritable.err));
    }

    void badStores_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing directory") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("not sqlite") << QStringLiteral("garbage") << QStringLiteral("not an SQLite database");
        QTest::newRow("newer store") << QStringLiteral("newer") << QStringLiteral("newer Sitrep");
    }

    void badStores()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        if (kind == QLatin1String("missing")) {
            m_db = m_dir.filePath(QStringLiteral("no/such/dir/store.db"));
        } else if (kind == QLatin1String("garbage")) {
            QFile f(m_db);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("PK\x03\x04 this is a zip, not a store");
        } else {
            QVERIFY(!declare(QStringLiteral("From the future")).isEmpty());
            // Written by "a newer Sitrep": bump the recorded schema with SQLite itself.
            rawExec({QStringLiteral("INSERT INTO schema_version VALUES (99, 0, '99.0')")});
        }
        const QByteArray before = fileHash(m_db);
        for (const QStringList &args : {QStringList{QStringLiteral("list")},
                                        QStringList{QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("x"),
                                                    QStringLiteral("--severity"), QStringLiteral("1")}}) {
            const Run r = sitrep(args);
            QCOMPARE(r.exitCode, 4);
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
            QVERIFY2(r.err.contains(QFileInfo(m_db).fileName()) || kind == QLatin1String("missing"), qPrintable(r.err));
            QCOMPARE(fileHash(m_db), before);
        }
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
