#include "markdownreport.h"

#include "domain/duration.h"
#include "domain/estimate.h"
#include "domain/timeformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

// Builds the document line by line; blocks are separated by one blank line.
class Md
{
public:
    void heading(int level, QString text)
    {
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        block(QString(level, QLatin1Char('#')) + QLatin1Char(' ') + text);
    }
    void paragraph(const QString &text) { block(text.trimmed()); }
    void note(const QString &text) { block(QLatin1Char('_') + text + QLatin1Char('_')); }
    void bullets(const QStringList &points)
    {
        QStringList lines;
        for (const QString &p : points)
            lines << QStringLiteral("- ") + inlineText(p);
        block(lines.join(QLatin1Char('\n')));
    }
    void table(const QStringList &headings, const QList<QStringList> &rows)
    {
        QStringList lines;
        lines << row(headings);
        QStringList rule;
        for (qsizetype i = 0; i < headings.size(); ++i)
            rule << QStringLiteral("---");
        lines << QStringLiteral("| ") + rule.join(QStringLiteral(" | ")) + QStringLiteral(" |");
        for (const QStringList &r : rows)
            lines << row(r);
        block(lines.join(QLatin1Char('\n')));
    }
    void raw(const QString &text) { block(text); }
    QString text() const { return m_blocks.join(QStringLiteral("\n\n")) + QLatin1Char('\n'); }

    // One line of prose from a single-line field: a leading # or > would become markup.
    static QString inlineText(QString text)
    {
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        static const QRegularExpression leading(QStringLiteral("^([#>]|\\d+\\.\\s)"));
        if (leading.match(text).hasMatch())
            text.prepend(QLatin1Char('\\'));
        return text;
    }

private:
    static QString row(const QStringList &cells)
    {
        QStringList escaped;
        for (const QString &c : cells)
            escaped << markdownCell(c);
        return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |");
    }
    void block(const QString &text)
    {
        if (!text.isEmpty())
            m_blocks << text;
    }
    QStringList m_blocks;
};

QString clock(qint64 ms, bool utc = false)
{
    return formatClockTime(ms, utc);
}

void sectionText(Md &md, const QString &text)
{
    if (text.trimmed().isEmpty())
        md.note(tr("Not written yet."));
    else
        md.paragraph(text);
}

void sectionPointsOrNote(Md &md, const QString &text)
{
    const QStringList points = sectionPoints(text);
    if (points.isEmpty())
        md.note(tr("Not written yet."));
    else
        md.bullets(points);
}

QStringList cardPoints(const QList<SnapshotCard> &cards)
{
    QStringList out;
    for (const SnapshotCard &c : cards) {
        QString line = c.text;
        if (!c.answer.isEmpty())
            line += QStringLiteral(" → ") + c.answer;
        if (!c.owner.isEmpty())
            line += QStringLiteral(" (") + c.owner + QLatin1Char(')');
        if (!c.state.isEmpty() && c.state != QLatin1String("answered") && c.state != QLatin1String("open"))
            line += QStringLiteral(" [") + c.state + QLatin1Char(']');
        out << line;
    }
    return out;
}

void board(Md &md, const BoardSnapshot &b)
{
    const std::pair<SituationColumn, const QList<SnapshotCard> *> columns[] = {
        {SituationColumn::Known, &b.known}, {SituationColumn::Unknown, &b.unknown}, {SituationColumn::Plan, &b.plan}};
    for (const auto &[column, cards] : columns) {
        md.raw(QStringLiteral("**") + situationColumnLabel(column) + QStringLiteral("**"));
        if (cards->isEmpty())
            md.note(tr("nothing"));
        else
            md.bullets(cardPoints(*cards));
    }
}

QStringList keyFacts(const ReportData &d)
{
    const Incident &i = d.incident;
    QStringList facts;
    facts << tr("Incident") << QStringLiteral("`%1` (%2)").arg(i.shortId(), uuidText(i.uuid));
    facts << tr("Severity") << severityLabel(i.severity) + QStringLiteral(" — ") + severityDescription(i.severity);
    facts << tr("Status") << statusLabel(i.status);
    facts << tr("Impact began") << reportDateTime(i.startedAt);
    if (i.resolvedAt)
        facts << tr("Resolved") << reportDateTime(*i.resolvedAt);
    facts << tr("Duration of impact")
          << reportDuration(d.metrics.impactMs) + (d.metrics.impactOngoing ? tr(" (still ongoing)") : QString());
    return facts;
}

