#include "situationcolumnmodel.h"

#include "services/situationservice.h"

namespace sitrep {

SituationColumnModel::SituationColumnModel(SituationService &service, SituationColumn column, QObject *parent)
    : QAbstractListModel(parent), m_service(service), m_column(column)
{
}

void SituationColumnModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_items.clear();
    if (incidentId) {
        const Result<QList<SituationItem>> all = m_service.items(incidentId);
        if (all) {
            for (const SituationItem &i : all.value()) {
                if (i.column == m_column)
                    m_items.append(i);
            }
        }
    }
    endResetModel();
}

int SituationColumnModel::rowOfItem(qint64 id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return row;
    }
    return -1;
}

int SituationColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant SituationColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SituationItem &i = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return i.owner.isEmpty() ? i.text : tr("%1 — %2").arg(i.text, i.owner);
    case Qt::ToolTipRole: return i.text;
    case ItemIdRole: return i.id;
    case OwnerRole: return i.owner;
    case StateRole: return i.state;
    }
    return {};
}

void SituationColumnModel::applyChanges(const QList<Change> &changes)
{
    for (const Change &c : changes) {
        if (c.entity != Entity::Situation || c.incidentId != m_incidentId || m_incidentId == 0)
            continue;
        const Result<SituationItem> item = m_service.item(c.entityId);
        const int row = rowOfItem(c.entityId);
        const bool belongs = item && item->column == m_column;
        if (row >= 0 && !belongs) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        } else if (row >= 0) {
            m_items[row] = item.value();
            Q_EMIT dataChanged(index(row), index(row));
        } else if (belongs) {
            const int at = int(m_items.size());
            beginInsertRows({}, at, at);
            m_items.append(item.value());
            endInsertRows();
        }
    }
}

} // namespace sitrep
