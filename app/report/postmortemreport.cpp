// The postmortem report's content, section by section, laid out on a PageFlow. The order
// follows the union of the Google SRE, Atlassian and PagerDuty templates: what happened and
// what it cost first, then why, then what we do about it, then the evidence.
#include "reportlayouts.h"

#include "pageflow.h"
#include "ribbonfigure.h"

#include "domain/duration.h"
#include "domain/estimate.h"
#include "domain/timeformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPainter>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

QString localClock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

QString utcClock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("HH:mm:ss"));
}

QString localZone(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).timeZoneAbbreviation();
}

QString dayHeading(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).date(), QLocale::LongFormat);
}

TableSpec labelValueTable()
{
    TableSpec spec;
    spec.heading = false;
    spec.columns = {{QString(), 1.0, false}, {QString(), 2.6, false}};
    return spec;
}

void addPair(TableSpec &spec, const QString &label, const QString &value)
{
    if (value.isEmpty())
        return;
    TableRow row;
    row.cells = {label, value};
    row.emphasis = true;
    spec.rows.append(row);
}

void sectionText(PageFlow &flow, const QString &text)
{
    if (text.trimmed().isEmpty())
        flow.note(tr("Not written yet."));
    else
        flow.paragraph(text);
}

void sectionPointsOrNote(PageFlow &flow, const QString &text)
{
    const QStringList points = sectionPoints(text);
    if (points.isEmpty())
        flow.note(tr("Not written yet."));
    else
        flow.bullets(points, flow.style().body);
}

void titleBlock(PageFlow &flow, const ReportData &d, const QString &kindLabel)
{
    const ReportStyle &s = flow.style();
    flow.paragraph(kindLabel.toUpper(), s.smallBold, s.accent);
    flow.space(2);
    flow.paragraph(d.incident.title, s.title, s.text);
    flow.space(4);
    flow.paragraph(reportStatusLine(d.incident), s.h2, s.muted);
    if (d.incident.drill) {
        flow.space(6);
        const QString label = tr("DRILL — a rehearsal, not a real incident");
        const QFont font = s.bold;
        const QColor alarm = s.alarm;
        flow.figure(flow.pt(20), [label, font, alarm](QPainter &p, const QRectF &r) {
            p.setFont(font);
            const QRectF box(r.left(), r.top(), QFontMetricsF(font, p.device()).horizontalAdvance(label) + r.height(), r.height());
            p.fillRect(box, alarm);
            p.setPen(Qt::white);
            p.drawText(box, Qt::AlignCenter, label);
        });
    }
    flow.space(10);
}

void summaryTable(PageFlow &flow, const ReportData &d)
{
    const Incident &i = d.incident;
    TableSpec spec = labelValueTable();
    addPair(spec, tr("Incident"), i.shortId() + QStringLiteral("  (") + uuidText(i.uuid) + QLatin1Char(')'));
    addPair(spec, tr("Severity"), severityLabel(i.severity) + QStringLiteral(" — ") + severityDescription(i.severity));
    addPair(spec, tr("Status"), statusLabel(i.status));
    addPair(spec, tr("Impact began"), reportDateTime(i.startedAt));
    if (i.resolvedAt)
        addPair(spec, tr("Resolved"), reportDateTime(*i.resolvedAt));
    addPair(spec, tr("Duration of impact"),
            reportDuration(d.metrics.impactMs) + (d.metrics.impactOngoing ? tr(" (still ongoing)") : QString()));
    addPair(spec, tr("Review owner"), d.postmortem.owner.isEmpty() ? tr("not assigned") : d.postmortem.owner);
    addPair(spec, tr("Review status"), reviewStatusLabel(d.postmortem.status));
    const QStringList roles = reportRoles(i);
    if (!roles.isEmpty())
        addPair(spec, tr("Roles"), roles.join(QLatin1Char('\n')));
    flow.table(spec);
}

