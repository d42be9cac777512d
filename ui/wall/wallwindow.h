#pragma once

#include "wallmodel.h"
#include "walltheme.h"

#include <QTimer>
#include <QWidget>

class QScreen;
class QStackedWidget;

namespace sitrep {

class FitLabel;
class WallColumn;
class WallPanel;
class WallTile;

// The war-room wall: one read-only screen that says where the incident stands, made to be
// read from the back of the room. It reads only through WallModel (const services), holds no
// editable widget and takes no focus but its own: F11 toggles full screen, Esc leaves.
// Every size is a share of the window's height, so 1080p and 4K show the same wall.
class WallWindow final : public QWidget
{
    Q_OBJECT

public:
    explicit WallWindow(const WallReader &reader, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WallWindow)

    WallModel *model() const { return m_model; }
    void setLight(bool light);
    bool isLight() const { return m_light; }
    // Full screen on that screen (the window moves there first).
    void presentOn(QScreen *screen);
    // Reads the clock and updates what ticks; the window calls it several times a second.
    void tick();

Q_SIGNALS:
    // The wall was left (Esc, or its window closed).
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    // Building and sizing (wallwindow.cpp).
    QWidget *buildIncidentPage();
    QWidget *buildCalmPage();
    void applyScale();
    void applyTheme();
    // Filling from the model (wallcontent.cpp).
    void refresh(sitrep::WallParts parts);
    void refreshBanner();
    void refreshBoard();
    void refreshTimeline();
    void refreshChecklists();
    void refreshRoles();
    void refreshCalm();
    void tickIncident(qint64 now);
    void tickClocks(qint64 now);

    WallModel *m_model;
    WallTheme m_theme = WallTheme::dark();
    bool m_light = false;
    QTimer m_ticker;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_incidentPage = nullptr;
    QWidget *m_calmPage = nullptr;

    // The incident page.
    WallPanel *m_banner = nullptr;
    FitLabel *m_severity = nullptr;
    FitLabel *m_title = nullptr;
    FitLabel *m_drillBadge = nullptr;
    FitLabel *m_status = nullptr;
    FitLabel *m_statusSince = nullptr;
    WallTile *m_elapsed = nullptr;
    WallTile *m_nextUpdate = nullptr;
    WallTile *m_deadline = nullptr;
    WallTile *m_localClock = nullptr;
    WallTile *m_utcClock = nullptr;
    WallColumn *m_known = nullptr;
    WallColumn *m_unknown = nullptr;
    WallColumn *m_plan = nullptr;
    WallPanel *m_estimate = nullptr;
    FitLabel *m_estimateHeading = nullptr;
    FitLabel *m_estimateRange = nullptr;
    FitLabel *m_estimateWindow = nullptr;
    FitLabel *m_estimateNote = nullptr;
    WallColumn *m_timeline = nullptr;
    WallColumn *m_checklists = nullptr;
    WallColumn *m_roles = nullptr;
    FitLabel *m_problem = nullptr;
    QWidget *m_drillMark = nullptr;

    // The calm page.
    FitLabel *m_calmTitle = nullptr;
    WallTile *m_calmLocal = nullptr;
    WallTile *m_calmUtc = nullptr;
    WallPanel *m_lastPanel = nullptr;
    FitLabel *m_lastHeading = nullptr;
    FitLabel *m_lastTitle = nullptr;
    FitLabel *m_lastSummary = nullptr;
    FitLabel *m_lastMetrics = nullptr;
};

} // namespace sitrep
