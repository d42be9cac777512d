#pragma once

#include "domain/timelineentry.h"
#include "domain/timelinehistory.h"
#include "store/change.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace sitrep {

class TimelineService;

// One incident's timeline, oldest first. Every row exists from the start (rowCount is the
// store's count), but entries are read in pages only when a view asks for them, and only a
// bounded number of pages is kept: an incident of 100,000 entries opens at once, at the newest
// entry, without reading the rest. New entries arrive from the change feed and are inserted
// where they sort, without a reset.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, KindColumn, AuthorColumn, TextColumn, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1, PinnedRole, RetractedRole, KindRole, AtRole, EntryUuidRole };

    explicit TimelineModel(TimelineService &service, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TimelineModel)

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setFilter(const TimelineFilter &filter);
    const TimelineFilter &filter() const { return m_filter; }
    void setUtc(bool utc);
    // The row of an entry under the current filter; -1 when it is filtered out or unknown.
    int rowOfEntry(qint64 entryId) const;
    // The entry at a row (reads its page when needed); null when the row is out of range.
    const TimelineEntry *entryAt(int row) const;
    int pagesInMemory() const { return int(m_pages.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void applyChanges(const QList<sitrep::Change> &changes);

    static constexpr int pageSize = 256;
    static constexpr int maxPages = 64;

private:
    const QList<TimelineEntry> *page(int pageIndex) const;
    std::optional<int> cachedRowOf(qint64 entryId) const;
    void dropPagesFrom(int row);
    void reload();
    void insertEntry(const TimelineEntry &entry);
    void updateEntry(const TimelineEntry &entry);

    TimelineService &m_service;
    qint64 m_incidentId = 0;
    TimelineFilter m_filter;
    int m_total = 0;
    bool m_utc = false;
    mutable QHash<int, QList<TimelineEntry>> m_pages;
    mutable QList<int> m_pageUse; // least recently used first
};

} // namespace sitrep
