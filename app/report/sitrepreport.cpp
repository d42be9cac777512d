// The one-page sitrep: what a manager needs mid-incident, on one sheet they can carry into a
// meeting — where it stands, how long it has been, the board, the estimate, when we speak next,
// and who is doing what.
#include "reportlayouts.h"

#include "pageflow.h"

#include "domain/duration.h"
#include "domain/estimate.h"
#include "domain/timeformat.h"

#include <QCoreApplication>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Report", text);
}

QString clip(const QString &text, int length)
{
    return text.size() > length ? text.left(length - 1) + QChar(0x2026) : text;
}

QString cardList(const QList<SnapshotCard> &cards, int limit)
{
    QStringList lines;
    for (qsizetype n = 0; n < cards.size() && n < limit; ++n) {
        const SnapshotCard &c = cards.at(n);
        QString line = QStringLiteral("• ") + clip(c.text, 160);
        if (!c.answer.isEmpty())
            line += QStringLiteral(" → ") + clip(c.answer, 120);
        if (!c.owner.isEmpty())
            line += QStringLiteral(" (") + c.owner + QLatin1Char(')');
        if (!c.state.isEmpty() && c.state != QLatin1String("answered") && c.state != QLatin1String("open"))
            line += QStringLiteral(" [") + c.state + QLatin1Char(']');
        lines << line;
    }
    if (cards.size() > limit)
        lines << tr("+ %1 more on the board").arg(cards.size() - limit);
    return lines.isEmpty() ? QStringLiteral("—") : lines.join(QLatin1Char('\n'));
}

QString nextUpdateText(const ReportData &d)
{
    const CadenceInfo &c = d.cadence;
    if (!c.active)
        return tr("none owed: the incident is %1").arg(statusLabel(d.incident.status).toLower());
    if (!c.dueAt)
        return tr("no update sent yet: send the first one now");
    const qint64 left = *c.dueAt - d.generatedAt;
    const QString when = formatClockTime(*c.dueAt);
    if (left < 0)
        return tr("%1 — overdue by %2").arg(when, formatDurationShort(-left));
    return tr("%1 — in %2").arg(when, formatDurationShort(left));
}

} // namespace

void layoutSitrep(PageFlow &flow, const ReportData &d, int cardsPerColumn)
{
    const ReportStyle &s = flow.style();
    const Incident &i = d.incident;
    flow.paragraph(tr("Situation report").toUpper(), s.smallBold, s.accent);
    flow.space(2);
    flow.paragraph(i.title, s.title, s.text);
    flow.space(3);
    flow.paragraph(reportStatusLine(i) + (i.drill ? tr(" — a rehearsal, not a real incident") : QString()), s.h2,
                   i.drill ? s.alarm : s.muted);
    flow.space(8);

    TableSpec facts;
    facts.heading = false;
    facts.columns = {{QString(), 1.0, false}, {QString(), 3.2, false}};
    auto fact = [&facts](const QString &label, const QString &value) {
        TableRow row;
        row.cells = {label, value};
        row.emphasis = true;
        facts.rows.append(row);
    };
    fact(tr("Status"), tr("%1 since %2").arg(statusLabel(i.status), formatClockTime(i.currentStatusSince())));
    fact(tr("Severity"), severityLabel(i.severity) + QStringLiteral(" — ") + severityDescription(i.severity));
    fact(tr("Elapsed"), tr("%1 since impact began at %2%3")
                            .arg(formatDurationShort(d.metrics.impactMs.value_or(0)), formatDateTime(i.startedAt),
                                 d.metrics.impactOngoing ? QString() : tr(" (impact has ended)")));
    if (!i.impact.isEmpty())
        fact(tr("Impact"), clip(i.impact, 400));
    if (i.deadlineAt)
        fact(tr("Deadline"), formatDateTime(*i.deadlineAt));
    if (d.board.estimate) {
        fact(tr("Estimate"), tr("%1, %2%3")
                                 .arg(formatEstimate(*d.board.estimate, false),
                                      confidencePhrase(d.board.estimate->confidence),
                                      d.board.estimate->basis.isEmpty()
                                          ? QString()
                                          : QStringLiteral(" — ") + clip(d.board.estimate->basis, 200)));
    } else {
        fact(tr("Estimate"), tr("none yet"));
    }
    fact(tr("Next update"), nextUpdateText(d));
    const QStringList roles = reportRoles(i);
    fact(tr("Roles"), roles.isEmpty() ? tr("none assigned") : roles.join(QLatin1Char('\n')));
    flow.table(facts);

    flow.heading(tr("Situation board"), 2);
    TableSpec board;
    board.columns = {{tr("Known (%1)").arg(d.board.known.size()), 1.0, false},
                     {tr("Unknown (%1)").arg(d.board.unknown.size()), 1.0, false},
                     {tr("Plan (%1)").arg(d.board.plan.size()), 1.0, false}};
    TableRow cards;
    cards.cells = {cardList(d.board.known, cardsPerColumn), cardList(d.board.unknown, cardsPerColumn),
                   cardList(d.board.plan, cardsPerColumn)};
    board.rows.append(cards);
    flow.table(board);

    if (!d.pinned.isEmpty()) {
        flow.heading(tr("Key events"), 2);
        TableSpec events;
        events.columns = {{tr("Time"), 1.0, true}, {tr("What happened"), 5.5, false}};
        const qsizetype from = std::max<qsizetype>(0, d.pinned.size() - cardsPerColumn);
        for (qsizetype n = from; n < d.pinned.size(); ++n) {
            TableRow row;
            row.cells = {formatClockTime(d.pinned.at(n).at), clip(d.pinned.at(n).text, 240)};
            events.rows.append(row);
        }
        flow.table(events);
    }
}

} // namespace sitrep
