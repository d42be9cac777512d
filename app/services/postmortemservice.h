#pragma once

#include "servicecontext.h"

#include "domain/postmortem.h"

namespace sitrep {

// The postmortem review of an incident and its action items. Every change is stored with its
// timeline entry (what changed, in words) and its change-log row, in one transaction.
class PostmortemService final
{
public:
    explicit PostmortemService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    // The incident's review; an empty one (not stored, id 0) until something is written.
    Result<Postmortem> postmortem(qint64 incidentId) const;
    // Stores the content of `edited` (identity and bookkeeping fields are ignored). Saving what
    // is already stored writes nothing and answers the stored review, so autosave can call it
    // freely. Empty whys are dropped.
    Result<Postmortem> save(qint64 incidentId, const Postmortem &edited);

    Result<QList<ActionItem>> actionItems(qint64 incidentId) const;
    Result<ActionItem> actionItem(qint64 itemId) const;
    // Adds at the end of the list; the draft's text, owner, kind, priority, due, tracker, state.
    Result<ActionItem> addActionItem(qint64 incidentId, const ActionItem &draft);
    // Writes the draft's fields over the stored item `draft.id`; unchanged answers the stored one.
    Result<ActionItem> updateActionItem(const ActionItem &draft);
    // Answers the item as it was.
    Result<ActionItem> removeActionItem(qint64 itemId);

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
