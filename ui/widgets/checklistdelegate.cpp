#include "checklistdelegate.h"

#include "models/checklistmodel.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QTreeView>

namespace sitrep {

namespace {

constexpr int kPad = 3;
constexpr int kGap = 6;
constexpr int kDepthIndent = 14;

QFont smaller(const QFont &font)
{
    QFont f = font;
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

} // namespace

ChecklistDelegate::ChecklistDelegate(QTreeView *view) : QStyledItemDelegate(view), m_view(view) {}

bool ChecklistDelegate::isStep(const QModelIndex &index)
{
    return index.column() == ChecklistModel::StepColumn && index.data(ChecklistModel::ItemIdRole).isValid();
}

QString ChecklistDelegate::metaText(const QModelIndex &index)
{
    const QString owner = index.siblingAtColumn(ChecklistModel::OwnerColumn).data().toString();
    const QString time = index.siblingAtColumn(ChecklistModel::TimeColumn).data().toString();
    if (owner.isEmpty() || time.isEmpty())
        return owner + time;
    return owner + QStringLiteral(" · ") + time;
}

int ChecklistDelegate::textWidth(const QModelIndex &index) const
{
    // The view's column width minus the tree's indentation of this level: what a step has.
    const int column = m_view->columnWidth(ChecklistModel::StepColumn);
    const int level = index.parent().isValid() ? 2 : 1;
    return std::max(80, column - level * m_view->indentation());
}

ChecklistDelegate::Layout ChecklistDelegate::layOut(const QStyleOptionViewItem &option, const QModelIndex &index,
                                                    const QRect &cell) const
{
    const QStyle *style = m_view->style();
    const int boxSize = style->pixelMetric(QStyle::PM_IndicatorWidth, &option, m_view);
    const QString display = index.data(Qt::DisplayRole).toString();
    const int indent = index.data(ChecklistModel::DepthRole).toInt() * kDepthIndent;

    Layout l;
    const int left = cell.left() + kPad + indent;
    l.box = QRect(left, cell.top() + kPad + 1, boxSize, boxSize);
    const int textLeft = l.box.right() + kGap;
    const int width = std::max(40, cell.right() - kPad - textLeft);
    QFont font = option.font;
    if (const QVariant f = index.data(Qt::FontRole); f.isValid())
        font = f.value<QFont>();
    const QFontMetrics fm(font);
    const QRect textBounds = fm.boundingRect(QRect(0, 0, width, 10'000), Qt::TextWordWrap, display.trimmed());
    l.text = QRect(textLeft, cell.top() + kPad, width, textBounds.height());
    const QString meta = metaText(index);
    const int metaHeight = meta.isEmpty() ? 0 : QFontMetrics(smaller(option.font)).height();
    l.meta = QRect(textLeft, l.text.bottom() + 1, width, metaHeight);
    l.height = std::max(l.box.height(), l.text.height() + metaHeight) + 2 * kPad + 1;
    return l;
}

QSize ChecklistDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!isStep(index))
        return QStyledItemDelegate::sizeHint(option, index);
    const int width = textWidth(index);
    const Layout l = layOut(option, index, QRect(0, 0, width, 10'000));
    return {width, l.height};
}

void ChecklistDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!isStep(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout l = layOut(opt, index, opt.rect);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();

    // Background: the selection, else the highlight of the next open step.
    if (selected)
        painter->fillRect(opt.rect, opt.palette.brush(m_view->hasFocus() ? QPalette::Active : QPalette::Inactive,
                                                      QPalette::Highlight));
    else if (const QVariant background = index.data(Qt::BackgroundRole); background.isValid())
        painter->fillRect(opt.rect, background.value<QColor>());

    QStyleOptionButton box;
    box.rect = l.box;
    box.state = QStyle::State_Enabled;
    const int check = index.data(Qt::CheckStateRole).toInt();
    box.state |= check == Qt::Checked ? QStyle::State_On : check == Qt::PartiallyChecked ? QStyle::State_NoChange : QStyle::State_Off;
    m_view->style()->drawPrimitive(QStyle::PE_IndicatorCheckBox, &box, painter, m_view);

    QColor text = selected ? opt.palette.color(QPalette::HighlightedText) : opt.palette.color(QPalette::Text);
    if (const QVariant fg = index.data(Qt::ForegroundRole); fg.isValid() && !selected)
        text = fg.value<QColor>();
    painter->setFont(opt.font);
    painter->setPen(text);
    painter->drawText(l.text, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, index.data().toString().trimmed());

    const QString meta = metaText(index);
    if (!meta.isEmpty()) {
        QColor metaColor = selected ? opt.palette.color(QPalette::HighlightedText) : QColor(0x75, 0x75, 0x75);
        const QVariant timeColor = index.siblingAtColumn(ChecklistModel::TimeColumn).data(Qt::ForegroundRole);
        if (!selected && timeColor.isValid() && timeColor.value<QColor>() != QColor(0x75, 0x75, 0x75))
            metaColor = timeColor.value<QColor>(); // overdue: the whole line turns red
        QFont small = smaller(opt.font);
        small.setBold(index.data(ChecklistModel::DueAtRole).isValid());
        painter->setFont(small);
        painter->setPen(metaColor);
        painter->drawText(l.meta, Qt::AlignLeft | Qt::AlignTop, meta);
    }
    painter->restore();
}

bool ChecklistDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    if (!isStep(index) || event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto *mouse = static_cast<QMouseEvent *>(event);
    const Layout l = layOut(option, index, option.rect);
    if (mouse->button() != Qt::LeftButton || !l.box.adjusted(-3, -3, 3, 3).contains(mouse->position().toPoint()))
        return false;
    const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

} // namespace sitrep
