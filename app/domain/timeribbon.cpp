#include "timeribbon.h"

#include <algorithm>
#include <cmath>

namespace sitrep {

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;

constexpr qint64 roundSteps[] = {minuteMs,     5 * minuteMs, 10 * minuteMs, 15 * minuteMs,
                                 30 * minuteMs, hourMs,       2 * hourMs,    6 * hourMs,
                                 12 * hourMs,   dayMs};

// Smallest multiple of step that is >= value (also for negative values).
qint64 ceilToStep(qint64 value, qint64 step)
{
    qint64 q = value / step;
    if (q * step < value)
        ++q;
    return q * step;
}

} // namespace

TimeRibbonMapping::TimeRibbonMapping(qint64 startMs, qint64 endMs, double leftPx, double widthPx)
    : m_startMs(startMs)
    , m_endMs(endMs)
    , m_leftPx(leftPx)
    , m_widthPx(widthPx)
{
}

double TimeRibbonMapping::xForTime(qint64 ms) const
{
    if (!isValid())
        return m_leftPx;
    const qint64 clamped = std::clamp(ms, m_startMs, m_endMs);
    const double fraction = double(clamped - m_startMs) / double(m_endMs - m_startMs);
    return m_leftPx + fraction * m_widthPx;
}

qint64 TimeRibbonMapping::timeForX(double x) const
{
    if (!isValid() || std::isnan(x))
        return m_startMs;
    const double fraction = std::clamp((x - m_leftPx) / m_widthPx, 0.0, 1.0);
    const qint64 offset = std::llround(fraction * double(m_endMs - m_startMs));
    // Rounding the double may step a hair past the span on huge ranges; keep inside it.
    return std::clamp(m_startMs + offset, m_startMs, m_endMs);
}

qint64 TimeRibbonMapping::tickStepMs(int targetTickCount) const
{
    if (targetTickCount <= 0 || m_endMs <= m_startMs)
        return 0;
    const qint64 span = m_endMs - m_startMs;
    for (qint64 step : roundSteps) {
        // At most span/step + 1 ticks fit; keep that within the target.
        if (span / step + 1 <= targetTickCount)
            return step;
    }
    // Longer than the table covers: whole days.
    const qint64 days = span / dayMs / targetTickCount + 1;
    return days * dayMs;
}

QList<qint64> TimeRibbonMapping::tickTimes(int targetTickCount, qint64 utcOffsetMs) const
{
    QList<qint64> ticks;
    const qint64 step = tickStepMs(targetTickCount);
    if (step == 0)
        return ticks;
    // Steps of a day or less divide a day, so they align to themselves; longer steps start at
    // the first midnight in range rather than at an arbitrary multiple since 1970.
    const qint64 align = std::min(step, dayMs);
    for (qint64 t = ceilToStep(m_startMs + utcOffsetMs, align) - utcOffsetMs; t <= m_endMs; t += step)
        ticks.append(t);
    return ticks;
}

qint64 ribbonEndMs(const Incident &incident, qint64 nowMs)
{
    qint64 end = std::max(nowMs, incident.startedAt);
    if (incident.deadlineAt)
        end = std::max(end, *incident.deadlineAt);
    return end;
}

QList<PhaseBand> phaseBands(const Incident &incident, qint64 nowMs)
{
    // When each status was entered, in lifecycle order, up to the current status.
    QList<PhaseBand> bands;
    for (Status status : allStatuses()) {
        if (status > incident.status)
            break;
        std::optional<qint64> entered;
        if (status == Status::Investigating)
            entered = incident.startedAt;
        else if (const auto m = milestoneForStatus(status))
            entered = incident.milestone(*m);
        if (!entered)
            continue;
        const qint64 from = bands.isEmpty() ? *entered : std::max(*entered, bands.last().fromMs);
        bands.append({status, from, from});
    }
    for (qsizetype i = 0; i < bands.size(); ++i) {
        const bool last = i + 1 == bands.size();
        bands[i].toMs = last ? std::max(bands[i].fromMs, nowMs) : bands[i + 1].fromMs;
    }
    return bands;
}

} // namespace sitrep
