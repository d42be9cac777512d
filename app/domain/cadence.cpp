#include "cadence.h"

namespace sitrep {

std::optional<qint64> CadencePolicy::forSeverity(Severity severity) const
{
    std::optional<qint64> interval;
    switch (severity) {
    case Severity::Sev1: interval = sev1Ms; break;
    case Severity::Sev2: interval = sev2Ms; break;
    case Severity::Sev3: interval = sev3Ms; break;
    case Severity::Sev4: interval = sev4Ms; break;
    }
    // A zero interval would make every moment overdue; treat it as "no rhythm".
    if (interval && *interval <= 0)
        return std::nullopt;
    return interval;
}

std::optional<qint64> defaultCadenceMs(Severity severity)
{
    return CadencePolicy{}.forSeverity(severity);
}

std::optional<qint64> nextUpdateDue(std::optional<qint64> lastUpdateAt, qint64 declaredAt,
                                    std::optional<qint64> statedNextAt, const CadencePolicy &policy,
                                    Severity severity)
{
    const qint64 anchor = lastUpdateAt.value_or(declaredAt);
    if (statedNextAt && *statedNextAt > anchor)
        return statedNextAt;
    const std::optional<qint64> interval = policy.forSeverity(severity);
    if (!interval)
        return std::nullopt;
    return anchor + *interval;
}

CadenceState cadenceState(std::optional<qint64> dueAt, qint64 nowMs)
{
    if (!dueAt)
        return {};
    const qint64 remaining = *dueAt - nowMs;
    if (remaining < 0)
        return {CadenceState::Overdue, remaining};
    if (remaining <= kCadenceDueSoonMs)
        return {CadenceState::DueSoon, remaining};
    return {CadenceState::OnTrack, remaining};
}

} // namespace sitrep
