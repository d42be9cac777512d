#pragma once

#include "domain/timelineentry.h"
#include "domain/timelinehistory.h"

#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace sitrep {

class SqlQuery;

// Timeline entries of incidents, their edit history and their full-text index. Reads are
// paged (oldest first, by time then id) so that a long incident opens at once.
class TimelineRepository final
{
public:
    explicit TimelineRepository(const QSqlDatabase &db) : m_db(db) {}

    void insert(TimelineEntry &entry); // sets id
    void update(const TimelineEntry &entry);
    std::optional<TimelineEntry> find(qint64 id);
    // Entries whose UUID starts with prefix (already validated).
    QList<TimelineEntry> findByUuidPrefix(qint64 incidentId, const QString &prefix);

    int count(qint64 incidentId, const TimelineFilter &filter = {});
    QList<TimelineEntry> page(qint64 incidentId, int offset, int limit, const TimelineFilter &filter = {});
    // How many entries (passing the filter) sort before this one.
    int rowOf(const TimelineEntry &entry, const TimelineFilter &filter = {});
    QStringList authors(qint64 incidentId);
    QList<TimelineEntry> pinned(qint64 incidentId);

    void recordEdit(TimelineEdit &edit);
    QList<TimelineEdit> edits(qint64 entryId);

    // Newest first. An empty incidentId searches every incident.
    QList<SearchHit> search(const QString &ftsQuery, std::optional<qint64> incidentId, int limit);

private:
    TimelineEntry read(SqlQuery &q);
    void bindFilter(SqlQuery &q, const TimelineFilter &filter);
    QSqlDatabase m_db;
};

} // namespace sitrep
