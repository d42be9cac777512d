#pragma once

#include "reportdata.h"

#include <QLocale>
#include <optional>

class QIODevice;

namespace sitrep {

enum class ReportKind { Postmortem, Sitrep };
enum class Paper { A4, Letter };

QString reportKindKey(ReportKind kind); // "postmortem", "sitrep"
std::optional<ReportKind> parseReportKind(const QString &key);
QString paperKey(Paper paper); // "a4", "letter"
std::optional<Paper> parsePaper(const QString &key);
// Letter where it is the custom (the Americas' Letter countries and the Philippines), else A4.
Paper paperForLocale(const QLocale &locale);

// Renders the report as PDF into `out` (open for writing) and answers the number of pages.
// Needs a QGuiApplication (fonts come from the platform); a headless process creates one on
// the offscreen platform. Every page carries the incident title in its header and "Page X of
// Y" with the generation time in its footer; text is real, selectable text in embedded fonts.
Result<int> writePdfReport(const ReportData &data, ReportKind kind, Paper paper, QIODevice *out);

} // namespace sitrep
