// `sitrep export` and `sitrep import` run as a user would, with no display: every format out,
// a JSON file back in as a new incident, and each refusal with its exit code, its message and
// nothing left behind.
#include <QCryptographicHash>
#include <QDir>
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

const QRegularExpression kUuidLine(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\n$"));

} // namespace

class TestReportCommandLine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    Run sitrep(const QStringList &arguments, const QString &db = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // exports must not need a display
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SITREP_BINARY), QStringList{QStringLiteral("--db"), db.isEmpty() ? m_db : db} + arguments);
        if (!p.waitForFinished(60'000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString declare()
    {
        const Run r = sitrep({QStringLiteral("declare"), QStringLiteral("--title"), QStringLiteral("Orders failing"),
                              QStringLiteral("--severity"), QStringLiteral("1")});
        sitrep({QStringLiteral("log"), r.out.trimmed(), QStringLiteral("Rolled back deploy 412")});
        return r.out.trimmed();
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void init()
    {
        m_db = m_dir.filePath(QStringLiteral("cli-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(m_db);
    }

    void exportsEveryFormatWithoutADisplay_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("postmortem pdf") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf")} << QByteArray("%PDF-");
        QTest::newRow("sitrep pdf on letter")
            << QStringList{QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--report"), QStringLiteral("sitrep"),
                           QStringLiteral("--paper"), QStringLiteral("letter")}
            << QByteArray("%PDF-");
        QTest::newRow("markdown") << QStringList{QStringLiteral("--format"), QStringLiteral("md")} << QByteArray("# Postmortem: Orders failing");
        QTest::newRow("sitrep markdown") << QStringList{QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--report"),
                                                        QStringLiteral("sitrep")}
                                         << QByteArray("# Situation report: Orders failing");
        QTest::newRow("json") << QStringList{QStringLiteral("--format"), QStringLiteral("json")}
                              << QByteArray("{\n  \"format\": \"sitrep-incident\"");
    }

    void exportsEveryFormatWithoutADisplay()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, magic);
        const QString id = declare();
        const QString out = path(QStringLiteral("report-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        const Run r = sitrep(QStringList{QStringLiteral("export"), id.left(8), QStringLiteral("--out"), out} + options);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.startsWith(out));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith(magic));
    }

    void markdownToStandardOutput()
    {
        const QString id = declare();
        const Run r = sitrep({QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--out"),
                              QStringLiteral("-")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("# Postmortem: Orders failing\n")));
        QVERIFY(r.out.contains(QStringLiteral("Rolled back deploy 412")));
    }

    void importPrintsTheNewId()
    {
        const QString id = declare();
        const QString json = path(QStringLiteral("incident.json"));
        QCOMPARE(sitrep({QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), json})
                     .exitCode,
                 0);

        // Into another store: the same id.
        const QString other = path(QStringLiteral("other.db"));
        QFile::remove(other);
        const Run into = sitrep({QStringLiteral("import"), json}, other);
        QCOMPARE(into.exitCode, 0);
        QCOMPARE(into.out, id + QLatin1Char('\n'));
        const Run shown = sitrep({QStringLiteral("show"), id}, other);
        QVERIFY(shown.out.contains(QStringLiteral("Rolled back deploy 412")));

        // Into the same store: a copy with a new id.
        const Run copy = sitrep({QStringLiteral("import"), json});
        QCOMPARE(copy.exitCode, 0);
        QVERIFY2(kUuidLine.match(copy.out).hasMatch(), qPrintable(copy.out));
        QVERIFY(copy.out.trimmed() != id);
        QCOMPARE(sitrep({QStringLiteral("list")}).out.count(QLatin1Char('\n')), 2);
    }

    void importRefusals_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file") << QByteArray() << 3 << QStringLiteral("no such file");
        QTest::newRow("newer version") << QByteArray("{\"format\": \"sitrep-incident\", \"version\": 2}") << 2
                                       << QStringLiteral("$.version: version 2 is newer");
        QTest::newRow("truncated") << QByteArray("{\"format\": \"sitrep-incident\", \"version\": 1, \"incident\": {\"title\": \"x") << 2
                                   << QStringLiteral("truncated");
        QTest::newRow("wrong kind") << QByteArray("{\"format\": \"sitrep-incident\", \"version\": 1, \"incident\": {\"title\": \"x\", "
                                                "\"severity\": 2, \"status\": \"resolved\", \"milestones\": {\"started\": "
                                                "\"2026-01-01T00:00:00Z\"}}, \"timeline\": [{\"at\": \"2026-01-01T00:01:00Z\", "
                                                "\"kind\": \"gossip\", \"text\": \"hi\"}]}")
                                    << 2 << QStringLiteral("$.timeline[0].kind: unknown kind \"gossip\"");
    }

    void importRefusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        declare();
        const QString file = path(QStringLiteral("in-%1.json").arg(QString::fromLatin1(QTest::currentDataTag())).replace(QLatin1Char(' '), QLatin1Char('-')));
        QFile::remove(file);
        if (!content.isEmpty()) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const Run r = sitrep({QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.contains(QFileInfo(file).fileName()), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(sitrep({QStringLiteral("list")}).out.count(QLatin1Char('\n')), 1);
    }

    void exportRefusals_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("no format") << QStringList{QStringLiteral("--out"), QStringLiteral("x.pdf")} << QStringLiteral("--format is required");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("docx"), QStringLiteral("--out"), QStringLiteral("x")}
                                        << QStringLiteral("\"docx\"");
        QTest::newRow("no out") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf")} << QStringLiteral("--out FILE is required");
        QTest::newRow("unknown paper") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--paper"),
                                                      QStringLiteral("a3"), QStringLiteral("--out"), QStringLiteral("x.pdf")}
                                       << QStringLiteral("\"a3\"");
        QTest::newRow("report with json") << QStringList{QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--report"),
                                                         QStringLiteral("sitrep"), QStringLiteral("--out"), QStringLiteral("x.json")}
                                          << QStringLiteral("--report is for pdf and md");
        QTest::newRow("pdf to standard output") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"),
                                                               QStringLiteral("-")}
                                                << QStringLiteral("standard output");
    }

    void exportRefusals()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        // Usage errors are found before the store is opened: it is not even created.
        const Run r = sitrep(QStringList{QStringLiteral("export"), QStringLiteral("abcdef")} + options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_db));
    }

    void exportToAnUnwritablePlaceLeavesNothing()
    {
        const QString id = declare();
        // A "directory" that is a file: nobody, not even root, can create a file inside it.
        const QString blocker = path(QStringLiteral("blocker"));
        {
            QFile f(blocker);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a directory");
        }
        const QString target = blocker + QStringLiteral("/report.pdf");
        const Run r = sitrep({QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), target});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Cannot write ") + target), qPrintable(r.err));
        QVERIFY(!QFile::exists(target));

        // An existing report is replaced only by a whole new one: a failed export keeps it.
        const QString existing = path(QStringLiteral("keep.pdf"));
        QCOMPARE(sitrep({QStringLiteral("export"), id, QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), existing})
                     .exitCode,
                 0);
        const QByteArray hash = fileHash(existing);
        const Run missing = sitrep({QStringLiteral("export"), QStringLiteral("ffffffff"), QStringLiteral("--format"), QStringLiteral("pdf"),
                                    QStringLiteral("--out"), existing});
        QCOMPARE(missing.exitCode, 3);
        QCOMPARE(fileHash(existing), hash);
        // And no temporary file is left beside it.
        const QStringList left = QDir(m_dir.path()).entryList({QStringLiteral("keep.pdf*")}, QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList{QStringLiteral("keep.pdf")});
    }
};

QTEST_GUILESS_MAIN(TestReportCommandLine)
#include "tst_reportcommandline.moc"
