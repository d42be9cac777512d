#pragma once

#include <QString>
#include <optional>

namespace sitrep {

// Parses ISO 8601 as people type it: "2026-11-25T08:45:00Z", "...+01:00", or without an offset
// (then local time). Also "08:45" meaning today at that local time. Returns UTC epoch ms.
std::optional<qint64> parseIsoTime(const QString &text, qint64 nowMs);
// ISO 8601 with the local offset (or Z when utc), seconds precision.
QString formatIsoTime(qint64 ms, bool utc = false);
// "08:45:12 CET" or "07:45:12 UTC": what the timeline shows.
QString formatClockTime(qint64 ms, bool utc = false);
// "2026-11-25 08:45 CET"
QString formatDateTime(qint64 ms, bool utc = false);
// "1h 05m 12s", "4m 03s", "12s"; negative durations get a leading minus.
QString formatElapsed(qint64 ms);

} // namespace sitrep
