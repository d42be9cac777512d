#pragma once

// Shared by the situation service's files: how one board change is written down. Not part of
// the service's interface.

#include "servicecontext.h"

#include "domain/boardhistory.h"
#include "domain/boardinput.h"
#include "domain/situationitem.h"

namespace sitrep::situation {

QString tr(const char *text);

// The state a card starts with in a column: "open" unknowns, "todo" steps, nothing for knowns.
QString initialState(SituationColumn column);

// "In progress", "Open": a stored state as people read it.
QString stateLabel(const QString &state);

// Nothing when the draft fits the column; otherwise which marker does not belong there.
std::optional<QString> checkDraftForColumn(const CardDraft &draft, SituationColumn column);
// Checks that every card named in `answers` is an unknown of the same incident.
std::optional<QString> checkAnswerLinks(const QSqlDatabase &db, qint64 incidentId, const QList<qint64> &answers);

// Writes the draft's fields onto the card.
void applyDraft(SituationItem &item, const CardDraft &draft);
// Drops what the new column has no use for and sets what it needs.
void fitToColumn(SituationItem &item, SituationColumn column, qint64 now);

// "“Roll back deploy 4812”" — the card as a timeline entry quotes it.
QString quoted(const QString &text);
// "owner Ana → Ben; time-box 10 min → 15 min": every field that differs, before → after.
QString describeChanges(const SituationItem &before, const SituationItem &after);

// The card's values as a board event of `kind` carries them.
BoardEvent eventFor(const SituationItem &item, BoardEventKind kind, qint64 at);

// One change to the board: its timeline entry and its board event linked to that entry. Call
// inside mutate(), next to the state change and its change-log row.
void recordBoardChange(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId, const QString &text,
                       EntrySource source, qint64 now, BoardEvent event, qint64 estimateId = 0);

} // namespace sitrep::situation
