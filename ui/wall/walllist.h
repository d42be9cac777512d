#pragma once

#include "walltheme.h"

#include <QList>
#include <QRectF>
#include <QStringList>
#include <QWidget>
#include <optional>

namespace sitrep {

// One line of a wall list: an optional left column (a time, a role), the text, an optional
// right-aligned figure ("3/8") and an optional progress bar under it.
struct WallListItem
{
    QString lead;
    QString text;
    QString trail;
    WallTone tone = WallTone::Normal;
    WallTone leadTone = WallTone::Dim;
    std::optional<qreal> progress; // 0..1

    friend bool operator==(const WallListItem &, const WallListItem &) = default;
};

// A read-only list for the wall at one legible text size. It shows as many whole items as fit,
// in order, and says "+N more" for the rest rather than shrinking text below legibility or
// cutting an item off at the bottom edge. A long item wraps up to a few lines.
class WallList final : public QWidget
{
    Q_OBJECT

public:
    explicit WallList(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WallList)

    void setItems(const QList<WallListItem> &items);
    const QList<WallListItem> &items() const { return m_items; }
    void setTheme(const WallTheme &theme);
    void setPixelSize(int px);
    void setMaxLinesPerItem(int lines);
    void setEmptyText(const QString &text);

    int pixelSize() const { return m_px; }
    int shownCount() const { return int(m_placed.size()); }
    int hiddenCount() const { return int(m_items.size()) - shownCount(); }
    // "+3 more", or empty when everything is shown.
    QString moreText() const;
    // What each shown item reads (lead and text), in order.
    QStringList shownTexts() const;
    // Shown items whose text needed more than the allowed lines (their last line ends in "…").
    int truncatedCount() const;
    // Where each shown item, and the "+N more" line, is drawn, in this widget's coordinates.
    QList<QRect> itemRects() const;
    QRect moreRect() const { return m_moreRect.toAlignedRect(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Placed
    {
        int index = 0;
        QRectF rect;
        QStringList lines;
        bool truncated = false;
    };

    void relayout();

    QList<WallListItem> m_items;
    WallTheme m_theme = WallTheme::dark();
    int m_px = 30;
    int m_maxLines = 2;
    QString m_emptyText;
    qreal m_leadWidth = 0;
    qreal m_trailWidth = 0;
    QList<Placed> m_placed;
    QRectF m_moreRect;
};

} // namespace sitrep
