#pragma once

#include "pdfreport.h"

#include "domain/result.h"

#include <QByteArray>
#include <optional>

namespace sitrep {

class Services;

enum class ExportFormat { Pdf, Markdown, Json };

QString exportFormatKey(ExportFormat format); // "pdf", "md", "json"
std::optional<ExportFormat> parseExportFormat(const QString &key);
QString exportFileSuffix(ExportFormat format); // "pdf", "md", "json"

struct ExportRequest
{
    qint64 incidentId = 0;
    ExportFormat format = ExportFormat::Pdf;
    ReportKind kind = ReportKind::Postmortem; // PDF and Markdown; JSON is always the whole incident
    std::optional<Paper> paper;               // PDF; the locale's paper when empty
};

struct ExportedReport
{
    QByteArray bytes;
    int pages = 0; // PDF only
};

// Renders an export in memory.
Result<ExportedReport> renderExport(Services &services, const ExportRequest &request);

// Renders and writes it to `path` through QSaveFile: the file appears whole or not at all, and
// an existing file is only replaced once the new one is complete. Errors name the file.
Result<ExportedReport> writeExport(Services &services, const ExportRequest &request, const QString &path);

} // namespace sitrep
