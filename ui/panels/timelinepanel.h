#pragma once

#include "dialogs/entrydialogs.h"

#include "domain/timelineentry.h"

#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QTableView;
class QUndoStack;

namespace sitrep {

class QuickEntryLine;
class QuickEntryExecutor;
class Services;
class TimelineFilterBar;
class TimelineModel;

// The live timeline, its filter, and the quick-entry line under it. Enter carries out the
// line (docs/quick-entry.md); a failure keeps the text in the line and says why. Entries are
// pinned, corrected and retracted from here, never deleted.
class TimelinePanel final : public QWidget
{
    Q_OBJECT

public:
    // Dialogs that tests answer without a modal loop.
    using EditPrompt = std::function<std::optional<EntryCorrection>(QWidget *, const TimelineEntry &, bool utc)>;
    using ReasonPrompt = std::function<std::optional<QString>(QWidget *, const TimelineEntry &)>;
    using HistoryViewer = std::function<void(QWidget *, const TimelineEntry &, const QList<TimelineEdit> &, bool utc)>;

    TimelinePanel(Services &services, QUndoStack &undo, QWidget *parent = nullptr);
    ~TimelinePanel() override;
    Q_DISABLE_COPY_MOVE(TimelinePanel)

    void setIncident(qint64 incidentId);
    void setUtc(bool utc);
    void focusQuickEntry();
    // Scrolls to an entry and selects it, clearing a filter that hides it.
    void showEntry(qint64 entryId);
    TimelineModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setEditPrompt(EditPrompt prompt) { m_editPrompt = std::move(prompt); }
    void setReasonPrompt(ReasonPrompt prompt) { m_reasonPrompt = std::move(prompt); }
    void setHistoryViewer(HistoryViewer viewer) { m_historyViewer = std::move(viewer); }

    void togglePinSelected();
    void toggleInternalSelected();
    void editSelected();
    void retractSelected();
    void showHistoryOfSelected();

Q_SIGNALS:
    // The reader picked an entry: other panes may show the moment it happened.
    void entryActivated(qint64 entryId, qint64 at);

private:
    void submit();
    void recallLast();
    void cancelRecall();
    void showFeedback(const QString &text, bool error);
    void followNewRows(int first);
    std::optional<TimelineEntry> selectedEntry() const;
    void refreshAuthors();

    Services &m_services;
    QUndoStack &m_undo;
    std::unique_ptr<QuickEntryExecutor> m_executor;
    qint64 m_incidentId = 0;
    bool m_utc = false;
    std::optional<qint64> m_lastLogged; // the last entry logged here, for Up to recall
    std::optional<qint64> m_correcting; // set while the line holds a recalled entry
    TimelineFilterBar *m_filter;
    TimelineModel *m_model;
    QTableView *m_view;
    QuickEntryLine *m_entry;
    QLabel *m_feedback;
    EditPrompt m_editPrompt;
    ReasonPrompt m_reasonPrompt;
    HistoryViewer m_historyViewer;
};

} // namespace sitrep
