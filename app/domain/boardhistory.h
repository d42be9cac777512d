#pragma once

#include "estimate.h"
#include "situationitem.h"

#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

namespace sitrep {

// What happened to the board. Stored by key.
enum class BoardEventKind { Added, Edited, Moved, StateChanged, Answered, Removed, Estimated };

QString boardEventKindKey(BoardEventKind kind); // "added", "edited", "moved", "state", ...
std::optional<BoardEventKind> parseBoardEventKind(const QString &key);
QList<BoardEventKind> allBoardEventKinds();

// One change to the situation board, as kept in its history. Each kind reads only its fields:
//   Added        column, text, owner, state, tag (a second Added for the same card is ignored)
//   Edited       text, owner (both replaced: the event carries the card's new values); tag
//                too when the event carries one ("none" clears it), so a re-tagged step sorts right
//   Moved        column, state (appended at the end of the new column)
//   StateChanged state
//   Answered     answer (an open unknown moves to known, state "answered")
//   Removed      nothing (the card drops off)
//   Estimated    estimate (replaces the current one; an event without one is ignored)
// Cards live in known, unknown and plan; an Added or Moved naming the estimate column is ignored.
// Events for a card that does not exist at that moment are ignored, never fatal: a history is
// a record, and replay must not fail on a record it did not write.
struct BoardEvent
{
    qint64 at = 0;  // UTC epoch ms
    qint64 seq = 0; // orders events with the same `at` (the store's sequence)
    QUuid itemUuid;
    BoardEventKind kind = BoardEventKind::Added;
    SituationColumn column = SituationColumn::Known;
    QString text;
    QString owner;
    QString state;
    QString answer;
    QString tag; // plan steps: a PlanTag key, so "as of" keeps contain-before-fix order
    std::optional<Estimate> estimate;
};

// One card as it stood at a moment.
struct SnapshotCard
{
    QUuid uuid;
    QString text;
    QString owner;
    QString state;
    QString answer;
    QString tag;

    friend bool operator==(const SnapshotCard &, const SnapshotCard &) = default;
};

// The board as it stood at a moment: each column in the order cards arrived in it.
struct BoardSnapshot
{
    QList<SnapshotCard> known;
    QList<SnapshotCard> unknown;
    QList<SnapshotCard> plan;
    std::optional<Estimate> estimate;

    bool isEmpty() const { return known.isEmpty() && unknown.isEmpty() && plan.isEmpty() && !estimate; }
    friend bool operator==(const BoardSnapshot &, const BoardSnapshot &) = default;
};

// The board as it stood at `t`: events with at <= t, applied in (at, seq) order; events equal
// in both keep their given order. Same events, same answer.
BoardSnapshot boardAsOf(const QList<BoardEvent> &events, qint64 t);

// Every estimate revision made up to `t`, oldest first: what the postmortem grades.
QList<Estimate> estimateRevisionsAsOf(const QList<BoardEvent> &events, qint64 t);

} // namespace sitrep
