#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace sitrep {

// Paints a checklist step so the whole of it can be read in a narrow pane: the check box (a
// dash when skipped), the step wrapped over as many lines as it needs, indented by its depth,
// and a small line under it with its owner and its time — how long it took, or the countdown
// of its time-box, red once over. Checklist and section rows are painted as usual. A click on
// the box ticks or unticks the step.
class ChecklistDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ChecklistDelegate(QTreeView *view);
    Q_DISABLE_COPY_MOVE(ChecklistDelegate)

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    struct Layout
    {
        QRect box;
        QRect text;
        QRect meta;
        int height = 0;
    };
    static bool isStep(const QModelIndex &index);
    static QString metaText(const QModelIndex &index);
    Layout layOut(const QStyleOptionViewItem &option, const QModelIndex &index, const QRect &cell) const;
    int textWidth(const QModelIndex &index) const;

    QTreeView *m_view;
};

} // namespace sitrep
