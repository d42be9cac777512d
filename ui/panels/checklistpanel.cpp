#include "checklistpanel.h"

#include "dialogs/runbooklibrarydialog.h"
#include "models/checklistmodel.h"
#include "widgets/checklistdelegate.h"

#include "services/services.h"

#include <QAction>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace sitrep {

namespace {

std::optional<QString> askReason(QWidget *parent, const QString &step)
{
    bool ok = false;
    const QString reason = QInputDialog::getText(parent, ChecklistPanel::tr("Skip a step"),
                                                 ChecklistPanel::tr("Why is “%1” skipped?").arg(step), QLineEdit::Normal,
                                                 QString(), &ok);
    if (!ok)
        return std::nullopt;
    return reason;
}

} // namespace

ChecklistPanel::ChecklistPanel(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_model(new ChecklistModel(services.checklists, services.clock(), this))
    , m_view(new QTreeView(this))
    , m_progress(new QProgressBar(this))
    , m_drill(new QLabel(tr("DRILL"), this))
    , m_feedback(new QLabel(this))
    , m_empty(new QLabel(tr("No checklist attached yet. Drop a runbook (.md) here, or open the runbook library."), this))
    , m_skipPrompt(askReason)
{
    setObjectName(QStringLiteral("checklistPanel"));
    setAcceptDrops(true);
    m_view->setObjectName(QStringLiteral("checklistView"));
    m_progress->setObjectName(QStringLiteral("checklistProgress"));
    m_feedback->setObjectName(QStringLiteral("checklistFeedback"));
    m_drill->setObjectName(QStringLiteral("checklistDrill"));
    m_drill->setStyleSheet(QStringLiteral("background: #6a1b9a; color: white; font-weight: bold; padding: 1px 6px;"));
    m_drill->hide();
    auto *title = new QLabel(tr("<b>Checklists</b>"), this);
    auto *library = new QPushButton(tr("Runbooks…"), this);
    library->setObjectName(QStringLiteral("runbookLibraryButton"));
    library->setToolTip(tr("The runbook library: import, edit, export, attach, and what each severity gets on declare"));
    library->setFlat(true);

    m_view->setModel(m_model);
    m_view->setItemDelegate(new ChecklistDelegate(m_view));
    m_view->header()->hide();
    // One wide column: the delegate draws each step's owner and time under its text, so a
    // narrow pane still shows every word of every step.
    m_view->setColumnHidden(ChecklistModel::OwnerColumn, true);
    m_view->setColumnHidden(ChecklistModel::TimeColumn, true);
    m_view->header()->setStretchLastSection(true);
    m_view->setWordWrap(true);
    // Wrapped steps change height with the pane's width.
    connect(m_view->header(), &QHeaderView::sectionResized, m_view, [this] { m_view->doItemsLayout(); });
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(false);
    m_view->setIndentation(12);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_progress->setFormat(tr("%v of %m done"));
    m_feedback->setWordWrap(true);
    m_feedback->hide();
    m_empty->setObjectName(QStringLiteral("checklistEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *tick = new QAction(tr("Tick / untick"), m_view);
    tick->setShortcut(Qt::Key_Space);
    auto *skip = new QAction(tr("Skip…"), m_view);
    skip->setShortcut(Qt::Key_S);
    auto *untick = new QAction(tr("Untick"), m_view);
    untick->setShortcut(Qt::Key_Backspace);
    for (QAction *a : {tick, skip, untick}) {
        a->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(a);
    }
    connect(tick, &QAction::triggered, this, &ChecklistPanel::tickCurrent);
    connect(skip, &QAction::triggered, this, &ChecklistPanel::skipCurrent);
    connect(untick, &QAction::triggered, this, &ChecklistPanel::untickCurrent);
    connect(library, &QPushButton::clicked, this, &ChecklistPanel::openLibrary);
    connect(m_view, &QTreeView::doubleClicked, this, [](const QModelIndex &index) {
        const QString link = index.data(ChecklistModel::LinkRole).toString();
        if (!link.isEmpty())
            QDesktopServices::openUrl(QUrl(link));
    });

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(m_drill);
    top->addStretch(1);
    top->addWidget(library);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_progress);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_feedback);

    connect(&services.feed(), &ChangeFeed::changed, m_model, &ChecklistModel::applyChanges);
    connect(&services.feed(), &ChangeFeed::changed, this, [this](const QList<Change> &changes) {
        for (const Change &c : changes) {
            if (c.entity == Entity::Incident && c.entityId == m_model->incident())
                refreshDrillMark();
        }
    });
    connect(m_model, &ChecklistModel::progressChanged, this, &ChecklistPanel::showProgress);
    connect(m_model, &ChecklistModel::actionFailed, this, [this](const QString &message) { showFeedback(message, true); });
    showProgress(0, 0);
}

void ChecklistPanel::setIncident(qint64 incidentId)
{
    m_model->setIncident(incidentId);
    m_view->expandAll();
    m_view->setCurrentIndex(m_model->nextOpenItem());
    m_feedback->hide();
    refreshDrillMark();
}

void ChecklistPanel::refreshDrillMark()
{
    const qint64 id = m_model->incident();
    const Result<Incident> incident = id ? m_services.incidents.find(id) : Result<Incident>(notFound(QString()));
    m_drill->setVisible(incident && incident->drill);
}

void ChecklistPanel::showProgress(int done, int total)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    m_progress->setVisible(total > 0);
    m_empty->setVisible(total == 0);
    m_view->expandAll();
}

