#include "wallpresenter.h"

#include "wallwindow.h"

#include "services/services.h"

#include <QAction>
#include <QActionGroup>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QScreen>

namespace sitrep {

WallPresenter::WallPresenter(Services &services, QWidget *window)
    : QObject(window), m_services(services), m_window(window), m_indicator(new QLabel)
{
    m_indicator->setObjectName(QStringLiteral("wallIndicator"));
    m_indicator->setTextFormat(Qt::PlainText);
    m_indicator->setStyleSheet(QStringLiteral("QLabel { background: #1565c0; color: white; border-radius: 4px; "
                                              "padding: 4px 10px; font-weight: bold; }"));
    m_indicator->hide();
}

WallPresenter::~WallPresenter()
{
    // The wall is a window of its own (it may sit on another screen), so nobody else owns it.
    delete m_wall;
    if (m_indicator && !m_indicator->parent())
        delete m_indicator;
}

void WallPresenter::populateMenu(QMenu *view)
{
    view->addSeparator();
    m_toggle = view->addAction(tr("&Wall display"));
    m_toggle->setObjectName(QStringLiteral("actionWallDisplay"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_toggle->setToolTip(tr("Show the open incident full screen for the room (the second screen when there is "
                            "one); Esc on the wall leaves, F11 toggles full screen"));
    connect(m_toggle, &QAction::triggered, this, [this](bool on) {
        if (on)
            present();
        else
            stop();
    });
    m_screens = view->addMenu(tr("Wall display o&n"));
    m_screens->setObjectName(QStringLiteral("menuWallScreens"));
    connect(m_screens, &QMenu::aboutToShow, this, &WallPresenter::fillScreensMenu);
    fillScreensMenu();
}

void WallPresenter::fillScreensMenu()
{
    // Screens come and go (a projector plugged in mid-incident): list them as they are now.
    m_screens->clear();
    const QScreen *current = m_wall && m_wall->isVisible() ? m_wall->screen() : nullptr;
    const QScreen *fallback = defaultScreen(m_window);
    auto *group = new QActionGroup(m_screens);
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (int i = 0; i < screens.size(); ++i) {
        QScreen *screen = screens.at(i);
        const QSize size = screen->size();
        QString label = tr("Screen %1: %2 (%3×%4)").arg(i + 1).arg(screen->name()).arg(size.width()).arg(size.height());
        if (screen == fallback)
            label += tr(" — default");
        QAction *a = m_screens->addAction(label);
        a->setCheckable(true);
        a->setChecked(screen == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, screen = QPointer<QScreen>(screen)] {
            if (screen)
                present(screen);
        });
    }
    m_screens->addSeparator();
    QAction *light = m_screens->addAction(tr("&Light theme"));
    light->setCheckable(true);
    light->setChecked(m_light);
    connect(light, &QAction::toggled, this, [this](bool on) {
        m_light = on;
        if (m_wall)
            m_wall->setLight(on);
    });
}

QScreen *WallPresenter::defaultScreen(const QWidget *window)
{
    QScreen *own = window && window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    for (QScreen *s : QGuiApplication::screens()) {
        if (s != own)
            return s;
    }
    return own;
}

void WallPresenter::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    if (m_wall)
        m_wall->model()->showIncident(incidentId);
}

void WallPresenter::present(QScreen *screen)
{
    if (!m_wall) {
        m_wall = new WallWindow(WallReader::of(m_services));
        // The lead's window decides when Sitrep ends; a wall left open must not keep it running.
        m_wall->setAttribute(Qt::WA_QuitOnClose, false);
        m_wall->setLight(m_light);
        m_wall->model()->showIncident(m_incidentId);
        // Queued: the wall reports closing before it is hidden.
        connect(m_wall, &WallWindow::closed, this, &WallPresenter::showState, Qt::QueuedConnection);
    }
    m_wall->presentOn(screen ? screen : defaultScreen(m_window));
    showState();
}

void WallPresenter::stop()
{
    if (m_wall)
        m_wall->close();
    showState();
}

WallWindow *WallPresenter::wall() const
{
    return m_wall;
}

bool WallPresenter::isPresenting() const
{
    return m_wall && m_wall->isVisible();
}

void WallPresenter::showState()
{
    const bool on = isPresenting();
    if (m_toggle)
        m_toggle->setChecked(on);
    if (on) {
        const QScreen *s = m_wall->screen();
        m_indicator->setText(tr("● ON THE WALL"));
        m_indicator->setToolTip(tr("The wall display is showing this incident on %1. Ctrl+Shift+W or Esc on the "
                                   "wall stops it.")
                                    .arg(s ? s->name() : tr("a screen")));
    }
    m_indicator->setVisible(on);
    Q_EMIT presentingChanged(on);
}

} // namespace sitrep
