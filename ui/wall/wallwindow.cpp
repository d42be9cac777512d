#include "wallwindow.h"

#include "fitlabel.h"
#include "walllist.h"
#include "wallpanels.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPainter>
#include <QScreen>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sitrep {

WallWindow::WallWindow(const WallReader &reader, QWidget *parent)
    : QWidget(parent, Qt::Window), m_model(new WallModel(reader, this))
{
    setObjectName(QStringLiteral("wallWindow"));
    setWindowTitle(tr("Sitrep — wall display"));
    setFocusPolicy(Qt::StrongFocus);
    // The wall paints its own background; children only paint text and panels over it.
    setAutoFillBackground(false);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("wallPages"));
    m_incidentPage = buildIncidentPage();
    m_calmPage = buildCalmPage();
    m_pages->addWidget(m_incidentPage);
    m_pages->addWidget(m_calmPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    m_drillMark = new WallDrillMark(this);
    m_drillMark->hide();

    connect(m_model, &WallModel::changed, this, &WallWindow::refresh);
    // Four times a second so a displayed second never lags the real one by more than a
    // quarter; a tick that changes no text repaints nothing.
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &WallWindow::tick);
    m_ticker.start(250);

    applyTheme();
    resize(1920, 1080);
    refresh(WallPart::All);
}

