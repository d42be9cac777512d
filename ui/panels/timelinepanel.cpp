#include "timelinepanel.h"

#include "models/timelinemodel.h"
#include "panels/timelinefilterbar.h"
#include "undo/undoablechange.h"
#include "widgets/quickentryline.h"

#include "services/quickentryexecutor.h"
#include "services/services.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace sitrep {

TimelinePanel::TimelinePanel(Services &services, QUndoStack &undo, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_undo(undo)
    , m_executor(std::make_unique<QuickEntryExecutor>(services))
    , m_filter(new TimelineFilterBar(this))
    , m_model(new TimelineModel(services.timeline, this))
    , m_view(new QTableView(this))
    , m_entry(new QuickEntryLine(this))
    , m_feedback(new QLabel(this))
    , m_editPrompt(promptForCorrection)
    , m_reasonPrompt(promptForRetractReason)
    , m_historyViewer(showEntryHistory)
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_entry->setObjectName(QStringLiteral("quickEntry"));
    m_feedback->setObjectName(QStringLiteral("quickEntryFeedback"));

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep a 100,000-row timeline cheap to scroll: no row is measured.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(TimelineModel::TimeColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) + 16);
    header->resizeSection(TimelineModel::KindColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Communication")) + 8);
    header->resizeSection(TimelineModel::AuthorColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Priya N.")) + 8);
    header->setStretchLastSection(true);

    m_entry->setPlaceholderText(tr("What just happened?  ! decision  > action  ? unknown  + known  * pin  /status …"));
    m_entry->setClearButtonEnabled(true);
    m_entry->setEnabled(false);
    m_feedback->setWordWrap(true);
    m_feedback->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_entry);
    layout->addWidget(m_feedback);

    auto addAction = [this](const QString &text, const QKeySequence &key, void (TimelinePanel::*slot)()) {
        auto *action = new QAction(text, m_view);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_view->addAction(action);
    };
    addAction(tr("Pin / unpin"), QKeySequence(Qt::Key_P), &TimelinePanel::togglePinSelected);
    addAction(tr("Internal: keep off the wall and updates"), QKeySequence(Qt::Key_I), &TimelinePanel::toggleInternalSelected);
    addAction(tr("Correct text or time…"), QKeySequence(Qt::Key_E), &TimelinePanel::editSelected);
    addAction(tr("Retract…"), QKeySequence(Qt::Key_Delete), &TimelinePanel::retractSelected);
    addAction(tr("Edit history…"), QKeySequence(Qt::Key_H), &TimelinePanel::showHistoryOfSelected);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_entry, &QuickEntryLine::returnPressed, this, &TimelinePanel::submit);
    connect(m_entry, &QuickEntryLine::recallRequested, this, &TimelinePanel::recallLast);
    connect(m_entry, &QuickEntryLine::cancelRequested, this, &TimelinePanel::cancelRecall);
    connect(m_filter, &TimelineFilterBar::filterChanged, this, [this](const TimelineFilter &filter) {
        m_model->setFilter(filter);
        m_view->scrollToBottom();
    });
    connect(&services.feed(), &ChangeFeed::changed, m_model, &TimelineModel::applyChanges);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int) { followNewRows(first); });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT entryActivated(index.data(TimelineModel::EntryIdRole).toLongLong(), index.data(TimelineModel::AtRole).toLongLong());
    });
}

TimelinePanel::~TimelinePanel() = default;

void TimelinePanel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_lastLogged.reset();
    cancelRecall();
    m_filter->reset();
    m_model->setFilter({});
    m_model->setIncident(incidentId);
    refreshAuthors();
    // Open at the newest entries; only the last page is read.
    m_view->scrollToBottom();
    m_entry->setEnabled(incidentId != 0);
    m_feedback->hide();
}

void TimelinePanel::refreshAuthors()
{
    if (m_incidentId == 0)
        return;
    const Result<QStringList> authors = m_services.timeline.authors(m_incidentId);
    if (authors)
        m_filter->setAuthors(authors.value());
}

void TimelinePanel::setUtc(bool utc)
{
    m_utc = utc;
    m_model->setUtc(utc);
}

void TimelinePanel::focusQuickEntry()
{
    m_entry->setFocus(Qt::ShortcutFocusReason);
    m_entry->selectAll();
}

void TimelinePanel::showEntry(qint64 entryId)
{
    int row = m_model->rowOfEntry(entryId);
    if (row < 0 && !m_model->filter().isEmpty()) {
        m_filter->reset();
        m_model->setFilter({});
        row = m_model->rowOfEntry(entryId);
    }
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, TimelineModel::TextColumn);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->setCurrentIndex(index);
}

