#include "estimate.h"

#include "duration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace sitrep {

namespace {

constexpr qint64 minuteMs = 60 * 1000;

qint64 roundedMinutes(qint64 ms)
{
    return (ms + minuteMs / 2) / minuteMs;
}

QDateTime toDisplay(qint64 ms, bool utc)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return utc ? t : t.toLocalTime();
}

// "HH:mm" on the day the estimate was made, a full date and time on any other day.
QString windowEnd(const QDateTime &t, const QDate &madeOn)
{
    return t.date() == madeOn ? t.toString(QStringLiteral("HH:mm"))
                              : t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString confidenceKey(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Low: return QStringLiteral("low");
    case Confidence::Medium: return QStringLiteral("medium");
    case Confidence::High: return QStringLiteral("high");
    }
    return {};
}

QString confidenceLabel(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Low: return QCoreApplication::translate("Confidence", "Low");
    case Confidence::Medium: return QCoreApplication::translate("Confidence", "Medium");
    case Confidence::High: return QCoreApplication::translate("Confidence", "High");
    }
    return {};
}

QString confidencePhrase(Confidence confidence)
{
    // Whole phrases, not a lowered label: word order and case differ between languages.
    switch (confidence) {
    case Confidence::Low: return QCoreApplication::translate("Confidence", "low confidence");
    case Confidence::Medium: return QCoreApplication::translate("Confidence", "medium confidence");
    case Confidence::High: return QCoreApplication::translate("Confidence", "high confidence");
    }
    return {};
}

QList<Confidence> allConfidences()
{
    return {Confidence::Low, Confidence::Medium, Confidence::High};
}

std::optional<Confidence> parseConfidence(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (Confidence c : allConfidences()) {
        if (confidenceKey(c) == k)
            return c;
    }
    return std::nullopt;
}

std::optional<QString> validateEstimate(qint64 lowMs, qint64 highMs)
{
    if (lowMs < 0 || highMs < 0)
        return QCoreApplication::translate("Estimate", "An estimate cannot be negative.");
    if (lowMs > highMs)
        return QCoreApplication::translate("Estimate", "The low end of the estimate is above the high end.");
    if (highMs > maxEstimateMs)
        return QCoreApplication::translate("Estimate", "An estimate longer than 30 days is not an estimate to restore.");
    return std::nullopt;
}

QString formatEstimateRange(qint64 lowMs, qint64 highMs)
{
    const qint64 low = roundedMinutes(lowMs);
    const qint64 high = roundedMinutes(highMs);
    if (low == high)
        return formatDurationShort(highMs);
    // People say "30 to 90 minutes" rather than "30 min to 1 h 30 min" for short ranges.
    if (high < 120)
        return QCoreApplication::translate("Estimate", "%1–%2 min").arg(low).arg(high);
    // Whole hours read well up to about two days; past that, days carry the meaning.
    if (low % 60 == 0 && high % 60 == 0 && high < 48 * 60)
        return QCoreApplication::translate("Estimate", "%1–%2 h").arg(low / 60).arg(high / 60);
    return formatDurationShort(lowMs) + QStringLiteral(" – ") + formatDurationShort(highMs);
}

QString formatEstimateWindow(const Estimate &estimate, bool utc)
{
    const QDate madeOn = toDisplay(estimate.madeAt, utc).date();
    const QDateTime from = toDisplay(estimate.madeAt + estimate.lowMs, utc);
    const QDateTime to = toDisplay(estimate.madeAt + estimate.highMs, utc);
    const QString zone = utc ? QStringLiteral("UTC") : to.timeZoneAbbreviation();

    const QString fromText = windowEnd(from, madeOn);
    const QString toText = windowEnd(to, madeOn);
    if (fromText == toText)
        return toText + QLatin1Char(' ') + zone;
    // A bare dash between two dates with spaces reads as one blob; give it room.
    const QString dash = fromText.size() > 5 || toText.size() > 5 ? QStringLiteral(" – ") : QStringLiteral("–");
    return fromText + dash + toText + QLatin1Char(' ') + zone;
}

QString formatEstimate(const Estimate &estimate, bool utc)
{
    return formatEstimateRange(estimate.lowMs, estimate.highMs) + QStringLiteral(" · ")
        + formatEstimateWindow(estimate, utc);
}

EstimateAccuracy assessEstimate(const Estimate &estimate, qint64 restoredAtMs)
{
    EstimateAccuracy a;
    a.estimate = estimate;
    a.actualMs = restoredAtMs - estimate.madeAt;
    if (a.actualMs < estimate.lowMs) {
        a.outcome = EstimateOutcome::Early;
        a.missedByMs = estimate.lowMs - a.actualMs;
    } else if (a.actualMs > estimate.highMs) {
        a.outcome = EstimateOutcome::Late;
        a.missedByMs = a.actualMs - estimate.highMs;
    } else {
        a.outcome = EstimateOutcome::Inside;
        a.missedByMs = 0;
    }
    return a;
}

QList<EstimateAccuracy> assessEstimates(const QList<Estimate> &revisions, qint64 restoredAtMs)
{
    QList<Estimate> ordered = revisions;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Estimate &a, const Estimate &b) { return a.madeAt < b.madeAt; });
    QList<EstimateAccuracy> result;
    result.reserve(ordered.size());
    for (const Estimate &e : std::as_const(ordered))
        result.append(assessEstimate(e, restoredAtMs));
    return result;
}

} // namespace sitrep
