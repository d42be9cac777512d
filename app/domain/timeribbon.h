#pragma once

#include "incident.h"
#include "status.h"

#include <QList>

namespace sitrep {

// Maps time to pixels and back for the incident's horizontal time ribbon. A plain value with
// no display behind it, so the arithmetic is tested on its own and every view that draws a
// ribbon (timeline header, wall display, report) places things identically.
class TimeRibbonMapping
{
public:
    TimeRibbonMapping() = default;
    TimeRibbonMapping(qint64 startMs, qint64 endMs, double leftPx, double widthPx);

    qint64 startMs() const { return m_startMs; }
    qint64 endMs() const { return m_endMs; }
    double leftPx() const { return m_leftPx; }
    double widthPx() const { return m_widthPx; }
    // False when there is no time span or no width to map: everything then sits at the left edge.
    bool isValid() const { return m_endMs > m_startMs && m_widthPx > 0; }

    // Times outside [start, end] clamp to the edges.
    double xForTime(qint64 ms) const;
    // Positions outside [left, left + width] clamp to start / end.
    qint64 timeForX(double x) const;

    // Times for about targetTickCount gridlines (never more), on a round step: 1m, 5m, 10m,
    // 15m, 30m, 1h, 2h, 6h, 12h, 1d, then whole days. Ticks fall on multiples of the step
    // (multi-day steps: from the first midnight) in the zone utcOffsetMs from UTC, so "10:00"
    // lines land on local round times.
    QList<qint64> tickTimes(int targetTickCount, qint64 utcOffsetMs = 0) const;
    // The step tickTimes uses; 0 when there is nothing to tick.
    qint64 tickStepMs(int targetTickCount) const;

private:
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    double m_leftPx = 0;
    double m_widthPx = 0;
};

// Where the ribbon ends: now, or the deadline when that is later (so the room sees the gap).
qint64 ribbonEndMs(const Incident &incident, qint64 nowMs);

// One stretch of time the incident spent in a status, for colouring the ribbon.
struct PhaseBand
{
    Status status = Status::Investigating;
    qint64 fromMs = 0;
    qint64 toMs = 0;

    friend bool operator==(const PhaseBand &, const PhaseBand &) = default;
};

// The incident's status phases from its milestones, oldest first: Investigating from impact
// start, then each later status from its milestone, each band ending where the next begins and
// the last at nowMs. Statuses never entered are skipped, as are milestones of statuses after
// the current one (a mitigation that did not hold). Milestones edited out of order never give
// a band that runs backwards: a band starts no earlier than the one before it.
QList<PhaseBand> phaseBands(const Incident &incident, qint64 nowMs);

} // namespace sitrep
