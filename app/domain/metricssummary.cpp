#include "metricssummary.h"

#include "metrics.h"

#include <algorithm>

namespace sitrep {

namespace {

std::optional<qint64> median(QList<qint64> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    return values.at((values.size() - 1) / 2);
}

} // namespace

MetricsSummary summarizeMetrics(const QList<Incident> &incidents, qint64 nowMs)
{
    MetricsSummary summary;
    QList<qint64> acknowledge;
    QList<qint64> mitigate;
    QList<qint64> resolve;
    for (const Incident &incident : incidents) {
        if (incident.drill) {
            ++summary.drillsExcluded;
            continue;
        }
        ++summary.incidents;
        const IncidentMetrics m = computeMetrics(incident, nowMs);
        if (m.impactOngoing)
            ++summary.ongoing;
        if (m.timeToAcknowledgeMs)
            acknowledge.append(*m.timeToAcknowledgeMs);
        if (m.timeToMitigateMs)
            mitigate.append(*m.timeToMitigateMs);
        if (m.timeToResolveMs)
            resolve.append(*m.timeToResolveMs);
    }
    summary.medianTimeToAcknowledgeMs = median(acknowledge);
    summary.medianTimeToMitigateMs = median(mitigate);
    summary.medianTimeToResolveMs = median(resolve);
    return summary;
}

} // namespace sitrep
