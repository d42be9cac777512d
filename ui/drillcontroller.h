#pragma once

#include "dialogs/drillstartdialog.h"
#include "dialogs/scorecarddialog.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

class QLabel;
class QMenuBar;
class QAction;
class QPushButton;
class QWidget;

namespace sitrep {

class DrillPlayer;
class Services;

// Drills in the window: the Drill menu (run a drill, end it, show a scorecard), the live
// indicator in the header (DRILL, scenario time, what comes next, End), the player that plays
// the scenario on the services' clock, and the scorecard when the run is over.
class DrillController final : public QObject
{
    Q_OBJECT

public:
    // Asks what to rehearse; tests replace it to answer without a modal dialog.
    using StartPrompt = std::function<std::optional<DrillChoice>(QWidget *parent)>;

    DrillController(Services &services, std::function<qint64()> currentIncident, QWidget *window);
    Q_DISABLE_COPY_MOVE(DrillController)

    void addMenu(QMenuBar *menuBar);
    QWidget *indicator() const { return m_indicator; }
    void setStartPrompt(StartPrompt prompt) { m_startPrompt = std::move(prompt); }

    void startDrill();
    void endDrill();
    // The scorecard of the open incident when it is a drill run.
    void showScorecard();

    DrillPlayer *player() const { return m_player; }
    ScorecardDialog *scorecard() const { return m_scorecard; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void drillStarted(qint64 incidentId);

private:
    void refresh();
    void fail(const QString &message);
    void openScorecard(qint64 incidentId);

    Services &m_services;
    std::function<qint64()> m_currentIncident;
    QWidget *m_window;
    StartPrompt m_startPrompt;
    DrillPlayer *m_player = nullptr;
    QPointer<ScorecardDialog> m_scorecard;
    QWidget *m_indicator;
    QLabel *m_status;
    QPushButton *m_end;
    QAction *m_startAction = nullptr;
    QAction *m_endAction = nullptr;
    QTimer m_refresh;
    QString m_lastError;
};

} // namespace sitrep
