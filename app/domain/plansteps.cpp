#include "plansteps.h"

#include <QCoreApplication>

namespace sitrep {

QString planStateKey(PlanState state)
{
    switch (state) {
    case PlanState::Todo: return QStringLiteral("todo");
    case PlanState::Doing: return QStringLiteral("doing");
    case PlanState::Done: return QStringLiteral("done");
    case PlanState::Abandoned: return QStringLiteral("abandoned");
    }
    return {};
}

QString planStateLabel(PlanState state)
{
    switch (state) {
    case PlanState::Todo: return QCoreApplication::translate("PlanState", "To do");
    case PlanState::Doing: return QCoreApplication::translate("PlanState", "In progress");
    case PlanState::Done: return QCoreApplication::translate("PlanState", "Done");
    case PlanState::Abandoned: return QCoreApplication::translate("PlanState", "Abandoned");
    }
    return {};
}

QList<PlanState> allPlanStates()
{
    return {PlanState::Todo, PlanState::Doing, PlanState::Done, PlanState::Abandoned};
}

std::optional<PlanState> parsePlanState(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (PlanState s : allPlanStates()) {
        if (planStateKey(s) == k)
            return s;
    }
    return std::nullopt;
}

QString planTagKey(PlanTag tag)
{
    switch (tag) {
    case PlanTag::None: return QStringLiteral("none");
    case PlanTag::Contain: return QStringLiteral("contain");
    case PlanTag::Fix: return QStringLiteral("fix");
    case PlanTag::Verify: return QStringLiteral("verify");
    }
    return {};
}

QString planTagLabel(PlanTag tag)
{
    switch (tag) {
    case PlanTag::None: return QCoreApplication::translate("PlanTag", "Untagged");
    case PlanTag::Contain: return QCoreApplication::translate("PlanTag", "Contain");
    case PlanTag::Fix: return QCoreApplication::translate("PlanTag", "Fix");
    case PlanTag::Verify: return QCoreApplication::translate("PlanTag", "Verify");
    }
    return {};
}

QList<PlanTag> allPlanTags()
{
    return {PlanTag::None, PlanTag::Contain, PlanTag::Fix, PlanTag::Verify};
}

std::optional<PlanTag> parsePlanTag(const QString &key)
{
    const QString k = key.trimmed().toLower();
    // Most steps are never tagged; a stored empty tag must not read as corrupt.
    if (k.isEmpty())
        return PlanTag::None;
    for (PlanTag t : allPlanTags()) {
        if (planTagKey(t) == k)
            return t;
    }
    return std::nullopt;
}

std::optional<QString> checkPlanTransition(PlanState from, PlanState to, bool risky, const QString &backOut)
{
    if (from == to)
        return QCoreApplication::translate("PlanSteps", "The step is already in that state.");
    if (from == PlanState::Abandoned)
        return QCoreApplication::translate("PlanSteps", "An abandoned step stays abandoned; add a new step to try again.");
    if (from == PlanState::Done && to != PlanState::Doing)
        return QCoreApplication::translate("PlanSteps", "A done step can only be reopened.");

    const bool taking = to == PlanState::Doing || (from == PlanState::Todo && to == PlanState::Done);
    if (taking && risky && backOut.trimmed().isEmpty())
        return QCoreApplication::translate("PlanSteps", "This step is risky: write down how to back out of it before starting it.");
    return std::nullopt;
}

int planTagRank(PlanTag tag)
{
    switch (tag) {
    case PlanTag::Contain: return 0;
    case PlanTag::Fix: return 1;
    case PlanTag::Verify: return 2;
    case PlanTag::None: return 3;
    }
    return 3;
}

bool planStepLessThan(PlanTag tagA, int positionA, PlanTag tagB, int positionB)
{
    const int rankA = planTagRank(tagA);
    const int rankB = planTagRank(tagB);
    if (rankA != rankB)
        return rankA < rankB;
    return positionA < positionB;
}

QString unknownStateKey(UnknownState state)
{
    switch (state) {
    case UnknownState::Open: return QStringLiteral("open");
    case UnknownState::Answered: return QStringLiteral("answered");
    }
    return {};
}

QString unknownStateLabel(UnknownState state)
{
    switch (state) {
    case UnknownState::Open: return QCoreApplication::translate("UnknownState", "Open");
    case UnknownState::Answered: return QCoreApplication::translate("UnknownState", "Answered");
    }
    return {};
}

std::optional<UnknownState> parseUnknownState(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (UnknownState s : {UnknownState::Open, UnknownState::Answered}) {
        if (unknownStateKey(s) == k)
            return s;
    }
    return std::nullopt;
}

std::optional<QString> checkAnswer(const SituationItem &item, const QString &answer)
{
    if (item.column != SituationColumn::Unknown)
        return QCoreApplication::translate("PlanSteps", "Only an unknown can be answered.");
    const std::optional<UnknownState> state =
        item.state.trimmed().isEmpty() ? UnknownState::Open : parseUnknownState(item.state);
    if (state == UnknownState::Answered)
        return QCoreApplication::translate("PlanSteps", "This unknown has already been answered.");
    if (!state)
        return QCoreApplication::translate("PlanSteps", "This unknown is in an unrecognised state and cannot be answered.");
    if (answer.trimmed().isEmpty())
        return QCoreApplication::translate("PlanSteps", "An answer needs some text.");
    return std::nullopt;
}

} // namespace sitrep
