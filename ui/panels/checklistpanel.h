#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QTreeView;

namespace sitrep {

class Services;
class ChecklistModel;

// The runbooks attached to the incident as checklists, with overall progress. Space ticks the
// selected item.
class ChecklistPanel final : public QWidget
{
    Q_OBJECT

public:
    ChecklistPanel(Services &services, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChecklistPanel)

    void setIncident(qint64 incidentId);
    ChecklistModel *model() const { return m_model; }

private:
    void tickCurrent();
    void showProgress(int done, int total);

    Services &m_services;
    ChecklistModel *m_model;
    QTreeView *m_view;
    QProgressBar *m_progress;
    QLabel *m_feedback;
    QLabel *m_empty;
};

} // namespace sitrep
