#pragma once

#include <QList>
#include <QString>
#include "ids.h"

#include <QUuid>
#include <optional>

namespace sitrep {

// The four columns of the situation board.
enum class SituationColumn { Known, Unknown, Plan, Estimate };

QString situationColumnKey(SituationColumn column);
QString situationColumnLabel(SituationColumn column);
std::optional<SituationColumn> parseSituationColumn(const QString &key);
QList<SituationColumn> allSituationColumns();

// One card on the board. Which fields mean something depends on the column:
//   known    owner is who it came from; knownAt when it became known; an answered unknown keeps
//            its question as text and carries the answer (state "answered")
//   unknown  owner finds out, by needBy; state "open" until answered
//   plan     owner does it; state todo/doing/done/abandoned; tag contain/fix/verify; a risky step
//            needs backOut before it starts; timeBoxMs counts from boxStartedAt; answers lists
//            the unknowns (item ids) the step should answer
struct SituationItem
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    SituationColumn column = SituationColumn::Known;
    QString text;
    QString owner;
    QString state; // column-specific: "open"/"answered" for unknowns, "todo"/"doing"/... for plan steps
    int position = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    std::optional<qint64> knownAt;
    QString answer;
    std::optional<qint64> needBy;
    QString tag; // a PlanTag key, empty when untagged
    bool risky = false;
    QString backOut;
    std::optional<qint64> timeBoxMs;
    std::optional<qint64> boxStartedAt;
    QList<qint64> answers;

    bool isAnswered() const { return !answer.isEmpty(); }
    // When the time-box runs out; empty unless the step has one and its clock is running.
    std::optional<qint64> timeBoxEnd() const;
};

} // namespace sitrep
