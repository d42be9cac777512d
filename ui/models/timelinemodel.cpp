#include "timelinemodel.h"

#include "domain/timeformat.h"
#include "services/timelineservice.h"

#include <QDateTime>
#include <QFont>

namespace sitrep {

TimelineModel::TimelineModel(TimelineService &service, QObject *parent) : QAbstractTableModel(parent), m_service(service)
{
}

void TimelineModel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    reload();
}

void TimelineModel::setFilter(const TimelineFilter &filter)
{
    m_filter = filter;
    reload();
}

void TimelineModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_pageUse.clear();
    const Result<int> count = m_incidentId ? m_service.count(m_incidentId, m_filter) : Result<int>(0);
    m_total = count ? count.value() : 0;
    endResetModel();
}

void TimelineModel::setUtc(bool utc)
{
    if (m_utc == utc)
        return;
    m_utc = utc;
    if (m_total > 0)
        Q_EMIT dataChanged(index(0, TimeColumn), index(m_total - 1, TimeColumn), {Qt::DisplayRole});
    Q_EMIT headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
}

const QList<TimelineEntry> *TimelineModel::page(int pageIndex) const
{
    auto it = m_pages.find(pageIndex);
    if (it == m_pages.end()) {
        const Result<QList<TimelineEntry>> loaded = m_service.page(m_incidentId, pageIndex * pageSize, pageSize, m_filter);
        if (!loaded)
            return nullptr;
        if (m_pages.size() >= maxPages && !m_pageUse.isEmpty())
            m_pages.remove(m_pageUse.takeFirst());
        it = m_pages.insert(pageIndex, loaded.value());
    }
    m_pageUse.removeOne(pageIndex);
    m_pageUse.append(pageIndex);
    return &it.value();
}

const TimelineEntry *TimelineModel::entryAt(int row) const
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const QList<TimelineEntry> *entries = page(row / pageSize);
    const int offset = row % pageSize;
    if (!entries || offset >= entries->size())
        return nullptr;
    return &entries->at(offset);
}

std::optional<int> TimelineModel::cachedRowOf(qint64 entryId) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it.value().size(); ++i) {
            if (it.value().at(i).id == entryId)
                return it.key() * pageSize + i;
        }
    }
    return std::nullopt;
}

int TimelineModel::rowOfEntry(qint64 entryId) const
{
    if (const auto cached = cachedRowOf(entryId))
        return *cached;
    const Result<TimelineEntry> entry = m_service.entry(entryId);
    if (!entry || entry->incidentId != m_incidentId || !m_filter.accepts(entry.value()))
        return -1;
    const Result<int> row = m_service.rowOf(entry.value(), m_filter);
    return row ? row.value() : -1;
}

void TimelineModel::dropPagesFrom(int row)
{
    const int first = row / pageSize;
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (it.key() >= first) {
            m_pageUse.removeOne(it.key());
            it = m_pages.erase(it);
        } else {
            ++it;
        }
    }
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEntry *entry = entryAt(index.row());
    if (!entry)
        return {};
    const TimelineEntry &e = *entry;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        // The zone is in the column header; the cell keeps to the clock to leave room for the text.
        case TimeColumn: return formatClockTime(e.at, m_utc).section(QLatin1Char(' '), 0, 0);
        case KindColumn: return e.pinned ? QStringLiteral("★ ") + entryKindLabel(e.kind) : entryKindLabel(e.kind);
        case AuthorColumn: return e.internal ? tr("%1 (internal)").arg(e.author) : e.author;
        case TextColumn:
            return e.isRetracted() ? tr("%1 — retracted: %2").arg(e.text, e.retractReason) : e.text;
        }
        break;
    case Qt::ToolTipRole:
        return tr("%1 · %2 · %3 · %4").arg(formatDateTime(e.at, m_utc), entryKindLabel(e.kind), e.author, e.text);
    case Qt::FontRole:
        if (e.isRetracted() || e.pinned) {
            QFont f;
            f.setStrikeOut(e.isRetracted());
            f.setBold(e.pinned && !e.isRetracted());
            return f;
        }
        break;
    case EntryIdRole: return e.id;
    case EntryUuidRole: return uuidText(e.uuid);
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
    case TimeColumn:
        return tr("Time (%1)").arg(m_utc ? QStringLiteral("UTC") : QDateTime::currentDateTime().timeZoneAbbreviation());
    case KindColumn: return tr("Kind");
    case AuthorColumn: return tr("Who");
    case TextColumn: return tr("What happened");
    }
    return {};
}

void TimelineModel::applyChanges(const QList<Change> &changes)
{
    for (const Change &c : changes) {
        if (c.entity != Entity::Timeline || c.incidentId != m_incidentId || m_incidentId == 0)
            continue;
        const Result<TimelineEntry> entry = m_service.entry(c.entityId);
        if (!entry)
            continue;
        if (c.operation == Operation::Insert && !cachedRowOf(entry->id))
            insertEntry(entry.value());
        else
            updateEntry(entry.value());
    }
}

void TimelineModel::insertEntry(const TimelineEntry &entry)
{
    if (!m_filter.accepts(entry))
        return;
    // Usually the last row; earlier when back-dated. Ask the store, which knows every row.
    const Result<int> position = m_service.rowOf(entry, m_filter);
    const int row = position ? std::clamp(position.value(), 0, m_total) : m_total;
    beginInsertRows({}, row, row);
    dropPagesFrom(row);
    ++m_total;
    endInsertRows();
}

void TimelineModel::updateEntry(const TimelineEntry &entry)
{
    const std::optional<int> cached = cachedRowOf(entry.id);
    if (!cached) {
        // Not in memory, so no view shows it; only its place or presence may have changed.
        const Result<int> count = m_service.count(m_incidentId, m_filter);
        if (count && count.value() != m_total)
            reload();
        else
            dropPagesFrom(0);
        return;
    }
    const int row = *cached;
    const TimelineEntry &old = m_pages.value(row / pageSize).at(row % pageSize);
    const bool moved = old.at != entry.at;
    const bool stillShown = m_filter.accepts(entry);
    if (!moved && stillShown) {
        m_pages[row / pageSize][row % pageSize] = entry;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginRemoveRows({}, row, row);
    dropPagesFrom(row);
    --m_total;
    endRemoveRows();
    if (stillShown)
        insertEntry(entry);
}

} // namespace sitrep
