#pragma once

#include "severity.h"

#include <QtGlobal>
#include <optional>

namespace sitrep {

// How often stakeholders hear from us, by severity. Promising a rhythm and keeping it is
// what stops people from asking "any news?" in the middle of the work.
struct CadencePolicy
{
    std::optional<qint64> sev1Ms = 15 * 60 * 1000;
    std::optional<qint64> sev2Ms = 30 * 60 * 1000;
    std::optional<qint64> sev3Ms = 60 * 60 * 1000;
    std::optional<qint64> sev4Ms; // low severity: update when there is news

    // The interval for a severity; nullopt (or a non-positive value) means no rhythm.
    std::optional<qint64> forSeverity(Severity severity) const;
};

// The built-in rhythm: SEV1 every 15 min, SEV2 30, SEV3 60, SEV4 none.
std::optional<qint64> defaultCadenceMs(Severity severity);

// When the next stakeholder update is owed. A time stated in the last update is a promise
// and wins, even when it is later than the rhythm; otherwise the rhythm counts from the last
// update, or from when the incident was declared if nothing was sent yet. A stated time not
// after the last update is stale and ignored. Times are UTC ms.
std::optional<qint64> nextUpdateDue(std::optional<qint64> lastUpdateAt, qint64 declaredAt,
                                    std::optional<qint64> statedNextAt, const CadencePolicy &policy,
                                    Severity severity);

// Where the clock stands against the due time, for the status bar and the wall display.
struct CadenceState
{
    enum Phase { None, OnTrack, DueSoon, Overdue };

    Phase phase = None;
    qint64 remainingMs = 0; // negative when overdue; 0 when there is no due time
};

// "Due soon" starts this long before the due time: enough to write a short update.
inline constexpr qint64 kCadenceDueSoonMs = 2 * 60 * 1000;

CadenceState cadenceState(std::optional<qint64> dueAt, qint64 nowMs);

} // namespace sitrep
