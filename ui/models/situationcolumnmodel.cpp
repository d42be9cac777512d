#include "situationcolumnmodel.h"

#include "domain/boardinput.h"
#include "domain/boardorder.h"
#include "domain/clock.h"
#include "domain/duration.h"
#include "domain/plansteps.h"
#include "services/situationservice.h"

#include <QDateTime>
#include <QLocale>
#include <QMimeData>
#include <QTimeZone>

#include <algorithm>

namespace sitrep {

const QString SituationColumnModel::mimeType = QStringLiteral("application/x-sitrep-card");

namespace {

QDateTime shown(qint64 ms, bool utc)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return utc ? t : t.toLocalTime();
}

// "09:30" today; "26 Nov 09:30" on any other day, so a need-by is never read as today's.
QString hhmm(qint64 ms, qint64 nowMs, bool utc)
{
    const QDateTime t = shown(ms, utc);
    if (t.date() == shown(nowMs, utc).date())
        return t.toString(QStringLiteral("HH:mm"));
    return QLocale().toString(t, QStringLiteral("d MMM HH:mm"));
}

// "4:12" under an hour, so a countdown visibly moves; "1 h 20 min" beyond.
QString countdown(qint64 ms)
{
    if (ms >= 3600 * 1000)
        return formatDurationShort(ms);
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

SituationColumnModel::SituationColumnModel(SituationService &service, const Clock &clock, SituationColumn column,
                                           QObject *parent)
    : QAbstractListModel(parent), m_service(service), m_clock(clock), m_column(column)
{
}

void SituationColumnModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_snapshot = false;
    load();
    endResetModel();
}

void SituationColumnModel::load()
{
    m_items.clear();
    if (!m_incidentId)
        return;
    const Result<QList<SituationItem>> all = m_service.items(m_incidentId);
    if (!all)
        return;
    for (const SituationItem &i : all.value()) {
        if (i.column == m_column)
            m_items.append(i);
    }
    std::stable_sort(m_items.begin(), m_items.end(),
                     [this](const SituationItem &a, const SituationItem &b) { return lessThan(a, b); });
}

void SituationColumnModel::setUtc(bool utc)
{
    if (m_utc == utc)
        return;
    m_utc = utc;
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1));
}

void SituationColumnModel::showSnapshot(const QList<SnapshotCard> &cards)
{
    // A whole other board: one reset, not a row at a time.
    beginResetModel();
    m_snapshot = true;
    m_items.clear();
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const SnapshotCard &c = cards.at(i);
        SituationItem item;
        item.uuid = c.uuid;
        item.incidentId = m_incidentId;
        item.column = m_column;
        item.text = c.text;
        item.owner = c.owner;
        item.state = c.state;
        item.answer = c.answer;
        item.tag = c.tag;
        item.position = int(i);
        m_items.append(item);
    }
    std::stable_sort(m_items.begin(), m_items.end(),
                     [this](const SituationItem &a, const SituationItem &b) { return lessThan(a, b); });
    endResetModel();
}

void SituationColumnModel::showLive()
{
    if (!m_snapshot)
        return;
    beginResetModel();
    m_snapshot = false;
    load();
    endResetModel();
}

void SituationColumnModel::refreshTimes()
{
    for (int row = 0; row < m_items.size(); ++row) {
        const SituationItem &i = m_items.at(row);
        if (i.timeBoxEnd() || i.needBy)
            Q_EMIT dataChanged(index(row), index(row), {MetaRole, AlertRole});
    }
}

bool SituationColumnModel::lessThan(const SituationItem &a, const SituationItem &b) const
{
    if (m_column == SituationColumn::Plan)
        return planBoardLessThan(a.state, a.tag, a.position, b.state, b.tag, b.position);
    return a.position != b.position ? a.position < b.position : a.id < b.id;
}

int SituationColumnModel::insertionRow(const SituationItem &item) const
{
    const auto at = std::upper_bound(m_items.cbegin(), m_items.cend(), item,
                                     [this](const SituationItem &a, const SituationItem &b) { return lessThan(a, b); });
    return int(at - m_items.cbegin());
}

int SituationColumnModel::rowOfItem(qint64 id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return row;
    }
    return -1;
}

int SituationColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QString SituationColumnModel::metaText(const SituationItem &i) const
{
    QStringList parts;
    const qint64 now = m_clock.nowMs();
    switch (m_column) {
    case SituationColumn::Known:
        if (!i.owner.isEmpty())
            parts << tr("from %1").arg(i.owner);
        if (i.knownAt)
            parts << hhmm(*i.knownAt, now, m_utc);
        break;
    case SituationColumn::Unknown:
        parts << (i.owner.isEmpty() ? tr("no owner yet") : i.owner);
        if (i.needBy) {
            parts << (*i.needBy < now ? tr("needed by %1 — overdue").arg(hhmm(*i.needBy, now, m_utc))
                                      : tr("need by %1").arg(hhmm(*i.needBy, now, m_utc)));
        }
        break;
    case SituationColumn::Plan: {
        if (!i.owner.isEmpty())
            parts << i.owner;
        const bool doing = i.state == planStateKey(PlanState::Doing);
        if (const std::optional<qint64> end = i.timeBoxEnd(); end && doing) {
            parts << (*end >= now ? tr("%1 left").arg(countdown(*end - now))
                                  : tr("time-box OVER by %1 — check back").arg(countdown(now - *end)));
        } else if (i.timeBoxMs) {
            parts << tr("time-box %1").arg(formatDurationShort(*i.timeBoxMs));
        }
        if (!i.answers.isEmpty()) {
            QStringList ids;
            for (qint64 id : i.answers)
                ids << QStringLiteral("#") + QString::number(id);
            parts << tr("answers %1").arg(ids.join(QStringLiteral(", ")));
        }
        if (!i.backOut.isEmpty())
            parts << tr("back-out: %1").arg(i.backOut);
        break;
    }
    case SituationColumn::Estimate: break;
    }
    return parts.join(QStringLiteral(" · "));
}

