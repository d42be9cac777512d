// How long the postmortem PDF takes for a 1,000- and a 10,000-entry incident (targets: 0.5 s
// and 3 s), and, beside it, how long LibreOffice takes to turn the same report as HTML into a
// PDF: the tool a user would otherwise reach for. Prints numbers; asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/<dir>/tests/bench/bench_reports [--keep DIR]
//
// LibreOffice is optional (apt-get install libreoffice-writer-nogui); without `soffice` on the
// PATH its column says so. Each figure is the best of three runs, after one warm-up.
#include "services/sampleincident.h"
#include "services/services.h"
#include "report/markdownreport.h"
#include "report/reportdata.h"
#include "report/reportexport.h"
#include "store/database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

using namespace sitrep;

namespace {

constexpr qint64 kT0 = 1'795'596'300'000;

const QStringList kTexts = {
    QStringLiteral("checkout-api error rate %1% — db-primary-1 refusing connections"),
    QStringLiteral("Pods restarted on node pool b; connections at %1 of 500"),
    QStringLiteral("Decision: hold the failover until the replica lag is under one second (it is %1 ms)"),
    QStringLiteral("Paged the database on-call again; no answer after %1 minutes, escalating to the secondary"),
    QStringLiteral("Customer support reports %1 tickets about failed payments since the last update; "
                   "the status page is updated and the next update goes out at the top of the hour"),
};

// The sample incident, then `entries` more timeline entries spread over the hours after it.
qint64 writeIncident(Services &services, const std::shared_ptr<Database> &db, int entries)
{
    const Result<qint64> id = writeSampleIncident(db, kT0);
    if (!id)
        qFatal("sample: %s", qPrintable(id.error().message));
    for (int n = 0; n < entries; ++n) {
        LogRequest r;
        r.incidentId = id.value();
        r.text = kTexts.at(n % kTexts.size()).arg(n % 97 + 3);
        r.at = kT0 - 40 * 60'000 + qint64(n) * 1500;
        r.author = n % 3 ? QStringLiteral("Priya Natarajan") : QStringLiteral("Marek Nowak");
        r.pinned = n % 250 == 0;
        if (!services.timeline.log(r))
            qFatal("log failed");
    }
    return id.value();
}

template <typename Work>
double bestOfThree(Work &&work)
{
    work(); // warm-up: fonts loaded, caches filled
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        best = std::min(best, t.nsecsElapsed() / 1e9);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    QString keep;
    if (app.arguments().size() > 2 && app.arguments().at(1) == QLatin1String("--keep"))
        keep = app.arguments().at(2);
    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));

    out << "entries  pages  pdf(s)  target  libreoffice-html->pdf(s)\n";
    for (const auto &[entries, target] : {std::pair{1000, 0.5}, std::pair{10000, 3.0}}) {
        const QString path = dir.filePath(QStringLiteral("bench-%1.db").arg(entries));
        Result<std::shared_ptr<Database>> db = Database::open(path);
        if (!db)
            qFatal("store: %s", qPrintable(db.error().message));
        ManualClock clock(kT0 + 60 * 60'000);
        Services services(db.value(), &clock, QStringLiteral("bench"));
        const qint64 id = writeIncident(services, db.value(), entries);
        const int total = services.timeline.count(id).value();

        ExportRequest request;
        request.incidentId = id;
        request.format = ExportFormat::Pdf;
        request.paper = Paper::A4;
        int pages = 0;
        QByteArray pdf;
        const double seconds = bestOfThree([&] {
            const Result<ExportedReport> r = renderExport(services, request);
            if (!r)
                qFatal("pdf: %s", qPrintable(r.error().message));
            pages = r.value().pages;
            pdf = r.value().bytes;
        });

        // The same report as HTML (Qt's own Markdown-to-HTML), converted by LibreOffice.
        QString office = QStringLiteral("not installed");
        if (!soffice.isEmpty()) {
            const ReportData data = collectReportData(services, id).value();
            QTextDocument doc;
            doc.setMarkdown(postmortemMarkdown(data));
            const QString html = dir.filePath(QStringLiteral("report-%1.html").arg(entries));
            QFile f(html);
            f.open(QIODevice::WriteOnly);
            f.write(doc.toHtml().toUtf8());
            f.close();
            const QString profile = QUrl::fromLocalFile(dir.filePath(QStringLiteral("lo-profile"))).toString();
            const double lo = bestOfThree([&] {
                QProcess p;
                p.start(soffice, {QStringLiteral("-env:UserInstallation=") + profile, QStringLiteral("--headless"),
                                  QStringLiteral("--convert-to"), QStringLiteral("pdf"), QStringLiteral("--outdir"),
                                  dir.filePath(QStringLiteral("lo")), html});
                p.waitForFinished(600'000);
            });
            office = QString::number(lo, 'f', 2);
        }
        out << QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(total, 7)
                   .arg(pages, 5)
                   .arg(seconds, 6, 'f', 3)
                   .arg(target, 6, 'f', 1)
                   .arg(office, 24);
        out.flush();
        if (!keep.isEmpty()) {
            QFile f(QDir(keep).filePath(QStringLiteral("bench-%1.pdf").arg(entries)));
            if (f.open(QIODevice::WriteOnly))
                f.write(pdf);
        }
    }
    return 0;
}
