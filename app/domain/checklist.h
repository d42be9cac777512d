#pragma once

#include <QList>
#include <QString>
#include "ids.h"
#include "roles.h"

#include <QUuid>
#include <optional>

namespace sitrep {

struct Runbook;

enum class ChecklistItemState { Open, Done, Skipped };

QString checklistItemStateKey(ChecklistItemState state);
std::optional<ChecklistItemState> parseChecklistItemState(const QString &key);

// One step of an attached checklist. The hints come from the runbook's Markdown: an owner role
// ("@comms"), a time-box ("(5m)") and a link.
struct ChecklistItem
{
    qint64 id = 0;
    QUuid uuid;
    qint64 checklistId = 0;
    int position = 0;
    QString section;
    QString text;
    int depth = 0;
    ChecklistItemState state = ChecklistItemState::Open;
    QString doneBy;
    std::optional<qint64> doneAt; // when it was ticked or skipped
    QString skipReason;
    std::optional<Role> ownerRole;
    std::optional<qint64> timeBoxMs;
    QString link;

    bool isCompleted() const { return state != ChecklistItemState::Open; }
};

// A runbook attached to an incident: its items are ticked or skipped with who and when.
struct Checklist
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    QString name;
    QString runbookSlug; // the library runbook it came from ("first-response"); empty when made by hand
    qint64 attachedAt = 0;
    QList<ChecklistItem> items;

    int doneCount() const; // ticked or skipped: the steps nobody has to look at any more
    int nextOpenIndex() const; // the first open step, -1 when none
};

// The steps of a runbook as checklist items (section, text, depth and hints; all open).
QList<ChecklistItem> checklistItemsFromRunbook(const Runbook &runbook);

// What a person asks of a step.
enum class ChecklistAction { Tick, Skip, Untick };

// Why the step cannot take that action in its state, or nothing when it can. Ticking works
// from open or skipped (it was done after all); skipping only from open, and only with a
// reason; unticking from done or skipped.
std::optional<QString> checkChecklistAction(const ChecklistItem &item, ChecklistAction action, const QString &reason = {});

// When step `index` became the one to do: when the checklist was attached for the first step,
// otherwise when the step before it was completed. Nothing while the step before is open.
std::optional<qint64> itemStartedAt(const Checklist &checklist, int index);

// How long a completed step took: from when it became the one to do (or, if it was done out of
// order, from the last completion before it in the checklist) until it was completed.
std::optional<qint64> itemTimeTakenMs(const Checklist &checklist, int index);

// When an open, time-boxed step's time runs out: its start plus its time-box. Nothing for a
// step without a time-box, one that is completed, or one that has not started.
std::optional<qint64> itemDueAt(const Checklist &checklist, int index);

} // namespace sitrep
