#include "boardorder.h"

#include "plansteps.h"

namespace sitrep {

bool isFinishedPlanState(const QString &state)
{
    const PlanState s = parsePlanState(state).value_or(PlanState::Todo);
    return s == PlanState::Done || s == PlanState::Abandoned;
}

bool planBoardLessThan(const QString &stateA, const QString &tagA, int positionA, const QString &stateB,
                       const QString &tagB, int positionB)
{
    const bool finishedA = isFinishedPlanState(stateA);
    const bool finishedB = isFinishedPlanState(stateB);
    if (finishedA != finishedB)
        return !finishedA;
    return planStepLessThan(parsePlanTag(tagA).value_or(PlanTag::None), positionA,
                            parsePlanTag(tagB).value_or(PlanTag::None), positionB);
}

} // namespace sitrep
