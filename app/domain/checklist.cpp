#include "checklist.h"

#include <algorithm>

namespace sitrep {

QString checklistItemStateKey(ChecklistItemState state)
{
    switch (state) {
    case ChecklistItemState::Open: return QStringLiteral("open");
    case ChecklistItemState::Done: return QStringLiteral("done");
    case ChecklistItemState::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

std::optional<ChecklistItemState> parseChecklistItemState(const QString &key)
{
    for (auto s : {ChecklistItemState::Open, ChecklistItemState::Done, ChecklistItemState::Skipped}) {
        if (checklistItemStateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

int Checklist::doneCount() const
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [](const ChecklistItem &i) { return i.state != ChecklistItemState::Open; }));
}

} // namespace sitrep
