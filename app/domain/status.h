#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

// Where an incident stands. The order is the lifecycle: a status may move forward or back any
// number of steps (a mitigation that did not hold), never out of Closed.
enum class Status { Investigating, Identified, Mitigated, Resolved, Closed };

QString statusKey(Status status);   // stored and typed form: "investigating"
QString statusLabel(Status status); // shown form: "Investigating"
std::optional<Status> parseStatus(const QString &key);
QList<Status> allStatuses();
bool isStatusChangeAllowed(Status from, Status to);

} // namespace sitrep
