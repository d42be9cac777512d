// The Markdown postmortem against a snapshot: a fixed incident (tests/data/reports/
// snapshot-incident.json, imported, so no other code's wording or random ids leak in) rendered
// with a fixed clock in UTC must match tests/data/reports/postmortem.md line for line.
// After an intended change, regenerate with SITREP_UPDATE_SNAPSHOTS=1 and read the diff;
// SITREP_WRITE_FIXTURE=1 remakes the incident itself from tests/support/richincident.h.
#include "support/richincident.h"

#include "report/markdownreport.h"
#include "report/reportdata.h"

#include <QFile>
#include <QtTest>

using namespace sitrep;

namespace {

const QString kData = QStringLiteral(SITREP_SOURCE_DIR "/tests/data/reports/");

QString masked(QString text)
{
    text.replace(QStringLiteral("Sitrep ") + QStringLiteral(SITREP_VERSION), QStringLiteral("Sitrep <version>"));
    return text;
}

// The fixture incident, imported into `store`; its id.
qint64 importFixture(test::TestStore &store)
{
    QFile in(kData + QStringLiteral("snapshot-incident.json"));
    if (!in.open(QIODevice::ReadOnly))
        qFatal("no snapshot-incident.json");
    store.clock.setNow(test::kT0 + 12 * test::kMinute);
    return test::must(store.services->interchange.importJson(in.readAll()), "import fixture").id;
}

void compareToSnapshot(const QString &actual, const QString &name)
{
    const QString path = kData + name;
    if (qEnvironmentVariableIntValue("SITREP_UPDATE_SNAPSHOTS") == 1) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual.toUtf8());
        QSKIP("snapshot written");
    }
    QFile in(path);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(path));
    const QStringList expected = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    const QStringList lines = actual.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < std::min(expected.size(), lines.size()); ++n)
        QVERIFY2(lines.at(n) == expected.at(n),
                 qPrintable(QStringLiteral("line %1:\n  got      %2\n  expected %3").arg(n + 1).arg(lines.at(n), expected.at(n))));
    QCOMPARE(lines.size(), expected.size());
}

} // namespace

class TestMarkdownReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIntValue("SITREP_WRITE_FIXTURE") != 1)
            return;
        test::TestStore store;
        const qint64 id = test::writeRichIncident(store);
        QFile out(kData + QStringLiteral("snapshot-incident.json"));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(store.services->interchange.exportJson(id).value());
    }

    void postmortemSnapshot()
    {
        test::TestStore store;
        const qint64 id = importFixture(store);
        const Result<ReportData> data = collectReportData(*store.services, id);
        QVERIFY(data);
        compareToSnapshot(masked(postmortemMarkdown(data.value())), QStringLiteral("postmortem.md"));
    }

    void sitrepSnapshot()
    {
        test::TestStore store;
        const qint64 id = importFixture(store);
        const Result<ReportData> data = collectReportData(*store.services, id);
        QVERIFY(data);
        compareToSnapshot(masked(sitrepMarkdown(data.value())), QStringLiteral("sitrep.md"));
    }

    void cellsNeverBreakTables_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("pipe") << QStringLiteral("a | b") << QStringLiteral("a \\| b");
        QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("one<br>two");
        QTest::newRow("windows newline") << QStringLiteral("one\r\ntwo") << QStringLiteral("one<br>two");
        QTest::newRow("backslash before pipe") << QStringLiteral("a\\|b") << QStringLiteral("a\\\\\\|b");
    }

    void cellsNeverBreakTables()
    {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        QCOMPARE(markdownCell(text), cell);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownReport)
#include "tst_markdownreport.moc"
