// The situation board panel: assembling it, the estimate strip, "as of", and the briefing.
// What the keys do is in situationboardactions.cpp.
#include "situationboardpanel.h"

#include "dialogs/briefingdialog.h"
#include "models/situationcolumnmodel.h"
#include "widgets/carddelegate.h"
#include "widgets/estimatestrip.h"

#include "domain/timeformat.h"
#include "services/services.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sitrep {

namespace {

QString columnHint(SituationColumn column)
{
    switch (column) {
    case SituationColumn::Known: return SituationBoardPanel::tr("Add a fact… (Ctrl+1)");
    case SituationColumn::Unknown: return SituationBoardPanel::tr("Add a question… (Ctrl+2)");
    case SituationColumn::Plan: return SituationBoardPanel::tr("Add a step… (Ctrl+3)");
    case SituationColumn::Estimate: return {};
    }
    return {};
}

QString columnHelp(SituationColumn column)
{
    switch (column) {
    case SituationColumn::Known:
        return SituationBoardPanel::tr("Facts, with who they came from. Enter edits, Ctrl+←/→ moves, Delete removes.");
    case SituationColumn::Unknown:
        return SituationBoardPanel::tr("Questions we need answered. A answers one in one step; Enter edits; "
                                       "Ctrl+←/→ moves.");
    case SituationColumn::Plan:
        return SituationBoardPanel::tr("Steps, contain first. Space starts, then finishes; Shift+Space steps back; "
                                       "Shift+Delete abandons; Enter edits.");
    case SituationColumn::Estimate: return {};
    }
    return {};
}

} // namespace

SituationBoardPanel::SituationBoardPanel(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_estimate(new EstimateStrip(this))
    , m_feedback(new QLabel(this))
    , m_asOfBanner(new QLabel(this))
    , m_asOfLabel(new QLabel(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_live(new QToolButton(this))
    , m_answerHint(new QLabel(this))
    , m_briefAction(new QAction(tr("&Brief the room"), this))
    , m_historyAction(new QAction(tr("Board &as of…"), this))
    , m_liveAction(new QAction(tr("Back to the live board"), this))
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("situationBoard"));
    m_briefAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_briefAction->setShortcutContext(Qt::WindowShortcut);
    m_briefAction->setToolTip(tr("The board as sentences to read out, copied to the clipboard (F2)"));
    connect(m_briefAction, &QAction::triggered, this, &SituationBoardPanel::briefTheRoom);
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_historyAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_historyAction, &QAction::triggered, this, [this] { m_slider->setFocus(Qt::ShortcutFocusReason); });
    m_liveAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_liveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_liveAction->setEnabled(false);
    connect(m_liveAction, &QAction::triggered, this, [this] { showAsOf(std::nullopt); });
    // On the panel too, so F2 and Esc work even where no menu carries them.
    addAction(m_briefAction);
    addAction(m_historyAction);
    addAction(m_liveAction);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(8);
    for (SituationColumn c : {SituationColumn::Known, SituationColumn::Unknown, SituationColumn::Plan}) {
        Column column;
        column.column = c;
        column.model = new SituationColumnModel(services.situation, services.clock(), c, this);
        m_columns.append(column);
    }
    for (Column &column : m_columns) {
        columns->addWidget(buildColumn(column), 1);
        installCardActions(column);
        connect(&services.feed(), &ChangeFeed::changed, column.model, &SituationColumnModel::applyChanges);
        connect(column.model, &QAbstractItemModel::rowsInserted, this, &SituationBoardPanel::updateHeadings);
        connect(column.model, &QAbstractItemModel::rowsRemoved, this, &SituationBoardPanel::updateHeadings);
        connect(column.model, &QAbstractItemModel::modelReset, this, &SituationBoardPanel::updateHeadings);
        if (column.column == SituationColumn::Plan) // the heading counts the open steps
            connect(column.model, &QAbstractItemModel::dataChanged, this, &SituationBoardPanel::updateHeadings);
        const SituationColumn c = column.column;
        connect(column.model, &SituationColumnModel::refused, this, [this, c](const QString &message, const QString &typed) {
            if (Column *col = columnOf(c))
                onRefused(*col, message, typed);
        });
    }
    connect(&services.feed(), &ChangeFeed::changed, this, &SituationBoardPanel::onChanges);
    connect(m_estimate, &EstimateStrip::submitted, this, &SituationBoardPanel::submitEstimate);
    m_estimate->input()->installEventFilter(this);

    m_feedback->setObjectName(QStringLiteral("situationFeedback"));
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::PlainText);
    m_feedback->hide();
    m_asOfBanner->setObjectName(QStringLiteral("asOfBanner"));
    m_asOfBanner->setTextFormat(Qt::PlainText);
    m_asOfBanner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #6d4c00; border: 1px solid #f9a825; "
                                               "border-radius: 3px; padding: 4px 8px; font-weight: bold; }"));
    m_asOfBanner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(buildTitleRow());
    layout->addWidget(m_asOfBanner);
    layout->addWidget(m_estimate);
    layout->addLayout(columns, 1);
    layout->addWidget(m_feedback);

    // Countdowns and need-by times move with the clock; nothing is read from the store here.
    connect(m_ticker, &QTimer::timeout, this, &SituationBoardPanel::tick);
    m_ticker->start(1000);
    setIncident(0);
}

