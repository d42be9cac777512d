#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>

namespace sitrep {

// A read-only text for the wall that takes the largest font that fits its rectangle, between
// a floor and a ceiling, instead of being clipped or elided: a number read from five metres
// must be whole. A ticking value keeps its size (digits are measured as the same width, and a
// sizing text like "0:00:00" can hold the size steady), so nothing jumps or reflows when it
// changes, and only a real change repaints.
class FitLabel final : public QWidget
{
    Q_OBJECT

public:
    explicit FitLabel(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(FitLabel)

    void setText(const QString &text);
    const QString &text() const { return m_original; }
    // The font is sized for this text too when it is wider than the real one.
    void setSizingText(const QString &text);
    void setPixelRange(int minPx, int maxPx);
    void setMaxLines(int lines);
    void setBold(bool bold);
    void setAlignment(Qt::Alignment alignment);
    void setColor(const QColor &color);
    // A rounded background behind the text; an invalid colour draws none.
    void setFill(const QColor &fill, int radius = 0);
    void setPadding(int horizontal, int vertical);

    int minPixelSize() const { return m_minPx; }
    int pixelSize() const { return m_px; }
    // True when the whole text is shown at pixelSize(): nothing clipped, nothing elided.
    bool fits() const { return m_fits; }
    int lineCount() const { return int(m_lines.size()); }
    // The lines as drawn.
    const QStringList &lines() const { return m_lines; }
    // Where the text is drawn, in this widget's coordinates.
    QRect textRect() const { return m_textRect; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();

    QString m_original; // as given
    QString m_text;     // as laid out
    QString m_sizingText;
    int m_minPx = 28;
    int m_maxPx = 28;
    int m_maxLines = 1;
    bool m_bold = false;
    Qt::Alignment m_alignment = Qt::AlignLeft | Qt::AlignVCenter;
    QColor m_color = Qt::white;
    QColor m_fill;
    int m_radius = 0;
    int m_padX = 0;
    int m_padY = 0;

    int m_px = 28;
    bool m_fits = true;
    QStringList m_lines;
    QRect m_textRect;
    qreal m_top = 0; // the first line's top, unrounded
};

} // namespace sitrep
