#pragma once

#include "incident.h"
#include "timelineentry.h"

#include <QString>
#include <QUuid>
#include <optional>

namespace sitrep {

// One correction of a timeline entry: the record of what it said and when, before and after.
struct TimelineEdit
{
    qint64 id = 0;
    qint64 entryId = 0;
    qint64 editedAt = 0;
    QString editor;
    QString oldText;
    QString newText;
    qint64 oldAt = 0;
    qint64 newAt = 0;
};

// One correction of a milestone time after it was first stamped.
struct MilestoneEdit
{
    qint64 id = 0;
    qint64 incidentId = 0;
    Milestone milestone = Milestone::Started;
    std::optional<qint64> oldAt;
    std::optional<qint64> newAt;
    QString editor;
    qint64 editedAt = 0;
};

// Which entries a timeline view shows. Empty kinds means every kind.
struct TimelineFilter
{
    QList<EntryKind> kinds;
    QString author;
    bool pinnedOnly = false;

    bool isEmpty() const { return kinds.isEmpty() && author.isEmpty() && !pinnedOnly; }
    bool accepts(const TimelineEntry &entry) const;
};

// A search result: the entry and the incident it belongs to.
struct SearchHit
{
    qint64 entryId = 0;
    qint64 incidentId = 0;
    QUuid incidentUuid;
    QString incidentTitle;
    qint64 at = 0;
    QString text;
};

// Turns what a person types into a full-text query that cannot be malformed: every word is
// quoted and matched as a prefix, all words must occur. Empty when there is no word at all.
QString fullTextQuery(const QString &typed);

} // namespace sitrep