void impactSection(PageFlow &flow, const ReportData &d)
{
    const IncidentMetrics &m = d.metrics;
    TableSpec spec;
    spec.columns = {{tr("Measure"), 1.2, false}, {tr("Value"), 1.4, false}, {tr("Measured"), 2.0, true}};
    auto row = [&spec](const QString &a, const QString &b, const QString &c) {
        TableRow r;
        r.cells = {a, b, c};
        r.emphasis = true;
        spec.rows.append(r);
    };
    row(tr("Duration of impact"), reportDuration(m.impactMs),
        m.impactOngoing ? tr("from impact start to now; still ongoing")
                        : tr("from impact start to %1").arg(m.impactEndedBy ? milestoneLabel(*m.impactEndedBy).toLower() : QString()));
    row(tr("Time to detect"), reportDuration(m.timeToDetectMs), tr("impact start to detected"));
    row(tr("Time to acknowledge"), reportDuration(m.timeToAcknowledgeMs),
        m.acknowledgeFromStarted ? tr("impact start to acknowledged") : tr("detected to acknowledged"));
    row(tr("Time to mitigate"), reportDuration(m.timeToMitigateMs), tr("impact start to mitigated"));
    row(tr("Time to resolve"), reportDuration(m.timeToResolveMs), tr("impact start to resolved"));
    const Postmortem &p = d.postmortem;
    const QString unit = p.affectedUnit.isEmpty() ? tr("Customers or users affected")
                                                   : tr("%1 affected").arg(p.affectedUnit.left(1).toUpper() + p.affectedUnit.mid(1));
    row(unit, p.affectedCount ? reportCount(*p.affectedCount) : tr("not counted"), QString());
    row(tr("Support requests"), p.supportRequests ? reportCount(*p.supportRequests) : tr("not counted"), QString());
    QString costValue = tr("not known");
    QString costNote;
    if (p.costCents) {
        costValue = reportMoney(*p.costCents);
        costNote = tr("as stated in the review");
    } else if (m.costCents && d.incident.costPerMinuteCents) {
        costValue = reportMoney(*m.costCents);
        costNote = tr("estimated: %1 per minute of impact").arg(reportMoney(*d.incident.costPerMinuteCents));
    }
    row(tr("Cost"), costValue, costNote);
    flow.table(spec);
    if (!d.incident.impact.isEmpty()) {
        flow.paragraph(tr("Impact as declared: %1").arg(d.incident.impact), flow.style().body, flow.style().text);
        flow.space(4);
    }
}

void timelineSection(PageFlow &flow, const ReportData &d)
{
    const ReportStyle &s = flow.style();
    flow.figure(flow.pt(ribbonHeightPoints()), [&d, s](QPainter &p, const QRectF &r) { paintRibbon(p, r, d, s); });
    flow.space(6);
    flow.heading(tr("Key timeline"), 2);
    if (d.pinned.isEmpty()) {
        flow.note(tr("No entry was pinned. Pin the entries that tell the story and they appear here."));
        return;
    }
    const QString zone = localZone(d.incident.startedAt);
    TableSpec spec;
    spec.columns = {{QStringLiteral("#"), 0.35, true},
                    {tr("Time (%1)").arg(zone), 0.9, true},
                    {tr("UTC"), 0.75, true},
                    {tr("What happened"), 5.0, false},
                    {tr("Who"), 1.3, true}};
    for (qsizetype n = 0; n < d.pinned.size(); ++n) {
        const TimelineEntry &e = d.pinned.at(n);
        TableRow row;
        row.cells = {QString::number(n + 1), localClock(e.at), utcClock(e.at), e.text, e.author};
        spec.rows.append(row);
    }
    flow.table(spec);
}

