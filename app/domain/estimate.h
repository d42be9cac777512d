#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

// How sure the lead is of an estimate. Stored by key, shown by label.
enum class Confidence { Low, Medium, High };

QString confidenceKey(Confidence confidence);    // "medium"
QString confidenceLabel(Confidence confidence);  // "Medium"
QString confidencePhrase(Confidence confidence); // "medium confidence", as a sentence uses it
std::optional<Confidence> parseConfidence(const QString &key);
QList<Confidence> allConfidences();

// One revision of the time-to-restore estimate: always a range, never a single number, counted
// from when it was made. Every revision is kept, so a postmortem can see how they moved.
struct Estimate
{
    qint64 lowMs = 0;
    qint64 highMs = 0;
    Confidence confidence = Confidence::Low;
    QString basis; // why we think so: "last time the failover took 40 min"
    qint64 madeAt = 0; // UTC epoch ms

    friend bool operator==(const Estimate &, const Estimate &) = default;
};

// The longest range we accept: past a month it is no longer an estimate to restore.
inline constexpr qint64 maxEstimateMs = 30LL * 24 * 60 * 60 * 1000;

// Nothing when the range is acceptable; otherwise a translated reason. A zero-width range
// (low == high) is allowed: it is still an honest statement when a restore is scripted.
std::optional<QString> validateEstimate(qint64 lowMs, qint64 highMs);

// "30–90 min" below two hours, "2–4 h" for whole hours below two days, else "1 h 30 min – 3 h";
// one duration when both ends round to the same minute.
QString formatEstimateRange(qint64 lowMs, qint64 highMs);
// The clock window the range lands in: "09:40–10:40 CET". An end on another day than madeAt
// carries its date, so a long range is not mistaken for today.
QString formatEstimateWindow(const Estimate &estimate, bool utc);
// "30–90 min · 09:40–10:40 CET"
QString formatEstimate(const Estimate &estimate, bool utc);

// Where the actual restore landed relative to an estimate's range.
enum class EstimateOutcome { Early, Inside, Late };

// How one estimate revision compared with what happened.
struct EstimateAccuracy
{
    Estimate estimate;
    qint64 actualMs = 0;         // restoredAt - madeAt; negative if the revision came after
    EstimateOutcome outcome = EstimateOutcome::Inside;
    qint64 missedByMs = 0;       // distance outside the range; 0 when inside
    bool isInside() const { return outcome == EstimateOutcome::Inside; }
};

EstimateAccuracy assessEstimate(const Estimate &estimate, qint64 restoredAtMs);
// Every revision, in the order they were made (stable for equal madeAt).
QList<EstimateAccuracy> assessEstimates(const QList<Estimate> &revisions, qint64 restoredAtMs);

} // namespace sitrep
