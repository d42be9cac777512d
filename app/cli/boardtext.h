#pragma once

#include "domain/boardhistory.h"
#include "domain/situationitem.h"

#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

struct EstimateReview;

// What `sitrep board` prints: the four columns as plain text, one card a line, with the card
// numbers `answer` takes. Built from a snapshot (now, or as of a moment); `cards` adds the
// details the history does not keep (numbers, times, need-by, back-out, time-box) for the cards
// still on the board — only for the board now, where they are true.
struct BoardText
{
    QString title;
    BoardSnapshot board;
    std::optional<qint64> asOf;  // empty: the board now
    qint64 nowMs = 0;
    QList<SituationItem> cards;  // the current cards, for their numbers and details
    int estimateRevisions = 0;
    const EstimateReview *review = nullptr; // accuracy once restored
    bool utc = false;
};

QString formatBoardText(const BoardText &board);

} // namespace sitrep