bool SituationColumnModel::isAlert(const SituationItem &i) const
{
    const qint64 now = m_clock.nowMs();
    if (m_column == SituationColumn::Unknown)
        return i.needBy && *i.needBy < now;
    if (m_column == SituationColumn::Plan) {
        const std::optional<qint64> end = i.timeBoxEnd();
        return end && *end < now && i.state == planStateKey(PlanState::Doing);
    }
    return false;
}

QVariant SituationColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SituationItem &i = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return i.text;
    case Qt::EditRole: return formatCardText(draftOf(i), m_utc);
    case Qt::ToolTipRole: {
        QString tip = i.answer.isEmpty() ? i.text : tr("%1\nAnswer: %2").arg(i.text, i.answer);
        const QString meta = metaText(i);
        if (!meta.isEmpty())
            tip += QLatin1Char('\n') + meta;
        return tip;
    }
    case ItemIdRole: return i.id;
    case OwnerRole: return i.owner;
    case StateRole: return i.state;
    case TagRole: return i.tag;
    case AnswerRole: return i.answer;
    case MetaRole: return metaText(i);
    case AlertRole: return isAlert(i);
    case RiskyRole: return i.risky;
    case BackOutRole: return i.backOut;
    case CardNumberRole: return i.id ? QStringLiteral("#") + QString::number(i.id) : QString();
    }
    return {};
}

bool SituationColumnModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || m_snapshot
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString typed = value.toString();
    if (typed == data(index, Qt::EditRole).toString())
        return false;
    // The feed updates the row once the change is committed.
    const Result<SituationItem> edited = m_service.editFromText(m_items.at(index.row()).id, typed);
    if (!edited) {
        Q_EMIT refused(edited.error().message, typed);
        return false;
    }
    return true;
}

Qt::ItemFlags SituationColumnModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_snapshot || !m_incidentId ? Qt::NoItemFlags : Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_snapshot)
        f |= Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
    return f;
}

QStringList SituationColumnModel::mimeTypes() const
{
    return {mimeType};
}

QMimeData *SituationColumnModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    QStringList texts;
    for (const QModelIndex &index : indexes) {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            continue;
        const SituationItem &i = m_items.at(index.row());
        if (i.id == 0)
            continue;
        ids << QString::number(i.id);
        texts << i.text;
    }
    if (ids.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    // "column:id,id": a drop names where the cards came from, so a drop on their own column is refused.
    mime->setData(mimeType, (situationColumnKey(m_column) + QLatin1Char(':') + ids.join(QLatin1Char(','))).toUtf8());
    mime->setText(texts.join(QLatin1Char('\n')));
    return mime;
}

bool SituationColumnModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                           const QModelIndex &parent) const
{
    Q_UNUSED(row);
    Q_UNUSED(column);
    Q_UNUSED(parent);
    if (!data || m_snapshot || !m_incidentId || action != Qt::MoveAction || !data->hasFormat(mimeType))
        return false;
    const QString payload = QString::fromUtf8(data->data(mimeType));
    return payload.section(QLatin1Char(':'), 0, 0) != situationColumnKey(m_column);
}

bool SituationColumnModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                        const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList ids = QString::fromUtf8(data->data(mimeType)).section(QLatin1Char(':'), 1).split(QLatin1Char(','));
    bool moved = false;
    for (const QString &id : ids) {
        const Result<SituationItem> result = m_service.move(id.toLongLong(), m_column);
        if (!result) {
            Q_EMIT refused(result.error().message, QString());
            continue;
        }
        moved = true;
    }
    return moved;
}

Qt::DropActions SituationColumnModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions SituationColumnModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

void SituationColumnModel::applyChanges(const QList<Change> &changes)
{
    if (m_snapshot || m_incidentId == 0)
        return; // a past board does not change; showLive() reloads
    for (const Change &c : changes) {
        if (c.entity != Entity::Situation || c.incidentId != m_incidentId)
            continue;
        const Result<SituationItem> item = m_service.item(c.entityId);
        const int row = rowOfItem(c.entityId);
        const bool belongs = item && item->column == m_column;
        if (row >= 0 && !belongs) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        } else if (row >= 0) {
            // Take the card out, find where it sorts now, and move its row only if that differs.
            const SituationItem old = m_items.takeAt(row);
            const int to = insertionRow(item.value());
            m_items.insert(row, old);
            if (to != row) {
                beginMoveRows({}, row, row, {}, to > row ? to + 1 : to);
                m_items.move(row, to);
                endMoveRows();
            }
            m_items[to] = item.value();
            Q_EMIT dataChanged(index(to), index(to));
        } else if (belongs) {
            const int at = insertionRow(item.value());
            beginInsertRows({}, at, at);
            m_items.insert(at, item.value());
            endInsertRows();
        }
    }
}

} // namespace sitrep
