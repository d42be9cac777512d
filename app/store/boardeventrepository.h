#pragma once

#include "domain/boardhistory.h"

#include <QSqlDatabase>

namespace sitrep {

// The situation board's history: one row per change, replayed by boardAsOf(). Estimated
// events carry their revision from the estimates table.
class BoardEventRepository final
{
public:
    explicit BoardEventRepository(const QSqlDatabase &db) : m_db(db) {}

    // Appends the event; `estimateId` names the revision of an Estimated event, `entryId` the
    // timeline entry written with it. Sets event.seq.
    void append(qint64 incidentId, BoardEvent &event, qint64 entryId, qint64 estimateId = 0);
    // Oldest first, in replay order.
    QList<BoardEvent> forIncident(qint64 incidentId);
    // When the timeline entry's board change happened, if the entry recorded one.
    std::optional<qint64> timeOfEntry(qint64 entryId);

private:
    QSqlDatabase m_db;
};

} // namespace sitrep
