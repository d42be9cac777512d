#include "wallmodel.h"

#include "services/services.h"
#include "store/updatechanges.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcWall, "sitrep.wall", QtWarningMsg)

namespace sitrep {

namespace {

constexpr int kPageSize = 1000;

bool entryBefore(const TimelineEntry &a, const TimelineEntry &b)
{
    return a.at != b.at ? a.at < b.at : a.id < b.id;
}

} // namespace

WallReader WallReader::of(Services &services)
{
    return WallReader{services.incidents, services.timeline, services.situation, services.checklists,
                      services.updates,   services.feed(),   services.clock()};
}

bool isActiveIncident(const Incident &incident)
{
    return incident.status != Status::Resolved && incident.status != Status::Closed;
}

std::optional<qint64> chooseFollowedIncident(const QList<Incident> &incidents, std::optional<qint64> current,
                                             std::optional<qint64> declaredNow)
{
    auto activeWithId = [&](std::optional<qint64> id) {
        return id && std::any_of(incidents.cbegin(), incidents.cend(),
                                 [&](const Incident &i) { return i.id == *id && isActiveIncident(i); });
    };
    if (activeWithId(declaredNow))
        return declaredNow;
    if (activeWithId(current))
        return current;
    for (const Incident &i : incidents) {
        if (isActiveIncident(i))
            return i.id;
    }
    return std::nullopt;
}

bool isWallEntry(const TimelineEntry &entry)
{
    return !entry.internal && !entry.isRetracted() && entry.kind != EntryKind::Situation
           && entry.kind != EntryKind::Checklist;
}

bool isPinnedByPeople(const TimelineEntry &entry)
{
    return entry.pinned && entry.kind != EntryKind::Status && entry.kind != EntryKind::System;
}

WallModel::WallModel(const WallReader &reader, QObject *parent) : QObject(parent), m_read(reader)
{
    connect(&m_read.feed, &ChangeFeed::changed, this, &WallModel::onChanges);
    connect(&m_read.feed, &ChangeFeed::failed, this, [this](const QString &message) {
        m_problem = message;
        Q_EMIT changed(WallPart::Incident);
    });
}

template <typename T>
bool WallModel::take(const Result<T> &result, T *out)
{
    if (!result) {
        qCWarning(lcWall) << "the wall could not read the store:" << result.error().message;
        m_problem = result.error().message;
        return false;
    }
    *out = result.value();
    return true;
}

void WallModel::follow()
{
    m_following = true;
    m_shownId.reset();
    choose(std::nullopt);
}

void WallModel::showIncident(qint64 incidentId)
{
    m_following = false;
    setShown(incidentId ? std::optional<qint64>(incidentId) : std::nullopt);
}

void WallModel::choose(std::optional<qint64> declaredNow)
{
    QList<Incident> all;
    if (!take(m_read.incidents.list(), &all))
        return;
    const std::optional<qint64> chosen = chooseFollowedIncident(all, m_shownId, declaredNow);
    if (chosen != m_shownId || !m_incident)
        setShown(chosen);
    else
        reload(WallPart::Incident | WallPart::Cadence);
}

void WallModel::setShown(std::optional<qint64> incidentId)
{
    m_shownId = incidentId;
    m_problem.clear();
    reload(WallPart::All);
}

void WallModel::readLastEnded()
{
    m_lastEnded.reset();
    QList<Incident> all;
    if (!take(m_read.incidents.list(), &all))
        return;
    // The one whose impact ended last (not the last one touched: a late edit to an old
    // incident's record does not make it the news).
    auto endedAt = [](const Incident &i) { return i.resolvedAt.value_or(i.closedAt.value_or(i.updatedAt)); };
    for (const Incident &i : std::as_const(all)) {
        if (!isActiveIncident(i) && (!m_lastEnded || endedAt(i) > endedAt(*m_lastEnded)))
            m_lastEnded = i;
    }
}

void WallModel::reload(WallParts parts)
{
    if (!m_shownId) {
        m_incident.reset();
        m_cadence.reset();
        m_board = {};
        m_checklists.clear();
        m_entries.clear();
        readLastEnded();
        Q_EMIT changed(WallPart::All);
        return;
    }
    const qint64 id = *m_shownId;
    if (parts & WallPart::Incident) {
        Incident incident;
        if (take(m_read.incidents.find(id), &incident))
            m_incident = incident;
        else
            m_incident.reset();
    }
    if (parts & WallPart::Cadence) {
        CadenceInfo cadence;
        if (take(m_read.updates.cadence(id), &cadence))
            m_cadence = cadence;
        else
            m_cadence.reset();
    }
    if (parts & WallPart::Board) {
        BoardSnapshot board;
        m_board = take(m_read.situation.board(id), &board) ? board : BoardSnapshot{};
    }
    if (parts & WallPart::Checklists) {
        QList<Checklist> lists;
        m_checklists = take(m_read.checklists.checklists(id), &lists) ? lists : QList<Checklist>{};
    }
    if (parts & WallPart::Timeline) {
        // Read once in pages; after this every change is applied one entry at a time.
        m_entries.clear();
        int total = 0;
        if (take(m_read.timeline.count(id), &total)) {
            for (int offset = 0; offset < total; offset += kPageSize) {
                QList<TimelineEntry> page;
                if (!take(m_read.timeline.page(id, offset, kPageSize), &page))
                    break;
                for (const TimelineEntry &e : std::as_const(page)) {
                    if (isWallEntry(e))
                        m_entries.append(e);
                }
            }
        }
    }
    Q_EMIT changed(parts);
}

void WallModel::reloadEntry(qint64 entryId)
{
    m_entries.removeIf([entryId](const TimelineEntry &e) { return e.id == entryId; });
    TimelineEntry entry;
    if (!take(m_read.timeline.entry(entryId), &entry) || entry.incidentId != m_shownId || !isWallEntry(entry))
        return;
    m_entries.insert(std::upper_bound(m_entries.begin(), m_entries.end(), entry, entryBefore), entry);
}

void WallModel::onChanges(const QList<Change> &changes)
{
    std::optional<qint64> declared;
    bool incidentsMoved = false;
    WallParts parts;
    QList<qint64> entries;
    for (const Change &c : changes) {
        if (c.entity == Entity::Incident) {
            incidentsMoved = true;
            if (c.operation == Operation::Insert)
                declared = c.entityId;
        }
        if (!m_shownId || c.incidentId != *m_shownId)
            continue;
        if (c.entity == Entity::Incident || c.entity == Entity::Role)
            parts |= WallPart::Incident | WallPart::Cadence; // severity sets the rhythm
        else if (c.entity == Entity::Timeline)
            entries.append(c.entityId);
        else if (c.entity == Entity::Situation || c.entity == Entity::Estimate)
            parts |= WallPart::Board;
        else if (c.entity == Entity::Checklist || c.entity == Entity::ChecklistItem)
            parts |= WallPart::Checklists;
        else if (c.entity == Entity::SentUpdate || c.entity == Entity::AllClearDismissal)
            parts |= WallPart::Cadence;
    }
    if (m_following && incidentsMoved) {
        const std::optional<qint64> before = m_shownId;
        choose(declared);
        if (m_shownId != before)
            return; // a new incident on the wall was read whole
    } else if (!m_shownId && incidentsMoved) {
        reload(WallPart::All); // the calm screen's "last incident" may have changed
        return;
    }
    if (!entries.isEmpty()) {
        for (qint64 id : std::as_const(entries))
            reloadEntry(id);
        parts |= WallPart::Timeline;
        // Reading single entries changes nothing else; announce without reading the rest again.
        const WallParts others = parts & ~WallParts(WallPart::Timeline);
        if (others)
            reload(others);
        Q_EMIT changed(WallPart::Timeline);
        return;
    }
    if (parts)
        reload(parts);
}

QList<TimelineEntry> WallModel::wallEntries(int pinnedLimit) const
{
    QList<TimelineEntry> pinned;
    QList<TimelineEntry> rest;
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (isPinnedByPeople(*it) && pinned.size() < pinnedLimit)
            pinned.append(*it);
        else
            rest.append(*it);
    }
    return pinned + rest;
}

} // namespace sitrep
