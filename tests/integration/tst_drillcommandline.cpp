// The built sitrep binary for runbooks, checklists and drills, run as a user would: export →
// import → export gives the same file, tick by number or text, a headless drill prints its
// scorecard and earlier runs side by side, and bad files are refused with the line or JSON path
// named, an exit code, and the store file untouched.
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
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

class TestDrillCommandLine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    Run sitrep(const QStringList &arguments)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("USER"), QStringLiteral("Dana"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // commands must not need a display
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SITREP_BINARY), QStringList{QStringLiteral("--db"), m_db} + arguments);
        if (!p.waitForFinished(60'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    QString declare()
    {
        return sitrep({QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Orders failing"),
                       QStringLiteral("--severity"), QStringLiteral("1")})
            .out.trimmed();
    }

private Q_SLOTS:
    void init()
    {
        m_db = m_dir.filePath(QStringLiteral("cli-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(m_db);
    }

    void runbookExportImportExportIsTheSameFile()
    {
        const Run exported = sitrep({QStringLiteral("runbook"), QStringLiteral("export"), QStringLiteral("first-response")});
        QCOMPARE(exported.exitCode, 0);
        QFile bundled(QStringLiteral(SITREP_SOURCE_DIR "/resources/runbooks/first-response.md"));
        QVERIFY(bundled.open(QIODevice::ReadOnly));
        QCOMPARE(exported.out.toUtf8(), bundled.readAll());

        QString edited = exported.out;
        edited.replace(QStringLiteral("# First response"), QStringLiteral("# First response (payments)"));
        const QString file = write(QStringLiteral("Payments first response.md"), edited.toUtf8());
        const Run imported = sitrep({QStringLiteral("runbook"), QStringLiteral("import"), file});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.err.isEmpty(), qPrintable(imported.err));
        QCOMPARE(imported.out, QStringLiteral("Imported payments-first-response: \"First response (payments)\" (13 steps)\n"));

        const QString copy = m_dir.filePath(QStringLiteral("copy.md"));
        QCOMPARE(sitrep({QStringLiteral("runbook"), QStringLiteral("export"), QStringLiteral("First response (payments)"),
                         QStringLiteral("--output"), copy}).exitCode, 0);
        QCOMPARE(fileHash(copy), fileHash(file));

        const Run list = sitrep({QStringLiteral("runbook"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("payments-first-response\tFirst response (payments)\t13\timported\t-\n")));
        QVERIFY(list.out.contains(QStringLiteral("first-response\tFirst response\t13\tbundled\tSEV1,SEV2,SEV3,SEV4\n")));
    }

    void badRunbooksAreRefusedAndTheStoreUntouched_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid UTF-8") << QByteArray("# A\n- [ ] ok\n- [ ] \xFF\n") << 2 << QStringLiteral("Line 3 is not valid UTF-8");
        QTest::newRow("no steps") << QByteArray("# Only prose\n") << 2 << QStringLiteral("No steps found");
        QTest::newRow("ten megabytes") << QByteArray(10 * 1024 * 1024, '-') << 2 << QStringLiteral("limited to 1048576 bytes");
    }

    void badRunbooksAreRefusedAndTheStoreUntouched()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QVERIFY(!declare().isEmpty());
        const QByteArray before = fileHash(m_db);
        const QString file = write(QStringLiteral("bad.md"), bytes);
        const Run refused = sitrep({QStringLiteral("runbook"), QStringLiteral("import"), file});
        QCOMPARE(refused.exitCode, exitCode);
        QVERIFY2(refused.err.contains(expected), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("bad.md")), qPrintable(refused.err));
        QCOMPARE(fileHash(m_db), before);
        QCOMPARE(sitrep({QStringLiteral("runbook"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("none.md"))}).exitCode, 3);
    }

    void tolerableRunbookImportsWithLineWarnings()
    {
        const QString file = write(QStringLiteral("odd.md"), "# Odd\n\n- [ ] fine\n- [x broken box\n");
        const Run imported = sitrep({QStringLiteral("runbook"), QStringLiteral("import"), file});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.err.contains(QStringLiteral("warning: ")) && imported.err.contains(QStringLiteral("Line 4:")),
                 qPrintable(imported.err));
        QVERIFY(imported.out.contains(QStringLiteral("(2 steps)")));
    }

    void tickByNumberOrText()
    {
        const QString id = declare();
        // Declaring attached the first-response runbook already; attaching it again is refused.
        const Run again = sitrep({QStringLiteral("runbook"), QStringLiteral("attach"), id.left(8), QStringLiteral("first-response")});
        QCOMPARE(again.exitCode, 2);
        const Run ticked = sitrep({QStringLiteral("tick"), id.left(8), QStringLiteral("confirm the")});
        QCOMPARE(ticked.exitCode, 0);
        QVERIFY2(ticked.out.startsWith(QStringLiteral("done: Confirm the outage yourself")), qPrintable(ticked.out));
        QCOMPARE(sitrep({QStringLiteral("tick"), id, QStringLiteral("2"), QStringLiteral("--skip"), QStringLiteral("one region")}).exitCode, 0);
        QCOMPARE(sitrep({QStringLiteral("tick"), id, QStringLiteral("1")}).exitCode, 2); // already done
        QCOMPARE(sitrep({QStringLiteral("tick"), id, QStringLiteral("99")}).exitCode, 3);
        QCOMPARE(sitrep({QStringLiteral("tick"), id, QStringLiteral("Check")}).exitCode, 3); // ambiguous
        QCOMPARE(sitrep({QStringLiteral("tick"), id, QStringLiteral("3"), QStringLiteral("--skip"), QStringLiteral(" ")}).exitCode, 2);

        const Run list = sitrep({QStringLiteral("checklist"), id});
        QCOMPARE(list.exitCode, 0);
        const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.at(0), QStringLiteral("First response (2/13)"));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("  1 [x] Confirm the outage")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("  2 [-] Scope it")) && lines.at(2).endsWith(QStringLiteral("skipped: one region")),
                 qPrintable(lines.at(2)));
        QVERIFY(lines.at(3).startsWith(QStringLiteral("  3 [ ] ")));

        const Run show = sitrep({QStringLiteral("show"), id});
        QVERIFY(show.out.contains(QStringLiteral("[checklist] Dana: Done: Confirm the outage yourself")));
        QVERIFY(show.out.contains(QStringLiteral("[checklist] Dana: Skipped: Scope it")));
    }

    void headlessDrillPrintsTheScorecardAndEarlierRuns()
    {
        // No one responds: every expectation is missed, whatever the machine's speed.
        const Run first = sitrep({QStringLiteral("drill"), QStringLiteral(SITREP_SOURCE_DIR "/resources/scenarios/database-down.json"),
                                  QStringLiteral("--speed"), QStringLiteral("1000")});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.isEmpty(), qPrintable(first.err));
        QVERIFY(first.out.startsWith(QStringLiteral("Drill: Production database down at 08:45, must be up by 09:00\n")));
        QCOMPARE(first.out.count(QRegularExpression(QStringLiteral("^\\[\\d\\d:\\d\\d\\] "), QRegularExpression::MultilineOption)), 12);
        QVERIFY(first.out.contains(QStringLiteral("[07:30] known   DBA: The disk filled with WAL files")));
        QVERIFY(first.out.contains(QStringLiteral("  MISSED  Acknowledge the incident within 2m")));
        QVERIFY(first.out.contains(QStringLiteral("0 of 4 expectations met.\n")));
        QVERIFY(!first.out.contains(QStringLiteral("Runs of this scenario")));

        const Run second = sitrep({QStringLiteral("drill"), QStringLiteral("database-down"), QStringLiteral("--speed"),
                                   QStringLiteral("1000")});
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.contains(QStringLiteral("Runs of this scenario, oldest first:")));
        QVERIFY2(second.out.contains(QRegularExpression(QStringLiteral("acknowledge +not done missed +not done missed \\(same\\)"))),
                 qPrintable(second.out));

        const Run list = sitrep({QStringLiteral("list")});
        QCOMPARE(list.out.count(QStringLiteral("Production database down")), 2);
        const QString drillId = list.out.section(QLatin1Char('\t'), 0, 0);
        const Run show = sitrep({QStringLiteral("show"), drillId});
        QVERIFY(show.out.contains(QStringLiteral("Drill ended: 0 of 4 expectations met")));
        QVERIFY(show.out.contains(QStringLiteral("[alert] monitoring: db-primary-01: health check failing")));

        // Drills never count as incidents in the metrics.
        QVERIFY(!declare().isEmpty());
        const Run metrics = sitrep({QStringLiteral("metrics")});
        QCOMPARE(metrics.exitCode, 0);
        QVERIFY2(metrics.out.startsWith(QStringLiteral("incidents:\t1 (1 ongoing; 2 drills left out)\n")), qPrintable(metrics.out));
    }

    void badScenariosAreRefusedWithTheirJsonPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QFile f(QStringLiteral(SITREP_SOURCE_DIR "/resources/scenarios/database-down.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        QTest::newRow("a duration in words") << QByteArray(good).replace("\"at\": \"5m\"", "\"at\": \"5 minutes\"") << QStringList()
                                             << 2 << QStringLiteral("$.injects[6].at: \"5 minutes\" is not a duration like 5m");
        QTest::newRow("an unknown key") << QByteArray(good).replace("\"within\": \"2m\"}", "\"within\": \"2m\", \"colour\": 1}")
                                        << QStringList() << 2 << QStringLiteral("$.expectations[0].colour: unknown key");
        QTest::newRow("not JSON") << QByteArray("{\"format\": \"sitrep-drill\",") << QStringList() << 2
                                  << QStringLiteral("$: not valid JSON at line 1");
        QTest::newRow("a runbook the library lacks") << QByteArray(good).replace("\"communicate\"]", "\"failover\"]")
                                                     << QStringList() << 2 << QStringLiteral("$.runbooks[2]: \"failover\"");
        QTest::newRow("a speed that is not a number") << good << QStringList{QStringLiteral("--speed"), QStringLiteral("fast")} << 2
                                                      << QStringLiteral("--speed \"fast\"");
    }

    void badScenariosAreRefusedWithTheirJsonPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QVERIFY(!declare().isEmpty());
        const QByteArray before = fileHash(m_db);
        const QString file = write(QStringLiteral("scenario.json"), json);
        const Run refused = sitrep(QStringList{QStringLiteral("drill"), file} + arguments);
        QCOMPARE(refused.exitCode, exitCode);
        QVERIFY2(refused.err.contains(expected), qPrintable(refused.err));
        QCOMPARE(fileHash(m_db), before);
        QCOMPARE(sitrep({QStringLiteral("list")}).out.count(QLatin1Char('\n')), 1);
        QCOMPARE(sitrep({QStringLiteral("drill"), m_dir.filePath(QStringLiteral("missing.json"))}).exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestDrillCommandLine)
#include "tst_drillcommandline.moc"