SituationBoardPanel::~SituationBoardPanel()
{
    // Tearing a window down hides it, and an open card editor commits when it loses focus: by
    // then this panel's members are gone, so its models must not call back into it.
    for (const Column &c : std::as_const(m_columns))
        disconnect(c.model, nullptr, this, nullptr);
    m_ticker->stop();
}

QWidget *SituationBoardPanel::buildTitleRow()
{
    auto *row = new QWidget(this);
    auto *title = new QLabel(tr("<b>Situation</b>"), row);
    m_asOfLabel->setObjectName(QStringLiteral("asOfLabel"));
    m_asOfLabel->setTextFormat(Qt::PlainText);
    m_slider->setObjectName(QStringLiteral("asOfSlider"));
    m_slider->setToolTip(tr("Slide back through the board's history: each step is one change. "
                            "Right end, or Esc, is live (Ctrl+Shift+H)"));
    m_slider->setPageStep(1);
    m_slider->setMinimumWidth(120);
    m_live->setObjectName(QStringLiteral("asOfLive"));
    m_live->setText(tr("Back to live"));
    m_live->setToolTip(tr("Back to the live board (Esc)"));
    m_live->hide();
    connect(m_live, &QToolButton::clicked, this, [this] { showAsOf(std::nullopt); });
    connect(m_slider, &QSlider::valueChanged, this, &SituationBoardPanel::onSlider);
    auto *brief = new QToolButton(row);
    brief->setObjectName(QStringLiteral("briefButton"));
    brief->setDefaultAction(m_briefAction);
    brief->setText(tr("Brief the room (F2)"));

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addStretch(1);
    layout->addWidget(new QLabel(tr("History:"), row));
    layout->addWidget(m_slider, 2);
    layout->addWidget(m_asOfLabel);
    layout->addWidget(m_live);
    layout->addSpacing(8);
    layout->addWidget(brief);
    return row;
}

QWidget *SituationBoardPanel::buildColumn(Column &column)
{
    const QString key = situationColumnKey(column.column);
    const QColor color = columnColor(column.column);
    auto *box = new QWidget(this);
    column.heading = new QLabel(box);
    column.heading->setObjectName(QStringLiteral("situationHeading_") + key);
    column.heading->setTextFormat(Qt::PlainText);
    column.heading->setToolTip(columnHelp(column.column));
    column.heading->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; color: %1; border-bottom: 3px solid %1; "
                                                 "padding-bottom: 2px; }")
                                      .arg(color.name()));
    column.view = new QListView(box);
    column.view->setObjectName(QStringLiteral("situationList_") + key);
    column.view->setModel(column.model);
    column.view->setToolTip(columnHelp(column.column));
    column.view->setWordWrap(true);
    column.view->setSpacing(1);
    column.view->setUniformItemSizes(false);
    column.view->setResizeMode(QListView::Adjust);
    column.view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    column.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    column.view->setEditTriggers(QAbstractItemView::DoubleClicked);
    column.view->setSelectionMode(QAbstractItemView::SingleSelection);
    column.view->setDragEnabled(true);
    column.view->setAcceptDrops(true);
    column.view->setDropIndicatorShown(true);
    column.view->setDragDropMode(QAbstractItemView::DragDrop);
    column.view->setDefaultDropAction(Qt::MoveAction);
    column.view->setStyleSheet(QStringLiteral("QListView { background: palette(window); border: none; }"));
    column.delegate = new CardDelegate(column.column, column.view);
    column.view->setItemDelegate(column.delegate);
    column.view->installEventFilter(this);

    column.add = new QLineEdit(box);
    column.add->setObjectName(QStringLiteral("situationAdd_") + key);
    column.add->setPlaceholderText(columnHint(column.column));
    column.add->setToolTip(tr("Enter adds the card. Markers: @owner (known: who said so), by:09:30 (unknowns), "
                              "#contain #fix #verify !risky box:10m answers:12 undo: how to back out (plan steps)"));
    column.add->installEventFilter(this);

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(column.heading);
    layout->addWidget(column.view, 1);
    if (column.column == SituationColumn::Unknown) {
        m_answerHint->setObjectName(QStringLiteral("answerHint"));
        m_answerHint->setWordWrap(true);
        m_answerHint->setTextFormat(Qt::PlainText);
        m_answerHint->setStyleSheet(QStringLiteral("QLabel { background: #e8f5e9; color: #1b5e20; padding: 3px 6px; "
                                                   "font-weight: bold; border-radius: 3px; }"));
        m_answerHint->hide();
        layout->addWidget(m_answerHint);
    }
    layout->addWidget(column.add);
    const SituationColumn c = column.column;
    connect(column.add, &QLineEdit::returnPressed, this, [this, c] {
        if (Column *col = columnOf(c))
            addTo(*col);
    });
    return box;
}

