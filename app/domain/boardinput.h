#pragma once

#include "estimate.h"
#include "plansteps.h"
#include "result.h"
#include "situationitem.h"

#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

// What a card says, everything but where it sits and what state it is in. A card is typed in
// one line, so the lead never leaves the keyboard; markers anywhere in the line set the fields:
//   @Ana            owner (known: who it came from); "_" stands for a space: @Ana_Lee
//   #contain #fix #verify   what a plan step is for
//   !risky          the step needs a back-out step before it can start
//   box:10m         time-box ("check back in 10 min"), a duration as estimates take them
//   by:09:30        an unknown's need-by time (ISO 8601 or HH:mm today)
//   answers:12,13   the unknowns (card numbers) a plan step should answer
//   undo: TEXT      the back-out step: everything after the marker
// Which fields a column accepts is the service's rule, not the parser's.
struct CardDraft
{
    QString text;
    QString owner;
    std::optional<qint64> needBy;
    PlanTag tag = PlanTag::None;
    bool risky = false;
    QString backOut;
    std::optional<qint64> timeBoxMs;
    QList<qint64> answers;

    friend bool operator==(const CardDraft &, const CardDraft &) = default;
};

// Reads one typed line. A malformed marker value is refused with a message naming it; the
// card text is what is left, with runs of spaces collapsed.
Result<CardDraft> parseCardText(const QString &line, qint64 nowMs);
// The card as one line that parseCardText reads back to the same draft: what "edit in place"
// starts from.
QString formatCardText(const CardDraft &draft, bool utc);
CardDraft draftOf(const SituationItem &item);

// A duration written so that parseDurationMs reads it back: "1h30m", "45s", "2d".
QString formatDurationInput(qint64 ms);

// What the estimate line takes: "30m 2h [low|medium|high] [basis…]", or "30m-2h …"; bare
// numbers are minutes. The range is checked with validateEstimate.
struct EstimateDraft
{
    qint64 lowMs = 0;
    qint64 highMs = 0;
    std::optional<Confidence> confidence; // empty: keep the previous revision's, else medium
    QString basis;
};

Result<EstimateDraft> parseEstimateInput(const QString &line);

} // namespace sitrep