QList<QStringList> pairs(const QStringList &flat)
{
    QList<QStringList> rows;
    for (qsizetype n = 0; n + 1 < flat.size(); n += 2)
        rows << QStringList{QStringLiteral("**") + flat.at(n) + QStringLiteral("**"), flat.at(n + 1)};
    return rows;
}

} // namespace

QString markdownCell(const QString &text)
{
    QString t = text;
    t.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    t.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    t.replace(QLatin1String("\r\n"), QStringLiteral("\n"));
    t.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return t.trimmed();
}

QString postmortemMarkdown(const ReportData &d)
{
    const Incident &i = d.incident;
    const Postmortem &p = d.postmortem;
    const IncidentMetrics &m = d.metrics;
    Md md;
    md.heading(1, tr("Postmortem: %1").arg(i.title));
    QString byline = QStringLiteral("**") + reportStatusLine(i) + QStringLiteral("** · ")
                     + tr("Review: %1, owned by %2")
                           .arg(reviewStatusLabel(p.status).toLower(), p.owner.isEmpty() ? tr("nobody yet") : p.owner);
    md.paragraph(byline);
    if (i.drill)
        md.raw(QStringLiteral("> **") + tr("DRILL — a rehearsal, not a real incident") + QStringLiteral("**"));
    QStringList facts = keyFacts(d);
    const QStringList roles = reportRoles(i);
    if (!roles.isEmpty())
        facts << tr("Roles") << roles.join(QLatin1Char('\n'));
    md.table({tr("Field"), tr("Value")}, pairs(facts));

    int n = 0;
    auto section = [&md, &n](const QString &title) { md.heading(2, QStringLiteral("%1. %2").arg(++n).arg(title)); };

    section(tr("Summary"));
    sectionText(md, p.summary);

    section(tr("Impact"));
    QList<QStringList> impact;
    impact << QStringList{tr("Duration of impact"), reportDuration(m.impactMs)}
           << QStringList{tr("Time to detect"), reportDuration(m.timeToDetectMs)}
           << QStringList{tr("Time to acknowledge"), reportDuration(m.timeToAcknowledgeMs)}
           << QStringList{tr("Time to mitigate"), reportDuration(m.timeToMitigateMs)}
           << QStringList{tr("Time to resolve"), reportDuration(m.timeToResolveMs)}
           << QStringList{p.affectedUnit.isEmpty() ? tr("Customers or users affected")
                                                              : tr("%1 affected").arg(p.affectedUnit.left(1).toUpper() + p.affectedUnit.mid(1)),
                          p.affectedCount ? reportCount(*p.affectedCount) : tr("not counted")}
           << QStringList{tr("Support requests"), p.supportRequests ? reportCount(*p.supportRequests) : tr("not counted")};
    const QString cost = reportCost(d);
    impact << QStringList{tr("Cost"), cost.isEmpty() ? tr("not known") : cost};
    md.table({tr("Measure"), tr("Value")}, impact);
    if (!i.impact.isEmpty())
        md.paragraph(tr("Impact as declared: %1").arg(i.impact));

    section(tr("Timeline"));
    md.heading(3, tr("Key timeline"));
    if (d.pinned.isEmpty()) {
        md.note(tr("No entry was pinned."));
    } else {
        QList<QStringList> rows;
        for (qsizetype k = 0; k < d.pinned.size(); ++k) {
            const TimelineEntry &e = d.pinned.at(k);
            rows << QStringList{QString::number(k + 1), clock(e.at), clock(e.at, true), e.text, e.author};
        }
        md.table({QStringLiteral("#"), tr("Time"), tr("UTC"), tr("What happened"), tr("Who")}, rows);
    }

    section(tr("Root causes and trigger"));
    md.heading(3, tr("Root causes"));
    sectionText(md, p.rootCauses);
    md.heading(3, tr("Trigger"));
    sectionText(md, p.trigger);
    if (!p.fiveWhys.isEmpty()) {
        md.heading(3, tr("Five whys"));
        QStringList whys;
        for (qsizetype k = 0; k < p.fiveWhys.size(); ++k)
            whys << QStringLiteral("%1. %2").arg(k + 1).arg(Md::inlineText(p.fiveWhys.at(k)));
        md.raw(whys.join(QLatin1Char('\n')));
    }

    section(tr("Detection"));
    sectionText(md, p.detection);
    section(tr("Response and recovery"));
    sectionText(md, p.response);

    section(tr("Action items"));
    if (d.actions.isEmpty()) {
        md.note(tr("No action items yet."));
    } else {
        QList<QStringList> rows;
        for (qsizetype k = 0; k < d.actions.size(); ++k) {
            const ActionItem &a = d.actions.at(k);
            rows << QStringList{QString::number(k + 1), a.text, actionKindLabel(a.kind), priorityLabel(a.priority),
                                a.owner, dueDateText(a.due), actionStateLabel(a.state), a.tracker};
        }
        md.table({QStringLiteral("#"), tr("Action"), tr("Type"), tr("Priority"), tr("Owner"), tr("Due"), tr("State"),
                  tr("Tracker")},
                 rows);
    }

    section(tr("Lessons"));
    md.heading(3, tr("What went well"));
    sectionPointsOrNote(md, p.wentWell);
    md.heading(3, tr("What went poorly"));
    sectionPointsOrNote(md, p.wentPoorly);
    md.heading(3, tr("Where we got lucky"));
    sectionPointsOrNote(md, p.gotLucky);
    md.heading(3, tr("Lessons learned"));
    sectionText(md, p.lessons);

    section(tr("What was known when"));
    if (d.boards.isEmpty())
        md.note(tr("The situation board was empty at every milestone."));
    for (const MilestoneBoard &b : d.boards) {
        md.heading(3, tr("%1 — %2").arg(milestoneNames(b.milestones), reportDateTime(b.at)));
        board(md, b.board);
        md.note(b.board.estimate ? tr("Estimate then: %1, %2.").arg(formatEstimate(*b.board.estimate, false),
                                                                   confidencePhrase(b.board.estimate->confidence))
                                 : tr("No estimate yet."));
    }

    section(tr("Estimate accuracy"));
    if (!d.estimateReview.restoredAt) {
        md.note(tr("The impact has not ended, so no estimate can be graded yet."));
    } else if (d.estimateReview.revisions.isEmpty()) {
        md.note(tr("No time-to-restore estimate was made."));
    } else {
        md.paragraph(tr("Service was restored %1.").arg(reportDateTime(*d.estimateReview.restoredAt)));
        QList<QStringList> rows;
        for (const EstimateAccuracy &a : d.estimateReview.revisions) {
            rows << QStringList{clock(a.estimate.madeAt), formatEstimateRange(a.estimate.lowMs, a.estimate.highMs),
                                confidenceLabel(a.estimate.confidence), a.estimate.basis,
                                formatDurationShort(a.actualMs), estimateOutcomeText(a)};
        }
        md.table({tr("Made at"), tr("Estimate"), tr("Confidence"), tr("Basis"), tr("Actually took"), tr("Outcome")}, rows);
    }

    section(tr("Checklists"));
    if (d.checklists.isEmpty())
        md.note(tr("No checklist was attached."));
    for (const Checklist &c : d.checklists) {
        md.heading(3, tr("%1 — %2 of %3 steps done").arg(c.name).arg(c.doneCount()).arg(c.items.size()));
        QStringList lines;
        for (qsizetype k = 0; k < c.items.size(); ++k) {
            const ChecklistItem &item = c.items.at(k);
            const QString indent(item.depth * 2, QLatin1Char(' '));
            QString line = indent + (item.state == ChecklistItemState::Done ? QStringLiteral("- [x] ") : QStringLiteral("- [ ] "));
            line += item.state == ChecklistItemState::Skipped ? QStringLiteral("~~") + Md::inlineText(item.text) + QStringLiteral("~~")
                                                              : Md::inlineText(item.text);
            if (item.doneAt) {
                const auto took = itemTimeTakenMs(c, int(k));
                line += QStringLiteral(" — ") + (item.doneBy.isEmpty() ? QString() : item.doneBy + QStringLiteral(", "))
                        + clock(*item.doneAt) + (took ? tr(" (took %1)").arg(formatDurationShort(*took)) : QString());
            }
            if (item.state == ChecklistItemState::Skipped)
                line += QStringLiteral(" — ") + tr("skipped: %1").arg(Md::inlineText(item.skipReason));
            lines << line;
        }
        md.raw(lines.join(QLatin1Char('\n')));
    }

    md.heading(2, tr("Appendix A. Full timeline"));
    if (d.entries.isEmpty()) {
        md.note(tr("The timeline is empty."));
    } else {
        QList<QStringList> rows;
        for (const TimelineEntry &e : d.entries) {
            QString text = e.isRetracted() ? QStringLiteral("~~") + e.text.trimmed() + QStringLiteral("~~ ")
                                                 + tr("(retracted: %1)").arg(e.retractReason)
                                           : e.text;
            if (e.internal)
                text += QStringLiteral(" [") + tr("internal") + QLatin1Char(']');
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(e.at);
            rows << QStringList{local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), clock(e.at, true),
                                entryKindLabel(e.kind), text, e.author};
        }
        md.table({tr("Local time"), tr("UTC"), tr("Kind"), tr("Entry"), tr("Who")}, rows);
    }

    md.heading(2, tr("Appendix B. Stakeholder updates"));
    if (d.updates.isEmpty())
        md.note(tr("No stakeholder update was sent."));
    for (const StakeholderUpdate &u : d.updates) {
        const QString kind = u.kind == UpdateKind::AllClear ? tr("all-clear") : tr("update");
        md.heading(3, tr("To %1 — %2 (%3)").arg(u.audienceName, reportDateTime(u.sentAt), kind));
        QStringList quoted;
        for (const QString &line : u.body.split(QLatin1Char('\n')))
            quoted << (line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line);
        md.raw(quoted.join(QLatin1Char('\n')));
        QString sent = tr("Sent by %1").arg(u.author.isEmpty() ? tr("unknown") : u.author);
        if (u.nextUpdateAt)
            sent += QStringLiteral(" · ") + tr("next update promised by %1").arg(clock(*u.nextUpdateAt));
        md.note(sent);
    }

    md.raw(QStringLiteral("---"));
    md.note(tr("Generated %1 by Sitrep %2.").arg(formatDateTime(d.generatedAt), QStringLiteral(SITREP_VERSION)));
    return md.text();
}

