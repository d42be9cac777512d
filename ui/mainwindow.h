#pragma once

#include "services/incidentservice.h"

#include <QMainWindow>
#include <QUndoStack>
#include <functional>
#include <optional>

namespace sitrep {

class ChecklistPanel;
class DrillController;
class HeaderStrip;
class IncidentSwitcher;
class MetricsStrip;
class ReportActions;
class SearchDialog;
class TimeRibbonWidget;
class Services;
class SituationBoardPanel;
class StakeholderUpdates;
class WallPresenter;
class TimelinePanel;

// The war-room window. It only assembles the panels and the actions; each panel owns its view
// and its model.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // Asks the user for a new incident; tests replace it to answer without a modal dialog.
    using DeclarePrompt = std::function<std::optional<DeclareRequest>(QWidget *parent)>;

    explicit MainWindow(Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    void openIncident(qint64 incidentId);
    qint64 currentIncident() const { return m_incidentId; }
    void setDeclarePrompt(DeclarePrompt prompt) { m_declarePrompt = std::move(prompt); }
    void declareIncident();
    void openSearch();
    SearchDialog *searchDialog() const { return m_search; }

    TimelinePanel *timelinePanel() const { return m_timeline; }
    QUndoStack *undoStack() const { return m_undo; }
    SituationBoardPanel *situationPanel() const { return m_board; }
    ChecklistPanel *checklistPanel() const { return m_checklists; }
    DrillController *drills() const { return m_drills; }
    HeaderStrip *headerStrip() const { return m_header; }
    StakeholderUpdates *stakeholderUpdates() const { return m_updates; }
    ReportActions *reportActions() const { return m_reports; }
    WallPresenter *wallPresenter() const { return m_wall; }

private:
    void createActions();
    void createHelpMenu();
    void report(const Result<Incident> &result);
    void refreshHeader();
    void onChanges(const QList<sitrep::Change> &changes);

    Services &m_services;
    qint64 m_incidentId = 0;
    bool m_utc = false;
    DeclarePrompt m_declarePrompt;
    QUndoStack *m_undo;
    IncidentSwitcher *m_switcher;
    HeaderStrip *m_header;
    MetricsStrip *m_metrics;
    TimeRibbonWidget *m_ribbon;
    SearchDialog *m_search = nullptr;
    TimelinePanel *m_timeline;
    SituationBoardPanel *m_board;
    ChecklistPanel *m_checklists;
    DrillController *m_drills = nullptr;
    StakeholderUpdates *m_updates = nullptr;
    ReportActions *m_reports = nullptr;
    WallPresenter *m_wall = nullptr;
};

} // namespace sitrep
