#pragma once

#include "ids.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <optional>

namespace sitrep {

// Where the review stands: being written, out for comments, agreed.
enum class ReviewStatus { Draft, InReview, Final };

QString reviewStatusKey(ReviewStatus status);   // "in-review"
QString reviewStatusLabel(ReviewStatus status); // "In review"
std::optional<ReviewStatus> parseReviewStatus(const QString &key);
QList<ReviewStatus> allReviewStatuses();

// What a follow-up action does about the failure (the PagerDuty / Google SRE split).
enum class ActionKind { Prevent, Mitigate, Detect, Repair };

QString actionKindKey(ActionKind kind);   // "prevent"
QString actionKindLabel(ActionKind kind); // "Prevent"
std::optional<ActionKind> parseActionKind(const QString &key);
QList<ActionKind> allActionKinds();

enum class ActionState { Open, InProgress, Done, WontDo };

QString actionStateKey(ActionState state);   // "in-progress"
QString actionStateLabel(ActionState state); // "In progress"
std::optional<ActionState> parseActionState(const QString &key);
QList<ActionState> allActionStates();

// Priorities run P1 (do first) to P4.
inline constexpr int kHighestPriority = 1;
inline constexpr int kLowestPriority = 4;
QString priorityLabel(int priority); // "P2"
// Accepts "2", "p2", "P2".
std::optional<int> parsePriority(const QString &text);

// The written review of one incident. Text sections are kept as typed; wentWell, wentPoorly
// and gotLucky hold one point per line. Numbers are empty until someone counted them.
struct Postmortem
{
    qint64 id = 0; // 0 until first saved
    QUuid uuid;
    qint64 incidentId = 0;
    QString owner;
    ReviewStatus status = ReviewStatus::Draft;
    QString summary;
    std::optional<qint64> affectedCount;
    QString affectedUnit; // what was counted: "customers", "users", "orders"
    std::optional<qint64> supportRequests;
    std::optional<qint64> costCents; // a stated cost; the report estimates one from the rate otherwise
    QString detection;
    QString response; // response and recovery
    QString rootCauses;
    QString trigger;
    QStringList fiveWhys; // the answers, in order
    QString wentWell;
    QString wentPoorly;
    QString gotLucky;
    QString lessons;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString updatedBy;

    bool isStored() const { return id != 0; }
    // The written content, without identity and bookkeeping: what an edit compares.
    bool sameContent(const Postmortem &other) const;
    friend bool operator==(const Postmortem &, const Postmortem &) = default;
};

// The names of the sections whose content differs, in the order the report shows them.
QStringList changedPostmortemSections(const Postmortem &before, const Postmortem &after);

// One follow-up action.
struct ActionItem
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    int position = 0;
    QString text;
    QString owner;
    ActionKind kind = ActionKind::Prevent;
    int priority = 2;
    QDate due; // a calendar day; invalid when none
    QString tracker; // a link (http/https) or a tracker key like OPS-123
    ActionState state = ActionState::Open;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool isClosed() const { return state == ActionState::Done || state == ActionState::WontDo; }
    friend bool operator==(const ActionItem &, const ActionItem &) = default;
};

inline constexpr int kMaxPostmortemText = 100'000;
inline constexpr int kMaxShortText = 500;
inline constexpr int kMaxFiveWhys = 10;

// Nothing when the review can be stored; otherwise a translated reason naming the section.
std::optional<QString> validatePostmortem(const Postmortem &postmortem);
// Nothing when the action can be stored; otherwise a translated reason naming the field.
std::optional<QString> validateActionItem(const ActionItem &item);

// The lines of a list section, trimmed, without empty lines and list markers ("- ", "* ").
QStringList sectionPoints(const QString &text);
// A due date as stored and exported: "2026-12-01"; empty when none.
QString dueDateText(const QDate &date);
// Parses "2026-12-01"; an empty text is "no date". Nothing for anything else.
std::optional<QDate> parseDueDate(const QString &text);

} // namespace sitrep
