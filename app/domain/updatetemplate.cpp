#include "updatetemplate.h"

#include "timeformat.h"

#include <QCoreApplication>
#include <algorithm>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpdateTemplate", text);
}

// Executives and customers read the first few lines; the rest waits for the responders' channel.
constexpr qsizetype kShortList = 3;

QString withOwner(const SituationItem &item, bool withOwners)
{
    const QString text = item.text.simplified();
    if (!withOwners || item.owner.trimmed().isEmpty())
        return text;
    return tr("%1 (%2)").arg(text, item.owner.trimmed());
}

QString bulletList(const QStringList &items, qsizetype limit = -1)
{
    QStringList lines;
    const qsizetype n = limit < 0 ? items.size() : std::min(limit, items.size());
    for (qsizetype i = 0; i < n; ++i)
        lines.append(QStringLiteral("- ") + items.at(i));
    if (n < items.size())
        lines.append(QCoreApplication::translate("UpdateTemplate", "- and %n more", nullptr, int(items.size() - n)));
    return lines.join(QLatin1Char('\n'));
}

// A titled part; an empty part still gets a sentence, so silence is not mistaken for an
// omission.
QString part(const QString &title, const QStringList &items, const QString &whenEmpty, qsizetype limit = -1)
{
    if (items.isEmpty())
        return QStringLiteral("%1 %2").arg(title, whenEmpty);
    return title + QLatin1Char('\n') + bulletList(items, limit);
}

QString impactLine(const UpdateFacts &f)
{
    if (f.impact.trimmed().isEmpty())
        return tr("Impact: being assessed.");
    return tr("Impact: %1").arg(f.impact.simplified());
}

QString estimateLine(const UpdateFacts &f)
{
    if (f.estimate.isEmpty())
        return tr("Estimate to restore: not yet known; we will give a range as soon as we have one.");
    return tr("Estimate to restore: %1").arg(f.estimate);
}

QString customerStatusSentence(Status status)
{
    switch (status) {
    case Status::Investigating: return tr("We are aware of a problem and are investigating it.");
    case Status::Identified: return tr("We have found the cause and are working on a fix.");
    case Status::Mitigated: return tr("A fix is in place and we are watching to make sure it holds.");
    case Status::Resolved:
    case Status::Closed: return tr("The problem is resolved.");
    }
    return {};
}

// What the team is doing, for readers who want the gist: the steps in progress, else the next
// ones to take.
QStringList currentWork(const UpdateFacts &f)
{
    return f.doing.isEmpty() ? f.next : f.doing;
}

} // namespace

UpdateFacts updateFactsFrom(const Incident &incident, const QList<SituationItem> &items, bool withOwners)
{
    UpdateFacts f;
    f.impact = incident.impact;
    f.status = incident.status;
    f.startedAt = incident.startedAt;
    f.resolvedAt = incident.resolvedAt;
    qint64 estimateAt = -1;
    for (const SituationItem &item : items) {
        const QString line = withOwner(item, withOwners);
        if (line.isEmpty())
            continue;
        switch (item.column) {
        case SituationColumn::Known: f.known.append(line); break;
        case SituationColumn::Unknown:
            // An answered unknown is knowledge even where it has not moved column yet.
            (item.state == QLatin1String("answered") ? f.known : f.unknown).append(line);
            break;
        case SituationColumn::Plan:
            if (item.state == QLatin1String("doing"))
                f.doing.append(line);
            else if (item.state == QLatin1String("done"))
                f.done.append(line);
            else if (item.state != QLatin1String("abandoned"))
                f.next.append(line);
            break;
        case SituationColumn::Estimate:
            if (item.updatedAt >= estimateAt) {
                estimateAt = item.updatedAt;
                f.estimate = item.text.simplified();
            }
            break;
        }
    }
    return f;
}

QString composeUpdateBody(AudienceTemplate audience, const UpdateFacts &f)
{
    QStringList parts;
    switch (audience) {
    case AudienceTemplate::Customers:
        parts.append(customerStatusSentence(f.status));
        if (!f.impact.trimmed().isEmpty())
            parts.append(tr("Affected: %1").arg(f.impact.simplified()));
        if (!f.estimate.isEmpty())
            parts.append(tr("We expect service to be back within %1.").arg(f.estimate));
        parts.append(tr("We are sorry for the disruption."));
        break;
    case AudienceTemplate::Executives:
        parts.append(impactLine(f));
        parts.append(part(tr("What we are doing:"), currentWork(f), tr("deciding the first step."), kShortList));
        parts.append(estimateLine(f));
        break;
    case AudienceTemplate::Responders:
    case AudienceTemplate::Custom:
        parts.append(impactLine(f));
        parts.append(part(tr("What we know:"), f.known, tr("nothing confirmed yet.")));
        parts.append(part(tr("What we are doing:"), f.doing, tr("no step in progress.")));
        if (!f.next.isEmpty())
            parts.append(part(tr("Next:"), f.next, {}));
        parts.append(part(tr("What we don't know yet:"), f.unknown, tr("no open questions.")));
        parts.append(estimateLine(f));
        break;
    }
    return parts.join(QStringLiteral("\n\n"));
}

QString composeAllClearBody(AudienceTemplate audience, const UpdateFacts &f, bool utc)
{
    const qint64 end = f.resolvedAt.value_or(f.startedAt);
    const QString window = tr("from %1 to %2 (%3)")
                               .arg(formatDateTime(f.startedAt, utc), formatClockTime(end, utc), formatElapsed(end - f.startedAt));
    QStringList parts;
    if (audience == AudienceTemplate::Customers) {
        parts.append(tr("The problem is resolved and service is working normally again."));
        if (!f.impact.trimmed().isEmpty())
            parts.append(tr("What happened: %1, %2.").arg(f.impact.simplified(), window));
        else
            parts.append(tr("It lasted %1.").arg(window));
        parts.append(tr("We will look into why it happened and what we change so it does not happen again. "
                        "Thank you for your patience."));
        return parts.join(QStringLiteral("\n\n"));
    }
    parts.append(tr("Resolved. The impact lasted %1.").arg(window));
    parts.append(tr("What happened: %1").arg(f.impact.trimmed().isEmpty() ? tr("see the incident record.") : f.impact.simplified()));
    const qsizetype limit = audience == AudienceTemplate::Executives ? kShortList : -1;
    parts.append(part(tr("What was done:"), f.done, tr("see the incident record."), limit));
    QStringList next;
    next.append(tr("We keep watching for a recurrence."));
    next.append(tr("A post-incident review will follow, with its actions and owners."));
    parts.append(tr("What happens next:") + QLatin1Char('\n') + bulletList(next));
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace sitrep
