#include "checklistmodel.h"

#include "domain/clock.h"
#include "domain/runbook.h"
#include "domain/timeformat.h"
#include "services/checklistservice.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <cstdlib>

namespace sitrep {

namespace {

// The short forms a runbook uses ("@ops"): they fit a narrow column.
QString ownerText(Role role)
{
    switch (role) {
    case Role::Commander: return ChecklistModel::tr("commander");
    case Role::Communications: return ChecklistModel::tr("comms");
    case Role::Operations: return ChecklistModel::tr("ops");
    case Role::Scribe: return ChecklistModel::tr("scribe");
    case Role::SubjectExpert: return ChecklistModel::tr("expert");
    case Role::CustomerLiaison: return ChecklistModel::tr("liaison");
    }
    return {};
}

// "4:05" for a countdown: minutes and seconds, as a kitchen timer shows them.
QString countdownText(qint64 ms)
{
    const qint64 s = (std::abs(ms) + 999) / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

const QColor kNextBackground(0xff, 0xf3, 0xc4);
const QColor kOverdue(0xc6, 0x28, 0x28);
const QColor kQuiet(0x75, 0x75, 0x75);

} // namespace

ChecklistModel::ChecklistModel(ChecklistService &service, const Clock &clock, QObject *parent)
    : QAbstractItemModel(parent), m_service(service), m_clock(clock)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ChecklistModel::tickCountdowns);
}

ChecklistModel::List ChecklistModel::makeList(const Checklist &checklist)
{
    List list{checklist, {}};
    QString section;
    for (int i = 0; i < checklist.items.size(); ++i) {
        const QString &s = checklist.items.at(i).section;
        if (s != section && !s.isEmpty())
            list.rows.append({-1, s});
        section = s;
        list.rows.append({i, QString()});
    }
    return list;
}

void ChecklistModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_lists.clear();
    const Result<QList<Checklist>> lists = incidentId ? m_service.checklists(incidentId) : Result<QList<Checklist>>(QList<Checklist>{});
    if (lists) {
        for (const Checklist &c : lists.value())
            m_lists.append(makeList(c));
    }
    endResetModel();
    if (m_lists.isEmpty())
        m_countdown.stop();
    else
        m_countdown.start();
    Q_EMIT progressChanged(doneCount(), itemCount());
}

int ChecklistModel::itemCount() const
{
    int n = 0;
    for (const List &l : m_lists)
        n += int(l.checklist.items.size());
    return n;
}

int ChecklistModel::doneCount() const
{
    int n = 0;
    for (const List &l : m_lists)
        n += l.checklist.doneCount();
    return n;
}

QModelIndex ChecklistModel::nextOpenItem() const
{
    for (int l = 0; l < m_lists.size(); ++l) {
        const int next = m_lists.at(l).checklist.nextOpenIndex();
        if (next >= 0)
            return indexOfItem(m_lists.at(l).checklist.items.at(next).id);
    }
    return {};
}

QModelIndex ChecklistModel::nextOpenItemAfter(const QModelIndex &from) const
{
    int list = -1;
    int item = -1;
    if (itemOf(from, &list, &item)) {
        const QList<ChecklistItem> &items = m_lists.at(list).checklist.items;
        for (int i = item + 1; i < items.size(); ++i) {
            if (!items.at(i).isCompleted())
                return indexOfItem(items.at(i).id);
        }
    }
    return nextOpenItem();
}

QModelIndex ChecklistModel::indexOfItem(qint64 itemId, int column) const
{
    for (int l = 0; l < m_lists.size(); ++l) {
        const List &list = m_lists.at(l);
        for (int r = 0; r < list.rows.size(); ++r) {
            const int i = list.rows.at(r).item;
            if (i >= 0 && list.checklist.items.at(i).id == itemId)
                return createIndex(r, column, quintptr(l));
        }
    }
    return {};
}

const ChecklistItem *ChecklistModel::itemOf(const QModelIndex &index, int *list, int *item) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kTopLevel)
        return nullptr;
    const int l = int(index.internalId());
    if (l < 0 || l >= m_lists.size() || index.row() >= m_lists.at(l).rows.size())
        return nullptr;
    const int i = m_lists.at(l).rows.at(index.row()).item;
    if (i < 0)
        return nullptr;
    if (list)
        *list = l;
    if (item)
        *item = i;
    return &m_lists.at(l).checklist.items.at(i);
}

