#include "status.h"

#include <QCoreApplication>

namespace sitrep {

QString statusKey(Status status)
{
    switch (status) {
    case Status::Investigating: return QStringLiteral("investigating");
    case Status::Identified: return QStringLiteral("identified");
    case Status::Mitigated: return QStringLiteral("mitigated");
    case Status::Resolved: return QStringLiteral("resolved");
    case Status::Closed: return QStringLiteral("closed");
    }
    return {};
}

QString statusLabel(Status status)
{
    switch (status) {
    case Status::Investigating: return QCoreApplication::translate("Status", "Investigating");
    case Status::Identified: return QCoreApplication::translate("Status", "Identified");
    case Status::Mitigated: return QCoreApplication::translate("Status", "Mitigated");
    case Status::Resolved: return QCoreApplication::translate("Status", "Resolved");
    case Status::Closed: return QCoreApplication::translate("Status", "Closed");
    }
    return {};
}

QList<Status> allStatuses()
{
    return {Status::Investigating, Status::Identified, Status::Mitigated, Status::Resolved, Status::Closed};
}

std::optional<Status> parseStatus(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (Status s : allStatuses()) {
        if (statusKey(s) == k)
            return s;
    }
    return std::nullopt;
}

bool isStatusChangeAllowed(Status from, Status to)
{
    // Forward any number of steps; back too (a fix that did not hold, a recurrence), which
    // clears the later milestones. A closed incident stays closed: a new one is declared.
    return from != to && from != Status::Closed;
}

} // namespace sitrep
