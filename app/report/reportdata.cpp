#include "reportdata.h"

#include "domain/duration.h"
#include "domain/estimate.h"
#include "domain/timeformat.h"
#include "services/services.h"

#include <QDateTime>
#include <QLocale>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

template <typename T>
std::optional<Error> take(Result<T> result, T &into)
{
    if (!result)
        return result.error();
    into = std::move(result).value();
    return std::nullopt;
}

} // namespace

Result<ReportData> collectReportData(Services &services, qint64 incidentId)
{
    ReportData d;
    d.generatedAt = services.clock().nowMs();
    d.generatedBy = services.user();
    if (auto e = take(services.incidents.find(incidentId), d.incident))
        return *e;
    d.metrics = computeMetrics(d.incident, d.generatedAt);

    int count = 0;
    if (auto e = take(services.timeline.count(incidentId), count))
        return *e;
    if (auto e = take(services.timeline.page(incidentId, 0, count), d.entries))
        return *e;
    for (const TimelineEntry &entry : std::as_const(d.entries)) {
        if (entry.pinned && !entry.isRetracted())
            d.pinned.append(entry);
    }

    // The ribbon spans the impact and whatever the key timeline holds around it.
    const Incident &i = d.incident;
    d.ribbonStart = i.startedAt;
    d.ribbonEnd = i.closedAt.value_or(i.resolvedAt.value_or(d.generatedAt));
    for (const TimelineEntry &entry : std::as_const(d.pinned)) {
        d.ribbonStart = std::min(d.ribbonStart, entry.at);
        d.ribbonEnd = std::max(d.ribbonEnd, entry.at);
    }
    if (d.ribbonEnd <= d.ribbonStart)
        d.ribbonEnd = d.ribbonStart + 60'000;
    d.phases = phaseBands(i, d.ribbonEnd);

    if (auto e = take(services.postmortems.postmortem(incidentId), d.postmortem))
        return *e;
    if (auto e = take(services.postmortems.actionItems(incidentId), d.actions))
        return *e;
    if (auto e = take(services.checklists.checklists(incidentId), d.checklists))
        return *e;
    if (auto e = take(services.updates.updates(incidentId), d.updates))
        return *e;
    if (auto e = take(services.situation.estimateReview(incidentId), d.estimateReview))
        return *e;
    if (auto e = take(services.situation.board(incidentId), d.board))
        return *e;
    if (auto e = take(services.updates.cadence(incidentId), d.cadence))
        return *e;

    // What was known at each milestone, in the order they happened; one board for milestones
    // that saw the same board.
    QList<std::pair<Milestone, qint64>> reached;
    for (Milestone m : allMilestones()) {
        if (const auto at = i.milestone(m); at && m != Milestone::Started)
            reached.append({m, *at});
    }
    std::stable_sort(reached.begin(), reached.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    for (const auto &[milestone, at] : std::as_const(reached)) {
        BoardSnapshot board;
        if (auto e = take(services.situation.boardAsOf(incidentId, at), board))
            return *e;
        if (board.isEmpty())
            continue;
        if (!d.boards.isEmpty() && d.boards.last().board == board) {
            d.boards.last().milestones.append(milestone);
            continue;
        }
        d.boards.append({{milestone}, at, board});
    }
    return d;
}

QString reportStatusLine(const Incident &incident)
{
    QString line = severityLabel(incident.severity) + QStringLiteral(" · ") + statusLabel(incident.status);
    if (incident.drill)
        line += QStringLiteral(" · ") + tr("DRILL");
    return line;
}

QString reportDateTime(qint64 ms)
{
    const QString local = formatDateTime(ms, false);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    if (t.offsetFromUtc() == 0)
        return local;
    return tr("%1 (%2 UTC)").arg(local, QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("HH:mm")));
}

QString reportDuration(const std::optional<qint64> &ms)
{
    if (!ms)
        return QStringLiteral("—");
    if (*ms < 0)
        return tr("%1 (milestones out of order)").arg(formatDurationShort(*ms));
    return formatDurationShort(*ms);
}

QString reportMoney(qint64 cents)
{
    const QLocale c(QLocale::English);
    return c.toString(double(cents) / 100.0, 'f', 2);
}

QString reportCount(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString reportCost(const ReportData &data)
{
    if (data.postmortem.costCents)
        return reportMoney(*data.postmortem.costCents);
    if (data.metrics.costCents && data.incident.costPerMinuteCents) {
        return tr("%1 (estimated at %2 per minute of impact)")
            .arg(reportMoney(*data.metrics.costCents), reportMoney(*data.incident.costPerMinuteCents));
    }
    return {};
}

QString reportAffected(const Postmortem &p)
{
    if (!p.affectedCount)
        return {};
    if (p.affectedUnit.isEmpty())
        return reportCount(*p.affectedCount);
    return reportCount(*p.affectedCount) + QLatin1Char(' ') + p.affectedUnit;
}

QStringList reportRoles(const Incident &incident)
{
    QStringList lines;
    for (Role role : allRoles()) {
        QStringList people;
        for (const RoleAssignment &a : incident.roles) {
            if (a.role == role)
                people << a.person;
        }
        if (!people.isEmpty())
            lines << roleLabel(role) + QStringLiteral(": ") + people.join(QStringLiteral(", "));
    }
    return lines;
}

QString milestoneNames(const QList<Milestone> &milestones)
{
    QStringList names;
    for (Milestone m : milestones)
        names << milestoneLabel(m);
    return names.join(QStringLiteral(", "));
}

QString estimateOutcomeText(const EstimateAccuracy &a)
{
    switch (a.outcome) {
    case EstimateOutcome::Inside: return tr("inside the range");
    case EstimateOutcome::Early: return tr("early by %1").arg(formatDurationShort(a.missedByMs));
    case EstimateOutcome::Late: return tr("late by %1").arg(formatDurationShort(a.missedByMs));
    }
    return {};
}

} // namespace sitrep
