#include "deadline.h"

#include "timeformat.h"

#include <QCoreApplication>

namespace sitrep {

DeadlineState deadlineState(qint64 deadlineAt, qint64 nowMs, std::optional<qint64> resolvedAt)
{
    DeadlineState s;
    if (resolvedAt) {
        s.remainingMs = deadlineAt - *resolvedAt;
        if (s.remainingMs >= 0) {
            s.phase = DeadlineState::Phase::Met;
            s.text = QCoreApplication::translate("Deadline", "Deadline met, %1 to spare").arg(formatElapsed(s.remainingMs));
        } else {
            s.phase = DeadlineState::Phase::Missed;
            s.text = QCoreApplication::translate("Deadline", "Deadline missed by %1").arg(formatElapsed(-s.remainingMs));
        }
        return s;
    }
    s.remainingMs = deadlineAt - nowMs;
    if (s.remainingMs < 0) {
        s.phase = DeadlineState::Phase::Passed;
        s.text = QCoreApplication::translate("Deadline", "%1 past deadline").arg(formatElapsed(-s.remainingMs));
    } else if (s.remainingMs < kDeadlineWarningMs) {
        s.phase = DeadlineState::Phase::Close;
        s.text = QCoreApplication::translate("Deadline", "%1 to deadline").arg(formatElapsed(s.remainingMs));
    } else {
        s.text = QCoreApplication::translate("Deadline", "%1 to deadline").arg(formatElapsed(s.remainingMs));
    }
    return s;
}

} // namespace sitrep