QWidget *WallWindow::buildIncidentPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("wallIncidentPage"));

    m_banner = new WallPanel(page);
    m_banner->setObjectName(QStringLiteral("wallBanner"));
    m_severity = new FitLabel(m_banner);
    m_severity->setObjectName(QStringLiteral("wallSeverity"));
    m_title = new FitLabel(m_banner);
    m_title->setObjectName(QStringLiteral("wallTitle"));
    m_drillBadge = new FitLabel(m_banner);
    m_drillBadge->setObjectName(QStringLiteral("wallDrillBadge"));
    m_drillBadge->setText(tr("DRILL"));
    m_status = new FitLabel(m_banner);
    m_status->setObjectName(QStringLiteral("wallStatus"));
    m_statusSince = new FitLabel(m_banner);
    m_statusSince->setObjectName(QStringLiteral("wallStatusSince"));
    m_severity->setBold(true);
    m_severity->setAlignment(Qt::AlignCenter);
    m_title->setBold(true);
    m_title->setMaxLines(2);
    m_drillBadge->setBold(true);
    m_drillBadge->setAlignment(Qt::AlignCenter);
    m_status->setBold(true);
    m_status->setAlignment(Qt::AlignCenter);
    m_statusSince->setAlignment(Qt::AlignCenter);
    auto *statusBlock = new QVBoxLayout;
    statusBlock->setSpacing(0);
    statusBlock->addWidget(m_status, 60);
    statusBlock->addWidget(m_statusSince, 40);
    auto *banner = new QHBoxLayout(m_banner);
    banner->setObjectName(QStringLiteral("wallBannerLayout"));
    banner->addWidget(m_severity, 9);
    banner->addWidget(m_drillBadge, 9);
    banner->addWidget(m_title, 60);
    banner->addLayout(statusBlock, 19);

    m_elapsed = new WallTile(QStringLiteral("wallElapsed"), page);
    m_nextUpdate = new WallTile(QStringLiteral("wallNextUpdate"), page);
    m_deadline = new WallTile(QStringLiteral("wallDeadline"), page);
    m_localClock = new WallTile(QStringLiteral("wallLocalClock"), page);
    m_utcClock = new WallTile(QStringLiteral("wallUtcClock"), page);
    // Held at the width of their widest reading, so a ticking clock never changes size.
    m_elapsed->value()->setSizingText(QStringLiteral("0:00:00"));
    m_nextUpdate->value()->setSizingText(QStringLiteral("+00:00"));
    m_deadline->value()->setSizingText(QStringLiteral("+00:00"));
    m_localClock->value()->setSizingText(QStringLiteral("00:00"));
    m_utcClock->value()->setSizingText(QStringLiteral("00:00"));
    auto *keys = new QHBoxLayout;
    keys->setObjectName(QStringLiteral("wallKeys"));
    for (WallTile *t : {m_elapsed, m_nextUpdate, m_deadline, m_localClock, m_utcClock})
        keys->addWidget(t, 1);

    m_known = new WallColumn(QStringLiteral("wallKnown"), page);
    m_unknown = new WallColumn(QStringLiteral("wallUnknown"), page);
    m_plan = new WallColumn(QStringLiteral("wallPlan"), page);
    m_known->heading()->setText(situationColumnLabel(SituationColumn::Known).toUpper());
    m_unknown->heading()->setText(situationColumnLabel(SituationColumn::Unknown).toUpper());
    m_plan->heading()->setText(situationColumnLabel(SituationColumn::Plan).toUpper());
    for (WallColumn *c : {m_known, m_unknown, m_plan})
        c->list()->setMaxLinesPerItem(4);
    m_known->list()->setEmptyText(tr("Nothing confirmed yet"));
    m_unknown->list()->setEmptyText(tr("No open questions"));
    m_plan->list()->setEmptyText(tr("No plan yet"));

    m_estimate = new WallPanel(page);
    m_estimate->setObjectName(QStringLiteral("wallEstimate"));
    m_estimateHeading = new FitLabel(m_estimate);
    m_estimateHeading->setObjectName(QStringLiteral("wallEstimateHeading"));
    m_estimateHeading->setText(situationColumnLabel(SituationColumn::Estimate).toUpper());
    m_estimateHeading->setBold(true);
    m_estimateRange = new FitLabel(m_estimate);
    m_estimateRange->setObjectName(QStringLiteral("wallEstimateRange"));
    m_estimateRange->setBold(true);
    m_estimateRange->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_estimateRange->setMaxLines(2); // "1 h 30 min – 3 h" wraps rather than shrinks past legibility
    m_estimateWindow = new FitLabel(m_estimate);
    m_estimateWindow->setObjectName(QStringLiteral("wallEstimateWindow"));
    m_estimateWindow->setBold(true);
    m_estimateWindow->setMaxLines(2);
    m_estimateNote = new FitLabel(m_estimate);
    m_estimateNote->setObjectName(QStringLiteral("wallEstimateNote"));
    m_estimateNote->setMaxLines(3);
    m_estimateNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *estimate = new QVBoxLayout(m_estimate);
    estimate->setObjectName(QStringLiteral("wallEstimateLayout"));
    estimate->setSpacing(0);
    estimate->addWidget(m_estimateHeading, 14);
    estimate->addWidget(m_estimateRange, 30);
    estimate->addWidget(m_estimateWindow, 24);
    estimate->addWidget(m_estimateNote, 32);

    auto *board = new QHBoxLayout;
    board->setObjectName(QStringLiteral("wallBoard"));
    board->addWidget(m_known, 10);
    board->addWidget(m_unknown, 10);
    board->addWidget(m_plan, 10);
    board->addWidget(m_estimate, 8);

    m_timeline = new WallColumn(QStringLiteral("wallTimeline"), page);
    m_timeline->heading()->setText(tr("LATEST — PINNED FIRST"));
    m_timeline->list()->setMaxLinesPerItem(3);
    m_timeline->list()->setEmptyText(tr("Nothing logged yet"));
    m_checklists = new WallColumn(QStringLiteral("wallChecklists"), page);
    m_checklists->heading()->setText(tr("CHECKLISTS"));
    m_checklists->list()->setMaxLinesPerItem(3);
    m_checklists->list()->setEmptyText(tr("None attached"));
    m_roles = new WallColumn(QStringLiteral("wallRoles"), page);
    m_roles->heading()->setText(tr("ROLES"));
    m_roles->list()->setMaxLinesPerItem(2);
    auto *bottom = new QHBoxLayout;
    bottom->setObjectName(QStringLiteral("wallBottom"));
    bottom->addWidget(m_timeline, 24);
    bottom->addWidget(m_checklists, 11);
    bottom->addWidget(m_roles, 13);

    m_problem = new FitLabel(page);
    m_problem->setObjectName(QStringLiteral("wallProblem"));
    m_problem->setBold(true);
    m_problem->hide();

    auto *layout = new QVBoxLayout(page);
    layout->setObjectName(QStringLiteral("wallIncidentLayout"));
    layout->addWidget(m_banner, 11);
    layout->addLayout(keys, 18);
    layout->addLayout(board, 38);
    layout->addLayout(bottom, 33);
    layout->addWidget(m_problem, 4);
    return page;
}

