#include "boardtext.h"

#include "domain/boardorder.h"
#include "domain/duration.h"
#include "domain/estimate.h"
#include "domain/plansteps.h"
#include "domain/timeformat.h"
#include "services/situationservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BoardText", text);
}

// "09:40 UTC": what a column line needs; the heading carries the date.
QString clock(qint64 ms, bool utc)
{
    QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    if (!utc)
        t = t.toLocalTime();
    return t.toString(QStringLiteral("HH:mm")) + QLatin1Char(' ') + (utc ? QStringLiteral("UTC") : t.timeZoneAbbreviation());
}

// The clock time on the day of `nowMs`; with the date on any other day.
QString when(qint64 ms, qint64 nowMs, bool utc)
{
    QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc());
    if (!utc) {
        t = t.toLocalTime();
        now = now.toLocalTime();
    }
    return t.date() == now.date() ? clock(ms, utc) : t.toString(QStringLiteral("yyyy-MM-dd ")) + clock(ms, utc);
}

const SituationItem *findCard(const QList<SituationItem> &cards, const QUuid &uuid)
{
    for (const SituationItem &c : cards) {
        if (c.uuid == uuid)
            return &c;
    }
    return nullptr;
}

QString number(const SituationItem *item)
{
    return item ? QStringLiteral("#%1").arg(item->id, -4) : QStringLiteral("     ");
}

