#pragma once

#include "incident.h"
#include "situationitem.h"
#include "stakeholderupdate.h"

#include <QStringList>

namespace sitrep {

// What an update template is filled from: the incident and its situation board as they stand.
struct UpdateFacts
{
    QString impact;
    Status status = Status::Investigating;
    qint64 startedAt = 0;
    std::optional<qint64> resolvedAt;
    QStringList known;   // what we know, answered unknowns included
    QStringList unknown; // what we don't know yet
    QStringList doing;   // plan steps in progress
    QStringList next;    // plan steps not started
    QStringList done;    // plan steps finished
    QString estimate;    // the newest estimate card, as written; empty when there is none
};

// Reads the facts from an incident and its board cards. Only the fields every card has are
// used (column, text, owner, state), so richer cards still read well. Owners are kept apart
// (`withOwners`) because customers should not see who is on it.
UpdateFacts updateFactsFrom(const Incident &incident, const QList<SituationItem> &items, bool withOwners);

// The body an update to this kind of audience starts from: plain text, paragraphs split by
// blank lines, "- " bullets. The headline, status and next-update time travel beside the body
// in every channel's format, so the body does not repeat them.
QString composeUpdateBody(AudienceTemplate audience, const UpdateFacts &facts);

// The all-clear: what happened, what was done, what happens next.
QString composeAllClearBody(AudienceTemplate audience, const UpdateFacts &facts, bool utc);

} // namespace sitrep
