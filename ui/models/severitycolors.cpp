#include "severitycolors.h"

namespace sitrep {

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Sev1: return QColor(0xc6, 0x28, 0x28);
    case Severity::Sev2: return QColor(0xe6, 0x51, 0x00);
    case Severity::Sev3: return QColor(0xf9, 0xa8, 0x25);
    case Severity::Sev4: return QColor(0x54, 0x6e, 0x7a);
    }
    return Qt::gray;
}

QColor statusColor(Status status)
{
    switch (status) {
    case Status::Investigating: return QColor(0xc6, 0x28, 0x28);
    case Status::Identified: return QColor(0xe6, 0x51, 0x00);
    case Status::Mitigated: return QColor(0x15, 0x65, 0xc0);
    case Status::Resolved: return QColor(0x2e, 0x7d, 0x32);
    case Status::Closed: return QColor(0x61, 0x61, 0x61);
    }
    return Qt::gray;
}

QColor deadlineColor(DeadlineState::Phase phase)
{
    switch (phase) {
    case DeadlineState::Phase::Close: return QColor(0xf9, 0xa8, 0x25);
    case DeadlineState::Phase::Passed:
    case DeadlineState::Phase::Missed: return QColor(0xc6, 0x28, 0x28);
    case DeadlineState::Phase::Ahead:
    case DeadlineState::Phase::Met: return {};
    }
    return {};
}

QColor textOn(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace sitrep
