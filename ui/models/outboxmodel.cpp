#include "outboxmodel.h"

#include "domain/timeformat.h"
#include "services/updateservice.h"
#include "store/changefeed.h"
#include "store/updatechanges.h"

#include <QBrush>
#include <QColor>

namespace sitrep {

namespace {

QColor stateColor(OutboxState state)
{
    switch (state) {
    case OutboxState::Delivered: return QColor(0x2e, 0x7d, 0x32);
    case OutboxState::Failed: return QColor(0xc6, 0x28, 0x28);
    case OutboxState::Queued:
    case OutboxState::Sending: return QColor(0xb2, 0x6a, 0x00);
    case OutboxState::Local: return QColor(0x6a, 0x1b, 0x9a);
    }
    return {};
}

} // namespace

OutboxModel::OutboxModel(UpdateService &updates, ChangeFeed &feed, QObject *parent)
    : QAbstractTableModel(parent), m_updates(updates)
{
    connect(&feed, &ChangeFeed::changed, this, &OutboxModel::onChanges);
}

void OutboxModel::setIncident(qint64 incidentId)
{
    // Another incident is another list: one reset.
    beginResetModel();
    m_incidentId = incidentId;
    m_rows.clear();
    if (incidentId) {
        const Result<QList<OutboxMessage>> all = m_updates.messages(incidentId);
        if (all)
            m_rows = all.value();
    }
    endResetModel();
}

void OutboxModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(int(m_rows.size()) - 1, TimeColumn));
}

int OutboxModel::rowOfMessage(qint64 id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxMessage &m = m_rows.at(index.row());
    if (role == MessageIdRole)
        return m.id;
    if (role == StateKeyRole)
        return outboxStateKey(m.state);
    if (role == Qt::ForegroundRole && index.column() == StateColumn)
        return QBrush(stateColor(m.state));
    if (role == Qt::ToolTipRole && !m.reason.isEmpty())
        return m.reason;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return formatClockTime(m.createdAt, m_utc);
    case AudienceColumn: return m.audienceName;
    case ChannelColumn: {
        const QString target = displayTarget(m.kind, m.target);
        return target.isEmpty() ? channelKindLabel(m.kind) : tr("%1 · %2").arg(channelKindLabel(m.kind), target);
    }
    case StateColumn:
        if (m.state == OutboxState::Queued && m.attempts > 0 && m.nextAttemptAt)
            return tr("Retrying at %1").arg(formatClockTime(*m.nextAttemptAt, m_utc));
        return outboxStateLabel(m.state);
    case AttemptsColumn: return m.attempts;
    case ReasonColumn: return m.state == OutboxState::Delivered ? QString() : m.reason;
    default: return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Sent");
    case AudienceColumn: return tr("Audience");
    case ChannelColumn: return tr("Channel");
    case StateColumn: return tr("State");
    case AttemptsColumn: return tr("Tries");
    case ReasonColumn: return tr("Why");
    default: return {};
    }
}

void OutboxModel::onChanges(const QList<Change> &changes)
{
    for (const Change &c : changes) {
        if (c.entity != Entity::Outbox || !m_incidentId || c.incidentId != m_incidentId)
            continue;
        const Result<OutboxMessage> m = m_updates.message(c.entityId);
        if (!m)
            continue;
        const int row = rowOfMessage(c.entityId);
        if (row < 0) {
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(m.value());
            endInsertRows();
        } else {
            m_rows[row] = m.value();
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

} // namespace sitrep
