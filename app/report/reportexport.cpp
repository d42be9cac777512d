#include "reportexport.h"

#include "markdownreport.h"

#include "services/services.h"

#include <QBuffer>
#include <QDir>
#include <QSaveFile>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

} // namespace

QString exportFormatKey(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Pdf: return QStringLiteral("pdf");
    case ExportFormat::Markdown: return QStringLiteral("md");
    case ExportFormat::Json: return QStringLiteral("json");
    }
    return {};
}

std::optional<ExportFormat> parseExportFormat(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    if (k == QLatin1String("md") || k == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    if (k == QLatin1String("json"))
        return ExportFormat::Json;
    return std::nullopt;
}

QString exportFileSuffix(ExportFormat format)
{
    return exportFormatKey(format);
}

Result<ExportedReport> renderExport(Services &services, const ExportRequest &request)
{
    ExportedReport out;
    if (request.format == ExportFormat::Json) {
        Result<QByteArray> json = services.interchange.exportJson(request.incidentId);
        if (!json)
            return json.error();
        out.bytes = json.value();
        return out;
    }
    Result<ReportData> data = collectReportData(services, request.incidentId);
    if (!data)
        return data.error();
    if (request.format == ExportFormat::Markdown) {
        out.bytes = (request.kind == ReportKind::Sitrep ? sitrepMarkdown(data.value()) : postmortemMarkdown(data.value())).toUtf8();
        return out;
    }
    QBuffer buffer(&out.bytes);
    buffer.open(QIODevice::WriteOnly);
    Result<int> pages = writePdfReport(data.value(), request.kind, request.paper.value_or(paperForLocale(QLocale::system())),
                                       &buffer);
    if (!pages)
        return pages.error();
    out.pages = pages.value();
    return out;
}

Result<ExportedReport> writeExport(Services &services, const ExportRequest &request, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    // Try the destination before the work: a typo in a directory should not cost a render.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return storeFailure(tr("Cannot write %1: %2").arg(shown, file.errorString()));
    Result<ExportedReport> rendered = renderExport(services, request);
    if (!rendered) {
        file.cancelWriting();
        return rendered.error();
    }
    if (file.write(rendered.value().bytes) != rendered.value().bytes.size() || !file.commit())
        return storeFailure(tr("Cannot write %1: %2").arg(shown, file.errorString()));
    return rendered;
}

} // namespace sitrep
