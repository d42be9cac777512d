#pragma once

#include <QString>
#include <optional>

namespace sitrep {

// How bad an incident is. SEV1 is the worst; the numbers are what people say out loud.
enum class Severity { Sev1 = 1, Sev2 = 2, Sev3 = 3, Sev4 = 4 };

int severityNumber(Severity severity);
QString severityLabel(Severity severity);        // "SEV1"
QString severityDescription(Severity severity);  // one line a newcomer understands
std::optional<Severity> severityFromNumber(int number);
// Accepts "1", "sev1", "SEV1" (any case); nothing else.
std::optional<Severity> parseSeverity(const QString &text);

} // namespace sitrep
