#pragma once

#include "domain/drillrun.h"
#include "domain/drillscenario.h"
#include "domain/incident.h"
#include "domain/result.h"

#include <QObject>
#include <QTimer>

namespace sitrep {

class Clock;
class Services;

// Plays a drill scenario live: declares the drill incident, attaches the scenario's runbooks,
// puts each inject on the timeline or the board when its time comes (source: drill), and ends
// the run with its scorecard when the scenario is over or someone ends it.
//
// Time comes from the injected clock and runs `speed` times faster for rehearsal (see
// scenarioOffsetMs). advance() does all the work and can be driven by hand, which is how tests
// run a drill without sleeping; run() drives it from a timer.
class DrillPlayer final : public QObject
{
    Q_OBJECT

public:
    DrillPlayer(Services &services, DrillScenario scenario, QByteArray scenarioJson, double speed,
                QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(DrillPlayer)

    // Declares the drill incident and begins the run; the first advance() (or run()) plays what
    // is due at the start. Refuses a speed out of range or a scenario naming runbooks the library
    // lacks before anything is stored.
    Result<Incident> start();
    // Plays every inject whose time has come; ends the run once the scenario is over.
    void advance();
    // Starts a timer that calls advance() until the run ends.
    void run();
    // Ends the run now; its scorecard counts what happened up to now.
    Result<DrillRun> stop();

    const DrillScenario &scenario() const { return m_scenario; }
    double speed() const { return m_speed; }
    qint64 incidentId() const { return m_incidentId; }
    qint64 startedAt() const { return m_startedAt; }
    bool isRunning() const { return m_incidentId != 0 && !m_ended; }
    bool isEnded() const { return m_ended; }
    int injectsPlayed() const { return m_next; }
    qint64 elapsedMs() const;  // scenario time since the start
    qint64 durationMs() const; // scenario time at which it ends by itself
    // Real milliseconds until the next inject or the end; nothing once ended.
    std::optional<qint64> msUntilNextEvent() const;

Q_SIGNALS:
    void injectPlayed(int index, const sitrep::DrillInject &inject);
    void finished(const sitrep::DrillRun &run);
    void failed(const QString &message);

private:
    Outcome play(const DrillInject &inject, qint64 at);
    void schedule();

    Services &m_services;
    const Clock &m_clock;
    DrillScenario m_scenario;
    QByteArray m_scenarioJson;
    double m_speed;
    qint64 m_incidentId = 0;
    qint64 m_startedAt = 0;
    int m_next = 0; // index of the next inject to play
    bool m_ended = false;
    bool m_live = false; // run() was called: advance() schedules the next wake-up
    QTimer m_timer;
};

} // namespace sitrep
