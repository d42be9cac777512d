#pragma once

#include "servicecontext.h"

#include "domain/incident.h"
#include "domain/incidentarchive.h"

#include <QByteArray>

namespace sitrep {

// Whole incidents in and out of the store as `sitrep-incident` JSON (docs/interchange.md).
// An import is checked completely before anything is written, then written in one
// transaction with its change-log rows: it lands whole or not at all.
class InterchangeService final
{
public:
    explicit InterchangeService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<IncidentArchive> archive(qint64 incidentId) const;
    Result<QByteArray> exportJson(qint64 incidentId) const;

    // Stores the incident a document describes and answers it as stored. The incident keeps
    // its id unless the store already has one with that id (an incident imported twice, or
    // exported and imported into the same store): then it, and every part of it whose id is
    // taken, gets a new one. The record is kept as it was: no entry is added to its timeline.
    Result<Incident> importJson(const QByteArray &json);
    // Reads FILE (at most kMaxInterchangeFileBytes) and imports it; errors name the file.
    Result<Incident> importFile(const QString &path);

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
