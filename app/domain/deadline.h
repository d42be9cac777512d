#pragma once

#include <QString>
#include <optional>

namespace sitrep {

// How a deadline ("must be up by 09:00") stands at a moment: the words and the colour the
// header and the wall display show (they colour Close amber, Passed and Missed red). Close is
// the last 15 minutes; Met when the incident was resolved in time.
struct DeadlineState
{
    enum class Phase { Ahead, Close, Passed, Met, Missed };
    Phase phase = Phase::Ahead;
    qint64 remainingMs = 0; // negative once passed
    QString text;           // "12m 30s to deadline", "4m 10s past deadline", "Deadline met, 3m to spare"
};

inline constexpr qint64 kDeadlineWarningMs = 15 * 60'000;

DeadlineState deadlineState(qint64 deadlineAt, qint64 nowMs, std::optional<qint64> resolvedAt);

} // namespace sitrep
