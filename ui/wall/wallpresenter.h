#pragma once

#include <QObject>
#include <QLabel>
#include <QPointer>

class QAction;
class QMenu;
class QScreen;
class QWidget;

namespace sitrep {

class Services;
class WallWindow;

// The wall display from the lead's window: View → Wall display puts the open incident full
// screen on the chosen screen (the second one by default, so the lead keeps their own), and
// the lead's window shows, in the header, that the wall is presenting. The wall follows the
// incident the lead has open.
class WallPresenter final : public QObject
{
    Q_OBJECT

public:
    WallPresenter(Services &services, QWidget *window);
    ~WallPresenter() override;
    Q_DISABLE_COPY_MOVE(WallPresenter)

    // "Wall display" (Ctrl+Shift+W) and "Wall display on" (the screens, light theme).
    void populateMenu(QMenu *view);
    // Shown in the lead's header while the wall is presenting.
    QLabel *indicator() const { return m_indicator; }
    QAction *toggleAction() const { return m_toggle; }
    void setIncident(qint64 incidentId);

    // Opens the wall on `screen`, or the default screen when null; moves it when open.
    void present(QScreen *screen = nullptr);
    void stop();
    bool isPresenting() const;
    WallWindow *wall() const;
    // The second screen when there is one (not the lead's), else the lead's own.
    static QScreen *defaultScreen(const QWidget *window);

Q_SIGNALS:
    void presentingChanged(bool presenting);

private:
    void fillScreensMenu();
    void showState();

    Services &m_services;
    QWidget *m_window;
    qint64 m_incidentId = 0;
    bool m_light = false;
    QPointer<WallWindow> m_wall;
    QPointer<QLabel> m_indicator; // the header owns it once added
    QAction *m_toggle = nullptr;
    QMenu *m_screens = nullptr;
};

} // namespace sitrep