void causesSection(PageFlow &flow, const ReportData &d)
{
    const Postmortem &p = d.postmortem;
    flow.heading(tr("Root causes"), 2);
    sectionText(flow, p.rootCauses);
    flow.heading(tr("Trigger"), 2);
    sectionText(flow, p.trigger);
    if (!p.fiveWhys.isEmpty()) {
        flow.heading(tr("Five whys"), 2);
        TableSpec spec;
        spec.heading = false;
        spec.columns = {{QString(), 0.7, false}, {QString(), 6.0, false}};
        for (qsizetype n = 0; n < p.fiveWhys.size(); ++n) {
            TableRow row;
            row.cells = {tr("Why %1").arg(n + 1), p.fiveWhys.at(n)};
            row.emphasis = true;
            spec.rows.append(row);
        }
        flow.table(spec);
    }
}

void actionsSection(PageFlow &flow, const ReportData &d)
{
    if (d.actions.isEmpty()) {
        flow.note(tr("No action items yet."));
        return;
    }
    TableSpec spec;
    spec.columns = {{QStringLiteral("#"), 0.35, true},   {tr("Action"), 4.0, false}, {tr("Type"), 0.9, false},
                    {tr("Priority"), 0.7, false},        {tr("Owner"), 1.3, false},  {tr("Due"), 1.0, true},
                    {tr("State"), 1.0, false},            {tr("Tracker"), 1.6, true}};
    for (qsizetype n = 0; n < d.actions.size(); ++n) {
        const ActionItem &a = d.actions.at(n);
        TableRow row;
        row.cells = {QString::number(n + 1), a.text,    actionKindLabel(a.kind), priorityLabel(a.priority),
                     a.owner,                dueDateText(a.due), actionStateLabel(a.state), a.tracker};
        spec.rows.append(row);
    }
    flow.table(spec);
}

void lessonsSection(PageFlow &flow, const ReportData &d)
{
    const Postmortem &p = d.postmortem;
    flow.heading(tr("What went well"), 2);
    sectionPointsOrNote(flow, p.wentWell);
    flow.heading(tr("What went poorly"), 2);
    sectionPointsOrNote(flow, p.wentPoorly);
    flow.heading(tr("Where we got lucky"), 2);
    sectionPointsOrNote(flow, p.gotLucky);
    flow.heading(tr("Lessons learned"), 2);
    sectionText(flow, p.lessons);
}

QString cardLines(const QList<SnapshotCard> &cards)
{
    QStringList lines;
    for (const SnapshotCard &c : cards) {
        QString line = QStringLiteral("• ") + c.text;
        if (!c.answer.isEmpty())
            line += QStringLiteral(" → ") + c.answer;
        if (!c.owner.isEmpty())
            line += QStringLiteral(" (") + c.owner + QLatin1Char(')');
        if (!c.state.isEmpty() && c.state != QLatin1String("answered") && c.state != QLatin1String("open"))
            line += QStringLiteral(" [") + c.state + QLatin1Char(']');
        lines << line;
    }
    return lines.isEmpty() ? QStringLiteral("—") : lines.join(QLatin1Char('\n'));
}

void knownWhenSection(PageFlow &flow, const ReportData &d)
{
    if (d.boards.isEmpty()) {
        flow.note(tr("The situation board was empty at every milestone."));
        return;
    }
    for (const MilestoneBoard &b : d.boards) {
        flow.heading(tr("%1 — %2").arg(milestoneNames(b.milestones), reportDateTime(b.at)), 2);
        TableSpec spec;
        spec.columns = {{situationColumnLabel(SituationColumn::Known), 1.0, false},
                        {situationColumnLabel(SituationColumn::Unknown), 1.0, false},
                        {situationColumnLabel(SituationColumn::Plan), 1.0, false}};
        TableRow row;
        row.cells = {cardLines(b.board.known), cardLines(b.board.unknown), cardLines(b.board.plan)};
        spec.rows.append(row);
        flow.table(spec);
        const QString estimate = b.board.estimate
                                     ? tr("Estimate then: %1, %2.").arg(formatEstimate(*b.board.estimate, false),
                                                                        confidencePhrase(b.board.estimate->confidence))
                                     : tr("No estimate yet.");
        flow.paragraph(estimate, flow.style().body, flow.style().muted);
        flow.space(4);
    }
}

