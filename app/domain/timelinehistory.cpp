#include "timelinehistory.h"

#include "timelineentry.h"

#include <QRegularExpression>

namespace sitrep {

bool TimelineFilter::accepts(const TimelineEntry &entry) const
{
    if (!kinds.isEmpty() && !kinds.contains(entry.kind))
        return false;
    if (!author.isEmpty() && entry.author != author)
        return false;
    return !pinnedOnly || entry.pinned;
}

QString fullTextQuery(const QString &typed)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = typed.split(nonWord, Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString &w : words)
        terms.append(QLatin1Char('"') + w + QStringLiteral("\"*"));
    return terms.join(QLatin1Char(' '));
}

} // namespace sitrep
