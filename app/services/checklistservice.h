#pragma once

#include "servicecontext.h"

#include "domain/checklist.h"

namespace sitrep {

// Checklists on an incident: attaching a runbook's steps and ticking them off.
class ChecklistService final
{
public:
    explicit ChecklistService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    // Items need only section, text and depth; the rest is filled in.
    Result<Checklist> attach(qint64 incidentId, const QString &name, const QList<ChecklistItem> &items,
                             EntrySource source = EntrySource::Typed);
    Result<ChecklistItem> tick(qint64 itemId, EntrySource source = EntrySource::Typed);

    Result<QList<Checklist>> checklists(qint64 incidentId) const;

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