void SituationBoardPanel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_asOf.reset();
    stopAnswering();
    for (const Column &c : std::as_const(m_columns)) {
        c.model->setIncident(incidentId);
        c.add->setEnabled(incidentId != 0);
        c.add->clear();
    }
    m_estimate->input()->setEnabled(incidentId != 0);
    m_feedback->hide();
    m_asOfBanner->hide();
    reloadEstimate();
    reloadHistory();
    updateHeadings();
}

void SituationBoardPanel::setUtc(bool utc)
{
    m_utc = utc;
    for (const Column &c : std::as_const(m_columns))
        c.model->setUtc(utc);
    if (m_asOf)
        showAsOf(m_asOf);
    else
        showEstimate();
}

void SituationBoardPanel::onChanges(const QList<Change> &changes)
{
    bool board = false;
    bool estimate = false;
    bool incident = false;
    for (const Change &c : changes) {
        if (c.incidentId != m_incidentId || m_incidentId == 0)
            continue;
        board = board || c.entity == Entity::Situation || c.entity == Entity::Estimate;
        estimate = estimate || c.entity == Entity::Estimate;
        incident = incident || c.entity == Entity::Incident;
    }
    if (estimate || incident)
        reloadEstimate();
    if (board)
        reloadHistory();
    // The unknown being answered may have gone (answered or removed elsewhere).
    if (m_answering && board) {
        const Result<SituationItem> item = m_services.situation.item(m_answering);
        if (!item || item->column != SituationColumn::Unknown)
            stopAnswering();
    }
}

void SituationBoardPanel::reloadEstimate()
{
    m_revisions.clear();
    m_restoredAt.reset();
    m_accuracy.clear();
    if (m_incidentId) {
        if (const Result<QList<Estimate>> all = m_services.situation.estimates(m_incidentId))
            m_revisions = all.value();
        if (const Result<EstimateReview> review = m_services.situation.estimateReview(m_incidentId)) {
            m_restoredAt = review->restoredAt;
            m_accuracy = review->revisions;
        }
    }
    if (!m_asOf)
        showEstimate();
}

void SituationBoardPanel::showEstimate()
{
    if (m_asOf) {
        // What was known then: the revisions made by that moment, and no verdict yet.
        QList<Estimate> then;
        for (const Estimate &e : std::as_const(m_revisions)) {
            if (e.madeAt <= *m_asOf)
                then.append(e);
        }
        m_estimate->showRevisions(then, nullptr, *m_asOf, m_utc, true);
        return;
    }
    EstimateReview review;
    review.restoredAt = m_restoredAt;
    review.revisions = m_accuracy;
    m_estimate->showRevisions(m_revisions, &review, m_services.clock().nowMs(), m_utc, false);
}

void SituationBoardPanel::reloadHistory()
{
    m_eventTimes.clear();
    if (m_incidentId) {
        if (const Result<QList<BoardEvent>> events = m_services.situation.history(m_incidentId)) {
            for (const BoardEvent &e : events.value()) {
                if (m_eventTimes.isEmpty() || m_eventTimes.constLast() != e.at)
                    m_eventTimes.append(e.at);
            }
        }
    }
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, int(m_eventTimes.size()));
    m_slider->setEnabled(!m_eventTimes.isEmpty());
    if (!m_asOf) {
        m_slider->setValue(m_slider->maximum());
        m_asOfLabel->setText(tr("Live"));
    } else {
        // The slider counts the moments the board changed by then.
        const auto after = std::upper_bound(m_eventTimes.cbegin(), m_eventTimes.cend(), *m_asOf);
        m_slider->setValue(int(after - m_eventTimes.cbegin()));
    }
}

