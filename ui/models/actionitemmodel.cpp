#include "actionitemmodel.h"

#include "services/services.h"
#include "store/postmortemrepository.h"

#include <QColor>

namespace sitrep {

ActionItemModel::ActionItemModel(Services &services, QObject *parent) : QAbstractTableModel(parent), m_services(services)
{
    connect(&services.feed(), &ChangeFeed::changed, this, &ActionItemModel::onChanges);
}

void ActionItemModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_items.clear();
    if (incidentId) {
        if (Result<QList<ActionItem>> items = m_services.postmortems.actionItems(incidentId))
            m_items = std::move(items).value();
    }
    endResetModel();
}

int ActionItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ActionItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionItemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const ActionItem &a = m_items.at(index.row());
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case TextColumn: return a.text;
        case OwnerColumn: return a.owner;
        case TypeColumn: return actionKindKey(a.kind);
        case PriorityColumn: return a.priority;
        case DueColumn: return dueDateText(a.due);
        case TrackerColumn: return a.tracker;
        case StateColumn: return actionStateKey(a.state);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TextColumn: return a.text;
        case OwnerColumn: return a.owner;
        case TypeColumn: return actionKindLabel(a.kind);
        case PriorityColumn: return priorityLabel(a.priority);
        case DueColumn: return dueDateText(a.due);
        case TrackerColumn: return a.tracker;
        case StateColumn: return actionStateLabel(a.state);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == TextColumn)
        return a.text;
    // Finished work recedes; what is still owed stays in full colour.
    if (role == Qt::ForegroundRole && a.isClosed())
        return QColor(0x75, 0x75, 0x75);
    return {};
}

QVariant ActionItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TextColumn: return tr("Action");
    case OwnerColumn: return tr("Owner");
    case TypeColumn: return tr("Type");
    case PriorityColumn: return tr("Priority");
    case DueColumn: return tr("Due");
    case TrackerColumn: return tr("Tracker");
    case StateColumn: return tr("State");
    }
    return {};
}

Qt::ItemFlags ActionItemModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ActionItemModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_items.size())
        return false;
    ActionItem edited = m_items.at(index.row());
    const QString text = value.toString();
    switch (index.column()) {
    case TextColumn: edited.text = text; break;
    case OwnerColumn: edited.owner = text; break;
    case TrackerColumn: edited.tracker = text; break;
    case TypeColumn:
        if (const auto kind = parseActionKind(text)) {
            edited.kind = *kind;
            break;
        }
        Q_EMIT problem(tr("\"%1\" is not prevent, mitigate, detect or repair.").arg(text));
        return false;
    case StateColumn:
        if (const auto state = parseActionState(text)) {
            edited.state = *state;
            break;
        }
        Q_EMIT problem(tr("\"%1\" is not a state of an action item.").arg(text));
        return false;
    case PriorityColumn:
        if (const auto priority = parsePriority(text)) {
            edited.priority = *priority;
            break;
        }
        Q_EMIT problem(tr("Priority \"%1\" is not one of P1 to P4.").arg(text));
        return false;
    case DueColumn:
        if (const auto due = parseDueDate(text)) {
            edited.due = *due;
            break;
        }
        Q_EMIT problem(tr("\"%1\" is not a date like 2026-12-01.").arg(text));
        return false;
    default: return false;
    }
    const Result<ActionItem> saved = m_services.postmortems.updateActionItem(edited);
    if (!saved) {
        Q_EMIT problem(saved.error().message);
        return false;
    }
    // The change feed brings the stored row; show it now as well, in case the feed is quiet.
    m_items[index.row()] = saved.value();
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

int ActionItemModel::rowOf(qint64 id) const
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == id)
            return int(i);
    }
    return -1;
}

void ActionItemModel::onChanges(const QList<Change> &changes)
{
    for (const Change &c : changes) {
        if (c.entity != Entity::ActionItem || c.incidentId != m_incidentId || m_incidentId == 0)
            continue;
        const int row = rowOf(c.entityId);
        if (c.operation == Operation::Delete) {
            if (row >= 0) {
                beginRemoveRows({}, row, row);
                m_items.removeAt(row);
                endRemoveRows();
            }
            continue;
        }
        const Result<ActionItem> item = m_services.postmortems.actionItem(c.entityId);
        if (!item)
            continue;
        if (row >= 0) {
            if (m_items.at(row) != item.value()) {
                m_items[row] = item.value();
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        // New items go where their position puts them (the end, unless reordered elsewhere).
        int at = int(m_items.size());
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (m_items.at(i).position > item->position) {
                at = int(i);
                break;
            }
        }
        beginInsertRows({}, at, at);
        m_items.insert(at, item.value());
        endInsertRows();
    }
}

} // namespace sitrep
