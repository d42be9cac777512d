#pragma once

#include "severity.h"
#include "status.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace sitrep {

// What a scripted event puts in front of the drill's players. Alert and note become timeline
// entries; known and unknown land on the situation board; ask is a stakeholder's question.
enum class InjectKind { Alert, Note, Known, Unknown, Ask };

QString injectKindKey(InjectKind kind); // "alert"
std::optional<InjectKind> parseInjectKind(const QString &key);

// One scripted event, at an offset from the drill's start.
struct DrillInject
{
    qint64 atMs = 0;
    InjectKind kind = InjectKind::Note;
    QString text;
    QString author;

    friend bool operator==(const DrillInject &, const DrillInject &) = default;
};

// What a drill measures. Each expectation is a deadline from the drill's start.
enum class ExpectationKind { Acknowledge, FirstUpdate, ChecklistItem, Status };

QString expectationKindKey(ExpectationKind kind); // "first-update"
std::optional<ExpectationKind> parseExpectationKind(const QString &key);

// One line of the drill's scorecard-to-be: "acknowledge within 2m".
struct DrillExpectation
{
    QString id;
    ExpectationKind what = ExpectationKind::Acknowledge;
    qint64 withinMs = 0;
    QString item;                 // ChecklistItem: a prefix of the step's text
    std::optional<Status> status; // Status: the status to reach (or pass)

    friend bool operator==(const DrillExpectation &, const DrillExpectation &) = default;
};

// A rehearsal script: the incident to declare, the runbooks to attach, what happens when, and
// what the team is timed on. See docs/drill-scenarios.md for the JSON form.
struct DrillScenario
{
    QString title;
    Severity severity = Severity::Sev2;
    QString impact;
    std::optional<qint64> deadlineOffsetMs; // "must be up by" as an offset from the start
    QStringList runbooks;                   // names of bundled runbooks, e.g. "first-response"
    QList<DrillInject> injects;             // sorted by atMs, document order kept for ties
    QList<DrillExpectation> expectations;   // document order

    friend bool operator==(const DrillScenario &, const DrillScenario &) = default;
};

struct ScenarioParseResult
{
    std::optional<DrillScenario> scenario; // empty when refused
    QString error;                         // the first problem: "$.injects[3].at: ..."
    QString errorPath;                     // its JSON path: "$.injects[3].at"
    QStringList errors;                    // every problem found, each "path: message"

    bool ok() const { return scenario.has_value(); }
};

// Scenario files larger than this are refused.
constexpr qsizetype maxScenarioBytes = 1024 * 1024;

// Reads a drill scenario. Strict: a wrong type, an out-of-range value, a missing required key
// or an unknown key anywhere in the known structure is refused with its JSON path, because a
// typo in a script should fail when it is loaded, not halfway through a rehearsal.
ScenarioParseResult parseDrillScenario(const QByteArray &json);

} // namespace sitrep