void SituationBoardPanel::onSlider(int value)
{
    // Position k is the board after its first k changes: 0 is before anything was on it, the
    // right end is live.
    if (value >= m_eventTimes.size())
        showAsOf(std::nullopt);
    else if (value == 0)
        showAsOf(m_eventTimes.constFirst() - 1);
    else
        showAsOf(m_eventTimes.at(value - 1));
}

void SituationBoardPanel::showAsOf(std::optional<qint64> atMs)
{
    if (!m_incidentId)
        atMs.reset();
    if (atMs) {
        const Result<BoardSnapshot> snapshot = m_services.situation.boardAsOf(m_incidentId, *atMs);
        if (!snapshot) {
            showFeedback(snapshot.error().message);
            return;
        }
        stopAnswering();
        m_asOf = atMs;
        for (Column &c : m_columns) {
            const BoardSnapshot &b = snapshot.value();
            c.model->showSnapshot(c.column == SituationColumn::Known     ? b.known
                                  : c.column == SituationColumn::Unknown ? b.unknown
                                                                         : b.plan);
            c.add->setEnabled(false);
        }
        m_estimate->input()->setEnabled(false);
        const QString when = m_utc ? formatDateTime(*atMs, true) : formatDateTime(*atMs, false);
        m_asOfBanner->setText(tr("The board as it stood at %1 — read-only. Esc or “Back to live” returns to now.").arg(when));
        m_asOfBanner->show();
        m_asOfLabel->setText(formatClockTime(*atMs, m_utc));
    } else {
        const bool wasAsOf = m_asOf.has_value();
        m_asOf.reset();
        for (Column &c : m_columns) {
            c.model->showLive();
            c.add->setEnabled(m_incidentId != 0);
        }
        m_estimate->input()->setEnabled(m_incidentId != 0);
        m_asOfBanner->hide();
        m_asOfLabel->setText(tr("Live"));
        if (wasAsOf && columnView(SituationColumn::Known))
            columnView(SituationColumn::Known)->setFocus();
    }
    m_live->setVisible(m_asOf.has_value());
    m_liveAction->setEnabled(m_asOf.has_value());
    reloadHistory(); // puts the slider where the board now is
    showEstimate();
    updateHeadings();
}

void SituationBoardPanel::updateHeadings()
{
    for (const Column &c : std::as_const(m_columns)) {
        int open = c.model->rowCount();
        if (c.column == SituationColumn::Plan) {
            open = 0;
            for (int row = 0; row < c.model->rowCount(); ++row) {
                const QString state = c.model->index(row).data(SituationColumnModel::StateRole).toString();
                open += state == QLatin1String("todo") || state == QLatin1String("doing") ? 1 : 0;
            }
        }
        c.heading->setText(tr("%1 (%2)").arg(situationColumnLabel(c.column).toUpper()).arg(open));
    }
}

void SituationBoardPanel::tick()
{
    if (m_asOf)
        return;
    for (const Column &c : std::as_const(m_columns))
        c.model->refreshTimes();
    showEstimate();
}

void SituationBoardPanel::briefTheRoom()
{
    if (!m_incidentId) {
        showFeedback(tr("Open an incident first: there is no board to brief from."));
        return;
    }
    const Result<QString> text = m_services.situation.briefing(m_incidentId, m_asOf, m_utc);
    if (!text) {
        showFeedback(text.error().message);
        return;
    }
    if (!m_briefing) {
        m_briefing = new BriefingDialog(this);
        m_briefing->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_briefing->setBriefing(m_asOf ? tr("As the board stood at %1").arg(formatClockTime(*m_asOf, m_utc))
                                   : tr("Read this out, or paste it where the room is listening."),
                            text.value());
    m_briefing->show();
    m_briefing->raise();
    m_briefing->activateWindow();
}

void SituationBoardPanel::showFeedback(const QString &message, bool error)
{
    m_feedback->setStyleSheet(error ? QStringLiteral("color: #c62828; font-weight: bold;")
                                    : QStringLiteral("color: #1b5e20;"));
    m_feedback->setText(message);
    m_feedback->setVisible(!message.isEmpty());
}

BriefingDialog *SituationBoardPanel::briefingDialog() const
{
    return m_briefing;
}

SituationColumnModel *SituationBoardPanel::columnModel(SituationColumn column) const
{
    for (const Column &c : m_columns) {
        if (c.column == column)
            return c.model;
    }
    return nullptr;
}

QListView *SituationBoardPanel::columnView(SituationColumn column) const
{
    for (const Column &c : m_columns) {
        if (c.column == column)
            return c.view;
    }
    return nullptr;
}

} // namespace sitrep
