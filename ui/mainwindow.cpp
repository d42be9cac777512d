#include "mainwindow.h"

#include "dialogs/declaredialog.h"
#include "dialogs/milestonesdialog.h"
#include "dialogs/rolesdialog.h"
#include "dialogs/searchdialog.h"
#include "drillcontroller.h"
#include "panels/checklistpanel.h"
#include "panels/headerstrip.h"
#include "panels/incidentswitcher.h"
#include "panels/metricsstrip.h"
#include "panels/situationboardpanel.h"
#include "panels/timelinepanel.h"
#include "reportactions.h"
#include "stakeholderupdates.h"
#include "wall/wallpresenter.h"
#include "widgets/timeribbonwidget.h"

#include "services/declarerunbooks.h"
#include "services/services.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QInputDialog>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace sitrep {

namespace {

std::optional<DeclareRequest> askWithDialog(QWidget *parent)
{
    DeclareDialog dialog(QDateTime::currentMSecsSinceEpoch(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.request();
}

} // namespace

MainWindow::MainWindow(Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_declarePrompt(askWithDialog)
    , m_undo(new QUndoStack(this))
    , m_switcher(new IncidentSwitcher(services, this))
    , m_header(new HeaderStrip(services.clock(), this))
    , m_metrics(new MetricsStrip(services.clock(), this))
    , m_ribbon(new TimeRibbonWidget(services.clock(), this))
    , m_timeline(new TimelinePanel(services, *m_undo, this))
    , m_board(new SituationBoardPanel(services, this))
    , m_checklists(new ChecklistPanel(services, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Sitrep"));

    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->setObjectName(QStringLiteral("panes"));
    panes->setChildrenCollapsible(false);
    panes->addWidget(m_timeline);
    panes->addWidget(m_board);
    panes->addWidget(m_checklists);
    panes->setStretchFactor(0, 5);
    panes->setStretchFactor(1, 6);
    panes->setStretchFactor(2, 2);
    // Proportions, scaled to the real width when shown: the record widest, then the board.
    panes->setSizes({470, 430, 280});

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_header);
    rightLayout->addWidget(m_metrics);
    rightLayout->addWidget(m_ribbon);
    rightLayout->addWidget(panes, 1);

    auto *outer = new QSplitter(Qt::Horizontal, this);
    outer->setChildrenCollapsible(false);
    outer->addWidget(m_switcher);
    outer->addWidget(right);
    outer->setStretchFactor(0, 0);
    outer->setStretchFactor(1, 1);
    outer->setSizes({200, 1400});
    outer->setContentsMargins(6, 6, 6, 6);
    setCentralWidget(outer);

    // The home directory as "~": shorter, and what people type.
    QString storePath = services.database()->path();
    if (storePath.startsWith(QDir::homePath() + QLatin1Char('/')))
        storePath = QStringLiteral("~") + storePath.mid(QDir::homePath().size());
    statusBar()->showMessage(tr("Store: %1").arg(QDir::toNativeSeparators(storePath)));
    // The wall display (View → Wall display) and its "on the wall" mark in the header.
    m_wall = new WallPresenter(services, this);
    createActions();
    m_header->addIndicator(m_wall->indicator());
    // Runbooks and drills: the severity's runbooks attach on declare; the Drill menu and indicator.
    new DeclareRunbookAttacher(services.runbooks, services.feed(), this);
    m_drills = new DrillController(services, [this] { return m_incidentId; }, this);
    m_drills->addMenu(menuBar());
    m_header->addIndicator(m_drills->indicator());
    connect(m_drills, &DrillController::drillStarted, this, &MainWindow::openIncident);
    // Stakeholder updates: the Updates menu (Ctrl+M), the next-update countdown, the outbox.
    m_updates = new StakeholderUpdates(services, this);
    m_updates->populateMenu(menuBar()->addMenu(tr("&Updates")));
    m_header->addIndicator(m_updates->indicator());
    // Reports: the postmortem editor (Ctrl+Shift+P), exports and import.
    m_reports = new ReportActions(services, this);
    m_reports->populateMenu(menuBar()->addMenu(tr("&Report")));
    connect(m_reports, &ReportActions::incidentImported, this, &MainWindow::openIncident);
    QAction *library = menuBar()->addMenu(tr("&Checklists"))->addAction(tr("Runbook &library…"), m_checklists,
                                                                        &ChecklistPanel::openLibrary);
    library->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));

    connect(m_ribbon, &TimeRibbonWidget::entryClicked, m_timeline, &TimelinePanel::showEntry);
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        m_metrics->refresh();
        m_ribbon->update();
    });
    tick->start(1000);
    // A click on the timeline shows the board as it stood at that moment (Esc returns to live).
    connect(m_timeline, &TimelinePanel::entryActivated, m_board,
            [this](qint64, qint64 at) { m_board->showAsOf(at); });
    connect(m_switcher, &IncidentSwitcher::incidentSelected, this, &MainWindow::openIncident);
    connect(m_switcher, &IncidentSwitcher::declareRequested, this, &MainWindow::declareIncident);
    connect(&services.feed(), &ChangeFeed::changed, this, &MainWindow::onChanges);
    connect(&services.feed(), &ChangeFeed::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The store could not be read: %1").arg(message));
    });

    // Last, so that Help ends the menu bar whatever the panels added.
    createHelpMenu();

    const Result<QList<Incident>> all = services.incidents.list();
    if (all && !all.value().isEmpty())
        openIncident(all.value().constFirst().id);
    else
        openIncident(0);
}

