#include "checklistpanel.h"

#include "models/checklistmodel.h"

#include "services/services.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace sitrep {

ChecklistPanel::ChecklistPanel(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_model(new ChecklistModel(services.checklists, this))
    , m_view(new QTreeView(this))
    , m_progress(new QProgressBar(this))
    , m_feedback(new QLabel(this))
    , m_empty(new QLabel(tr("No checklist attached yet."), this))
{
    setObjectName(QStringLiteral("checklistPanel"));
    m_view->setObjectName(QStringLiteral("checklistView"));
    m_progress->setObjectName(QStringLiteral("checklistProgress"));
    auto *title = new QLabel(tr("<b>Checklists</b>"), this);
    m_view->setModel(m_model);
    m_view->header()->hide();
    m_view->setWordWrap(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(false);
    m_progress->setFormat(tr("%v of %m done"));
    m_feedback->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_feedback->setWordWrap(true);
    m_feedback->hide();
    m_empty->setObjectName(QStringLiteral("checklistEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *tick = new QAction(tr("Tick"), m_view);
    tick->setShortcut(Qt::Key_Space);
    tick->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(tick);
    connect(tick, &QAction::triggered, this, &ChecklistPanel::tickCurrent);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_progress);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_feedback);

    connect(&services.feed(), &ChangeFeed::changed, m_model, &ChecklistModel::applyChanges);
    connect(m_model, &ChecklistModel::progressChanged, this, &ChecklistPanel::showProgress);
    showProgress(0, 0);
}

void ChecklistPanel::setIncident(qint64 incidentId)
{
    m_model->setIncident(incidentId);
    m_view->expandAll();
    m_view->setCurrentIndex(m_model->nextOpenItem());
    m_feedback->hide();
}

void ChecklistPanel::showProgress(int done, int total)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    m_progress->setVisible(total > 0);
    m_empty->setVisible(total == 0);
    m_view->expandAll();
}

void ChecklistPanel::tickCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const QVariant id = current.data(ChecklistModel::ItemIdRole);
    if (!id.isValid())
        return;
    const Result<ChecklistItem> ticked = m_services.checklists.tick(id.toLongLong());
    if (!ticked) {
        m_feedback->setText(ticked.error().message);
        m_feedback->show();
        return;
    }
    m_feedback->hide();
    m_view->setCurrentIndex(m_model->nextOpenItem());
}

} // namespace sitrep