void estimatesSection(PageFlow &flow, const ReportData &d)
{
    const EstimateReview &review = d.estimateReview;
    if (!review.restoredAt) {
        flow.note(tr("The impact has not ended, so no estimate can be graded yet."));
        return;
    }
    if (review.revisions.isEmpty()) {
        flow.note(tr("No time-to-restore estimate was made."));
        return;
    }
    int inside = 0;
    for (const EstimateAccuracy &a : review.revisions)
        inside += a.isInside() ? 1 : 0;
    flow.paragraph(tr("Service was restored %1. %2 of %3 estimates held the actual time in their range.")
                       .arg(reportDateTime(*review.restoredAt))
                       .arg(inside)
                       .arg(review.revisions.size()),
                   flow.style().body, flow.style().text);
    flow.space(4);
    TableSpec spec;
    spec.columns = {{tr("Made at"), 1.1, true}, {tr("Estimate"), 1.2, false},   {tr("Confidence"), 0.9, false},
                    {tr("Basis"), 2.4, false},  {tr("Actually took"), 1.1, false}, {tr("Outcome"), 1.3, false}};
    for (const EstimateAccuracy &a : review.revisions) {
        TableRow row;
        row.cells = {formatClockTime(a.estimate.madeAt), formatEstimateRange(a.estimate.lowMs, a.estimate.highMs),
                     confidenceLabel(a.estimate.confidence), a.estimate.basis, formatDurationShort(a.actualMs),
                     estimateOutcomeText(a)};
        spec.rows.append(row);
    }
    flow.table(spec);
}

void checklistsSection(PageFlow &flow, const ReportData &d)
{
    if (d.checklists.isEmpty()) {
        flow.note(tr("No checklist was attached."));
        return;
    }
    for (const Checklist &c : d.checklists) {
        flow.heading(tr("%1 — %2 of %3 steps done (attached %4)")
                         .arg(c.name)
                         .arg(c.doneCount())
                         .arg(c.items.size())
                         .arg(formatClockTime(c.attachedAt)),
                     2);
        TableSpec spec;
        spec.columns = {{tr("Step"), 4.0, false}, {tr("State"), 0.9, false}, {tr("By"), 1.2, true},
                        {tr("Completed"), 1.1, true}, {tr("Took"), 0.8, true}};
        QString section;
        for (qsizetype n = 0; n < c.items.size(); ++n) {
            const ChecklistItem &item = c.items.at(n);
            if (!item.section.isEmpty() && item.section != section) {
                section = item.section;
                TableRow group;
                group.group = true;
                group.cells = {section};
                spec.rows.append(group);
            }
            QString state;
            switch (item.state) {
            case ChecklistItemState::Open: state = tr("Open"); break;
            case ChecklistItemState::Done: state = tr("Done"); break;
            case ChecklistItemState::Skipped: state = tr("Skipped"); break;
            }
            QString text = QString(item.depth * 2, QLatin1Char(' ')) + item.text;
            if (item.state == ChecklistItemState::Skipped && !item.skipReason.isEmpty())
                text += QStringLiteral("\n") + tr("Skipped: %1").arg(item.skipReason);
            const auto took = itemTimeTakenMs(c, int(n));
            TableRow row;
            row.cells = {text, state, item.doneBy, item.doneAt ? formatClockTime(*item.doneAt) : QString(),
                         took ? formatDurationShort(*took) : QString()};
            spec.rows.append(row);
        }
        flow.table(spec);
    }
}

