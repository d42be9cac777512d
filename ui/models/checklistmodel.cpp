#include "checklistmodel.h"

#include "domain/timeformat.h"
#include "services/checklistservice.h"

#include <QFont>

namespace sitrep {

ChecklistModel::ChecklistModel(ChecklistService &service, QObject *parent) : QAbstractItemModel(parent), m_service(service)
{
}

void ChecklistModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    const Result<QList<Checklist>> lists = incidentId ? m_service.checklists(incidentId) : Result<QList<Checklist>>(QList<Checklist>{});
    m_lists = lists ? lists.value() : QList<Checklist>{};
    endResetModel();
    Q_EMIT progressChanged(doneCount(), itemCount());
}

int ChecklistModel::itemCount() const
{
    int n = 0;
    for (const Checklist &c : m_lists)
        n += int(c.items.size());
    return n;
}

int ChecklistModel::doneCount() const
{
    int n = 0;
    for (const Checklist &c : m_lists)
        n += c.doneCount();
    return n;
}

QModelIndex ChecklistModel::nextOpenItem() const
{
    for (int l = 0; l < m_lists.size(); ++l) {
        const QList<ChecklistItem> &items = m_lists.at(l).items;
        for (int i = 0; i < items.size(); ++i) {
            if (items.at(i).state == ChecklistItemState::Open)
                return createIndex(i, 0, quintptr(l));
        }
    }
    return {};
}

QModelIndex ChecklistModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex ChecklistModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId()), 0, kTopLevel);
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_lists.size());
    if (parent.internalId() == kTopLevel && parent.column() == 0)
        return int(m_lists.at(parent.row()).items.size());
    return 0;
}

int ChecklistModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopLevel) {
        const Checklist &c = m_lists.at(index.row());
        if (role == Qt::DisplayRole)
            return tr("%1 (%2/%3)").arg(c.name).arg(c.doneCount()).arg(c.items.size());
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    const ChecklistItem &item = m_lists.at(int(index.internalId())).items.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return item.text;
    case Qt::CheckStateRole:
        return item.state == ChecklistItemState::Open ? Qt::Unchecked : Qt::Checked;
    case Qt::ToolTipRole:
        if (item.doneAt)
            return tr("%1 by %2 at %3").arg(checklistItemStateKey(item.state), item.doneBy, formatClockTime(*item.doneAt));
        return item.section;
    case Qt::FontRole:
        if (item.state == ChecklistItemState::Skipped) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case ItemIdRole: return item.id;
    case StateRole: return checklistItemStateKey(item.state);
    }
    return {};
}

void ChecklistModel::applyChanges(const QList<Change> &changes)
{
    bool progress = false;
    for (const Change &c : changes) {
        if (c.incidentId != m_incidentId || m_incidentId == 0)
            continue;
        if (c.entity == Entity::Checklist && c.operation == Operation::Insert) {
            const Result<QList<Checklist>> lists = m_service.checklists(m_incidentId);
            if (!lists)
                continue;
            for (const Checklist &list : lists.value()) {
                if (list.id != c.entityId)
                    continue;
                const int row = int(m_lists.size());
                beginInsertRows({}, row, row);
                m_lists.append(list);
                endInsertRows();
                progress = true;
            }
        } else if (c.entity == Entity::ChecklistItem) {
            const Result<QList<Checklist>> lists = m_service.checklists(m_incidentId);
            if (!lists)
                continue;
            for (int l = 0; l < m_lists.size(); ++l) {
                for (int i = 0; i < m_lists[l].items.size(); ++i) {
                    if (m_lists[l].items[i].id != c.entityId)
                        continue;
                    for (const Checklist &fresh : lists.value()) {
                        if (fresh.id == m_lists[l].id && i < fresh.items.size())
                            m_lists[l].items[i] = fresh.items.at(i);
                    }
                    const QModelIndex item = index(i, 0, index(l, 0));
                    Q_EMIT dataChanged(item, item);
                    Q_EMIT dataChanged(index(l, 0), index(l, 0));
                    progress = true;
                }
            }
        }
    }
    if (progress)
        Q_EMIT progressChanged(doneCount(), itemCount());
}

} // namespace sitrep
