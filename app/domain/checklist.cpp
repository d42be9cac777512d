#include "checklist.h"

#include "runbook.h"

#include <QCoreApplication>

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
    return int(std::count_if(items.cbegin(), items.cend(), [](const ChecklistItem &i) { return i.isCompleted(); }));
}

int Checklist::nextOpenIndex() const
{
    for (int i = 0; i < items.size(); ++i) {
        if (!items.at(i).isCompleted())
            return i;
    }
    return -1;
}

QList<ChecklistItem> checklistItemsFromRunbook(const Runbook &runbook)
{
    QList<ChecklistItem> items;
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookItem &step : section.items) {
            ChecklistItem item;
            item.section = section.title;
            item.text = step.text;
            item.depth = step.depth;
            item.ownerRole = step.ownerRole;
            item.timeBoxMs = step.timeBoxMs;
            item.link = step.link;
            items.append(item);
        }
    }
    return items;
}

std::optional<QString> checkChecklistAction(const ChecklistItem &item, ChecklistAction action, const QString &reason)
{
    const auto say = [](const char *text) { return QCoreApplication::translate("Checklist", text); };
    switch (action) {
    case ChecklistAction::Tick:
        if (item.state == ChecklistItemState::Done)
            return say("\"%1\" is already done.").arg(item.text);
        return std::nullopt;
    case ChecklistAction::Skip:
        if (item.state == ChecklistItemState::Done)
            return say("\"%1\" is done; untick it before skipping it.").arg(item.text);
        if (item.state == ChecklistItemState::Skipped)
            return say("\"%1\" is already skipped.").arg(item.text);
        if (reason.trimmed().isEmpty())
            return say("Skipping \"%1\" needs a reason, so the review knows why.").arg(item.text);
        return std::nullopt;
    case ChecklistAction::Untick:
        if (item.state == ChecklistItemState::Open)
            return say("\"%1\" is not ticked or skipped.").arg(item.text);
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<qint64> itemStartedAt(const Checklist &checklist, int index)
{
    if (index < 0 || index >= checklist.items.size())
        return std::nullopt;
    if (index == 0)
        return checklist.attachedAt;
    const ChecklistItem &previous = checklist.items.at(index - 1);
    if (!previous.isCompleted() || !previous.doneAt)
        return std::nullopt;
    return std::max(*previous.doneAt, checklist.attachedAt);
}

std::optional<qint64> itemTimeTakenMs(const Checklist &checklist, int index)
{
    if (index < 0 || index >= checklist.items.size())
        return std::nullopt;
    const ChecklistItem &item = checklist.items.at(index);
    if (!item.isCompleted() || !item.doneAt)
        return std::nullopt;
    const qint64 end = *item.doneAt;
    qint64 start = checklist.attachedAt;
    // The latest completion of an earlier step that came before this one: in order, that is the
    // step just above; out of order, the last thing the team finished before turning to this.
    for (int i = 0; i < index; ++i) {
        const ChecklistItem &earlier = checklist.items.at(i);
        if (earlier.isCompleted() && earlier.doneAt && *earlier.doneAt <= end)
            start = std::max(start, *earlier.doneAt);
    }
    return std::max<qint64>(0, end - start);
}

std::optional<qint64> itemDueAt(const Checklist &checklist, int index)
{
    if (index < 0 || index >= checklist.items.size())
        return std::nullopt;
    const ChecklistItem &item = checklist.items.at(index);
    if (item.isCompleted() || !item.timeBoxMs)
        return std::nullopt;
    const std::optional<qint64> started = itemStartedAt(checklist, index);
    if (!started)
        return std::nullopt;
    return *started + *item.timeBoxMs;
}

} // namespace sitrep
