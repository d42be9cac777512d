#include "timeribbonwidget.h"

#include "models/severitycolors.h"

#include "domain/timeformat.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace sitrep {

namespace {
constexpr double kMargin = 12;
constexpr double kReachPx = 6;
} // namespace

TimeRibbonWidget::TimeRibbonWidget(const Clock &clock, QWidget *parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("timeRibbon"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize TimeRibbonWidget::sizeHint() const
{
    return {800, fontMetrics().height() * 2 + 30};
}

QSize TimeRibbonWidget::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void TimeRibbonWidget::setIncident(const std::optional<Incident> &incident, const QList<TimelineEntry> &pinned)
{
    m_incident = incident;
    m_pinned = pinned;
    update();
}

void TimeRibbonWidget::setUtc(bool utc)
{
    m_utc = utc;
    update();
}

QRectF TimeRibbonWidget::bandRect() const
{
    const double top = 6;
    const double height = fontMetrics().height() + 6;
    return {kMargin, top, width() - 2 * kMargin, height};
}

TimeRibbonMapping TimeRibbonWidget::mapping() const
{
    if (!m_incident)
        return {};
    const QRectF band = bandRect();
    return TimeRibbonMapping(m_incident->startedAt, ribbonEndMs(*m_incident, m_clock.nowMs()), band.left(), band.width());
}

std::optional<TimelineEntry> TimeRibbonWidget::entryNear(double x) const
{
    const TimeRibbonMapping map = mapping();
    if (!map.isValid())
        return std::nullopt;
    std::optional<TimelineEntry> best;
    double bestDistance = kReachPx;
    for (const TimelineEntry &e : m_pinned) {
        const double d = std::abs(map.xForTime(e.at) - x);
        if (d <= bestDistance) {
            bestDistance = d;
            best = e;
        }
    }
    return best;
}

void TimeRibbonWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF band = bandRect();
    p.fillRect(band, palette().alternateBase());
    const TimeRibbonMapping map = mapping();
    if (!m_incident || !map.isValid())
        return;
    const qint64 now = m_clock.nowMs();

    for (const PhaseBand &phase : phaseBands(*m_incident, now)) {
        const double x0 = map.xForTime(phase.fromMs);
        const double x1 = map.xForTime(phase.toMs);
        QColor c = statusColor(phase.status);
        c.setAlpha(170);
        p.fillRect(QRectF(x0, band.top(), std::max(1.0, x1 - x0), band.height()), c);
        if (x1 - x0 > fontMetrics().horizontalAdvance(statusLabel(phase.status)) + 8) {
            p.setPen(textOn(c));
            p.drawText(QRectF(x0 + 4, band.top(), x1 - x0 - 8, band.height()), Qt::AlignVCenter | Qt::AlignLeft,
                       statusLabel(phase.status));
        }
    }

    // Time ticks under the band, on round local (or UTC) times.
    const qint64 offsetMs = m_utc ? 0 : qint64(QDateTime::fromMSecsSinceEpoch(now).offsetFromUtc()) * 1000;
    p.setPen(palette().color(QPalette::WindowText));
    const double tickTop = band.bottom() + 2;
    for (qint64 t : map.tickTimes(std::max(2, int(band.width() / 90)), offsetMs)) {
        const double x = map.xForTime(t);
        p.drawLine(QPointF(x, tickTop), QPointF(x, tickTop + 4));
        const QString label = formatClockTime(t, m_utc).left(5);
        const double w = fontMetrics().horizontalAdvance(label);
        p.drawText(QPointF(std::clamp(x - w / 2, 0.0, width() - w), tickTop + 4 + fontMetrics().ascent()), label);
    }

    // Milestones as thin lines across the band.
    QPen milestonePen(palette().color(QPalette::WindowText), 1.5);
    for (Milestone m : {Milestone::Detected, Milestone::Acknowledged, Milestone::Identified, Milestone::Mitigated,
                        Milestone::Resolved}) {
        if (const auto at = m_incident->milestone(m)) {
            const double x = map.xForTime(*at);
            p.setPen(milestonePen);
            p.drawLine(QPointF(x, band.top() - 4), QPointF(x, band.bottom() + 2));
        }
    }
    // The deadline, red once it is behind us.
    if (m_incident->deadlineAt) {
        const double x = map.xForTime(*m_incident->deadlineAt);
        p.setPen(QPen(*m_incident->deadlineAt < now ? QColor(0xc6, 0x28, 0x28) : palette().color(QPalette::WindowText), 2,
                      Qt::DashLine));
        p.drawLine(QPointF(x, band.top() - 4), QPointF(x, band.bottom() + 4));
    }
    // Now.
    const double xNow = map.xForTime(now);
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawLine(QPointF(xNow, band.top() - 5), QPointF(xNow, band.bottom() + 5));

    // Pinned entries as marks along the top edge.
    p.setPen(QPen(palette().color(QPalette::Base), 1));
    p.setBrush(QColor(0x21, 0x21, 0x21));
    for (const TimelineEntry &e : std::as_const(m_pinned)) {
        const double x = map.xForTime(e.at);
        QPolygonF mark;
        mark << QPointF(x, band.top() + 7) << QPointF(x - 5, band.top()) << QPointF(x + 5, band.top());
        p.drawPolygon(mark);
    }
}

void TimeRibbonWidget::mouseMoveEvent(QMouseEvent *event)
{
    const std::optional<TimelineEntry> entry = entryNear(event->position().x());
    if (entry) {
        setCursor(Qt::PointingHandCursor);
        QToolTip::showText(event->globalPosition().toPoint(),
                           QStringLiteral("%1 · %2").arg(formatClockTime(entry->at, m_utc), entry->text), this);
        return;
    }
    unsetCursor();
    const TimeRibbonMapping map = mapping();
    if (map.isValid() && bandRect().contains(event->position()))
        QToolTip::showText(event->globalPosition().toPoint(), formatClockTime(map.timeForX(event->position().x()), m_utc), this);
    else
        QToolTip::hideText();
}

void TimeRibbonWidget::mousePressEvent(QMouseEvent *event)
{
    if (const std::optional<TimelineEntry> entry = entryNear(event->position().x()))
        Q_EMIT entryClicked(entry->id);
}

} // namespace sitrep