MainWindow::~MainWindow()
{
    // Panels may still write (an open card editor saves on close); nothing that is being torn
    // down may hear about it.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        QObject::disconnect(&m_services.feed(), nullptr, child, nullptr);
    QObject::disconnect(&m_services.feed(), nullptr, this, nullptr);
}

void MainWindow::createActions()
{
    QMenu *incident = menuBar()->addMenu(tr("&Incident"));
    QAction *declare = incident->addAction(tr("&Declare incident…"), this, &MainWindow::declareIncident);
    declare->setShortcut(QKeySequence::New);
    QAction *quick = incident->addAction(tr("&Log an entry"), this, [this] { m_timeline->focusQuickEntry(); });
    quick->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *ack = incident->addAction(tr("&Acknowledge"), this, [this] {
        if (m_incidentId)
            report(m_services.incidents.setMilestone(m_incidentId, Milestone::Acknowledged, m_services.clock().nowMs()));
    });
    ack->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    incident->addAction(tr("&Milestones…"), this, [this] {
        if (!m_incidentId)
            return;
        MilestonesDialog dialog(m_services, m_incidentId, m_utc, this);
        dialog.exec();
    });
    QAction *roles = incident->addAction(tr("&Roles…"), this, [this] {
        if (!m_incidentId)
            return;
        RolesDialog dialog(m_services, m_incidentId, this);
        dialog.exec();
    });
    roles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction *find = incident->addAction(tr("&Find in timelines…"), this, &MainWindow::openSearch);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    incident->addSeparator();
    QAction *quit = incident->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    edit->addAction(undo);

    QMenu *board = menuBar()->addMenu(tr("&Board"));
    const QList<std::pair<SituationColumn, Qt::Key>> columns = {{SituationColumn::Known, Qt::Key_1},
                                                                {SituationColumn::Unknown, Qt::Key_2},
                                                                {SituationColumn::Plan, Qt::Key_3},
                                                                {SituationColumn::Estimate, Qt::Key_4}};
    for (const auto &[column, key] : columns) {
        const SituationColumn c = column;
        QAction *add = board->addAction(tr("Add to “%1”").arg(situationColumnLabel(c)), this,
                                        [this, c] { m_board->focusAddLine(c); });
        add->setShortcut(QKeySequence(Qt::CTRL | key));
    }
    board->addSeparator();
    board->addActions(m_board->boardActions());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *utc = view->addAction(tr("Show times in &UTC"));
    utc->setCheckable(true);
    utc->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(utc, &QAction::toggled, this, [this](bool on) {
        m_utc = on;
        m_timeline->setUtc(on);
        m_header->setUtc(on);
        m_ribbon->setUtc(on);
        m_board->setUtc(on);
        if (m_updates)
            m_updates->setUtc(on);
    });
    m_wall->populateMenu(view);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Open &sample incident"), this, [] {
        // The sample lives in its own store, so it opens in a window of its own.
        QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("demo")});
    });
    help->addAction(tr("Your &name…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Your name"),
                                                   tr("The name your entries and changes carry (takes effect when "
                                                      "Sitrep next starts):"),
                                                   QLineEdit::Normal, m_services.user(), &ok);
        if (ok && !name.trimmed().isEmpty())
            QSettings().setValue(QStringLiteral("user/name"), name.trimmed());
    });
}