void ChecklistPanel::showFeedback(const QString &text, bool error)
{
    m_feedback->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
    m_feedback->setText(text);
    m_feedback->setVisible(!text.isEmpty());
}

void ChecklistPanel::moveToNextOpen(const QModelIndex &from)
{
    const QModelIndex next = m_model->nextOpenItemAfter(from);
    if (next.isValid())
        m_view->setCurrentIndex(next);
}

void ChecklistPanel::tickCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const std::optional<ChecklistItem> item = m_model->itemAt(current);
    if (!item)
        return;
    const bool done = item->state == ChecklistItemState::Done;
    const Result<ChecklistItem> changed = done ? m_services.checklists.untick(item->id) : m_services.checklists.tick(item->id);
    if (!changed) {
        showFeedback(changed.error().message, true);
        return;
    }
    m_feedback->hide();
    if (!done)
        moveToNextOpen(m_model->indexOfItem(item->id));
}

void ChecklistPanel::skipCurrent()
{
    const std::optional<ChecklistItem> item = m_model->itemAt(m_view->currentIndex());
    if (!item)
        return;
    // Refuse before asking: a reason typed for nothing is a keystroke wasted.
    if (const auto refused = checkChecklistAction(*item, ChecklistAction::Skip, QStringLiteral("?"))) {
        showFeedback(*refused, true);
        return;
    }
    const std::optional<QString> reason = m_skipPrompt(this, item->text);
    if (!reason)
        return;
    const Result<ChecklistItem> skipped = m_services.checklists.skip(item->id, *reason);
    if (!skipped) {
        showFeedback(skipped.error().message, true);
        return;
    }
    m_feedback->hide();
    moveToNextOpen(m_model->indexOfItem(item->id));
}

void ChecklistPanel::untickCurrent()
{
    const std::optional<ChecklistItem> item = m_model->itemAt(m_view->currentIndex());
    if (!item)
        return;
    const Result<ChecklistItem> reopened = m_services.checklists.untick(item->id);
    if (!reopened)
        showFeedback(reopened.error().message, true);
    else
        m_feedback->hide();
}

QStringList ChecklistPanel::runbookFiles(const QList<QUrl> &urls)
{
    QStringList paths;
    for (const QUrl &url : urls) {
        const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
        if (url.isLocalFile() && (suffix == QLatin1String("md") || suffix == QLatin1String("markdown")
                                  || suffix == QLatin1String("txt")))
            paths.append(url.toLocalFile());
    }
    return paths;
}

void ChecklistPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !runbookFiles(event->mimeData()->urls()).isEmpty())
        event->acceptProposedAction();
}

void ChecklistPanel::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls() && !runbookFiles(event->mimeData()->urls()).isEmpty())
        event->acceptProposedAction();
}

void ChecklistPanel::dropEvent(QDropEvent *event)
{
    const QStringList paths = event->mimeData()->hasUrls() ? runbookFiles(event->mimeData()->urls()) : QStringList();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(paths);
}

void ChecklistPanel::importFiles(const QStringList &paths)
{
    QStringList done;
    QStringList problems;
    const qint64 incident = m_model->incident();
    for (const QString &path : paths) {
        const Result<RunbookImport> imported = m_services.runbooks.importFile(path);
        if (!imported) {
            problems.append(imported.error().message);
            continue;
        }
        const LibraryRunbook &r = imported->runbook;
        for (const RunbookWarning &w : imported->warnings)
            problems.append(tr("%1: %2").arg(QFileInfo(path).fileName(), w.toString()));
        if (!incident) {
            done.append(tr("Imported “%1” (%2 steps) into the library.").arg(r.name).arg(r.itemCount));
            continue;
        }
        const Result<Checklist> attached = m_services.runbooks.attachToIncident(incident, r.slug);
        if (attached)
            done.append(tr("Imported “%1” (%2 steps) and attached it.").arg(r.name).arg(r.itemCount));
        else
            problems.append(tr("Imported “%1” into the library; %2").arg(r.name, attached.error().message));
    }
    showFeedback((done + problems).join(QLatin1Char('\n')), !problems.isEmpty());
    if (done.isEmpty() && problems.isEmpty())
        m_feedback->hide();
}

void ChecklistPanel::openLibrary()
{
    auto *dialog = findChild<RunbookLibraryDialog *>();
    if (!dialog) {
        dialog = new RunbookLibraryDialog(m_services, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->setIncident(m_model->incident());
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace sitrep
