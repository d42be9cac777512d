#pragma once

#include "checklist.h"
#include "incident.h"
#include "scorecard.h"
#include "timelineentry.h"

#include <QByteArray>
#include <QUuid>
#include <optional>

namespace sitrep {

// One run of a drill scenario: which incident played it, how fast, and, once ended, its
// scorecard as it stood at the end.
struct DrillRun
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    QString scenario;       // the scenario's title: runs with the same title are compared
    QByteArray scenarioJson; // the scenario as played
    double speed = 1.0;     // scenario time runs this many times faster than the wall clock
    qint64 startedAt = 0;
    std::optional<qint64> endedAt;
    std::optional<Scorecard> scorecard;

    bool isEnded() const { return endedAt.has_value(); }
};

// Rehearsal speeds: from real time to a thousand times faster.
constexpr double minDrillSpeed = 1.0;
constexpr double maxDrillSpeed = 1000.0;

// A drill's clock. The store keeps real (wall-clock) times, so that whoever responds from another
// window or the command line is measured on the same clock as the injects; scenario time is the
// real time elapsed since the start, times the speed.
qint64 scenarioOffsetMs(qint64 realMs, qint64 startedAt, double speed);
// When (real time) something due at a scenario offset happens.
qint64 realTimeAt(qint64 scenarioMs, qint64 startedAt, double speed);

// Where the scenario ends on its own: after its last inject and its longest expectation, when
// every expectation has been decided.
qint64 drillEndOffsetMs(const DrillScenario &scenario);

// What a drill run observed, as scenario offsets from its start, counting only what was recorded
// by `until` (real time; nothing after it when set):
// - acknowledged: the incident's acknowledged milestone; when that is not set, the first entry
//   a person recorded (typed in the window or on the command line, not a system entry, not
//   retracted);
// - first update: the first entry of kind communication not played by the drill itself;
// - checklist steps: when each ticked step was ticked (skipped steps were not done);
// - statuses: the identified, mitigated, resolved and closed milestones.
// Entries count at the time they were recorded, so backdating an entry does not win a drill.
DrillObservations observeDrill(const Incident &incident, const QList<TimelineEntry> &entries,
                               const QList<Checklist> &checklists, qint64 startedAt, double speed,
                               std::optional<qint64> until = std::nullopt);

QByteArray scorecardToJson(const Scorecard &scorecard);
// Nothing for text that is not a scorecard this code wrote.
std::optional<Scorecard> scorecardFromJson(const QByteArray &json);

} // namespace sitrep
