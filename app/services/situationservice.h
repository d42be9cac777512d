#pragma once

#include "servicecontext.h"

#include "domain/boardhistory.h"
#include "domain/boardinput.h"
#include "domain/estimate.h"
#include "domain/plansteps.h"
#include "domain/situationitem.h"

#include <optional>

namespace sitrep {

namespace Entity {
// Change-log entity of an estimate revision (its id is the revision's row).
inline const QString Estimate = QStringLiteral("estimate");
} // namespace Entity

// How the estimates of an incident compared with the restore: empty `revisions` until the
// impact has ended (mitigated, resolved or closed, whichever came first).
struct EstimateReview
{
    std::optional<qint64> restoredAt;
    QList<EstimateAccuracy> revisions;
};

// The situation board: what we know, what we don't, the plan, the estimate. Every change is a
// timeline entry saying what it was before and after, and a board event (the history "as of"
// replays), written in the same transaction as the change itself.
class SituationService final
{
public:
    explicit SituationService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    // Cards. `add` takes the text as it is; `addFromText` reads the card markers (@owner,
    // #contain, !risky, box:10m, by:09:30, answers:12, undo: …) documented in boardinput.h.
    Result<SituationItem> add(qint64 incidentId, SituationColumn column, const QString &text, const QString &owner = {},
                              EntrySource source = EntrySource::Typed);
    Result<SituationItem> addCard(qint64 incidentId, SituationColumn column, const CardDraft &draft,
                                  EntrySource source = EntrySource::Typed);
    Result<SituationItem> addFromText(qint64 incidentId, SituationColumn column, const QString &line,
                                      EntrySource source = EntrySource::Typed);
    // Replaces what the card says (everything in the draft); refused when nothing changes.
    Result<SituationItem> edit(qint64 itemId, const CardDraft &draft, EntrySource source = EntrySource::Typed);
    Result<SituationItem> editFromText(qint64 itemId, const QString &line, EntrySource source = EntrySource::Typed);
    // To another column; fields the new column has no use for are dropped.
    Result<SituationItem> move(qint64 itemId, SituationColumn column, EntrySource source = EntrySource::Typed);
    Result<SituationItem> remove(qint64 itemId, EntrySource source = EntrySource::Typed); // the card as it was

    // An open unknown becomes a known carrying its answer, in one step.
    Result<SituationItem> answer(qint64 unknownItemId, const QString &answer, EntrySource source = EntrySource::Typed);
    // Plan steps, by checkPlanTransition's table; `advance` is the one-key form: todo → doing →
    // done. Starting a step starts its time-box.
    Result<SituationItem> setPlanState(qint64 itemId, PlanState state, EntrySource source = EntrySource::Typed);
    Result<SituationItem> advancePlanStep(qint64 itemId, EntrySource source = EntrySource::Typed);

    // A new revision of the time-to-restore estimate, counted from now; every revision is kept.
    Result<Estimate> estimate(qint64 incidentId, qint64 lowMs, qint64 highMs, Confidence confidence,
                              const QString &basis, EntrySource source = EntrySource::Typed);

    Result<QList<SituationItem>> items(qint64 incidentId) const;
    Result<SituationItem> item(qint64 itemId) const;
    Result<QList<Estimate>> estimates(qint64 incidentId) const; // oldest first
    Result<std::optional<Estimate>> currentEstimate(qint64 incidentId) const;
    Result<EstimateReview> estimateReview(qint64 incidentId) const;

    // The board's stored history, and the board rebuilt from it as it stood at `atMs`.
    Result<QList<BoardEvent>> history(qint64 incidentId) const;
    Result<BoardSnapshot> boardAsOf(qint64 incidentId, qint64 atMs) const;
    // The board now, from the cards as they are (answered unknowns read as knowns).
    Result<BoardSnapshot> board(qint64 incidentId) const;
    // When the board change a timeline entry recorded happened; empty for other entries.
    Result<std::optional<qint64>> boardTimeOfEntry(qint64 entryId) const;
    // "Brief the room": the board (now, or as of a moment) as sentences to read out.
    Result<QString> briefing(qint64 incidentId, std::optional<qint64> asOfMs, bool utc) const;

private:
    ServiceContext m_ctx;
};

} // namespace sitrep