void fullTimelineAppendix(PageFlow &flow, const ReportData &d)
{
    if (d.entries.isEmpty()) {
        flow.note(tr("The timeline is empty."));
        return;
    }
    const QString zone = localZone(d.incident.startedAt);
    TableSpec spec;
    spec.striped = true;
    spec.columns = {{tr("Time (%1)").arg(zone), 0.9, true}, {tr("UTC"), 0.8, true}, {tr("Kind"), 1.0, true},
                    {tr("Entry"), 5.0, false},               {tr("Who"), 1.3, true}};
    QDate day;
    spec.rows.reserve(d.entries.size() + 8);
    for (const TimelineEntry &e : d.entries) {
        const QDate entryDay = QDateTime::fromMSecsSinceEpoch(e.at).date();
        if (entryDay != day) {
            day = entryDay;
            TableRow group;
            group.group = true;
            group.cells = {dayHeading(e.at)};
            spec.rows.append(group);
        }
        QString text = e.text;
        QStringList marks;
        if (e.pinned)
            marks << tr("key");
        if (e.internal)
            marks << tr("internal");
        if (!marks.isEmpty())
            text += QStringLiteral("  [") + marks.join(QStringLiteral(", ")) + QLatin1Char(']');
        TableRow row;
        if (e.isRetracted()) {
            row.struck = true;
            text += QStringLiteral("\n") + tr("Retracted: %1").arg(e.retractReason);
        }
        row.cells = {localClock(e.at), utcClock(e.at), entryKindLabel(e.kind), text, e.author};
        spec.rows.append(row);
    }
    flow.table(spec);
}

void updatesAppendix(PageFlow &flow, const ReportData &d)
{
    if (d.updates.isEmpty()) {
        flow.note(tr("No stakeholder update was sent."));
        return;
    }
    for (const StakeholderUpdate &u : d.updates) {
        const QString kind = u.kind == UpdateKind::AllClear ? tr("all-clear") : tr("update");
        flow.heading(tr("To %1 — %2 (%3)").arg(u.audienceName, reportDateTime(u.sentAt), kind), 2);
        flow.paragraph(u.body);
        QStringList facts{tr("Sent by %1").arg(u.author.isEmpty() ? tr("unknown") : u.author),
                          tr("as %1, %2").arg(severityLabel(u.severity), statusLabel(u.status).toLower())};
        if (u.nextUpdateAt)
            facts << tr("next update promised by %1").arg(formatClockTime(*u.nextUpdateAt));
        flow.paragraph(facts.join(QStringLiteral(" · ")), flow.style().small, flow.style().muted);
        flow.space(6);
    }
}

} // namespace

void layoutPostmortem(PageFlow &flow, const ReportData &d)
{
    titleBlock(flow, d, tr("Postmortem"));
    summaryTable(flow, d);

    int n = 0;
    auto section = [&flow, &n](const QString &title) { flow.heading(QStringLiteral("%1. %2").arg(++n).arg(title), 1); };
    section(tr("Summary"));
    sectionText(flow, d.postmortem.summary);
    section(tr("Impact"));
    impactSection(flow, d);
    section(tr("Timeline"));
    timelineSection(flow, d);
    section(tr("Root causes and trigger"));
    causesSection(flow, d);
    section(tr("Detection"));
    sectionText(flow, d.postmortem.detection);
    section(tr("Response and recovery"));
    sectionText(flow, d.postmortem.response);
    section(tr("Action items"));
    actionsSection(flow, d);
    section(tr("Lessons"));
    lessonsSection(flow, d);
    section(tr("What was known when"));
    knownWhenSection(flow, d);
    section(tr("Estimate accuracy"));
    estimatesSection(flow, d);
    section(tr("Checklists"));
    checklistsSection(flow, d);

    flow.newPage();
    flow.heading(tr("Appendix A. Full timeline"), 1);
    flow.paragraph(tr("Every entry in order, with local and UTC times. Retracted entries are struck through and "
                      "keep their reason."),
                   flow.style().body, flow.style().muted);
    flow.space(4);
    fullTimelineAppendix(flow, d);
    flow.heading(tr("Appendix B. Stakeholder updates"), 1);
    updatesAppendix(flow, d);
}

} // namespace sitrep
