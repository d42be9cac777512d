#pragma once

#include "incident.h"

#include <QString>
#include <optional>
#include <utility>

namespace sitrep {

// The headline numbers of an incident, as the postmortem and the wall display show them.
// Durations are milliseconds; each is empty when a milestone it needs is not set. Figures are
// not clamped: milestones edited out of order give a negative figure, and checkMilestoneOrder
// says which. Definitions for readers are in docs/metrics.md.
struct IncidentMetrics
{
    std::optional<qint64> timeToDetectMs;      // detected - started
    std::optional<qint64> timeToAcknowledgeMs; // acknowledged - detected (or - started)
    bool acknowledgeFromStarted = false;       // true when detected was not set
    std::optional<qint64> timeToMitigateMs;    // mitigated - started
    std::optional<qint64> timeToResolveMs;     // resolved - started
    std::optional<qint64> impactMs;            // end of impact - started; always set
    // What ended the impact: Mitigated, Resolved or Closed; empty while it is ongoing.
    std::optional<Milestone> impactEndedBy;
    bool impactOngoing = false;                // impact runs to nowMs
    std::optional<qint64> costCents;           // impact minutes * cost per minute, when known
};

IncidentMetrics computeMetrics(const Incident &incident, qint64 nowMs);

// The first pair of set milestones out of lifecycle order, as (should be earlier, is set
// earlier): started <= detected <= acknowledged <= identified <= mitigated <= resolved <=
// closed, and started <= declared. Empty when the order holds.
std::optional<std::pair<Milestone, Milestone>> findMilestoneOrderProblem(const Incident &incident);

// The same, as a translated message naming both milestones; empty when the order holds.
std::optional<QString> checkMilestoneOrder(const Incident &incident);

} // namespace sitrep
