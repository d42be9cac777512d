#include "walllist.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>

namespace sitrep {

namespace {

// The lines an item's text takes in `width`, at most maxLines; a longer text ends its last
// line in an ellipsis (a wall list is a glance, the full record is in the lead's window).
QStringList wrap(const QString &text, const QFont &font, qreal width, int maxLines, bool *truncated)
{
    QString t = wallLayoutText(text.simplified());
    QTextLayout layout(t, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    QList<std::pair<int, int>> spans;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        spans.append({line.textStart(), line.textLength()});
    }
    layout.endLayout();
    QStringList lines;
    *truncated = spans.size() > maxLines;
    const int n = int(std::min<qsizetype>(spans.size(), maxLines));
    for (int i = 0; i < n; ++i) {
        if (i == n - 1 && *truncated)
            lines.append(QFontMetricsF(font).elidedText(t.mid(spans.at(i).first), Qt::ElideRight, width));
        else
            lines.append(t.mid(spans.at(i).first, spans.at(i).second).trimmed());
    }
    if (lines.isEmpty())
        lines.append(QString());
    return lines;
}

QFont fontAt(const QFont &base, int px, bool bold)
{
    QFont f = base;
    f.setPixelSize(px);
    f.setBold(bold);
    return f;
}

} // namespace

WallList::WallList(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    setFocusPolicy(Qt::NoFocus);
}

void WallList::setItems(const QList<WallListItem> &items)
{
    if (items == m_items)
        return;
    m_items = items;
    relayout();
}

void WallList::setTheme(const WallTheme &theme)
{
    m_theme = theme;
    update();
}

void WallList::setPixelSize(int px)
{
    if (px == m_px)
        return;
    m_px = std::max(1, px);
    relayout();
}

void WallList::setMaxLinesPerItem(int lines)
{
    m_maxLines = std::max(1, lines);
    relayout();
}

void WallList::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

QString WallList::moreText() const
{
    return hiddenCount() > 0 ? tr("+%1 more").arg(hiddenCount()) : QString();
}

QStringList WallList::shownTexts() const
{
    QStringList texts;
    for (const Placed &p : m_placed) {
        const WallListItem &item = m_items.at(p.index);
        texts.append(item.lead.isEmpty() ? item.text : item.lead + QLatin1Char(' ') + item.text);
    }
    return texts;
}

int WallList::truncatedCount() const
{
    return int(std::count_if(m_placed.cbegin(), m_placed.cend(), [](const Placed &p) { return p.truncated; }));
}

QList<QRect> WallList::itemRects() const
{
    QList<QRect> rects;
    for (const Placed &p : m_placed)
        rects.append(p.rect.toAlignedRect());
    return rects;
}

void WallList::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void WallList::relayout()
{
    m_placed.clear();
    m_moreRect = {};
    const QFont regular = fontAt(font(), m_px, false);
    const QFont bold = fontAt(font(), m_px, true);
    const QFontMetricsF fm(regular);
    const QFontMetricsF fmBold(bold);
    const qreal gap = m_px * 0.6;
    m_leadWidth = 0;
    m_trailWidth = 0;
    for (const WallListItem &item : std::as_const(m_items)) {
        if (!item.lead.isEmpty())
            m_leadWidth = std::max(m_leadWidth, fmBold.horizontalAdvance(item.lead) + gap);
        if (!item.trail.isEmpty())
            m_trailWidth = std::max(m_trailWidth, fmBold.horizontalAdvance(item.trail) + gap);
    }
    // Only items with a figure on the right give up the room for it.
    const qreal fullWidth = std::max<qreal>(m_px * 4, width() - m_leadWidth);
    const qreal trailedWidth = std::max<qreal>(m_px * 4, width() - m_leadWidth - m_trailWidth);
    const qreal itemGap = m_px * 0.35;
    const qreal barHeight = m_px * 0.35;
    const qreal limit = height();

    QList<qreal> bottoms;
    qreal y = 0;
    for (int i = 0; i < m_items.size(); ++i) {
        const WallListItem &item = m_items.at(i);
        Placed p;
        p.index = i;
        p.lines = wrap(item.text, regular, item.trail.isEmpty() ? fullWidth : trailedWidth, m_maxLines, &p.truncated);
        qreal h = p.lines.size() * fm.lineSpacing() - fm.leading();
        if (item.progress)
            h += barHeight * 2;
        if (y + h > limit)
            break;
        p.rect = QRectF(0, y, width(), h);
        m_placed.append(p);
        y += h + itemGap;
    }
    // Whatever does not fit is counted, never cut off: make room for the "+N more" line.
    const qreal moreHeight = fm.height();
    while (m_placed.size() < m_items.size() && !m_placed.isEmpty() && m_placed.constLast().rect.bottom() + itemGap + moreHeight > limit)
        m_placed.removeLast();
    if (m_placed.size() < m_items.size()) {
        const qreal top = m_placed.isEmpty() ? 0 : m_placed.constLast().rect.bottom() + itemGap;
        m_moreRect = QRectF(0, top, width(), moreHeight);
    }
    update();
}

void WallList::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QFont regular = fontAt(font(), m_px, false);
    const QFont bold = fontAt(font(), m_px, true);
    const QFontMetricsF fm(regular);
    if (m_items.isEmpty()) {
        p.setFont(regular);
        p.setPen(m_theme.dim);
        p.drawText(QPointF(0, fm.ascent()), fm.elidedText(m_emptyText, Qt::ElideRight, width()));
        return;
    }
    for (const Placed &placed : std::as_const(m_placed)) {
        const WallListItem &item = m_items.at(placed.index);
        const qreal baseline = placed.rect.top() + fm.ascent();
        if (!item.lead.isEmpty()) {
            p.setFont(bold);
            p.setPen(m_theme.tone(item.leadTone));
            p.drawText(QPointF(0, baseline), item.lead);
        }
        p.setFont(regular);
        p.setPen(m_theme.tone(item.tone));
        for (int i = 0; i < placed.lines.size(); ++i)
            p.drawText(QPointF(m_leadWidth, baseline + i * fm.lineSpacing()), placed.lines.at(i));
        if (!item.trail.isEmpty()) {
            p.setFont(bold);
            p.setPen(m_theme.text);
            const qreal w = QFontMetricsF(bold).horizontalAdvance(item.trail);
            p.drawText(QPointF(width() - w, baseline), item.trail);
        }
        if (item.progress) {
            const qreal barHeight = m_px * 0.35;
            const QRectF track(m_leadWidth, placed.rect.bottom() - barHeight * 1.4,
                               width() - m_leadWidth, barHeight);
            QColor trackColor = m_theme.dim;
            trackColor.setAlphaF(0.3);
            p.setPen(Qt::NoPen);
            p.setBrush(trackColor);
            p.drawRoundedRect(track, barHeight / 2, barHeight / 2);
            QRectF done = track;
            done.setWidth(track.width() * std::clamp<qreal>(*item.progress, 0, 1));
            p.setBrush(m_theme.good);
            if (done.width() > 0)
                p.drawRoundedRect(done, barHeight / 2, barHeight / 2);
        }
    }
    if (!m_moreRect.isNull()) {
        p.setFont(bold);
        p.setPen(m_theme.dim);
        p.drawText(QPointF(m_leadWidth, m_moreRect.top() + fm.ascent()), moreText());
    }
}

} // namespace sitrep
