#pragma once

#include "domain/incident.h"
#include "store/change.h"

#include <QAbstractListModel>

namespace sitrep {

class IncidentService;

// The incident switcher's list: most recently active first.
class IncidentListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IncidentIdRole = Qt::UserRole + 1, SeverityRole, StatusRole };

    explicit IncidentListModel(IncidentService &service, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(IncidentListModel)

    void reload();
    int rowOfIncident(qint64 id) const;
    const Incident &incidentAt(int row) const { return m_incidents.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void applyChanges(const QList<sitrep::Change> &changes);

private:
    IncidentService &m_service;
    QList<Incident> m_incidents;
};

} // namespace sitrep
