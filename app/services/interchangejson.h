#pragma once

#include "domain/incidentarchive.h"
#include "domain/result.h"

#include <QByteArray>

namespace sitrep {

// The `sitrep-incident` interchange format, version 1 (docs/interchange.md): a whole incident
// as one JSON document. Times are ISO 8601 in UTC with milliseconds when they have any.
inline const QString kInterchangeFormat = QStringLiteral("sitrep-incident");
inline constexpr int kInterchangeVersion = 1;

// Limits on what an import accepts: beyond them a file is refused, never truncated.
inline constexpr qint64 kMaxInterchangeFileBytes = 256LL * 1024 * 1024;
inline constexpr int kMaxInterchangeText = 100'000;     // any text field
inline constexpr int kMaxInterchangeBlob = 1'000'000;   // a drill's scenario and scorecard

// Indented JSON, members in a fixed order, so exports diff well.
QByteArray archiveToJson(const IncidentArchive &archive, qint64 exportedAt);

// Reads and checks a document. Every refusal is `invalid` with a message starting with the
// JSON path of what was wrong ("$.timeline[3].kind: ..."), or the line and column for bytes
// that are not JSON or not UTF-8. Missing UUIDs are made up; nothing is looked up in a store.
Result<IncidentArchive> archiveFromJson(const QByteArray &json);

// ISO 8601 in UTC: "2026-11-25T08:45:00Z", or with ".123" when there are milliseconds.
QString interchangeTime(qint64 ms);
// Accepts ISO 8601 with an explicit offset (Z or ±hh:mm) only, from 1970 to 9999.
std::optional<qint64> parseInterchangeTime(const QString &text);

} // namespace sitrep