QWidget *WallWindow::buildCalmPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("wallCalmPage"));
    m_calmTitle = new FitLabel(page);
    m_calmTitle->setObjectName(QStringLiteral("wallCalmTitle"));
    m_calmTitle->setText(tr("No active incident"));
    m_calmTitle->setBold(true);
    m_calmTitle->setAlignment(Qt::AlignCenter);
    m_calmLocal = new WallTile(QStringLiteral("wallCalmLocalClock"), page);
    m_calmUtc = new WallTile(QStringLiteral("wallCalmUtcClock"), page);
    m_calmLocal->value()->setSizingText(QStringLiteral("00:00"));
    m_calmUtc->value()->setSizingText(QStringLiteral("00:00"));
    auto *clocks = new QHBoxLayout;
    clocks->addWidget(m_calmLocal, 1);
    clocks->addWidget(m_calmUtc, 1);

    m_lastPanel = new WallPanel(page);
    m_lastPanel->setObjectName(QStringLiteral("wallLastIncident"));
    m_lastHeading = new FitLabel(m_lastPanel);
    m_lastHeading->setObjectName(QStringLiteral("wallLastHeading"));
    m_lastHeading->setBold(true);
    m_lastHeading->setText(tr("LAST INCIDENT"));
    m_lastTitle = new FitLabel(m_lastPanel);
    m_lastTitle->setObjectName(QStringLiteral("wallLastTitle"));
    m_lastTitle->setBold(true);
    m_lastTitle->setMaxLines(2);
    m_lastSummary = new FitLabel(m_lastPanel);
    m_lastSummary->setObjectName(QStringLiteral("wallLastSummary"));
    m_lastSummary->setMaxLines(2);
    m_lastMetrics = new FitLabel(m_lastPanel);
    m_lastMetrics->setObjectName(QStringLiteral("wallLastMetrics"));
    m_lastMetrics->setMaxLines(2);
    auto *last = new QVBoxLayout(m_lastPanel);
    last->setObjectName(QStringLiteral("wallLastLayout"));
    last->addWidget(m_lastHeading, 16);
    last->addWidget(m_lastTitle, 34);
    last->addWidget(m_lastSummary, 25);
    last->addWidget(m_lastMetrics, 25);

    auto *layout = new QVBoxLayout(page);
    layout->setObjectName(QStringLiteral("wallCalmLayout"));
    layout->addWidget(m_calmTitle, 24);
    layout->addLayout(clocks, 30);
    layout->addWidget(m_lastPanel, 36);
    layout->addStretch(10);
    return page;
}

