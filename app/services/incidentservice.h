#pragma once

#include "servicecontext.h"

#include "domain/incident.h"

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

    Result<Incident> find(qint64 incidentId) const;
    Result<QList<Incident>> list() const;
    // Accepts the full UUID or a unique prefix of at least 6 characters.
    Result<Incident> resolve(const QString &idOrPrefix) const;

    const ServiceContext &context() const { return m_ctx; }

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
