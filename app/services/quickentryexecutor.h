#pragma once

#include "domain/incident.h"
#include "domain/quickentry.h"
#include "domain/result.h"

#include <optional>

namespace sitrep {

class Services;

// What a line of quick entry did, with what is needed to take it back.
struct QuickOutcome
{
    QuickAction action = QuickAction::Invalid;
    std::optional<qint64> entryId;          // the timeline entry logged (LogEntry)
    std::optional<qint64> situationItemId;  // the card added (AddSituation)
    std::optional<Status> previousStatus;   // SetStatus
    std::optional<Severity> previousSeverity;
    QList<RoleAssignment> previousHolders;  // AssignRole: who held the role before
    std::optional<RoleAssignment> assigned; // AssignRole: who holds it now
    std::optional<qint64> previousMilestone; // Milestone: its value before (empty: unset)
    QString summary;                        // for the feedback line: what was done
};

// Carries out one line of the quick-entry grammar (docs/quick-entry.md) through the services,
// so the window, tests and anything else share one meaning of "!", "?", "/status" and the rest.
class QuickEntryExecutor final
{
public:
    explicit QuickEntryExecutor(Services &services) : m_services(services) {}

    Result<QuickOutcome> execute(qint64 incidentId, const QString &line, EntrySource source = EntrySource::Typed);

private:
    Services &m_services;
};

} // namespace sitrep