void MainWindow::report(const Result<Incident> &result)
{
    if (!result)
        statusBar()->showMessage(result.error().message, 8000);
}

void MainWindow::openSearch()
{
    if (!m_search) {
        m_search = new SearchDialog(m_services, this);
        connect(m_search, &SearchDialog::resultActivated, this, [this](qint64 incidentId, qint64 entryId) {
            if (incidentId != m_incidentId)
                openIncident(incidentId);
            m_timeline->showEntry(entryId);
        });
    }
    m_search->setScope(m_incidentId, m_utc);
    m_search->show();
    m_search->raise();
    m_search->activateWindow();
}

void MainWindow::declareIncident()
{
    const std::optional<DeclareRequest> request = m_declarePrompt(this);
    if (!request)
        return;
    const Result<Incident> declared = m_services.incidents.declare(*request);
    if (!declared) {
        QMessageBox::warning(this, tr("Could not declare the incident"), declared.error().message);
        return;
    }
    openIncident(declared->id);
    m_timeline->focusQuickEntry();
}

void MainWindow::openIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_switcher->select(incidentId);
    m_timeline->setIncident(incidentId);
    m_board->setIncident(incidentId);
    m_checklists->setIncident(incidentId);
    if (m_updates)
        m_updates->setIncident(incidentId);
    if (m_reports)
        m_reports->setIncident(incidentId);
    if (m_wall)
        m_wall->setIncident(incidentId);
    refreshHeader();
}

void MainWindow::refreshHeader()
{
    std::optional<Incident> incident;
    if (m_incidentId) {
        const Result<Incident> found = m_services.incidents.find(m_incidentId);
        if (found)
            incident = found.value();
    }
    m_header->setIncident(incident);
    m_metrics->setIncident(incident);
    QList<TimelineEntry> pinned;
    if (incident) {
        const Result<QList<TimelineEntry>> found = m_services.timeline.pinned(incident->id);
        if (found)
            pinned = found.value();
    }
    m_ribbon->setIncident(incident, pinned);
    setWindowTitle(incident ? (incident->drill ? tr("DRILL — %1 — %2 — Sitrep") : tr("%1 — %2 — Sitrep"))
                                  .arg(severityLabel(incident->severity), incident->title)
                            : tr("Sitrep"));
}

void MainWindow::onChanges(const QList<Change> &changes)
{
    for (const Change &c : changes) {
        // Incident fields, roles and pins all show in the header, metrics and ribbon.
        if (c.incidentId == m_incidentId && m_incidentId != 0
            && (c.entity == Entity::Incident || c.entity == Entity::Role
                || c.entity == Entity::Timeline)) {
            refreshHeader();
            return;
        }
        // The first incident declared elsewhere opens here by itself.
        if (c.entity == Entity::Incident && m_incidentId == 0 && c.operation == Operation::Insert) {
            openIncident(c.entityId);
            return;
        }
    }
}

} // namespace sitrep
