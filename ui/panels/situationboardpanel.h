#pragma once

#include "domain/estimate.h"
#include "domain/situationitem.h"
#include "store/change.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QSlider;
class QTimer;
class QToolButton;

namespace sitrep {

class BriefingDialog;
class CardDelegate;
class EstimateStrip;
class Services;
class SituationColumnModel;

// The situation board: the estimate across the top (one range, not a pile of cards), then what
// we know, what we don't know, and the plan, each with a line to add to it. Worked from the
// keyboard: Enter edits a card in place, Ctrl+Left/Right moves it to the next column (or drag
// it), A answers an unknown in one step, Space starts and then finishes a plan step, Delete
// removes a card; Left/Right walk between the columns. The slider in the title row (or a
// click on the timeline, through showAsOf) shows the board as it stood at an earlier moment;
// F2 briefs the room.
class SituationBoardPanel final : public QWidget
{
    Q_OBJECT

public:
    SituationBoardPanel(Services &services, QWidget *parent = nullptr);
    ~SituationBoardPanel() override;
    Q_DISABLE_COPY_MOVE(SituationBoardPanel)

    void setIncident(qint64 incidentId);
    void setUtc(bool utc);
    void focusAddLine(SituationColumn column);
    SituationColumnModel *columnModel(SituationColumn column) const;
    QListView *columnView(SituationColumn column) const;
    // For the window's Board menu: brief the room (F2), the board as of… (Ctrl+Shift+H).
    QList<QAction *> boardActions() const { return {m_briefAction, m_historyAction}; }
    std::optional<qint64> asOf() const { return m_asOf; }
    BriefingDialog *briefingDialog() const;
    // The unknown the unknown column's line is answering, 0 when it adds cards.
    qint64 answering() const { return m_answering; }

public Q_SLOTS:
    // The board as it stood at `atMs` (read-only), or live again when empty.
    void showAsOf(std::optional<qint64> atMs);
    void briefTheRoom();
    // Turns the unknown column's line into the answer for this unknown and focuses it.
    void startAnswer(qint64 unknownItemId);

private:
    struct Column
    {
        SituationColumn column = SituationColumn::Known;
        SituationColumnModel *model = nullptr;
        QListView *view = nullptr;
        CardDelegate *delegate = nullptr;
        QLabel *heading = nullptr;
        QLineEdit *add = nullptr;
    };

    // situationboardpanel.cpp: assembling, the estimate, "as of", the briefing.
    QWidget *buildTitleRow();
    QWidget *buildColumn(Column &column);
    void onChanges(const QList<sitrep::Change> &changes);
    void reloadEstimate();
    void reloadHistory();
    void showEstimate();
    void onSlider(int value);
    void updateHeadings();
    void tick();
    void showFeedback(const QString &message, bool error = true);

    // situationboardactions.cpp: what the keys and the add lines do.
    void installCardActions(Column &column);
    bool eventFilter(QObject *watched, QEvent *event) override;
    Column *columnOf(SituationColumn column);
    Column *columnOfView(const QObject *view);
    qint64 currentItem(const Column &column) const;
    void addTo(Column &column);
    void submitEstimate(const QString &line);
    void editCurrent(Column &column);
    void moveCurrent(Column &column, int direction);
    void removeCurrent(Column &column);
    void answerCurrent();
    void advanceCurrent();
    void stepBackCurrent();
    void abandonCurrent();
    void afterStepDone(qint64 stepId);
    void stopAnswering();
    void focusColumn(int index);
    void onRefused(Column &column, const QString &message, const QString &typed);

    Services &m_services;
    qint64 m_incidentId = 0;
    bool m_utc = false;
    QList<Column> m_columns; // known, unknown, plan
    EstimateStrip *m_estimate;
    QLabel *m_feedback;
    QLabel *m_asOfBanner;
    QLabel *m_asOfLabel;
    QSlider *m_slider;
    QToolButton *m_live;
    QLabel *m_answerHint;
    QAction *m_briefAction;
    QAction *m_historyAction;
    QAction *m_liveAction;
    QTimer *m_ticker;
    QPointer<BriefingDialog> m_briefing;

    std::optional<qint64> m_asOf;
    QList<qint64> m_eventTimes; // distinct moments the board changed, oldest first
    QList<Estimate> m_revisions;
    std::optional<qint64> m_restoredAt;
    QList<EstimateAccuracy> m_accuracy;
    qint64 m_answering = 0;
    QString m_savedDraft; // what the unknown line held before it took an answer
};

} // namespace sitrep
