#pragma once

#include "servicecontext.h"

#include "domain/checklist.h"

namespace sitrep {

// Checklists on an incident: attaching a runbook's steps, and ticking, skipping and unticking
// them. Each change is stored with its timeline entry in one transaction.
class ChecklistService final
{
public:
    explicit ChecklistService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    // Items need only section, text and depth (and any hints); the rest is filled in.
    Result<Checklist> attach(qint64 incidentId, const QString &name, const QList<ChecklistItem> &items,
                             EntrySource source = EntrySource::Typed);
    Result<ChecklistItem> tick(qint64 itemId, EntrySource source = EntrySource::Typed);
    // A skipped step needs a reason, so the review knows why it was not done.
    Result<ChecklistItem> skip(qint64 itemId, const QString &reason, EntrySource source = EntrySource::Typed);
    // Back to open: a tick or skip made by mistake.
    Result<ChecklistItem> untick(qint64 itemId, EntrySource source = EntrySource::Typed);

    Result<QList<Checklist>> checklists(qint64 incidentId) const;
    Result<ChecklistItem> item(qint64 itemId) const;

private:
    Result<ChecklistItem> apply(qint64 itemId, ChecklistAction action, const QString &reason, EntrySource source);

    ServiceContext m_ctx;
};

// Why a checklist cannot be attached as given (no name, no items, an empty item), or nothing.
std::optional<Error> checkChecklist(const QString &name, const QList<ChecklistItem> &items);

// Stores a checklist on its incident with its change-log row and its timeline entry ("Checklist
// attached: ..."), with every item open. For services attaching as part of a larger change:
// call inside mutate(), after checkChecklist(). `why` is added to the entry when not empty.
Checklist insertChecklist(const ServiceContext &ctx, const QSqlDatabase &db, Checklist checklist, EntrySource source,
                          qint64 now, const QString &why = {});

} // namespace sitrep
