#pragma once

#include "domain/boardhistory.h"
#include "domain/checklist.h"
#include "domain/incident.h"
#include "domain/timelineentry.h"
#include "services/updateservice.h"
#include "store/change.h"

#include <QFlags>
#include <QObject>
#include <optional>

namespace sitrep {

class ChangeFeed;
class ChecklistService;
class Clock;
class IncidentService;
class Services;
class SituationService;
class TimelineService;

// What the wall reads through: the services' const faces only. The wall holds no other way
// into the store, so no path from it can change anything: read-only by construction.
struct WallReader
{
    const IncidentService &incidents;
    const TimelineService &timeline;
    const SituationService &situation;
    const ChecklistService &checklists;
    const UpdateService &updates;
    const ChangeFeed &feed;
    const Clock &clock;

    static WallReader of(Services &services);
};

// The parts of the wall that a change touches, so only they are read again.
enum class WallPart {
    Incident = 0x1,   // title, severity, status, milestones, deadline, roles, drill
    Timeline = 0x2,
    Board = 0x4,
    Checklists = 0x8,
    Cadence = 0x10,
    All = 0x1f,
};
Q_DECLARE_FLAGS(WallParts, WallPart)
Q_DECLARE_OPERATORS_FOR_FLAGS(WallParts)

// Whether an incident still needs the room: not resolved, not closed.
bool isActiveIncident(const Incident &incident);
// Sitrep pins the declaration and every status change by itself; the wall's banner already
// says those, so the wall puts first only what people pinned.
bool isPinnedByPeople(const TimelineEntry &entry);
// Which incident a following wall shows. `incidents` is newest activity first (as
// IncidentService::list gives them). A newly declared incident takes the wall (a new fire is
// the news); otherwise the wall stays on the incident it shows while that one is active, so
// two busy incidents do not make the screen flip back and forth; when it ends, the most
// recently active one left takes over. None when nothing is active.
std::optional<qint64> chooseFollowedIncident(const QList<Incident> &incidents, std::optional<qint64> current,
                                             std::optional<qint64> declaredNow);
// Whether a timeline entry belongs on the wall: never an internal one, never a retracted one,
// and not the board's and checklists' own entries (those panels are on the wall already).
bool isWallEntry(const TimelineEntry &entry);

// Everything the wall shows, read through services and kept current from the change feed:
// one incident (fixed, or followed), or the last one that ended when none is active.
class WallModel final : public QObject
{
    Q_OBJECT

public:
    explicit WallModel(const WallReader &reader, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WallModel)

    // Follows the most recently active incident from now on.
    void follow();
    // Shows this incident whatever its status; 0 shows the "no active incident" screen.
    void showIncident(qint64 incidentId);
    bool isFollowing() const { return m_following; }

    const std::optional<Incident> &incident() const { return m_incident; }
    // The incident that ended last, for the calm screen; empty when the store has none.
    const std::optional<Incident> &lastEnded() const { return m_lastEnded; }
    const std::optional<CadenceInfo> &cadence() const { return m_cadence; }
    const BoardSnapshot &board() const { return m_board; }
    const QList<Checklist> &checklists() const { return m_checklists; }
    // The wall's entries, oldest first.
    const QList<TimelineEntry> &entries() const { return m_entries; }
    // What the timeline panel lists: up to pinnedLimit entries people pinned (newest first),
    // then the rest newest first.
    QList<TimelineEntry> wallEntries(int pinnedLimit) const;
    // Why the store could not be read, or empty.
    const QString &problem() const { return m_problem; }
    const Clock &clock() const { return m_read.clock; }

Q_SIGNALS:
    void changed(sitrep::WallParts parts);

private:
    void onChanges(const QList<sitrep::Change> &changes);
    void choose(std::optional<qint64> declaredNow);
    void setShown(std::optional<qint64> incidentId);
    void reload(WallParts parts);
    void reloadEntry(qint64 entryId);
    void readLastEnded();
    template <typename T>
    bool take(const Result<T> &result, T *out);

    WallReader m_read;
    bool m_following = false;
    std::optional<qint64> m_shownId;
    std::optional<Incident> m_incident;
    std::optional<Incident> m_lastEnded;
    std::optional<CadenceInfo> m_cadence;
    BoardSnapshot m_board;
    QList<Checklist> m_checklists;
    QList<TimelineEntry> m_entries;
    QString m_problem;
};

} // namespace sitrep

Q_DECLARE_METATYPE(sitrep::WallParts)
