#include "boardhistory.h"

#include "plansteps.h"

#include <algorithm>

namespace sitrep {

namespace {

// The events up to t in replay order. A stable sort, so ties on (at, seq) keep input order.
QList<BoardEvent> eventsUpTo(const QList<BoardEvent> &events, qint64 t)
{
    QList<BoardEvent> result;
    for (const BoardEvent &e : events) {
        if (e.at <= t)
            result.append(e);
    }
    std::stable_sort(result.begin(), result.end(), [](const BoardEvent &a, const BoardEvent &b) {
        return a.at != b.at ? a.at < b.at : a.seq < b.seq;
    });
    return result;
}

QList<SnapshotCard> *columnList(BoardSnapshot &board, SituationColumn column)
{
    switch (column) {
    case SituationColumn::Known: return &board.known;
    case SituationColumn::Unknown: return &board.unknown;
    case SituationColumn::Plan: return &board.plan;
    case SituationColumn::Estimate: return nullptr;
    }
    return nullptr;
}

// Where a card is now: its column's list and its index there.
struct CardPlace
{
    QList<SnapshotCard> *list = nullptr;
    SituationColumn column = SituationColumn::Known;
    qsizetype index = -1;
};

std::optional<CardPlace> findCard(BoardSnapshot &board, const QUuid &uuid)
{
    for (SituationColumn column : {SituationColumn::Known, SituationColumn::Unknown, SituationColumn::Plan}) {
        QList<SnapshotCard> *list = columnList(board, column);
        for (qsizetype i = 0; i < list->size(); ++i) {
            if (list->at(i).uuid == uuid)
                return CardPlace{list, column, i};
        }
    }
    return std::nullopt;
}

void moveCard(const CardPlace &place, QList<SnapshotCard> *to)
{
    const SnapshotCard card = place.list->takeAt(place.index);
    to->append(card);
}

void apply(BoardSnapshot &board, const BoardEvent &e)
{
    if (e.kind == BoardEventKind::Estimated) {
        if (e.estimate)
            board.estimate = e.estimate;
        return;
    }

    const std::optional<CardPlace> place = findCard(board, e.itemUuid);
    if (e.kind == BoardEventKind::Added) {
        QList<SnapshotCard> *list = columnList(board, e.column);
        if (place || !list)
            return;
        list->append(SnapshotCard{e.itemUuid, e.text, e.owner, e.state, QString(), e.tag});
        return;
    }
    if (!place)
        return;

    SnapshotCard &card = (*place->list)[place->index];
    switch (e.kind) {
    case BoardEventKind::Edited:
        card.text = e.text;
        card.owner = e.owner;
        if (!e.tag.isEmpty())
            card.tag = parsePlanTag(e.tag) == PlanTag::None ? QString() : e.tag;
        break;
    case BoardEventKind::Moved: {
        QList<SnapshotCard> *to = columnList(board, e.column);
        if (!to)
            break;
        card.state = e.state;
        if (e.column != place->column)
            moveCard(*place, to);
        break;
    }
    case BoardEventKind::StateChanged:
        card.state = e.state;
        break;
    case BoardEventKind::Answered:
        // Only an unknown becomes known by answering; anything else in the record is stale.
        if (place->column != SituationColumn::Unknown)
            break;
        card.answer = e.answer;
        card.state = unknownStateKey(UnknownState::Answered);
        moveCard(*place, &board.known);
        break;
    case BoardEventKind::Removed:
        place->list->removeAt(place->index);
        break;
    case BoardEventKind::Added:
    case BoardEventKind::Estimated:
        break; // handled above
    }
}

} // namespace

QString boardEventKindKey(BoardEventKind kind)
{
    switch (kind) {
    case BoardEventKind::Added: return QStringLiteral("added");
    case BoardEventKind::Edited: return QStringLiteral("edited");
    case BoardEventKind::Moved: return QStringLiteral("moved");
    case BoardEventKind::StateChanged: return QStringLiteral("state");
    case BoardEventKind::Answered: return QStringLiteral("answered");
    case BoardEventKind::Removed: return QStringLiteral("removed");
    case BoardEventKind::Estimated: return QStringLiteral("estimated");
    }
    return {};
}

QList<BoardEventKind> allBoardEventKinds()
{
    return {BoardEventKind::Added, BoardEventKind::Edited, BoardEventKind::Moved, BoardEventKind::StateChanged,
            BoardEventKind::Answered, BoardEventKind::Removed, BoardEventKind::Estimated};
}

std::optional<BoardEventKind> parseBoardEventKind(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (BoardEventKind kind : allBoardEventKinds()) {
        if (boardEventKindKey(kind) == k)
            return kind;
    }
    return std::nullopt;
}

BoardSnapshot boardAsOf(const QList<BoardEvent> &events, qint64 t)
{
    BoardSnapshot board;
    const QList<BoardEvent> ordered = eventsUpTo(events, t);
    for (const BoardEvent &e : ordered)
        apply(board, e);
    return board;
}

QList<Estimate> estimateRevisionsAsOf(const QList<BoardEvent> &events, qint64 t)
{
    QList<Estimate> revisions;
    const QList<BoardEvent> ordered = eventsUpTo(events, t);
    for (const BoardEvent &e : ordered) {
        if (e.kind == BoardEventKind::Estimated && e.estimate)
            revisions.append(*e.estimate);
    }
    return revisions;
}

} // namespace sitrep
