#include "pdfreport.h"

#include "pageflow.h"
#include "reportlayouts.h"
#include "reportlog.h"

#include "domain/timeformat.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

// 720 dots per inch: ten device units per point, fine enough that layout never rounds visibly.
constexpr int kResolution = 720;

struct Sheet
{
    QRectF page;
    QRectF body;
    QRectF header;
    QRectF footer;
};

Sheet sheetFor(const QPdfWriter &writer)
{
    const QRectF page(QPointF(0, 0), writer.pageLayout().fullRectPixels(kResolution).size());
    const qreal mm = kResolution / 25.4;
    const qreal side = 18 * mm;
    Sheet s;
    s.page = page;
    s.header = QRectF(side, 10 * mm, page.width() - 2 * side, 8 * mm);
    s.footer = QRectF(side, page.height() - 14 * mm, page.width() - 2 * side, 6 * mm);
    s.body = QRectF(side, 22 * mm, page.width() - 2 * side, page.height() - 22 * mm - 18 * mm);
    return s;
}

void decorate(QPainter &p, const Sheet &sheet, const ReportStyle &style, const ReportData &data, const QString &kind,
              int page, int pages)
{
    const QFontMetricsF small(style.small, p.device());
    p.setFont(style.small);
    // Header: the incident on the left, what this is on the right, a rule under both.
    const QString right = data.incident.drill ? tr("DRILL · %1").arg(kind) : kind;
    const qreal rightWidth = small.horizontalAdvance(right);
    const QString title = small.elidedText(data.incident.title, Qt::ElideRight, sheet.header.width() - rightWidth - small.height());
    const qreal baseline = sheet.header.bottom() - small.descent() - sheet.header.height() * 0.25;
    p.setPen(style.muted);
    p.drawText(QPointF(sheet.header.left(), baseline), title);
    p.setPen(data.incident.drill ? style.alarm : style.muted);
    p.drawText(QPointF(sheet.header.right() - rightWidth, baseline), right);
    p.setPen(QPen(style.rule, kResolution / 72.0 * 0.5));
    p.drawLine(QPointF(sheet.header.left(), sheet.header.bottom()), QPointF(sheet.header.right(), sheet.header.bottom()));

    // Footer: when it was made and by what, and where this page sits.
    p.setPen(style.muted);
    const QString generated = tr("Generated %1 by Sitrep %2").arg(formatDateTime(data.generatedAt), QStringLiteral(SITREP_VERSION));
    const QString pageText = tr("Page %1 of %2").arg(page + 1).arg(pages);
    const qreal footBase = sheet.footer.top() + small.ascent();
    p.drawText(QPointF(sheet.footer.left(), footBase), generated);
    p.drawText(QPointF(sheet.footer.right() - small.horizontalAdvance(pageText), footBase), pageText);
}

} // namespace

QString reportKindKey(ReportKind kind)
{
    return kind == ReportKind::Sitrep ? QStringLiteral("sitrep") : QStringLiteral("postmortem");
}

std::optional<ReportKind> parseReportKind(const QString &key)
{
    if (key == QLatin1String("postmortem"))
        return ReportKind::Postmortem;
    if (key == QLatin1String("sitrep"))
        return ReportKind::Sitrep;
    return std::nullopt;
}

QString paperKey(Paper paper)
{
    return paper == Paper::Letter ? QStringLiteral("letter") : QStringLiteral("a4");
}

std::optional<Paper> parsePaper(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("a4"))
        return Paper::A4;
    if (k == QLatin1String("letter"))
        return Paper::Letter;
    return std::nullopt;
}

Paper paperForLocale(const QLocale &locale)
{
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Philippines:
    case QLocale::Venezuela:
    case QLocale::Guatemala:
    case QLocale::CostaRica:
    case QLocale::Panama:
    case QLocale::PuertoRico:
        return Paper::Letter;
    default:
        return Paper::A4;
    }
}

Result<int> writePdfReport(const ReportData &data, ReportKind kind, Paper paper, QIODevice *out)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return storeFailure(tr("Writing a PDF needs the fonts of a GUI application; none was created."));
    QElapsedTimer timer;
    timer.start();

    const QString kindLabel = kind == ReportKind::Sitrep ? tr("Situation report") : tr("Postmortem");
    QPdfWriter writer(out);
    writer.setResolution(kResolution);
    writer.setPageSize(QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(kindLabel + QStringLiteral(": ") + data.incident.title);
    writer.setCreator(QStringLiteral("Sitrep %1").arg(QStringLiteral(SITREP_VERSION)));

    const ReportStyle style = ReportStyle::forDevice(&writer);
    const Sheet sheet = sheetFor(writer);

    std::unique_ptr<PageFlow> flow;
    if (kind == ReportKind::Sitrep) {
        // One page, always: fewer cards per column until it fits.
        for (int cards : {10, 7, 5, 3, 2, 1, 0}) {
            flow = std::make_unique<PageFlow>(&writer, style, sheet.page, sheet.body);
            layoutSitrep(*flow, data, cards);
            flow->finish();
            if (flow->pageCount() == 1)
                break;
        }
    } else {
        flow = std::make_unique<PageFlow>(&writer, style, sheet.page, sheet.body);
        layoutPostmortem(*flow, data);
        flow->finish();
    }
    const qint64 laidOut = timer.elapsed();

    QPainter painter;
    if (!painter.begin(&writer))
        return storeFailure(tr("The PDF could not be started."));
    flow->paint(painter, [&writer] { return writer.newPage(); },
                [&](QPainter &p, int page, int pages) { decorate(p, sheet, style, data, kindLabel, page, pages); });
    if (!painter.end())
        return storeFailure(tr("The PDF could not be finished."));
    qCInfo(lcReport) << "pdf" << reportKindKey(kind) << data.entries.size() << "entries," << flow->pageCount()
                     << "pages; layout" << laidOut << "ms, total" << timer.elapsed() << "ms";
    return flow->pageCount();
}

} // namespace sitrep
