#include "ribbonfigure.h"

#include "pageflow.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace sitrep {

namespace {

// Milestones worth marking: the ones the metrics measure.
const QList<Milestone> kMarked = {Milestone::Detected, Milestone::Acknowledged, Milestone::Identified,
                                  Milestone::Mitigated, Milestone::Resolved};

} // namespace

QColor phaseColor(Status status)
{
    switch (status) {
    case Status::Investigating: return QColor(0xc6, 0x28, 0x28);
    case Status::Identified: return QColor(0xe6, 0x51, 0x00);
    case Status::Mitigated: return QColor(0x15, 0x65, 0xc0);
    case Status::Resolved: return QColor(0x2e, 0x7d, 0x32);
    case Status::Closed: return QColor(0x61, 0x61, 0x61);
    }
    return Qt::gray;
}

qreal ribbonHeightPoints()
{
    return 104;
}

void paintRibbon(QPainter &p, const QRectF &rect, const ReportData &data, const ReportStyle &style)
{
    const qreal unit = rect.height() / ribbonHeightPoints(); // one point
    const QFontMetricsF small(style.small, p.device());
    const qreal margin = 4 * unit;
    const TimeRibbonMapping map(data.ribbonStart, data.ribbonEnd, rect.left() + margin, rect.width() - 2 * margin);

    // Rows, top to bottom: two rows of milestone labels, the band, the axis, the entry numbers.
    const qreal labelRow = small.height() + 2 * unit;
    const qreal bandTop = rect.top() + 2 * labelRow + 4 * unit;
    const qreal bandHeight = 20 * unit;
    const qreal axisY = bandTop + bandHeight;

    p.setRenderHint(QPainter::Antialiasing);
    for (const PhaseBand &band : data.phases) {
        const qreal x0 = map.xForTime(band.fromMs);
        const qreal x1 = map.xForTime(band.toMs);
        if (x1 <= x0)
            continue;
        const QColor fill = phaseColor(band.status);
        p.fillRect(QRectF(x0, bandTop, x1 - x0, bandHeight), fill);
        const QString label = statusLabel(band.status);
        if (x1 - x0 > small.horizontalAdvance(label) + 6 * unit) {
            p.setFont(style.smallBold);
            p.setPen(Qt::white);
            p.drawText(QRectF(x0, bandTop, x1 - x0, bandHeight), Qt::AlignCenter, label);
        }
    }

    // The axis with local clock ticks.
    p.setPen(QPen(style.muted, 0.6 * unit));
    p.drawLine(QPointF(map.leftPx(), axisY), QPointF(map.leftPx() + map.widthPx(), axisY));
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(data.ribbonStart).offsetFromUtc()) * 1000;
    p.setFont(style.small);
    const qreal tickLabelY = axisY + 4 * unit + small.ascent();
    qreal lastRight = -1e9;
    for (qint64 t : map.tickTimes(8, offset)) {
        const qreal x = map.xForTime(t);
        p.setPen(QPen(style.muted, 0.6 * unit));
        p.drawLine(QPointF(x, axisY), QPointF(x, axisY + 3 * unit));
        const QString label = QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm"));
        const qreal w = small.horizontalAdvance(label);
        if (x - w / 2 < lastRight + 4 * unit)
            continue;
        p.setPen(style.muted);
        p.drawText(QPointF(x - w / 2, tickLabelY), label);
        lastRight = x + w / 2;
    }

    // Milestones: a line through the band, the name above, alternating rows so names never overlap.
    qreal rowRight[2] = {-1e9, -1e9};
    for (Milestone m : kMarked) {
        const auto at = data.incident.milestone(m);
        if (!at)
            continue;
        const qreal x = map.xForTime(*at);
        p.setPen(QPen(style.text, 1.0 * unit, Qt::DashLine));
        p.drawLine(QPointF(x, bandTop - 2 * unit), QPointF(x, axisY));
        const QString name = milestoneLabel(m) + QLatin1Char(' ') + QDateTime::fromMSecsSinceEpoch(*at).toString(QStringLiteral("HH:mm"));
        const qreal w = small.horizontalAdvance(name);
        qreal left = std::clamp(x - w / 2, rect.left(), rect.right() - w);
        int row = 1;
        if (left < rowRight[1] + 4 * unit)
            row = 0;
        if (row == 0 && left < rowRight[0] + 4 * unit)
            left = rowRight[0] + 4 * unit; // both rows taken near here: nudge right
        rowRight[row] = left + w;
        const qreal baseline = rect.top() + row * labelRow + small.ascent() + unit;
        p.setPen(style.text);
        p.setFont(style.small);
        p.drawText(QPointF(left, baseline), name);
    }
    if (const auto deadline = data.incident.deadlineAt; deadline && *deadline <= data.ribbonEnd) {
        const qreal x = map.xForTime(*deadline);
        p.setPen(QPen(style.alarm, 1.4 * unit));
        p.drawLine(QPointF(x, bandTop - 4 * unit), QPointF(x, axisY + 3 * unit));
    }

    // Key timeline entries: numbered dots under the axis, in the key timeline's order.
    const qreal dotY = tickLabelY + small.descent() + 9 * unit;
    const qreal radius = 6.5 * unit;
    qreal lastX = -1e9;
    int stagger = 0;
    for (qsizetype n = 0; n < data.pinned.size(); ++n) {
        const qreal x = map.xForTime(data.pinned.at(n).at);
        stagger = (x - lastX < 2 * radius + unit) ? (stagger + 1) % 3 : 0;
        lastX = x;
        const QPointF centre(x, dotY + stagger * (2 * radius + unit));
        p.setPen(QPen(style.muted, 0.5 * unit));
        // The stem starts under the tick labels, so it never strikes through a time.
        p.drawLine(QPointF(x, tickLabelY + small.descent() + unit), QPointF(x, centre.y() - radius));
        p.setPen(Qt::NoPen);
        p.setBrush(style.text);
        p.drawEllipse(centre, radius, radius);
        p.setPen(Qt::white);
        p.setFont(style.smallBold);
        p.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter,
                   QString::number(n + 1));
    }
}

} // namespace sitrep
