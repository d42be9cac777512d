#include "duration.h"

#include <QCoreApplication>
#include <QStringList>

#include <iterator>
#include <limits>

namespace sitrep {

namespace {

constexpr qint64 secondMs = 1000;
constexpr qint64 minuteMs = 60 * secondMs;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;

constexpr qint64 maxMs = std::numeric_limits<qint64>::max();

// The unit letters in the only order they may appear, with their size.
struct Unit
{
    char16_t letter;
    qint64 ms;
};
constexpr Unit units[] = {{u'd', dayMs}, {u'h', hourMs}, {u'm', minuteMs}, {u's', secondMs}};

// Adds value * unitMs to total; false when that would overflow.
bool accumulate(qint64 &total, qint64 value, qint64 unitMs)
{
    if (value > (maxMs - total) / unitMs)
        return false;
    total += value * unitMs;
    return true;
}

} // namespace

std::optional<qint64> parseDurationMs(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;

    qint64 total = 0;
    qsizetype pos = 0;
    int nextUnit = 0; // index into units: enforces largest-first, each unit once
    bool sawUnit = false;
    while (pos < t.size()) {
        // A run of digits; a sign or anything else is refused here.
        qint64 value = 0;
        const qsizetype digitsStart = pos;
        while (pos < t.size() && t.at(pos).isDigit() && t.at(pos).unicode() < 128) {
            const int digit = t.at(pos).unicode() - u'0';
            if (value > (maxMs - digit) / 10)
                return std::nullopt;
            value = value * 10 + digit;
            ++pos;
        }
        if (pos == digitsStart)
            return std::nullopt;

        if (pos == t.size()) {
            // A bare number means minutes, but only on its own: "1h30" is ambiguous, refuse it.
            if (sawUnit || !accumulate(total, value, minuteMs))
                return std::nullopt;
            return total;
        }

        const char16_t letter = t.at(pos).unicode();
        ++pos;
        int found = -1;
        for (int i = nextUnit; i < int(std::size(units)); ++i) {
            if (units[i].letter == letter) {
                found = i;
                break;
            }
        }
        if (found < 0 || !accumulate(total, value, units[found].ms))
            return std::nullopt;
        nextUnit = found + 1;
        sawUnit = true;
    }
    return total;
}

QString formatDurationShort(qint64 ms)
{
    const bool negative = ms < 0;
    // Work in unsigned so that the most negative value has a magnitude too.
    const quint64 magnitude = negative ? quint64(0) - quint64(ms) : quint64(ms);
    const QString sign = negative ? QStringLiteral("-") : QString();

    if (magnitude < quint64(minuteMs))
        return sign + QCoreApplication::translate("Duration", "%1 s").arg(magnitude / quint64(secondMs));

    const quint64 minutes = (magnitude + quint64(minuteMs) / 2) / quint64(minuteMs);
    const quint64 days = minutes / (24 * 60);
    const quint64 hours = (minutes / 60) % 24;
    const quint64 mins = minutes % 60;

    QStringList parts;
    if (days > 0)
        parts << QCoreApplication::translate("Duration", "%1 d").arg(days);
    if (hours > 0)
        parts << QCoreApplication::translate("Duration", "%1 h").arg(hours);
    if (mins > 0)
        parts << QCoreApplication::translate("Duration", "%1 min").arg(mins);
    return sign + parts.join(QLatin1Char(' '));
}

} // namespace sitrep
