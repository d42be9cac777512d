#pragma once

#include "domain/timelineentry.h"
#include "store/change.h"

#include <QAbstractTableModel>
#include <QList>

namespace sitrep {

class TimelineService;

// One incident's timeline, oldest first, fetched from the service in pages as the view scrolls
// (an incident with 100,000 entries opens at once). New entries arrive from the change feed and
// are inserted where they sort, without a reset.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, KindColumn, AuthorColumn, TextColumn, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1, PinnedRole, RetractedRole, KindRole, AtRole };

    explicit TimelineModel(TimelineService &service, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TimelineModel)

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setUtc(bool utc);
    int totalCount() const { return m_total; }
    // Row of the entry once loaded; -1 when not (yet) loaded.
    int rowOfEntry(qint64 entryId) const;
    const TimelineEntry &entryAt(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void applyChanges(const QList<sitrep::Change> &changes);

    static constexpr int pageSize = 500;

private:
    void insertEntry(const TimelineEntry &entry);
    void refreshEntry(const TimelineEntry &entry);

    TimelineService &m_service;
    qint64 m_incidentId = 0;
    int m_total = 0;
    QList<TimelineEntry> m_entries;
    bool m_utc = false;
};

} // namespace sitrep
