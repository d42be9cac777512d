#pragma once

#include "audienceservice.h"
#include "checklistservice.h"
#include "drillservice.h"
#include "incidentservice.h"
#include "interchangeservice.h"
#include "postmortemservice.h"
#include "runbookservice.h"
#include "situationservice.h"
#include "timelineservice.h"
#include "updateservice.h"

#include <memory>

namespace sitrep {

// Every service over one store, wired once by the composition root (the window and the
// command line build the same set).
class Services final
{
public:
    Services(std::shared_ptr<Database> db, const Clock *clock, const QString &user);
    Q_DISABLE_COPY_MOVE(Services)

    const std::shared_ptr<Database> &database() const { return m_db; }
    ChangeFeed &feed() { return m_feed; }
    const Clock &clock() const { return *m_clock; }
    const QString &user() const { return m_user; }

    IncidentService incidents;
    TimelineService timeline;
    SituationService situation;
    ChecklistService checklists;
    RunbookService runbooks;
    DrillService drills;
    AudienceService audiences;
    UpdateService updates;
    PostmortemService postmortems;
    InterchangeService interchange;

private:
    std::shared_ptr<Database> m_db;
    const Clock *m_clock;
    QString m_user;
    ChangeFeed m_feed;
};

// The name of the person at this keyboard: the setting "user/name", else the login name.
QString localUserName();

} // namespace sitrep
