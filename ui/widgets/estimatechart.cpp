#include "estimatechart.h"

#include "carddelegate.h"

#include <QDateTime>
#include <QPainter>
#include <QTimeZone>

#include <algorithm>

namespace sitrep {

namespace {

QString hhmm(qint64 ms, bool utc)
{
    QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    if (!utc)
        t = t.toLocalTime();
    return t.toString(QStringLiteral("HH:mm"));
}

int confidenceAlpha(Confidence c)
{
    switch (c) {
    case Confidence::Low: return 55;
    case Confidence::Medium: return 95;
    case Confidence::High: return 150;
    }
    return 95;
}

} // namespace

EstimateChart::EstimateChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("estimateChart"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QSize EstimateChart::sizeHint() const
{
    return {220, 64};
}

QSize EstimateChart::minimumSizeHint() const
{
    return {120, 48};
}

void EstimateChart::setRevisions(const QList<Estimate> &revisions, std::optional<qint64> restoredAt, qint64 nowMs,
                                 bool utc)
{
    m_revisions = revisions;
    std::stable_sort(m_revisions.begin(), m_revisions.end(),
                     [](const Estimate &a, const Estimate &b) { return a.madeAt < b.madeAt; });
    m_restoredAt = restoredAt;
    m_now = nowMs;
    m_utc = utc;
    QStringList tip;
    for (const Estimate &e : std::as_const(m_revisions)) {
        tip << tr("%1  %2 (%3)").arg(hhmm(e.madeAt, utc), formatEstimateRange(e.lowMs, e.highMs),
                                     confidencePhrase(e.confidence));
    }
    setToolTip(tip.isEmpty() ? tr("No estimate yet") : tr("Estimate revisions:\n%1").arg(tip.join(QLatin1Char('\n'))));
    update();
}

void EstimateChart::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.78);
    p.setFont(small);
    const QFontMetrics fm(small);
    const QRectF area = QRectF(rect()).adjusted(2, fm.height() / 2.0 + 2, -(fm.horizontalAdvance(QStringLiteral("00:00")) + 6),
                                                -(fm.height() / 2.0 + 2));
    p.setPen(QPen(pal.color(QPalette::Mid), 0.8));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_revisions.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("no estimate yet"));
        return;
    }

    const qint64 end = std::max({m_now, m_restoredAt.value_or(0), m_revisions.constLast().madeAt + 60'000});
    const qint64 x0 = m_revisions.constFirst().madeAt;
    qint64 yLow = m_revisions.constFirst().madeAt + m_revisions.constFirst().lowMs;
    qint64 yHigh = yLow + 60'000;
    for (const Estimate &e : std::as_const(m_revisions)) {
        yLow = std::min(yLow, e.madeAt + e.lowMs);
        yHigh = std::max(yHigh, e.madeAt + e.highMs);
    }
    if (m_restoredAt) {
        yLow = std::min(yLow, *m_restoredAt);
        yHigh = std::max(yHigh, *m_restoredAt);
    }
    const auto xAt = [&](qint64 t) { return area.left() + area.width() * double(t - x0) / double(std::max<qint64>(end - x0, 1)); };
    const auto yAt = [&](qint64 t) {
        return area.bottom() - area.height() * double(t - yLow) / double(std::max<qint64>(yHigh - yLow, 1));
    };

    const QColor base = columnColor(SituationColumn::Estimate);
    for (qsizetype i = 0; i < m_revisions.size(); ++i) {
        const Estimate &e = m_revisions.at(i);
        const qint64 until = i + 1 < m_revisions.size() ? m_revisions.at(i + 1).madeAt : end;
        QColor fill = base;
        fill.setAlpha(confidenceAlpha(e.confidence));
        const QRectF band(QPointF(xAt(e.madeAt), yAt(e.madeAt + e.highMs)), QPointF(std::max(xAt(until), xAt(e.madeAt) + 2),
                                                                                   yAt(e.madeAt + e.lowMs)));
        p.fillRect(band.adjusted(0, 0, 0, band.height() < 2 ? 2 : 0), fill);
        if (i + 1 == m_revisions.size()) {
            p.setPen(QPen(base, 1.2));
            p.drawRect(band);
        }
    }

    const qint64 marker = m_restoredAt.value_or(m_now);
    if (m_restoredAt) {
        p.setPen(QPen(QColor(0x2e, 0x7d, 0x32), 1.6, Qt::DashLine));
        p.drawLine(QPointF(area.left(), yAt(*m_restoredAt)), QPointF(area.right(), yAt(*m_restoredAt)));
    }
    p.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DotLine));
    p.drawLine(QPointF(xAt(marker), area.top()), QPointF(xAt(marker), area.bottom()));

    p.setPen(pal.color(QPalette::PlaceholderText));
    const qreal labelX = area.right() + 4;
    p.drawText(QPointF(labelX, yAt(yHigh) + fm.ascent() / 2.0), hhmm(yHigh, m_utc));
    p.drawText(QPointF(labelX, yAt(yLow) + fm.ascent() / 2.0), hhmm(yLow, m_utc));
    if (m_restoredAt) {
        p.setPen(QColor(0x2e, 0x7d, 0x32));
        const qreal y = std::clamp(yAt(*m_restoredAt) + fm.ascent() / 2.0, area.top() + fm.ascent(), area.bottom());
        if (std::abs(yAt(*m_restoredAt) - yAt(yHigh)) > fm.height() && std::abs(yAt(*m_restoredAt) - yAt(yLow)) > fm.height())
            p.drawText(QPointF(labelX, y), hhmm(*m_restoredAt, m_utc));
    }
}

} // namespace sitrep
