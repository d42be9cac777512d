#pragma once

#include "drillscenario.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

// What happened in a drill run, as offsets from its start. The drill player fills this in from
// the timeline; scoring is then plain arithmetic.
struct DrillObservations
{
    std::optional<qint64> acknowledgedAfterMs;
    std::optional<qint64> firstUpdateAfterMs;
    QHash<QString, qint64> checklistItemDoneAfterMs; // by the step's text
    QHash<QString, qint64> statusReachedAfterMs;     // by status key ("mitigated")
};

// One expectation scored: the limit, what was measured (nothing if it never happened), and
// whether it was met (measured and within the limit; exactly on the limit counts as met).
struct ScoreLine
{
    QString expectationId;
    QString description; // translated: "Acknowledge the incident within 2m"
    qint64 limitMs = 0;
    std::optional<qint64> measuredMs;
    bool met = false;

    friend bool operator==(const ScoreLine &, const ScoreLine &) = default;
};

// The result of one drill run, one line per expectation in the scenario's order.
struct Scorecard
{
    QList<ScoreLine> lines;
    int metCount = 0;

    int total() const { return int(lines.size()); }
    friend bool operator==(const Scorecard &, const Scorecard &) = default;
};

// The sentence a scorecard shows for an expectation.
QString describeExpectation(const DrillExpectation &expectation);

// Scores a run. A checklist-item expectation matches every ticked step whose text starts with
// its prefix (case and spacing ignored) and takes the earliest. A status expectation is met by
// reaching that status or any later one (going straight to resolved also mitigates).
Scorecard scoreDrill(const QList<DrillExpectation> &expectations, const DrillObservations &observations);

// How a run did on one expectation against the run before it.
enum class ScoreTrend {
    NoPrevious, // the first run, or the previous run did not have this expectation
    Faster,     // measured sooner, or measured where the previous run never got there
    Slower,     // measured later, or never got there where the previous run did
    Same        // the same time, or neither run got there
};

QString scoreTrendLabel(ScoreTrend trend);

struct ComparisonCell
{
    bool present = false; // false when this run's scenario had no such expectation
    std::optional<qint64> measuredMs;
    bool met = false;
    ScoreTrend trend = ScoreTrend::NoPrevious;
    std::optional<qint64> deltaMs; // measured minus the previous run's, when both measured

    friend bool operator==(const ComparisonCell &, const ComparisonCell &) = default;
};

// One expectation across all runs, oldest run first.
struct ComparisonRow
{
    QString expectationId;
    QString description;
    qint64 limitMs = 0;
    QList<ComparisonCell> runs;
};

struct ScorecardComparison
{
    QList<ComparisonRow> rows; // every expectation id, in order of first appearance
    QList<int> metCounts;      // per run
};

// Puts runs side by side, oldest first, so a team sees whether practice is paying off.
ScorecardComparison compareScorecards(const QList<Scorecard> &runs);

} // namespace sitrep
