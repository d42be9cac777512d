#include "timelinemodel.h"

#include "domain/timeformat.h"
#include "services/timelineservice.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace sitrep {

TimelineModel::TimelineModel(TimelineService &service, QObject *parent) : QAbstractTableModel(parent), m_service(service)
{
}

void TimelineModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_entries.clear();
    const Result<int> count = incidentId ? m_service.count(incidentId) : Result<int>(0);
    m_total = count ? count.value() : 0;
    endResetModel();
}

void TimelineModel::setUtc(bool utc)
{
    if (m_utc == utc)
        return;
    m_utc = utc;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(int(m_entries.size()) - 1, TimeColumn), {Qt::DisplayRole});
}

int TimelineModel::rowOfEntry(qint64 entryId) const
{
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (m_entries.at(row).id == entryId)
            return row;
    }
    return -1;
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return formatClockTime(e.at, m_utc);
        case KindColumn: return entryKindLabel(e.kind);
        case AuthorColumn: return e.author;
        case TextColumn:
            return e.isRetracted() ? tr("%1 (retracted: %2)").arg(e.text, e.retractReason) : e.text;
        }
        break;
    case Qt::ToolTipRole:
        return tr("%1 · %2 · %3").arg(formatDateTime(e.at, m_utc), entryKindLabel(e.kind), e.text);
    case Qt::FontRole:
        if (e.isRetracted() || e.pinned) {
            QFont f;
            f.setStrikeOut(e.isRetracted());
            f.setBold(e.pinned && !e.isRetracted());
            return f;
        }
        break;
    case Qt::DecorationRole:
        break;
    case EntryIdRole: return e.id;
    case PinnedRole: return e.pinned;
    case RetractedRole: return e.isRetracted();
    case KindRole: return entryKindKey(e.kind);
    case AtRole: return e.at;
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return m_utc ? tr("Time (UTC)") : tr("Time");
    case KindColumn: return tr("Kind");
    case AuthorColumn: return tr("Who");
    case TextColumn: return tr("What happened");
    }
    return {};
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_entries.size() < m_total;
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_entries.size() >= m_total)
        return;
    const Result<QList<TimelineEntry>> page = m_service.page(m_incidentId, int(m_entries.size()), pageSize);
    if (!page || page.value().isEmpty()) {
        m_total = int(m_entries.size()); // the store shrank or failed: stop asking
        return;
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(page.value().size()) - 1);
    m_entries.append(page.value());
    endInsertRows();
}

void TimelineModel::applyChanges(const QList<Change> &changes)
{
    for (const Change &c : changes) {
        if (c.entity != Entity::Timeline || c.incidentId != m_incidentId || m_incidentId == 0)
            continue;
        const Result<TimelineEntry> entry = m_service.entry(c.entityId);
        if (!entry)
            continue;
        if (c.operation == Operation::Insert && rowOfEntry(entry->id) < 0)
            insertEntry(entry.value());
        else
            refreshEntry(entry.value());
    }
}

void TimelineModel::insertEntry(const TimelineEntry &entry)
{
    const bool fullyLoaded = m_entries.size() == m_total;
    // Where it sorts among what is loaded: usually the end, earlier when back-dated.
    int row = int(m_entries.size());
    while (row > 0) {
        const TimelineEntry &prev = m_entries.at(row - 1);
        if (prev.at < entry.at || (prev.at == entry.at && prev.id < entry.id))
            break;
        --row;
    }
    // Past the loaded region it will come with the next page.
    if (row == m_entries.size() && !fullyLoaded) {
        ++m_total;
        return;
    }
    // The total moves only after the rows are in: views ask canFetchMore() while rows are
    // being inserted, and must not fetch the very entry being inserted as a page.
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    ++m_total;
    endInsertRows();
}

void TimelineModel::refreshEntry(const TimelineEntry &entry)
{
    const int row = rowOfEntry(entry.id);
    if (row < 0)
        return;
    if (m_entries.at(row).at != entry.at) {
        // A moved time changes its place: remove and insert where it now sorts.
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        --m_total;
        endRemoveRows();
        insertEntry(entry);
        return;
    }
    m_entries[row] = entry;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace sitrep