QString sitrepMarkdown(const ReportData &d)
{
    const Incident &i = d.incident;
    Md md;
    md.heading(1, tr("Situation report: %1").arg(i.title));
    md.paragraph(QStringLiteral("**") + reportStatusLine(i) + QStringLiteral("**"));
    QStringList facts;
    facts << tr("Status") << tr("%1 since %2").arg(statusLabel(i.status), clock(i.currentStatusSince()));
    facts << tr("Elapsed") << tr("%1 since impact began at %2").arg(formatDurationShort(d.metrics.impactMs.value_or(0)),
                                                                    formatDateTime(i.startedAt));
    if (!i.impact.isEmpty())
        facts << tr("Impact") << i.impact;
    facts << tr("Estimate")
          << (d.board.estimate ? tr("%1, %2").arg(formatEstimate(*d.board.estimate, false),
                                                 confidencePhrase(d.board.estimate->confidence))
                               : tr("none yet"));
    if (d.cadence.active && d.cadence.dueAt)
        facts << tr("Next update") << clock(*d.cadence.dueAt);
    const QStringList roles = reportRoles(i);
    facts << tr("Roles") << (roles.isEmpty() ? tr("none assigned") : roles.join(QLatin1Char('\n')));
    md.table({tr("Field"), tr("Value")}, pairs(facts));
    md.heading(2, tr("Situation board"));
    board(md, d.board);
    md.note(tr("Generated %1 by Sitrep %2.").arg(formatDateTime(d.generatedAt), QStringLiteral(SITREP_VERSION)));
    return md.text();
}

} // namespace sitrep
