#include "timeformat.h"

#include <QDateTime>
#include <QTimeZone>

namespace sitrep {

namespace {

QDateTime toDisplay(qint64 ms, bool utc)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return utc ? t : t.toLocalTime();
}

QString zoneName(const QDateTime &t, bool utc)
{
    return utc ? QStringLiteral("UTC") : t.timeZoneAbbreviation();
}

} // namespace

std::optional<qint64> parseIsoTime(const QString &text, qint64 nowMs)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;

    // A bare clock time means today, local.
    const QTime clock = QTime::fromString(t, QStringLiteral("HH:mm"));
    if (clock.isValid() && t.size() == 5) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime().date();
        return QDateTime(today, clock).toMSecsSinceEpoch();
    }

    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    // A date alone parses too; we want an instant, so insist on a time part.
    if (!t.contains(QLatin1Char('T')) && !t.contains(QLatin1Char(' ')))
        return std::nullopt;
    const int year = dt.date().year();
    if (year < 1970 || year > 9999)
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

QString formatIsoTime(qint64 ms, bool utc)
{
    const QDateTime t = toDisplay(ms, utc);
    if (utc)
        return t.toString(Qt::ISODate);
    return t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODate);
}

QString formatClockTime(qint64 ms, bool utc)
{
    const QDateTime t = toDisplay(ms, utc);
    return t.toString(QStringLiteral("HH:mm:ss")) + QLatin1Char(' ') + zoneName(t, utc);
}

QString formatDateTime(qint64 ms, bool utc)
{
    const QDateTime t = toDisplay(ms, utc);
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QLatin1Char(' ') + zoneName(t, utc);
}

QString formatElapsed(qint64 ms)
{
    const QString sign = ms < 0 ? QStringLiteral("-") : QString();
    qint64 s = (ms < 0 ? -ms : ms) / 1000;
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    s %= 60;
    auto two = [](qint64 v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (h > 0)
        return sign + QStringLiteral("%1h %2m %3s").arg(h).arg(two(m), two(s));
    if (m > 0)
        return sign + QStringLiteral("%1m %2s").arg(m).arg(two(s));
    return sign + QStringLiteral("%1s").arg(s);
}

} // namespace sitrep
