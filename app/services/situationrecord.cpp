#include "situationrecord.h"

#include "domain/duration.h"
#include "domain/plansteps.h"
#include "domain/timeformat.h"
#include "store/boardeventrepository.h"
#include "store/situationrepository.h"

#include <QStringList>

namespace sitrep::situation {

QString tr(const char *text)
{
    return QCoreApplication::translate("SituationService", text);
}

QString initialState(SituationColumn column)
{
    switch (column) {
    case SituationColumn::Unknown: return unknownStateKey(UnknownState::Open);
    case SituationColumn::Plan: return planStateKey(PlanState::Todo);
    case SituationColumn::Known:
    case SituationColumn::Estimate: return {};
    }
    return {};
}

QString stateLabel(const QString &state)
{
    if (const std::optional<PlanState> plan = parsePlanState(state))
        return planStateLabel(*plan);
    if (const std::optional<UnknownState> unknown = parseUnknownState(state))
        return unknownStateLabel(*unknown);
    return state;
}

std::optional<QString> checkDraftForColumn(const CardDraft &draft, SituationColumn column)
{
    if (column == SituationColumn::Estimate)
        return tr("The estimate is a range, not a card: give it as low and high (30m 2h) with Ctrl+4, "
                  "/estimate or `sitrep estimate`.");
    if (draft.text.trimmed().isEmpty())
        return tr("The card is empty: type what we know, what we don't, or the step.");
    if (draft.needBy && column != SituationColumn::Unknown)
        return tr("by: a need-by time belongs to an unknown, not to \"%1\".").arg(situationColumnLabel(column));
    if (column == SituationColumn::Plan)
        return std::nullopt;
    const QString where = situationColumnLabel(column);
    if (draft.tag != PlanTag::None)
        return tr("#%1: only a plan step is tagged contain, fix or verify, not a card in \"%2\".")
            .arg(planTagKey(draft.tag), where);
    if (draft.risky)
        return tr("!risky: only a plan step can be risky, not a card in \"%1\".").arg(where);
    if (!draft.backOut.isEmpty())
        return tr("undo: only a plan step has a back-out step, not a card in \"%1\".").arg(where);
    if (draft.timeBoxMs)
        return tr("box: only a plan step has a time-box, not a card in \"%1\".").arg(where);
    if (!draft.answers.isEmpty())
        return tr("answers: only a plan step answers unknowns, not a card in \"%1\".").arg(where);
    return std::nullopt;
}

std::optional<QString> checkAnswerLinks(const QSqlDatabase &db, qint64 incidentId, const QList<qint64> &answers)
{
    SituationRepository repo(db);
    for (qint64 id : answers) {
        const std::optional<SituationItem> target = repo.find(id);
        if (!target || target->incidentId != incidentId)
            return tr("answers: there is no card %1 on this incident's board.").arg(id);
        // An answered unknown sits in "known" now, but the step may still name it.
        if (target->column != SituationColumn::Unknown && !target->isAnswered())
            return tr("answers: card %1 is not an unknown (it is in \"%2\").")
                .arg(id)
                .arg(situationColumnLabel(target->column));
    }
    return std::nullopt;
}

void applyDraft(SituationItem &item, const CardDraft &draft)
{
    item.text = draft.text.simplified();
    item.owner = draft.owner.simplified();
    item.needBy = draft.needBy;
    item.tag = draft.tag == PlanTag::None ? QString() : planTagKey(draft.tag);
    item.risky = draft.risky;
    item.backOut = draft.backOut.simplified();
    item.timeBoxMs = draft.timeBoxMs;
    item.answers = draft.answers;
}

void fitToColumn(SituationItem &item, SituationColumn column, qint64 now)
{
    item.column = column;
    item.state = initialState(column);
    if (column != SituationColumn::Known) {
        item.knownAt.reset();
        item.answer.clear();
    } else {
        item.knownAt = now;
    }
    if (column != SituationColumn::Unknown)
        item.needBy.reset();
    if (column != SituationColumn::Plan) {
        item.tag.clear();
        item.risky = false;
        item.backOut.clear();
        item.timeBoxMs.reset();
        item.answers.clear();
    }
    item.boxStartedAt.reset();
}

QString quoted(const QString &text)
{
    return QStringLiteral("“") + text + QStringLiteral("”");
}

namespace {

QString orNone(const QString &value)
{
    return value.isEmpty() ? tr("none") : value;
}

QString timeOrNone(const std::optional<qint64> &ms)
{
    return ms ? formatClockTime(*ms) : tr("none");
}

QString durationOrNone(const std::optional<qint64> &ms)
{
    return ms ? formatDurationShort(*ms) : tr("none");
}

QString cardNumbers(const QList<qint64> &ids)
{
    QStringList out;
    for (qint64 id : ids)
        out << QStringLiteral("#") + QString::number(id);
    return out.isEmpty() ? tr("none") : out.join(QStringLiteral(", "));
}

} // namespace

QString describeChanges(const SituationItem &before, const SituationItem &after)
{
    QStringList parts;
    const auto change = [&parts](const QString &what, const QString &from, const QString &to) {
        if (from != to)
            parts << tr("%1 %2 → %3").arg(what, from, to);
    };
    if (before.text != after.text)
        parts << tr("text %1 → %2").arg(quoted(before.text), quoted(after.text));
    change(after.column == SituationColumn::Known ? tr("from") : tr("owner"), orNone(before.owner), orNone(after.owner));
    change(tr("need by"), timeOrNone(before.needBy), timeOrNone(after.needBy));
    change(tr("tag"), orNone(before.tag), orNone(after.tag));
    if (before.risky != after.risky)
        parts << (after.risky ? tr("marked risky") : tr("no longer risky"));
    if (before.backOut != after.backOut)
        parts << tr("back-out %1 → %2").arg(before.backOut.isEmpty() ? tr("none") : quoted(before.backOut),
                                             after.backOut.isEmpty() ? tr("none") : quoted(after.backOut));
    change(tr("time-box"), durationOrNone(before.timeBoxMs), durationOrNone(after.timeBoxMs));
    change(tr("answers"), cardNumbers(before.answers), cardNumbers(after.answers));
    return parts.join(QStringLiteral("; "));
}

BoardEvent eventFor(const SituationItem &item, BoardEventKind kind, qint64 at)
{
    BoardEvent e;
    e.at = at;
    e.itemUuid = item.uuid;
    e.kind = kind;
    e.column = item.column;
    e.text = item.text;
    e.owner = item.owner;
    e.state = item.state;
    e.answer = item.answer;
    e.tag = item.tag;
    // An edit carries the tag even when it is cleared, so replay re-sorts a re-tagged step.
    if (kind == BoardEventKind::Edited && item.column == SituationColumn::Plan && item.tag.isEmpty())
        e.tag = planTagKey(PlanTag::None);
    return e;
}

void recordBoardChange(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId, const QString &text,
                       EntrySource source, qint64 now, BoardEvent event, qint64 estimateId)
{
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.at = now;
    entry.kind = EntryKind::Situation;
    entry.author = ctx.user;
    entry.source = source;
    entry.text = text;
    entry.createdAt = now;
    appendEntry(db, entry);
    BoardEventRepository(db).append(incidentId, event, entry.id, estimateId);
}

} // namespace sitrep::situation
