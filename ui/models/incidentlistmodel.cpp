#include "incidentlistmodel.h"

#include "services/incidentservice.h"
#include "severitycolors.h"

#include <QSet>

namespace sitrep {

IncidentListModel::IncidentListModel(IncidentService &service, QObject *parent)
    : QAbstractListModel(parent), m_service(service)
{
    reload();
}

void IncidentListModel::reload()
{
    beginResetModel();
    const Result<QList<Incident>> all = m_service.list();
    m_incidents = all ? all.value() : QList<Incident>{};
    endResetModel();
}

int IncidentListModel::rowOfIncident(qint64 id) const
{
    for (int row = 0; row < m_incidents.size(); ++row) {
        if (m_incidents.at(row).id == id)
            return row;
    }
    return -1;
}

int IncidentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_incidents.size());
}

QVariant IncidentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Incident &i = m_incidents.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // A drill must never be mistaken for the real thing, even in a glance at the list.
        if (i.drill)
            return tr("DRILL · %1 · %2\n%3").arg(severityLabel(i.severity), statusLabel(i.status), i.title);
        return tr("%1 · %2\n%3").arg(severityLabel(i.severity), statusLabel(i.status), i.title);
    case Qt::ToolTipRole:
        return tr("%1\nid %2").arg(i.title, uuidText(i.uuid));
    case Qt::DecorationRole:
        return severityColor(i.severity);
    case IncidentIdRole: return i.id;
    case SeverityRole: return severityNumber(i.severity);
    case StatusRole: return statusKey(i.status);
    }
    return {};
}

void IncidentListModel::applyChanges(const QList<Change> &changes)
{
    QSet<qint64> touched;
    for (const Change &c : changes) {
        if (c.incidentId != 0)
            touched.insert(c.incidentId);
    }
    for (qint64 id : std::as_const(touched)) {
        const Result<Incident> incident = m_service.find(id);
        if (!incident)
            continue;
        const int row = rowOfIncident(id);
        if (row < 0) {
            beginInsertRows({}, 0, 0);
            m_incidents.prepend(incident.value());
            endInsertRows();
        } else {
            m_incidents[row] = incident.value();
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
}

} // namespace sitrep