QString knownLine(const SnapshotCard &c, const SituationItem *item, qint64 now, bool utc)
{
    QString line = c.text;
    QStringList meta;
    if (!c.answer.isEmpty())
        line += tr(" — answered: %1").arg(c.answer);
    if (!c.owner.isEmpty())
        meta << tr("from %1").arg(c.owner);
    if (item && item->knownAt)
        meta << when(*item->knownAt, now, utc);
    return meta.isEmpty() ? line : line + QStringLiteral(" (") + meta.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString unknownLine(const SnapshotCard &c, const SituationItem *item, qint64 now, bool utc)
{
    QStringList meta;
    meta << (c.owner.isEmpty() ? tr("no owner") : c.owner);
    if (item && item->needBy) {
        meta << (*item->needBy < now ? tr("needed by %1 — overdue").arg(when(*item->needBy, now, utc))
                                     : tr("need by %1").arg(when(*item->needBy, now, utc)));
    }
    return c.text + QStringLiteral(" (") + meta.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString planLine(const SnapshotCard &c, const SituationItem *item, qint64 now, bool utc)
{
    const PlanState state = parsePlanState(c.state).value_or(PlanState::Todo);
    const PlanTag tag = parsePlanTag(c.tag).value_or(PlanTag::None);
    QString line = QStringLiteral("[%1] ").arg(planStateKey(state));
    if (tag != PlanTag::None)
        line += planTagKey(tag) + QStringLiteral(": ");
    line += c.text;
    QStringList meta;
    if (!c.owner.isEmpty())
        meta << c.owner;
    if (item) {
        if (item->risky)
            meta << tr("risky");
        if (!item->backOut.isEmpty())
            meta << tr("back-out: %1").arg(item->backOut);
        else if (item->risky)
            meta << tr("NO BACK-OUT STEP");
        if (item->timeBoxMs) {
            QString box = tr("time-box %1").arg(formatDurationShort(*item->timeBoxMs));
            if (const std::optional<qint64> end = item->timeBoxEnd(); end && state == PlanState::Doing) {
                box += *end >= now ? tr(" (%1 left)").arg(formatDurationShort(*end - now))
                                   : tr(" (OVER by %1)").arg(formatDurationShort(now - *end));
            }
            meta << box;
        }
        if (!item->answers.isEmpty()) {
            QStringList ids;
            for (qint64 id : item->answers)
                ids << QStringLiteral("#") + QString::number(id);
            meta << tr("answers %1").arg(ids.join(QStringLiteral(", ")));
        }
    }
    Q_UNUSED(utc);
    return meta.isEmpty() ? line : line + QStringLiteral(" — ") + meta.join(QStringLiteral(" · "));
}

QList<SnapshotCard> planOrder(const QList<SnapshotCard> &plan)
{
    QList<std::pair<int, SnapshotCard>> indexed;
    for (qsizetype i = 0; i < plan.size(); ++i)
        indexed.append({int(i), plan.at(i)});
    std::stable_sort(indexed.begin(), indexed.end(), [](const auto &a, const auto &b) {
        return planBoardLessThan(a.second.state, a.second.tag, a.first, b.second.state, b.second.tag, b.first);
    });
    QList<SnapshotCard> out;
    for (const auto &p : std::as_const(indexed))
        out.append(p.second);
    return out;
}

QString outcomeText(const EstimateAccuracy &a)
{
    switch (a.outcome) {
    case EstimateOutcome::Inside: return tr("inside the range");
    case EstimateOutcome::Early: return tr("restored %1 before the low end").arg(formatDurationShort(a.missedByMs));
    case EstimateOutcome::Late: return tr("restored %1 after the high end").arg(formatDurationShort(a.missedByMs));
    }
    return {};
}

} // namespace

QString formatBoardText(const BoardText &b)
{
    // Details of today's cards would lie about the past: an as-of board shows what history kept.
    const QList<SituationItem> noCards;
    const QList<SituationItem> &cards = b.asOf ? noCards : b.cards;
    const qint64 now = b.asOf.value_or(b.nowMs);
    QStringList out;
    out << (b.asOf ? tr("%1 — the board as of %2").arg(b.title, formatIsoTime(*b.asOf, b.utc))
                   : tr("%1 — the board at %2").arg(b.title, formatIsoTime(b.nowMs, b.utc)));
    out << QString();

    out << situationColumnLabel(SituationColumn::Estimate).toUpper();
    if (b.board.estimate) {
        const Estimate &e = *b.board.estimate;
        QString line = QStringLiteral("  ") + formatEstimate(e, b.utc) + QStringLiteral(", ")
            + confidencePhrase(e.confidence);
        if (!e.basis.isEmpty())
            line += QStringLiteral(" — ") + e.basis;
        out << line;
        QString made = tr("  made %1").arg(clock(e.madeAt, b.utc));
        if (b.estimateRevisions > 1)
            made += tr(", revision %1").arg(b.estimateRevisions);
        if (now > e.madeAt + e.highMs)
            made += tr("; the window has passed: revise it");
        out << made;
    } else {
        out << tr("  none given yet");
    }

    const auto section = [&](SituationColumn column, const QList<SnapshotCard> &list, auto line) {
        out << QString() << tr("%1 (%2)").arg(situationColumnLabel(column).toUpper()).arg(list.size());
        if (list.isEmpty())
            out << tr("  nothing yet");
        for (const SnapshotCard &c : list) {
            const SituationItem *item = findCard(cards, c.uuid);
            out << QStringLiteral("  ") + (b.asOf ? QString() : number(item) + QLatin1Char(' ')) + line(c, item);
        }
    };
    section(SituationColumn::Known, b.board.known,
            [&](const SnapshotCard &c, const SituationItem *i) { return knownLine(c, i, now, b.utc); });
    section(SituationColumn::Unknown, b.board.unknown,
            [&](const SnapshotCard &c, const SituationItem *i) { return unknownLine(c, i, now, b.utc); });
    section(SituationColumn::Plan, planOrder(b.board.plan),
            [&](const SnapshotCard &c, const SituationItem *i) { return planLine(c, i, now, b.utc); });

    if (b.review && b.review->restoredAt && !b.review->revisions.isEmpty()) {
        int inside = 0;
        for (const EstimateAccuracy &a : b.review->revisions)
            inside += a.isInside() ? 1 : 0;
        out << QString()
            << tr("ESTIMATE ACCURACY (restored %1; %2 of %3 revisions held)")
                   .arg(clock(*b.review->restoredAt, b.utc))
                   .arg(inside)
                   .arg(b.review->revisions.size());
        for (const EstimateAccuracy &a : b.review->revisions) {
            out << QStringLiteral("  %1  %2, %3: %4")
                       .arg(clock(a.estimate.madeAt, b.utc),
                            formatEstimateRange(a.estimate.lowMs, a.estimate.highMs),
                            confidencePhrase(a.estimate.confidence), outcomeText(a));
        }
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace sitrep
