#pragma once

#include "servicecontext.h"

#include "domain/situationitem.h"

namespace sitrep {

// The situation board: what we know, what we don't, the plan, the estimate. Every change is a
// timeline entry in the same transaction.
class SituationService final
{
public:
    explicit SituationService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<SituationItem> add(qint64 incidentId, SituationColumn column, const QString &text, const QString &owner = {},
                              EntrySource source = EntrySource::Typed);
    Result<SituationItem> move(qint64 itemId, SituationColumn column, EntrySource source = EntrySource::Typed);

    Result<QList<SituationItem>> items(qint64 incidentId) const;
    Result<SituationItem> item(qint64 itemId) const;

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
