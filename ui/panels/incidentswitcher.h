#pragma once

#include <QWidget>

class QListView;

namespace sitrep {

class IncidentListModel;
class Services;

// The list of incidents down the left: pick one to open it; the button declares a new one.
class IncidentSwitcher final : public QWidget
{
    Q_OBJECT

public:
    IncidentSwitcher(Services &services, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(IncidentSwitcher)

    void select(qint64 incidentId);
    IncidentListModel *model() const { return m_model; }

Q_SIGNALS:
    void incidentSelected(qint64 incidentId);
    void declareRequested();

private:
    IncidentListModel *m_model;
    QListView *m_view;
};

} // namespace sitrep