void TimelinePanel::followNewRows(int first)
{
    // Keep following the newest entry only when the reader was already at the bottom.
    const QScrollBar *bar = m_view->verticalScrollBar();
    if (first >= m_model->rowCount() - 1 && bar->value() >= bar->maximum() - 3 * m_view->verticalHeader()->defaultSectionSize())
        m_view->scrollToBottom();
}

void TimelinePanel::submit()
{
    if (m_incidentId == 0)
        return;
    const auto reporter = [this](const QString &message) { showFeedback(message, message.startsWith(tr("Could not"))); };
    if (m_correcting) {
        const Result<TimelineEntry> current = m_services.timeline.entry(*m_correcting);
        if (!current) {
            showFeedback(current.error().message, true);
            return;
        }
        const Result<TimelineEntry> edited = m_services.timeline.edit(*m_correcting, m_entry->text(), current->at);
        if (!edited) {
            showFeedback(edited.error().message, true);
            return;
        }
        cancelRecall();
        showFeedback(tr("Corrected; the earlier wording is kept in the entry's history."), false);
        return;
    }
    const Result<QuickOutcome> outcome = m_executor->execute(m_incidentId, m_entry->text());
    if (!outcome) {
        showFeedback(outcome.error().message, true);
        return;
    }
    if (outcome->entryId)
        m_lastLogged = outcome->entryId;
    if (UndoableChange *command = UndoableChange::forQuickEntry(m_services, m_incidentId, outcome.value(), reporter))
        m_undo.push(command);
    m_entry->clear();
    if (outcome->action == QuickAction::LogEntry)
        m_feedback->hide();
    else
        showFeedback(outcome->summary, false);
    refreshAuthors();
    m_view->scrollToBottom();
}

void TimelinePanel::recallLast()
{
    if (!m_lastLogged)
        return;
    const Result<TimelineEntry> entry = m_services.timeline.entry(*m_lastLogged);
    if (!entry || entry->isRetracted())
        return;
    m_correcting = entry->id;
    m_entry->setText(entry->text);
    showFeedback(tr("Correcting your last entry: Enter saves, Esc cancels."), false);
}

void TimelinePanel::cancelRecall()
{
    if (!m_correcting)
        return;
    m_correcting.reset();
    m_entry->clear();
    m_feedback->hide();
}

void TimelinePanel::showFeedback(const QString &text, bool error)
{
    m_feedback->setText(text);
    m_feedback->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: palette(mid);"));
    m_feedback->show();
}

std::optional<TimelineEntry> TimelinePanel::selectedEntry() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const TimelineEntry *entry = m_model->entryAt(current.row());
    if (!entry)
        return std::nullopt;
    return *entry;
}

void TimelinePanel::togglePinSelected()
{
    const std::optional<TimelineEntry> entry = selectedEntry();
    if (!entry)
        return;
    const Result<TimelineEntry> pinned = m_services.timeline.setPinned(entry->id, !entry->pinned);
    if (!pinned) {
        showFeedback(pinned.error().message, true);
        return;
    }
    m_undo.push(UndoableChange::forPin(m_services, entry->id, pinned->pinned,
                                       [this](const QString &message) { showFeedback(message, false); }));
}

void TimelinePanel::toggleInternalSelected()
{
    const std::optional<TimelineEntry> entry = selectedEntry();
    if (!entry)
        return;
    const Result<TimelineEntry> changed = m_services.timeline.setInternal(entry->id, !entry->internal);
    if (!changed)
        showFeedback(changed.error().message, true);
    else
        showFeedback(changed->internal ? tr("Internal: the wall and stakeholder updates will not show it.")
                                       : tr("No longer internal."), false);
}

void TimelinePanel::editSelected()
{
    const std::optional<TimelineEntry> entry = selectedEntry();
    if (!entry)
        return;
    const std::optional<EntryCorrection> correction = m_editPrompt(this, *entry, m_utc);
    if (!correction)
        return;
    const Result<TimelineEntry> edited = m_services.timeline.edit(entry->id, correction->text, correction->at);
    if (!edited)
        showFeedback(edited.error().message, true);
    else
        showEntry(edited->id);
}

void TimelinePanel::retractSelected()
{
    const std::optional<TimelineEntry> entry = selectedEntry();
    if (!entry)
        return;
    const std::optional<QString> reason = m_reasonPrompt(this, *entry);
    if (!reason)
        return;
    const Result<TimelineEntry> retracted = m_services.timeline.retract(entry->id, *reason);
    if (!retracted)
        showFeedback(retracted.error().message, true);
}

void TimelinePanel::showHistoryOfSelected()
{
    const std::optional<TimelineEntry> entry = selectedEntry();
    if (!entry)
        return;
    const Result<QList<TimelineEdit>> edits = m_services.timeline.edits(entry->id);
    if (!edits) {
        showFeedback(edits.error().message, true);
        return;
    }
    m_historyViewer(this, *entry, edits.value(), m_utc);
}

} // namespace sitrep
