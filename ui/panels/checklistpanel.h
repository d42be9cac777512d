#pragma once

#include <QStringList>
#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QProgressBar;
class QTreeView;
class QUrl;

namespace sitrep {

class Services;
class ChecklistModel;

// The runbooks attached to the incident as checklists, with overall progress. Space ticks the
// selected step (or unticks a ticked one), S skips it with a reason, the arrows move; the next
// open step of each checklist is highlighted. Dropping runbook files (.md) onto the pane
// imports them into the library and attaches them to the incident.
class ChecklistPanel final : public QWidget
{
    Q_OBJECT

public:
    // Asks why a step is skipped; tests replace it to answer without a modal dialog.
    using SkipPrompt = std::function<std::optional<QString>(QWidget *parent, const QString &step)>;

    ChecklistPanel(Services &services, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChecklistPanel)

    void setIncident(qint64 incidentId);
    ChecklistModel *model() const { return m_model; }
    void setSkipPrompt(SkipPrompt prompt) { m_skipPrompt = std::move(prompt); }

    // Imports runbook files into the library and attaches each to the open incident.
    void importFiles(const QStringList &paths);
    // Opens the runbook library (not modal: it can stay open beside the war room).
    void openLibrary();

    void tickCurrent();
    void skipCurrent();
    void untickCurrent();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    static QStringList runbookFiles(const QList<QUrl> &urls);
    void showProgress(int done, int total);
    void showFeedback(const QString &text, bool error);
    void moveToNextOpen(const QModelIndex &from);
    void refreshDrillMark();

    Services &m_services;
    ChecklistModel *m_model;
    QTreeView *m_view;
    QProgressBar *m_progress;
    QLabel *m_drill;
    QLabel *m_feedback;
    QLabel *m_empty;
    SkipPrompt m_skipPrompt;
};

} // namespace sitrep
