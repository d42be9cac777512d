// Metrics across incidents: medians of what real incidents took, with drills left out entirely.
#include "domain/metricssummary.h"

#include <QTest>

using namespace sitrep;

namespace {

constexpr qint64 kT0 = 1'795'596'300'000;
constexpr qint64 min = 60'000;

Incident incident(qint64 ackAfter, std::optional<qint64> mitigatedAfter, bool drill = false)
{
    Incident i;
    i.startedAt = kT0;
    i.declaredAt = kT0;
    i.acknowledgedAt = kT0 + ackAfter;
    if (mitigatedAfter)
        i.mitigatedAt = kT0 + *mitigatedAfter;
    i.drill = drill;
    return i;
}

} // namespace

class TestMetricsSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drillsNeverEnterAFigure()
    {
        // Without the drill the medians are 4m and 30m; a very fast drill must not pull them down.
        const QList<Incident> all{incident(2 * min, 20 * min), incident(4 * min, 30 * min), incident(9 * min, 50 * min),
                                  incident(10'000, 60'000, true), incident(5'000, std::nullopt, true)};
        const MetricsSummary s = summarizeMetrics(all, kT0 + 120 * min);
        QCOMPARE(s.incidents, 3);
        QCOMPARE(s.drillsExcluded, 2);
        QCOMPARE(s.ongoing, 0);
        QCOMPARE(s.medianTimeToAcknowledgeMs, std::optional<qint64>(4 * min));
        QCOMPARE(s.medianTimeToMitigateMs, std::optional<qint64>(30 * min));
        QCOMPARE(s.medianTimeToResolveMs, std::nullopt);
    }

    void evenCountTakesTheLowerMiddleAndOngoingIsCounted()
    {
        const QList<Incident> all{incident(2 * min, 20 * min), incident(6 * min, std::nullopt)};
        const MetricsSummary s = summarizeMetrics(all, kT0 + 120 * min);
        QCOMPARE(s.medianTimeToAcknowledgeMs, std::optional<qint64>(2 * min));
        QCOMPARE(s.medianTimeToMitigateMs, std::optional<qint64>(20 * min));
        QCOMPARE(s.ongoing, 1);
        QCOMPARE(summarizeMetrics({incident(1, 2, true)}, kT0).incidents, 0);
        QCOMPARE(summarizeMetrics({incident(1, 2, true)}, kT0).medianTimeToAcknowledgeMs, std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestMetricsSummary)
#include "tst_metricssummary.moc"
