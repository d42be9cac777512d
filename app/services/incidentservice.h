#pragma once

#include "servicecontext.h"

#include "domain/incident.h"
#include "domain/timelinehistory.h"

namespace sitrep {

struct DeclareRequest
{
    QString title;
    Severity severity = Severity::Sev2;
    QString impact;
    std::optional<qint64> startedAt; // when impact began; now when absent
    std::optional<qint64> deadlineAt;
    std::optional<qint64> costPerMinuteCents;
    bool drill = false;
    EntrySource source = EntrySource::Typed;
};

// Declaring incidents and moving them through their lifecycle. Each change is stored with its
// timeline entry in one transaction.
class IncidentService final
{
public:
    explicit IncidentService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<Incident> declare(const DeclareRequest &request);
    Result<Incident> changeStatus(qint64 incidentId, Status status, std::optional<qint64> at = std::nullopt,
                                  EntrySource source = EntrySource::Typed);
    Result<Incident> changeSeverity(qint64 incidentId, Severity severity, EntrySource source = EntrySource::Typed);

    // Stamps a milestone (when unset) or corrects it (when set), keeping every correction.
    // The milestones must stay in lifecycle order. Started and declared cannot be cleared.
    Result<Incident> setMilestone(qint64 incidentId, Milestone milestone, std::optional<qint64> at,
                                  EntrySource source = EntrySource::Typed);
    Result<QList<MilestoneEdit>> milestoneEdits(qint64 incidentId) const;

    // Gives a role to a person. One person per role, except subject experts, who add up.
    Result<Incident> assignRole(qint64 incidentId, Role role, const QString &person,
                                EntrySource source = EntrySource::Typed);
    Result<Incident> removeRole(qint64 incidentId, Role role, const QString &person,
                                EntrySource source = EntrySource::Typed);
    Result<Incident> setDeadline(qint64 incidentId, std::optional<qint64> deadlineAt);

    Result<Incident> find(qint64 incidentId) const;
    Result<QList<Incident>> list() const;
    // Accepts the full UUID or a unique prefix of at least 6 characters.
    Result<Incident> resolve(const QString &idOrPrefix) const;

    const ServiceContext &context() const { return m_ctx; }

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
