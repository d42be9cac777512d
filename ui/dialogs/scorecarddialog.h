#pragma once

#include "domain/drillrun.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace sitrep {

class Services;

// A drill's scorecard: each expectation met or missed with the measured time, then every run of
// the same scenario side by side, oldest first, each cell marked faster or slower than the run
// before, so a team sees whether practice is paying off.
class ScorecardDialog final : public QDialog
{
    Q_OBJECT

public:
    ScorecardDialog(Services &services, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ScorecardDialog)

    // Shows this run's scorecard and the scenario's history. False when it is not a drill run.
    bool showRun(qint64 incidentId);

    QTableWidget *scorecardTable() const { return m_card; }
    QTableWidget *comparisonTable() const { return m_comparison; }

private:
    void fillCard(const Scorecard &card);
    void fillComparison(const QList<DrillRun> &runs, qint64 currentRun);

    Services &m_services;
    QLabel *m_title;
    QLabel *m_summary;
    QTableWidget *m_card;
    QLabel *m_historyTitle;
    QTableWidget *m_comparison;
};

} // namespace sitrep
