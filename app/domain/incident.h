#pragma once

#include "ids.h"
#include "roles.h"
#include "severity.h"
#include "status.h"

#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

namespace sitrep {

// Milestones of an incident. Started is when impact began (may predate declaring it); the
// others are stamped as the incident moves, and stay editable afterwards.
enum class Milestone { Started, Detected, Declared, Acknowledged, Identified, Mitigated, Resolved, Closed };

QString milestoneKey(Milestone milestone);
QString milestoneLabel(Milestone milestone);
std::optional<Milestone> parseMilestone(const QString &key);
QList<Milestone> allMilestones();
// The milestone a status change stamps, if any.
std::optional<Milestone> milestoneForStatus(Status status);

// One incident as stored. Times are UTC epoch milliseconds.
struct Incident
{
    qint64 id = 0;
    QUuid uuid;
    QString title;
    Severity severity = Severity::Sev3;
    Status status = Status::Investigating;
    QString impact;
    qint64 startedAt = 0;
    std::optional<qint64> detectedAt;
    qint64 declaredAt = 0;
    std::optional<qint64> acknowledgedAt;
    std::optional<qint64> identifiedAt;
    std::optional<qint64> mitigatedAt;
    std::optional<qint64> resolvedAt;
    std::optional<qint64> closedAt;
    std::optional<qint64> deadlineAt;
    std::optional<qint64> costPerMinuteCents;
    bool drill = false;
    qint64 updatedAt = 0;
    QList<RoleAssignment> roles;

    std::optional<qint64> milestone(Milestone m) const;
    void setMilestone(Milestone m, std::optional<qint64> at);
    // The time the current status was entered (falls back to declared).
    qint64 currentStatusSince() const;
    QString shortId() const; // first 8 characters of the UUID, what people read out
};

} // namespace sitrep
