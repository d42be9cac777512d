#pragma once

#include <QString>
#include <optional>

namespace sitrep {

// Durations as people type them in an estimate: "30m", "2h", "1h30m", "45s", "1d", or a bare
// integer meaning minutes ("90"). Units are d, h, m, s (any case), each at most once, largest
// first, no spaces inside. Returns milliseconds; nothing for empty, negative, malformed or
// out-of-range input (so a typo never becomes a silently wrong estimate).
std::optional<qint64> parseDurationMs(const QString &text);

// The short form an estimate is shown in: "45 s", "30 min", "1 h 30 min", "2 h", "1 d 4 h".
// Rounded to the nearest minute from one minute up; negative durations get a leading minus.
QString formatDurationShort(qint64 ms);

} // namespace sitrep