void WallWindow::applyScale()
{
    const qreal u = height() / kWallDesignHeight;
    const int margin = wallPx(WallSize::Margin, u);
    const int gap = wallPx(WallSize::Gap, u);
    const int pad = wallPx(WallSize::PanelPadding, u);
    for (QWidget *page : {m_incidentPage, m_calmPage}) {
        auto *layout = qobject_cast<QBoxLayout *>(page->layout());
        layout->setContentsMargins(margin, margin, margin, margin);
        layout->setSpacing(gap);
        for (QBoxLayout *row : page->findChildren<QBoxLayout *>()) {
            if (row != layout && row->parentWidget() == page)
                row->setSpacing(gap);
        }
    }
    for (WallTile *t : findChildren<WallTile *>())
        t->applyScale(u);
    for (WallColumn *c : findChildren<WallColumn *>())
        c->applyScale(u);
    const int radius = wallPx(WallSize::Radius, u);
    for (WallPanel *p : {m_banner, m_estimate, m_lastPanel}) {
        p->setRadius(radius);
        p->layout()->setContentsMargins(pad, pad / 2, pad, pad / 2);
    }
    m_banner->layout()->setSpacing(gap);

    const int heading = wallPx(WallSize::Heading, u);
    const int body = wallPx(WallSize::Body, u);
    const int note = wallPx(WallSize::Note, u);
    m_severity->setPixelRange(wallPx(44, u), wallPx(84, u));
    m_drillBadge->setPixelRange(wallPx(36, u), wallPx(60, u));
    m_drillBadge->setPadding(pad / 2, pad / 4);
    m_drillBadge->setFill(m_theme.drillBadge, radius);
    m_title->setPixelRange(wallPx(34, u), wallPx(62, u));
    m_status->setPixelRange(wallPx(32, u), wallPx(46, u));
    m_status->setPadding(pad / 2, 0);
    m_statusSince->setPixelRange(note, note);
    m_estimateHeading->setPixelRange(heading, heading);
    m_estimateRange->setPixelRange(wallPx(44, u), wallPx(WallSize::KeyMax, u));
    m_estimateWindow->setPixelRange(body, wallPx(44, u));
    m_estimateNote->setPixelRange(note, note);
    m_problem->setPixelRange(note, note);

    m_calmTitle->setPixelRange(wallPx(60, u), wallPx(110, u));
    m_lastHeading->setPixelRange(heading, heading);
    m_lastTitle->setPixelRange(wallPx(40, u), wallPx(60, u));
    m_lastSummary->setPixelRange(body, wallPx(40, u));
    m_lastMetrics->setPixelRange(body, wallPx(40, u));

    m_drillMark->setGeometry(rect());
}

void WallWindow::applyTheme()
{
    for (WallTile *t : findChildren<WallTile *>())
        t->setColors(m_theme, m_theme.panel);
    for (WallColumn *c : findChildren<WallColumn *>())
        c->setTheme(m_theme);
    for (WallPanel *p : {m_estimate, m_lastPanel})
        p->setFill(m_theme.panel);
    m_estimateHeading->setColor(m_theme.dim);
    m_estimateRange->setColor(m_theme.accent);
    m_estimateWindow->setColor(m_theme.text);
    m_estimateNote->setColor(m_theme.dim);
    m_problem->setColor(m_theme.alert);
    m_calmTitle->setColor(m_theme.good);
    m_lastHeading->setColor(m_theme.dim);
    m_lastTitle->setColor(m_theme.text);
    m_lastSummary->setColor(m_theme.text);
    m_lastMetrics->setColor(m_theme.dim);
    m_drillBadge->setFill(m_theme.drillBadge, wallPx(WallSize::Radius, height() / kWallDesignHeight));
    m_drillBadge->setColor(Qt::white);
    static_cast<WallDrillMark *>(m_drillMark)->setColor(m_theme.drill);
    update();
}

void WallWindow::setLight(bool light)
{
    m_light = light;
    m_theme = light ? WallTheme::light() : WallTheme::dark();
    applyTheme();
    refresh(WallPart::All);
}

void WallWindow::presentOn(QScreen *screen)
{
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    showFullScreen();
    // Nobody points at a wall: a pointer left over it would sit on top of the numbers.
    setCursor(Qt::BlankCursor);
    raise();
    activateWindow();
}

void WallWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F11) {
        if (isFullScreen()) {
            showNormal();
            unsetCursor();
        } else {
            showFullScreen();
            setCursor(Qt::BlankCursor);
        }
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void WallWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyScale();
}

void WallWindow::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), m_theme.background);
}

void WallWindow::closeEvent(QCloseEvent *event)
{
    QWidget::closeEvent(event);
    Q_EMIT closed();
}

} // namespace sitrep
