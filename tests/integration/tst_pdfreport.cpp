// The PDF reports read back with poppler (pdftotext, pdfinfo, pdffonts), as someone searching
// the file would: the key timeline in order, the numbers, the action items, a header and
// "Page N of M" on every page, real embedded fonts, a one-page sitrep, and a page count that
// grows with the timeline as it should.
#include "support/richincident.h"

#include "domain/duration.h"
#include "report/reportdata.h"
#include "report/reportexport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace sitrep;

namespace {

QString run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("<%1 failed: %2>").arg(program, QString::fromUtf8(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Text in drawing order (-raw): a wrapped table cell reads as one run of lines.
QString pdfText(const QString &path)
{
    return run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), path,
                                             QStringLiteral("-")});
}

// Whitespace as one space; a line broken after a hyphen ("db-" / "primary-1") joined again.
QString flat(QString text)
{
    static const QRegularExpression hyphenBreak(QStringLiteral("-\\n"));
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.replace(hyphenBreak, QStringLiteral("-")).replace(space, QStringLiteral(" "));
}

QString writePdf(test::TestStore &store, qint64 id, ReportKind kind, Paper paper, const QString &name, int *pages = nullptr)
{
    ExportRequest request;
    request.incidentId = id;
    request.format = ExportFormat::Pdf;
    request.kind = kind;
    request.paper = paper;
    const QString path = store.dir.filePath(name);
    const Result<ExportedReport> written = writeExport(*store.services, request, path);
    if (!written)
        qFatal("export failed: %s", qPrintable(written.error().message));
    if (pages)
        *pages = written.value().pages;
    return path;
}

void logMany(test::TestStore &store, qint64 id, int count, const QString &prefix)
{
    for (int n = 0; n < count; ++n) {
        LogRequest r;
        r.incidentId = id;
        r.text = QStringLiteral("%1 %2: pods restarted, connections at %3, error rate falling").arg(prefix).arg(n).arg(500 - n % 400);
        r.at = test::kT0 - 30 * test::kMinute + n * 1000;
        r.author = QStringLiteral("Jo Martin");
        test::must(store.services->timeline.log(r), "log");
    }
}

} // namespace

class TestPdfReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: run packaging/install-deps.sh (poppler-utils)");
    }

    void postmortemReadsBack()
    {
        test::TestStore store;
        const qint64 id = test::writeRichIncident(store);
        int pages = 0;
        const QString path = writePdf(store, id, ReportKind::Postmortem, Paper::A4, QStringLiteral("pm.pdf"), &pages);
        const QString text = pdfText(path);
        QVERIFY2(!text.startsWith(QLatin1Char('<')), qPrintable(text));
        const QString all = flat(text);
        const Incident incident = store.services->incidents.find(id).value();

        // Every pinned entry, in order, in the key timeline (before the appendix repeats them).
        const QList<TimelineEntry> pinned = store.services->timeline.pinned(id).value();
        QVERIFY(pinned.size() >= 5);
        qsizetype at = all.indexOf(QStringLiteral("Key timeline"));
        QVERIFY(at > 0);
        for (const TimelineEntry &e : pinned) {
            const qsizetype found = all.indexOf(flat(e.text), at);
            QVERIFY2(found > at, qPrintable(QStringLiteral("pinned entry missing or out of order: ") + e.text));
            at = found;
        }
        QVERIFY(at < all.indexOf(QStringLiteral("Appendix A")));

        // The numbers.
        const IncidentMetrics m = computeMetrics(incident, store.clock.nowMs());
        for (const auto &[label, value] : {std::pair{QStringLiteral("Time to detect"), m.timeToDetectMs},
                                           std::pair{QStringLiteral("Time to acknowledge"), m.timeToAcknowledgeMs},
                                           std::pair{QStringLiteral("Time to mitigate"), m.timeToMitigateMs},
                                           std::pair{QStringLiteral("Time to resolve"), m.timeToResolveMs},
                                           std::pair{QStringLiteral("Duration of impact"), m.impactMs}}) {
            QVERIFY(value.has_value());
            const QString line = label + QLatin1Char(' ') + formatDurationShort(*value);
            QVERIFY2(all.contains(line), qPrintable(line));
        }
        QVERIFY(all.contains(QStringLiteral("Customers affected 1,840")));
        QVERIFY(all.contains(QStringLiteral("Support requests 73")));
        QVERIFY(all.contains(QStringLiteral("Cost ") + reportMoney(*m.costCents)));

        // The action items, each with its owner and state.
        for (const ActionItem &a : store.services->postmortems.actionItems(id).value()) {
            QVERIFY2(all.contains(flat(a.text)), qPrintable(a.text));
            QVERIFY(all.contains(actionStateLabel(a.state)));
        }
        // The review's own words, and the struck retraction with its reason.
        QVERIFY(all.contains(QStringLiteral("Deploy 412 changed pool.max from 20 to 60.")));
        QVERIFY(all.contains(QStringLiteral("Retracted: posted in the wrong incident")));
        QVERIFY(all.contains(QStringLiteral("Appendix B. Stakeholder updates")));

        // Every page: the incident in its header, "Page N of M" in its footer.
        const QStringList sheets = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        QCOMPARE(sheets.size(), pages);
        QVERIFY(pages >= 5);
        for (int n = 0; n < pages; ++n) {
            QVERIFY2(sheets.at(n).contains(QStringLiteral("Page %1 of %2").arg(n + 1).arg(pages)), qPrintable(sheets.at(n).left(200)));
            QVERIFY(sheets.at(n).contains(incident.title));
            QVERIFY(sheets.at(n).contains(QStringLiteral("Generated ")));
        }

        // Fonts embedded, text selectable: pdffonts lists real fonts, all embedded.
        const QStringList fonts = run(QStringLiteral("pdffonts"), {path}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
        QVERIFY(!fonts.isEmpty());
        for (const QString &font : fonts)
            QVERIFY2(font.contains(QStringLiteral(" yes ")), qPrintable(font));
    }

    void paperSizes_data()
    {
        QTest::addColumn<int>("paper");
        QTest::addColumn<QString>("size");
        QTest::newRow("A4") << int(Paper::A4) << QStringLiteral("595 x 842 pts (A4)");
        QTest::newRow("Letter") << int(Paper::Letter) << QStringLiteral("612 x 792 pts (letter)");
    }

    void paperSizes()
    {
        QFETCH(int, paper);
        QFETCH(QString, size);
        test::TestStore store;
        const Incident incident = store.declare();
        const QString path = writePdf(store, incident.id, ReportKind::Postmortem, Paper(paper), QStringLiteral("p.pdf"));
        const QString info = run(QStringLiteral("pdfinfo"), {path});
        QVERIFY2(info.contains(size), qPrintable(info));
    }

    void paperFollowsTheLocale()
    {
        QCOMPARE(paperForLocale(QLocale(QLocale::English, QLocale::UnitedStates)), Paper::Letter);
        QCOMPARE(paperForLocale(QLocale(QLocale::French, QLocale::Canada)), Paper::Letter);
        QCOMPARE(paperForLocale(QLocale(QLocale::English, QLocale::UnitedKingdom)), Paper::A4);
        QCOMPARE(paperForLocale(QLocale(QLocale::German, QLocale::Germany)), Paper::A4);
    }

    void pageCountGrowsWithTheTimeline()
    {
        // An empty review is a few pages; each thousand one-line entries adds the pages a
        // thousand table rows need, no more and no fewer.
        QList<int> pages;
        for (int extra : {0, 500, 1000, 2000}) {
            test::TestStore store;
            const Incident incident = store.declare();
            logMany(store, incident.id, extra, QStringLiteral("Status"));
            int n = 0;
            writePdf(store, incident.id, ReportKind::Postmortem, Paper::A4, QStringLiteral("g.pdf"), &n);
            pages << n;
        }
        QVERIFY2(pages.at(0) <= 4, qPrintable(QString::number(pages.at(0))));
        const int per1000 = pages.at(2) - pages.at(0);
        QVERIFY2(per1000 >= 15 && per1000 <= 45, qPrintable(QString::number(per1000)));
        QVERIFY(pages.at(1) > pages.at(0) && pages.at(2) > pages.at(1));
        // Linear: twice the entries, twice the pages (give or take a page).
        QVERIFY(std::abs((pages.at(3) - pages.at(0)) - 2 * per1000) <= 2);
    }

    void longEntriesWrapNeverClip()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        QStringList words;
        for (int n = 0; n < 9000; ++n)
            words << QStringLiteral("w%1").arg(n);
        LogRequest r;
        r.incidentId = incident.id;
        r.text = words.join(QLatin1Char(' ')) + QStringLiteral(" THE-END");
        r.pinned = true;
        QVERIFY(store.services->timeline.log(r));
        r.text = QStringLiteral("https://grafana.example.com/d/") + QString(600, QLatin1Char('a')) + QStringLiteral("/end");
        QVERIFY(store.services->timeline.log(r));
        int pages = 0;
        const QString path = writePdf(store, incident.id, ReportKind::Postmortem, Paper::A4, QStringLiteral("long.pdf"), &pages);
        const QString text = pdfText(path);
        // The entry runs over pages (it is taller than one) and every word of it is there,
        // twice: in the key timeline and in the appendix.
        QCOMPARE(text.count(QStringLiteral("THE-END")), 2);
        QCOMPARE(text.count(QStringLiteral(" w8999 ")) + text.count(QStringLiteral("\nw8999 ")) + text.count(QStringLiteral(" w8999\n")), 2);
        QVERIFY(flat(text).remove(QLatin1Char(' ')).contains(QString(600, QLatin1Char('a')) + QStringLiteral("/end")));
        QVERIFY(pages > 4);
    }

    void sitrepIsOnePage()
    {
        test::TestStore store;
        const qint64 id = test::must(writeSampleIncident(store.db, test::kT0), "sample");
        // A crowded board still fits: the sitrep lists what fits and counts the rest.
        for (int n = 0; n < 60; ++n)
            QVERIFY(store.services->situation.add(id, SituationColumn::Known, QStringLiteral("Fact number %1 about the outage").arg(n)));
        int pages = 0;
        const QString path = writePdf(store, id, ReportKind::Sitrep, Paper::Letter, QStringLiteral("s.pdf"), &pages);
        QCOMPARE(pages, 1);
        const QString all = flat(pdfText(path));
        QVERIFY(all.contains(QStringLiteral("Page 1 of 1")));
        QVERIFY(all.contains(QStringLiteral("SEV1 · Identified")));
        QVERIFY(all.contains(QStringLiteral("Status Identified since")));
        QVERIFY(all.contains(QStringLiteral("Elapsed 41 min since impact began")));
        QVERIFY(all.contains(QStringLiteral("Estimate 15–45 min")));
        QVERIFY(all.contains(QStringLiteral("Next update")));
        QVERIFY(all.contains(QStringLiteral("Incident commander: Dana Okafor")));
        QVERIFY(all.contains(QStringLiteral("Known (64)")));
        QVERIFY(all.contains(QStringLiteral("more on the board")));
        QVERIFY(all.contains(QStringLiteral("Unknown (1)")));
        QVERIFY(all.contains(QStringLiteral("Roll back deploy 412")));
    }

    void drillIsMarked()
    {
        test::TestStore store;
        DeclareRequest r;
        r.title = QStringLiteral("Practice: database down");
        r.drill = true;
        const Incident drill = store.services->incidents.declare(r).value();
        const QString path = writePdf(store, drill.id, ReportKind::Postmortem, Paper::A4, QStringLiteral("d.pdf"));
        const QString all = flat(pdfText(path));
        QVERIFY(all.contains(QStringLiteral("DRILL — a rehearsal, not a real incident")));
        QVERIFY(all.contains(QStringLiteral("DRILL · Postmortem")));
    }
};

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
