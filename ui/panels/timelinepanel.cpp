#include "timelinepanel.h"

#include "models/timelinemodel.h"

#include "services/services.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace sitrep {

TimelinePanel::TimelinePanel(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_model(new TimelineModel(services.timeline, this))
    , m_view(new QTableView(this))
    , m_entry(new QLineEdit(this))
    , m_feedback(new QLabel(this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_entry->setObjectName(QStringLiteral("quickEntry"));
    m_feedback->setObjectName(QStringLiteral("quickEntryFeedback"));

    auto *title = new QLabel(tr("<b>Timeline</b>"), this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::TimeColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::KindColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TimelineModel::AuthorColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_entry->setPlaceholderText(tr("What just happened? Enter logs it (Ctrl+L to come back here)"));
    m_entry->setClearButtonEnabled(true);
    m_entry->setEnabled(false);
    m_feedback->setWordWrap(true);
    m_feedback->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_entry);
    layout->addWidget(m_feedback);

    connect(m_entry, &QLineEdit::returnPressed, this, &TimelinePanel::submit);
    connect(&services.feed(), &ChangeFeed::changed, m_model, &TimelineModel::applyChanges);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int) { followNewRows(first); });
}

void TimelinePanel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_model->setIncident(incidentId);
    // Open at the newest entries: load pages until the end is in memory.
    while (m_model->canFetchMore({}))
        m_model->fetchMore({});
    m_view->scrollToBottom();
    m_entry->setEnabled(incidentId != 0);
    m_feedback->hide();
}

void TimelinePanel::setUtc(bool utc)
{
    m_model->setUtc(utc);
}

void TimelinePanel::focusQuickEntry()
{
    m_entry->setFocus(Qt::ShortcutFocusReason);
    m_entry->selectAll();
}

void TimelinePanel::followNewRows(int first)
{
    // Keep following the newest entry only when the reader was already at the bottom.
    const QScrollBar *bar = m_view->verticalScrollBar();
    if (first >= m_model->rowCount() - 1 && bar->value() >= bar->maximum() - 40)
        m_view->scrollToBottom();
}

void TimelinePanel::submit()
{
    if (m_incidentId == 0)
        return;
    LogRequest request;
    request.incidentId = m_incidentId;
    request.text = m_entry->text();
    request.source = EntrySource::Typed;
    const Result<TimelineEntry> entry = m_services.timeline.log(request);
    if (!entry) {
        showFeedback(entry.error().message, true);
        return;
    }
    m_entry->clear();
    m_feedback->hide();
    m_view->scrollToBottom();
}

void TimelinePanel::showFeedback(const QString &text, bool error)
{
    m_feedback->setText(text);
    m_feedback->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_feedback->show();
}

} // namespace sitrep
