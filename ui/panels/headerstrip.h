#pragma once

#include "domain/clock.h"
#include "domain/incident.h"

#include <QTimer>
#include <QWidget>
#include <optional>

class QHBoxLayout;
class QLabel;

namespace sitrep {

// The strip across the top: what incident, how bad, where it stands, and how long we have
// been down, ticking every second.
class HeaderStrip final : public QWidget
{
    Q_OBJECT

public:
    HeaderStrip(const Clock &clock, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HeaderStrip)

    void setIncident(const std::optional<Incident> &incident);
    void setUtc(bool utc);
    void tick();
    // Other capabilities show their own live indicator in the strip (e.g. the next-update
    // countdown); the strip owns it from then on.
    void addIndicator(QWidget *indicator);

private:
    const Clock &m_clock;
    std::optional<Incident> m_incident;
    bool m_utc = false;
    QTimer m_timer;
    QLabel *m_severity;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_elapsed;
    QLabel *m_inStatus;
    QLabel *m_drill;
    QLabel *m_deadline;
    QLabel *m_roles;
    QHBoxLayout *m_indicators;
};

} // namespace sitrep
