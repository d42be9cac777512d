#include "fitlabel.h"

#include "walltheme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace sitrep {

namespace {

// Every digit measured as "0": in a ticking clock 1:11 and 0:00 then take the same room, so
// the size never changes from one second to the next.
QString sameWidthDigits(QString text)
{
    for (QChar &c : text) {
        if (c.isDigit())
            c = QLatin1Char('0');
    }
    return text;
}

struct Measured
{
    QList<std::pair<int, int>> lines; // start and length in the text
    qreal width = 0;
    int lineCount() const { return int(lines.size()); }
};

// Wraps at word boundaries only: a word is never cut, so a number is never split across lines.
Measured measure(const QString &text, const QFont &font, qreal width, int maxLines)
{
    Measured m;
    if (maxLines <= 1) {
        m.lines.append({0, int(text.size())});
        m.width = QFontMetricsF(font).horizontalAdvance(text);
        return m;
    }
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        m.lines.append({line.textStart(), line.textLength()});
        m.width = std::max(m.width, line.naturalTextWidth());
    }
    layout.endLayout();
    return m;
}

QFont fontAt(const QFont &base, int px, bool bold)
{
    QFont f = base;
    f.setPixelSize(std::max(1, px));
    f.setBold(bold);
    return f;
}

bool fitsIn(const QString &text, const QFont &font, const QSizeF &room, int maxLines)
{
    if (text.isEmpty())
        return true;
    const Measured m = measure(text, font, room.width(), maxLines);
    const QFontMetricsF fm(font);
    const qreal height = m.lineCount() * fm.lineSpacing() - fm.leading();
    return m.lineCount() <= maxLines && m.width <= room.width() + 0.5 && height <= room.height() + 0.5;
}

} // namespace

FitLabel::FitLabel(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setFocusPolicy(Qt::NoFocus);
}

void FitLabel::setText(const QString &text)
{
    QString t = wallLayoutText(text);
    t.replace(QLatin1Char('\n'), QChar::LineSeparator);
    if (t == m_text)
        return; // a tick that changes nothing paints nothing
    m_text = t;
    m_original = text;
    relayout();
}

void FitLabel::setSizingText(const QString &text)
{
    m_sizingText = text;
    relayout();
}

void FitLabel::setPixelRange(int minPx, int maxPx)
{
    m_minPx = std::max(1, minPx);
    m_maxPx = std::max(m_minPx, maxPx);
    relayout();
}

void FitLabel::setMaxLines(int lines)
{
    m_maxLines = std::max(1, lines);
    relayout();
}

void FitLabel::setBold(bool bold)
{
    m_bold = bold;
    relayout();
}

void FitLabel::setAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment;
    relayout();
}

void FitLabel::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    update();
}

void FitLabel::setFill(const QColor &fill, int radius)
{
    if (fill == m_fill && radius == m_radius)
        return;
    m_fill = fill;
    m_radius = radius;
    update();
}

void FitLabel::setPadding(int horizontal, int vertical)
{
    m_padX = horizontal;
    m_padY = vertical;
    relayout();
}

QSize FitLabel::sizeHint() const
{
    const QFontMetricsF fm(fontAt(font(), m_maxPx, m_bold));
    return QSize(int(fm.horizontalAdvance(m_text)) + 2 * m_padX, int(fm.height() * m_maxLines) + 2 * m_padY);
}

QSize FitLabel::minimumSizeHint() const
{
    const QFontMetricsF fm(fontAt(font(), m_minPx, m_bold));
    return QSize(int(fm.averageCharWidth() * 4) + 2 * m_padX, int(fm.height()) + 2 * m_padY);
}

