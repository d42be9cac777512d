#pragma once

#include "boardhistory.h"
#include "checklist.h"
#include "estimate.h"
#include "incident.h"
#include "postmortem.h"
#include "situationitem.h"
#include "stakeholderupdate.h"
#include "timelineentry.h"
#include "timelinehistory.h"

#include <QByteArray>
#include <QList>
#include <QUuid>
#include <optional>

namespace sitrep {

// A whole incident as the `sitrep-incident` interchange format carries it (docs/interchange.md):
// everything the incident owns, with UUIDs for identity and UUIDs for references between its
// parts, so it moves between stores without its local integer keys. Not carried: channel
// targets (webhook secrets), outbox messages and their attempts (delivery machinery: an
// imported incident never sends anything again) and unsent drafts.

struct ArchivedRole
{
    QUuid uuid;
    Role role = Role::Commander;
    QString person;
    qint64 assignedAt = 0;
    friend bool operator==(const ArchivedRole &, const ArchivedRole &) = default;
};

struct ArchivedMilestoneEdit
{
    QUuid uuid;
    Milestone milestone = Milestone::Started;
    std::optional<qint64> from;
    std::optional<qint64> to;
    QString editor;
    qint64 editedAt = 0;
    friend bool operator==(const ArchivedMilestoneEdit &, const ArchivedMilestoneEdit &) = default;
};

struct ArchivedEdit
{
    QUuid uuid;
    qint64 editedAt = 0;
    QString editor;
    QString oldText;
    QString newText;
    qint64 oldAt = 0;
    qint64 newAt = 0;
    friend bool operator==(const ArchivedEdit &, const ArchivedEdit &) = default;
};

struct ArchivedEntry
{
    TimelineEntry entry;
    QList<ArchivedEdit> edits; // oldest first
};

struct ArchivedItem
{
    SituationItem item;
    QList<QUuid> answers; // the unknowns this plan step should answer
};

struct ArchivedEstimate
{
    QUuid uuid;
    Estimate estimate;
    QString madeBy;
};

struct ArchivedBoardEvent
{
    QUuid uuid;
    BoardEvent event; // event.estimate is not used here: see `estimate`
    QUuid estimate;   // the revision of an Estimated event
    QUuid entry;      // the timeline entry written with the change, when there was one
};

struct ArchivedUpdate
{
    StakeholderUpdate update;
    QUuid audience;
};

struct ArchivedDismissal
{
    QUuid uuid;
    QString reason;
    QString by;
    qint64 at = 0;
    friend bool operator==(const ArchivedDismissal &, const ArchivedDismissal &) = default;
};

struct ArchivedDrillRun
{
    QUuid uuid;
    QString scenario;
    QByteArray scenarioJson;
    double speed = 1.0;
    qint64 startedAt = 0;
    std::optional<qint64> endedAt;
    QByteArray scorecardJson; // empty until the run ended
};

struct IncidentArchive
{
    Incident incident; // incident.roles is not used here: see `roles`
    QList<ArchivedRole> roles;
    QList<ArchivedMilestoneEdit> milestoneEdits;
    QList<ArchivedEntry> timeline;       // in timeline order
    QList<ArchivedItem> situation;       // by column, then position
    QList<ArchivedEstimate> estimates;   // oldest first
    QList<ArchivedBoardEvent> boardHistory; // replay order
    QList<Checklist> checklists;
    QList<Audience> audiences;
    QList<ArchivedUpdate> updates;       // oldest first
    QList<ArchivedDismissal> allClearDismissals;
    std::optional<ArchivedDrillRun> drillRun;
    std::optional<Postmortem> postmortem;
    QList<ActionItem> actionItems;
};

} // namespace sitrep
