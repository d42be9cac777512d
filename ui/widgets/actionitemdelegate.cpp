#include "actionitemdelegate.h"

#include "models/actionitemmodel.h"

#include <QComboBox>

namespace sitrep {

namespace {

// The choices of a column as (label, key) pairs; empty for free text.
QList<std::pair<QString, QString>> choices(int column)
{
    QList<std::pair<QString, QString>> out;
    switch (column) {
    case ActionItemModel::TypeColumn:
        for (ActionKind k : allActionKinds())
            out.append({actionKindLabel(k), actionKindKey(k)});
        break;
    case ActionItemModel::StateColumn:
        for (ActionState s : allActionStates())
            out.append({actionStateLabel(s), actionStateKey(s)});
        break;
    case ActionItemModel::PriorityColumn:
        for (int p = kHighestPriority; p <= kLowestPriority; ++p)
            out.append({priorityLabel(p), QString::number(p)});
        break;
    default: break;
    }
    return out;
}

} // namespace

QWidget *ActionItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto list = choices(index.column());
    if (list.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("actionItemChoice"));
    for (const auto &[label, key] : list)
        combo->addItem(label, key);
    return combo;
}

void ActionItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole).toString())));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ActionItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace sitrep