void FitLabel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void FitLabel::relayout()
{
    const QRectF room = QRectF(rect()).adjusted(m_padX, m_padY, -m_padX, -m_padY);
    const QString probe = sameWidthDigits(m_text);
    const QString sizing = sameWidthDigits(m_sizingText);
    auto fitsAt = [&](int px) {
        const QFont f = fontAt(font(), px, m_bold);
        // The text itself, and its same-width-digits twin (kerning can make either wider).
        return fitsIn(m_text, f, room.size(), m_maxLines) && fitsIn(probe, f, room.size(), m_maxLines)
               && (sizing.isEmpty() || fitsIn(sizing, f, room.size(), m_maxLines));
    };
    // The largest size that fits: binary search, the fit being monotonic in the size.
    int lo = m_minPx;
    int hi = m_maxPx;
    m_fits = fitsAt(lo);
    if (m_fits) {
        while (lo < hi) {
            const int mid = (lo + hi + 1) / 2;
            if (fitsAt(mid))
                lo = mid;
            else
                hi = mid - 1;
        }
    }
    m_px = lo;

    const QFont f = fontAt(font(), m_px, m_bold);
    const QFontMetricsF fm(f);
    const Measured m = measure(m_text, f, room.width(), m_maxLines);
    m_lines.clear();
    // When the text fits, fitsIn() has already checked its height (with the same half-pixel
    // tolerance); only an overflowing text is cut to the lines the room holds.
    const int roomLines = m_fits ? m_maxLines
                                 : std::max(1, int((room.height() + 0.5 + fm.leading()) / fm.lineSpacing()));
    const int shown = std::min({m.lineCount(), m_maxLines, roomLines});
    for (int i = 0; i < shown; ++i) {
        const auto [start, length] = m.lines.at(i);
        const bool last = i == shown - 1;
        if (last && (!m_fits || shown < m.lineCount())) {
            // Only reached when even the floor size cannot hold the text: say so with an
            // ellipsis rather than cut a word in half. fits() reports it.
            m_lines.append(fm.elidedText(m_text.mid(start).simplified(), Qt::ElideRight, room.width()));
        } else {
            m_lines.append(m_text.mid(start, length).trimmed());
        }
    }

    const qreal blockHeight = shown * fm.lineSpacing() - fm.leading();
    qreal y = room.top();
    if (m_alignment & Qt::AlignVCenter)
        y = room.top() + (room.height() - blockHeight) / 2;
    else if (m_alignment & Qt::AlignBottom)
        y = room.bottom() - blockHeight;
    QRectF bounds;
    for (int i = 0; i < m_lines.size(); ++i) {
        const qreal w = fm.horizontalAdvance(m_lines.at(i));
        qreal x = room.left();
        if (m_alignment & Qt::AlignHCenter)
            x = room.left() + (room.width() - w) / 2;
        else if (m_alignment & Qt::AlignRight)
            x = room.right() - w;
        bounds |= QRectF(x, y + i * fm.lineSpacing(), w, fm.height());
    }
    m_textRect = bounds.toRect();
    m_top = y;
    update();
}

void FitLabel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    if (m_fill.isValid()) {
        p.setPen(Qt::NoPen);
        p.setBrush(m_fill);
        p.drawRoundedRect(rect(), m_radius, m_radius);
    }
    if (m_lines.isEmpty())
        return;
    const QFont f = fontAt(font(), m_px, m_bold);
    const QFontMetricsF fm(f);
    p.setFont(f);
    p.setPen(m_color);
    const QRectF room = QRectF(rect()).adjusted(m_padX, m_padY, -m_padX, -m_padY);
    for (int i = 0; i < m_lines.size(); ++i) {
        const QString &line = m_lines.at(i);
        const qreal w = fm.horizontalAdvance(line);
        qreal x = room.left();
        if (m_alignment & Qt::AlignHCenter)
            x = room.left() + (room.width() - w) / 2;
        else if (m_alignment & Qt::AlignRight)
            x = room.right() - w;
        p.drawText(QPointF(x, m_top + i * fm.lineSpacing() + fm.ascent()), line);
    }
}

} // namespace sitrep
