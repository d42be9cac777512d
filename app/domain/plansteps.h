#pragma once

#include "situationitem.h"

#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

// Where a plan step stands. Stored in SituationItem::state by key.
enum class PlanState { Todo, Doing, Done, Abandoned };

QString planStateKey(PlanState state);   // "todo", "doing", "done", "abandoned"
QString planStateLabel(PlanState state); // "To do", "In progress", ...
std::optional<PlanState> parsePlanState(const QString &key);
QList<PlanState> allPlanStates();

// What a plan step is for. Contain before you cure: containment sorts first on the board.
enum class PlanTag { None, Contain, Fix, Verify };

QString planTagKey(PlanTag tag); // "none", "contain", "fix", "verify"
QString planTagLabel(PlanTag tag);
std::optional<PlanTag> parsePlanTag(const QString &key); // empty text parses as None
QList<PlanTag> allPlanTags();

// The rules for moving a plan step, as one table:
//   Todo      -> Doing, Done, Abandoned
//   Doing     -> Todo (paused), Done, Abandoned
//   Done      -> Doing only (reopen: the fix did not hold; the record stays honest because the
//                step is reopened, not erased)
//   Abandoned -> nothing: to try again, add a new step, so the record shows it was dropped
// A risky step cannot be taken (Todo -> Doing or Done, or reopened Done -> Doing) until its
// back-out step is written down: know how to back out of every step before taking it.
// Returns nothing when allowed, otherwise a translated reason for the user.
std::optional<QString> checkPlanTransition(PlanState from, PlanState to, bool risky, const QString &backOut);

// Board order for plan steps: contain, fix, verify, then untagged; by position within a tag.
int planTagRank(PlanTag tag);
bool planStepLessThan(PlanTag tagA, int positionA, PlanTag tagB, int positionB);

// Where an unknown stands. Stored in SituationItem::state by key; an unknown whose state was
// never set counts as open.
enum class UnknownState { Open, Answered };

QString unknownStateKey(UnknownState state); // "open", "answered"
QString unknownStateLabel(UnknownState state);
std::optional<UnknownState> parseUnknownState(const QString &key);

// Whether `item` may be answered with `answer`: only an open unknown, and only with some text.
// Returns nothing when allowed, otherwise a translated reason.
std::optional<QString> checkAnswer(const SituationItem &item, const QString &answer);

} // namespace sitrep
