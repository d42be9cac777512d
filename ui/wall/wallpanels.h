#pragma once

#include "walltheme.h"

#include <QWidget>

class QVBoxLayout;

namespace sitrep {

class FitLabel;
class WallList;

// A rounded, filled block of the wall. Painting its own fill (rather than a style sheet)
// keeps a tile that turns red from restyling, and so relaying out, its children.
class WallPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WallPanel(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WallPanel)

    void setFill(const QColor &fill);
    const QColor &fill() const { return m_fill; }
    void setRadius(int radius);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_fill;
    int m_radius = 0;
};

// A key figure: a heading, the number itself as large as fits, and a line under it.
class WallTile final : public WallPanel
{
    Q_OBJECT

public:
    WallTile(const QString &objectName, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WallTile)

    FitLabel *heading() const { return m_heading; }
    FitLabel *value() const { return m_value; }
    FitLabel *note() const { return m_note; }
    // Sizes for a screen `unit` times the design height; colours from the theme, or on a
    // coloured fill (overdue, deadline close) the text colour readable on it.
    void applyScale(qreal unit);
    void setColors(const WallTheme &theme, const QColor &fill);

private:
    QVBoxLayout *m_layout;
    FitLabel *m_heading;
    FitLabel *m_value;
    FitLabel *m_note;
};

// A column of the wall: a heading over a list that says "+N more" for what does not fit.
class WallColumn final : public WallPanel
{
    Q_OBJECT

public:
    WallColumn(const QString &objectName, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WallColumn)

    FitLabel *heading() const { return m_heading; }
    WallList *list() const { return m_list; }
    void applyScale(qreal unit);
    void setTheme(const WallTheme &theme);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Placed by hand: the heading is one line of a fixed size, the list gets exactly the rest.
    void place();

    qreal m_unit = 1;
    FitLabel *m_heading;
    WallList *m_list;
};

// Design sizes (pixels at 1080 lines) shared by the wall's parts.
namespace WallSize {
inline constexpr qreal Margin = 20;
inline constexpr qreal Gap = 16;
inline constexpr qreal Radius = 10;
inline constexpr qreal PanelPadding = 16;
inline constexpr qreal Heading = 28;  // the floor: headings are dimmer, not smaller
inline constexpr qreal Body = 30;
inline constexpr qreal Note = 29;
inline constexpr qreal KeyMin = 70;   // 6.5% of the height: over the 6% floor with rounding to spare
inline constexpr qreal KeyMax = 120;
} // namespace WallSize

inline int wallPx(qreal designPx, qreal unit)
{
    return qRound(designPx * unit);
}

} // namespace sitrep

namespace sitrep {

// "DRILL" written across the whole wall, faintly, over everything: nobody glancing at the
// screen can take a drill for the real thing. Lets every click through; draws nothing else.
class WallDrillMark final : public QWidget
{
    Q_OBJECT

public:
    explicit WallDrillMark(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WallDrillMark)

    QString text() const;
    void setColor(const QColor &color);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_color;
};

} // namespace sitrep