std::optional<ChecklistItem> ChecklistModel::itemAt(const QModelIndex &index) const
{
    if (const ChecklistItem *item = itemOf(index))
        return *item;
    return std::nullopt;
}

QModelIndex ChecklistModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex ChecklistModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId()), 0, kTopLevel);
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_lists.size());
    if (parent.internalId() == kTopLevel && parent.column() == 0)
        return int(m_lists.at(parent.row()).rows.size());
    return 0;
}

int ChecklistModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    if (index.internalId() == kTopLevel)
        return Qt::ItemIsEnabled;
    if (!itemOf(index))
        return Qt::NoItemFlags; // a section heading: shown, never current
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == StepColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopLevel)
        return listData(m_lists.at(index.row()), index.column(), role);
    const List &list = m_lists.at(int(index.internalId()));
    const Row &row = list.rows.at(index.row());
    if (row.item >= 0)
        return itemData(list, row.item, index.column(), role);
    if (index.column() != StepColumn)
        return {};
    switch (role) {
    case Qt::DisplayRole: return row.section;
    case Qt::FontRole: {
        QFont f;
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.9);
        return f;
    }
    case Qt::ForegroundRole: return kQuiet;
    }
    return {};
}

QVariant ChecklistModel::listData(const List &list, int column, int role) const
{
    const Checklist &c = list.checklist;
    if (role == Qt::DisplayRole && column == StepColumn)
        return tr("%1 · %2/%3").arg(c.name).arg(c.doneCount()).arg(c.items.size());
    if (role == NameRole)
        return c.name;
    if (role == Qt::DisplayRole && column == TimeColumn)
        return tr("%1/%2").arg(c.doneCount()).arg(c.items.size());
    if (role == Qt::ToolTipRole)
        return tr("%1: %2 of %3 steps done, attached at %4").arg(c.name).arg(c.doneCount()).arg(c.items.size())
            .arg(formatClockTime(c.attachedAt));
    if (role == Qt::FontRole) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant ChecklistModel::itemData(const List &list, int i, int column, int role) const
{
    const Checklist &c = list.checklist;
    const ChecklistItem &item = c.items.at(i);
    const bool isNext = c.nextOpenIndex() == i;
    const std::optional<qint64> due = itemDueAt(c, i);
    switch (role) {
    case Qt::DisplayRole:
        if (column == StepColumn)
            return QString(QString(3 * item.depth, QLatin1Char(' ')) + item.text);
        if (column == OwnerColumn)
            return item.ownerRole ? ownerText(*item.ownerRole) : QString();
        if (item.state == ChecklistItemState::Skipped)
            return tr("skipped");
        if (item.state == ChecklistItemState::Done)
            return itemTimeTakenMs(c, i) ? formatElapsed(*itemTimeTakenMs(c, i)) : QString();
        if (due) {
            const qint64 left = *due - m_clock.nowMs();
            return left >= 0 ? tr("%1 left").arg(countdownText(left)) : tr("%1 over").arg(countdownText(left));
        }
        return item.timeBoxMs ? formatTimeBox(*item.timeBoxMs) : QString();
    case Qt::CheckStateRole:
        if (column != StepColumn)
            return {};
        return item.state == ChecklistItemState::Done      ? Qt::Checked
               : item.state == ChecklistItemState::Skipped ? Qt::PartiallyChecked
                                                           : Qt::Unchecked;
    case Qt::ToolTipRole: {
        QStringList lines{item.text};
        if (item.ownerRole)
            lines.append(tr("Owner: %1").arg(roleLabel(*item.ownerRole)));
        if (item.timeBoxMs)
            lines.append(tr("Time-box: %1").arg(formatTimeBox(*item.timeBoxMs)));
        if (item.doneAt) {
            const QString when = formatClockTime(*item.doneAt);
            lines.append(item.state == ChecklistItemState::Skipped
                             ? tr("Skipped by %1 at %2: %3").arg(item.doneBy, when, item.skipReason)
                             : tr("Done by %1 at %2").arg(item.doneBy, when));
        }
        if (const auto taken = itemTimeTakenMs(c, i))
            lines.append(tr("Took %1").arg(formatElapsed(*taken)));
        if (!item.link.isEmpty())
            lines.append(tr("Link (double-click to open): %1").arg(item.link));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::FontRole: {
        if (!isNext && item.state != ChecklistItemState::Skipped)
            return {};
        QFont f;
        f.setBold(isNext);
        f.setItalic(item.state == ChecklistItemState::Skipped);
        return f;
    }
    case Qt::ForegroundRole:
        if (column == TimeColumn && due && *due < m_clock.nowMs())
            return kOverdue;
        if (item.isCompleted() || (column == TimeColumn && !due))
            return kQuiet;
        return {};
    case Qt::BackgroundRole:
        return isNext ? QVariant(kNextBackground) : QVariant();
    case ItemIdRole: return item.id;
    case StateRole: return checklistItemStateKey(item.state);
    case IsNextRole: return isNext;
    case DueAtRole: return due ? QVariant(*due) : QVariant();
    case LinkRole: return item.link.isEmpty() ? QVariant() : QVariant(item.link);
    case DepthRole: return item.depth;
    }
    return {};
}

bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const ChecklistItem *item = itemOf(index);
    if (!item || role != Qt::CheckStateRole || index.column() != StepColumn)
        return false;
    const bool check = value.toInt() != Qt::Unchecked;
    const qint64 id = item->id;
    // The change arrives back through the change feed, which updates the row.
    const Result<ChecklistItem> done = check ? m_service.tick(id) : m_service.untick(id);
    if (!done) {
        Q_EMIT actionFailed(done.error().message);
        return false;
    }
    return true;
}

void ChecklistModel::refreshList(int l)
{
    const Result<QList<Checklist>> lists = m_service.checklists(m_incidentId);
    if (!lists)
        return;
    for (const Checklist &fresh : lists.value()) {
        if (fresh.id != m_lists.at(l).checklist.id || fresh.items.size() != m_lists.at(l).checklist.items.size())
            continue;
        // Same steps in the same places: only their states moved, so the rows stay.
        m_lists[l].checklist = fresh;
        const int last = int(m_lists.at(l).rows.size()) - 1;
        const QModelIndex parentRow = index(l, 0);
        Q_EMIT dataChanged(index(l, 0), index(l, ColumnCount - 1));
        if (last >= 0)
            Q_EMIT dataChanged(index(0, 0, parentRow), index(last, ColumnCount - 1, parentRow));
    }
}

void ChecklistModel::applyChanges(const QList<Change> &changes)
{
    bool progress = false;
    for (const Change &c : changes) {
        if (m_incidentId == 0 || c.incidentId != m_incidentId)
            continue;
        if (c.entity == Entity::Checklist && c.operation == Operation::Insert) {
            const bool known = std::any_of(m_lists.cbegin(), m_lists.cend(),
                                           [&](const List &l) { return l.checklist.id == c.entityId; });
            const Result<QList<Checklist>> lists = known ? Result<QList<Checklist>>(QList<Checklist>{})
                                                         : m_service.checklists(m_incidentId);
            if (!lists)
                continue;
            for (const Checklist &list : lists.value()) {
                if (list.id != c.entityId)
                    continue;
                const int row = int(m_lists.size());
                beginInsertRows({}, row, row);
                m_lists.append(makeList(list));
                endInsertRows();
                m_countdown.start();
                progress = true;
            }
        } else if (c.entity == Entity::ChecklistItem) {
            for (int l = 0; l < m_lists.size(); ++l) {
                const QList<ChecklistItem> &items = m_lists.at(l).checklist.items;
                if (std::any_of(items.cbegin(), items.cend(), [&](const ChecklistItem &i) { return i.id == c.entityId; })) {
                    refreshList(l);
                    progress = true;
                }
            }
        }
    }
    if (progress)
        Q_EMIT progressChanged(doneCount(), itemCount());
}

void ChecklistModel::tickCountdowns()
{
    for (int l = 0; l < m_lists.size(); ++l) {
        const List &list = m_lists.at(l);
        const QModelIndex parentRow = index(l, 0);
        for (int r = 0; r < list.rows.size(); ++r) {
            const int i = list.rows.at(r).item;
            if (i >= 0 && itemDueAt(list.checklist, i)) {
                const QModelIndex cell = index(r, TimeColumn, parentRow);
                Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, Qt::ForegroundRole});
            }
        }
    }
}

} // namespace sitrep
