#pragma once

#include "domain/timelineentry.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

class SqlQuery;

// Timeline entries of incidents, read in pages so that a long incident opens at once.
class TimelineRepository final
{
public:
    explicit TimelineRepository(const QSqlDatabase &db) : m_db(db) {}

    void insert(TimelineEntry &entry); // sets id
    void update(const TimelineEntry &entry);
    std::optional<TimelineEntry> find(qint64 id);
    int count(qint64 incidentId);
    // Oldest first (by time, then id), `limit` entries starting at `offset`.
    QList<TimelineEntry> page(qint64 incidentId, int offset, int limit);
    // Position the entry would have in page order: how many entries sort before it.
    int rowOf(const TimelineEntry &entry);

private:
    TimelineEntry read(SqlQuery &q);
    QSqlDatabase m_db;
};

} // namespace sitrep
