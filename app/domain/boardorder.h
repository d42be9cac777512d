#pragma once

#include <QString>

namespace sitrep {

// The order of the plan column on the board: steps still open (to do, in progress) before
// finished ones (done, abandoned), so what matters now is on top; within each, contain before
// fix before verify before untagged (planStepLessThan), then by position. Takes stored keys.
bool planBoardLessThan(const QString &stateA, const QString &tagA, int positionA, const QString &stateB,
                       const QString &tagB, int positionB);
bool isFinishedPlanState(const QString &state);

} // namespace sitrep
