#pragma once

#include "incident.h"

#include <QList>
#include <optional>

namespace sitrep {

// Headline numbers across incidents: how many, and the median time to acknowledge, mitigate and
// resolve. Drills are rehearsals, not outages: they are counted apart and never enter a figure.
struct MetricsSummary
{
    int incidents = 0;       // real incidents summarised
    int drillsExcluded = 0;  // drills left out
    int ongoing = 0;         // real incidents whose impact has not ended
    std::optional<qint64> medianTimeToAcknowledgeMs;
    std::optional<qint64> medianTimeToMitigateMs;
    std::optional<qint64> medianTimeToResolveMs;
};

// Medians over the incidents that have the figure (see computeMetrics); the lower middle value
// for an even count, so every median is a time some incident really took.
MetricsSummary summarizeMetrics(const QList<Incident> &incidents, qint64 nowMs);

} // namespace sitrep
