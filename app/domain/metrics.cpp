#include "metrics.h"

#include <QCoreApplication>
#include <QtNumeric>

#include <iterator>

namespace sitrep {

namespace {

constexpr qint64 minuteMs = 60 * 1000;

std::optional<qint64> since(std::optional<qint64> at, qint64 from)
{
    if (!at)
        return std::nullopt;
    return *at - from;
}

// impactMs / 1 minute * centsPerMinute, rounded half away from zero to a whole cent; empty
// when the inputs make no sense or the product does not fit.
std::optional<qint64> impactCost(qint64 impactMs, qint64 centsPerMinute)
{
    if (centsPerMinute < 0 || impactMs < 0)
        return std::nullopt;
    // Whole minutes and the remainder separately, so the intermediate product stays in range.
    const qint64 wholeMinutes = impactMs / minuteMs;
    const qint64 remainderMs = impactMs % minuteMs;
    qint64 wholeCost = 0;
    qint64 partial = 0;
    if (qMulOverflow(wholeMinutes, centsPerMinute, &wholeCost)
        || qMulOverflow(remainderMs, centsPerMinute, &partial))
        return std::nullopt;
    const qint64 partialCost = (partial + minuteMs / 2) / minuteMs;
    qint64 total = 0;
    if (qAddOverflow(wholeCost, partialCost, &total))
        return std::nullopt;
    return total;
}

// The lifecycle chain; Declared is checked on its own against Started.
constexpr Milestone chain[] = {Milestone::Started,    Milestone::Detected,  Milestone::Acknowledged,
                               Milestone::Identified, Milestone::Mitigated, Milestone::Resolved,
                               Milestone::Closed};

} // namespace

IncidentMetrics computeMetrics(const Incident &incident, qint64 nowMs)
{
    IncidentMetrics m;
    const qint64 started = incident.startedAt;

    m.timeToDetectMs = since(incident.detectedAt, started);
    m.acknowledgeFromStarted = !incident.detectedAt.has_value();
    m.timeToAcknowledgeMs = since(incident.acknowledgedAt, incident.detectedAt.value_or(started));
    m.timeToMitigateMs = since(incident.mitigatedAt, started);
    m.timeToResolveMs = since(incident.resolvedAt, started);

    // Impact ends at mitigation: customers stop hurting then, even if the cure comes later.
    for (Milestone end : {Milestone::Mitigated, Milestone::Resolved, Milestone::Closed}) {
        if (const auto at = incident.milestone(end)) {
            m.impactEndedBy = end;
            m.impactMs = *at - started;
            break;
        }
    }
    if (!m.impactEndedBy) {
        m.impactOngoing = true;
        m.impactMs = nowMs - started;
    }

    if (incident.costPerMinuteCents)
        m.costCents = impactCost(*m.impactMs, *incident.costPerMinuteCents);
    return m;
}

std::optional<std::pair<Milestone, Milestone>> findMilestoneOrderProblem(const Incident &incident)
{
    // Every later milestone against every earlier one, so a gap of unset milestones between
    // them does not hide the problem; the first pair found in lifecycle order is reported.
    for (std::size_t later = 1; later < std::size(chain); ++later) {
        const auto laterAt = incident.milestone(chain[later]);
        if (!laterAt)
            continue;
        for (std::size_t earlier = 0; earlier < later; ++earlier) {
            const auto earlierAt = incident.milestone(chain[earlier]);
            if (earlierAt && *laterAt < *earlierAt)
                return std::pair{chain[earlier], chain[later]};
        }
    }
    if (incident.declaredAt < incident.startedAt)
        return std::pair{Milestone::Started, Milestone::Declared};
    return std::nullopt;
}

std::optional<QString> checkMilestoneOrder(const Incident &incident)
{
    const auto problem = findMilestoneOrderProblem(incident);
    if (!problem)
        return std::nullopt;
    return QCoreApplication::translate("Metrics", "\"%1\" is set before \"%2\", but cannot come before it")
        .arg(milestoneLabel(problem->second), milestoneLabel(problem->first));
}

} // namespace sitrep
