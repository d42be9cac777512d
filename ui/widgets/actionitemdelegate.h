#pragma once

#include <QStyledItemDelegate>

namespace sitrep {

// Edits action items in place: a list to pick from for type, priority and state, plain text
// for the rest. Values go to the model by key (ActionItemModel's edit role).
class ActionItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    Q_DISABLE_COPY_MOVE(ActionItemDelegate)

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace sitrep
