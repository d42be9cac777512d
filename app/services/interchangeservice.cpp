#include "interchangeservice.h"

#include "interchangejson.h"

#include "store/changelogrepository.h"
#include "store/checklistrepository.h"
#include "store/channelrepository.h"
#include "store/incidentrepository.h"
#include "store/interchangerepository.h"
#include "store/postmortemrepository.h"
#include "store/runbookrepository.h"
#include "store/situationrepository.h"
#include "store/updatechanges.h"
#include "store/updaterepository.h"
#include "situationservice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Interchange", text);
}

using Table = InterchangeRepository::Table;

// Gives the parts of an imported incident ids the store does not have yet, and answers where a
// reference now points. A copy (the incident's own id is taken) gets new ids throughout, so two
// copies never share an id; otherwise only the ids already taken change.
class IdPlan
{
public:
    IdPlan(InterchangeRepository &repo, bool copy) : m_repo(repo), m_copy(copy) {}

    void own(Table table, QUuid &uuid)
    {
        if (m_copy || m_repo.uuidTaken(table, uuid)) {
            const QUuid fresh = QUuid::createUuid();
            m_map.insert(uuid, fresh);
            uuid = fresh;
        }
    }
    // A reference to something owned elsewhere in the file, or (board history) to a card that
    // was removed and so is in no list: in a copy, it moves consistently with the rest.
    QUuid ref(const QUuid &uuid)
    {
        if (uuid.isNull())
            return uuid;
        if (const auto it = m_map.constFind(uuid); it != m_map.constEnd())
            return *it;
        if (m_copy) {
            const QUuid fresh = QUuid::createUuid();
            m_map.insert(uuid, fresh);
            return fresh;
        }
        return uuid;
    }

private:
    InterchangeRepository &m_repo;
    bool m_copy;
    QHash<QUuid, QUuid> m_map;
};

void record(const QSqlDatabase &db, const QString &entity, qint64 id, qint64 incidentId, qint64 now)
{
    ChangeLogRepository(db).record(entity, id, incidentId, Operation::Insert, now);
}

} // namespace

Result<IncidentArchive> InterchangeService::archive(qint64 incidentId) const
{
    return query<IncidentArchive>(m_ctx, [&](const QSqlDatabase &db) -> Result<IncidentArchive> {
        std::optional<IncidentArchive> archive = InterchangeRepository(db).load(incidentId);
        if (!archive)
            return notFound(tr("There is no incident %1.").arg(incidentId));
        return *archive;
    });
}

Result<QByteArray> InterchangeService::exportJson(qint64 incidentId) const
{
    Result<IncidentArchive> loaded = archive(incidentId);
    if (!loaded)
        return loaded.error();
    return archiveToJson(loaded.value(), m_ctx.now());
}

Result<Incident> InterchangeService::importJson(const QByteArray &json)
{
    Result<IncidentArchive> parsed = archiveFromJson(json);
    if (!parsed)
        return parsed.error();
    IncidentArchive a = std::move(parsed).value();
    const qint64 now = m_ctx.now();
    return mutate<Incident>(m_ctx, [&](const QSqlDatabase &db) -> Result<Incident> {
        InterchangeRepository repo(db);
        IdPlan ids(repo, repo.uuidTaken(Table::Incident, a.incident.uuid));

        Incident incident = a.incident;
        ids.own(Table::Incident, incident.uuid);
        incident.roles.clear();
        IncidentRepository(db).insert(incident);
        const qint64 iid = incident.id;
        record(db, Entity::Incident, iid, iid, now);
        // Its checklists came with it: the severity's runbooks are not attached again.
        RunbookRepository(db).markDeclareRunbooks(iid, now);

        for (ArchivedRole role : std::as_const(a.roles)) {
            ids.own(Table::Role, role.uuid);
            repo.insertRole(iid, role);
        }
        for (ArchivedMilestoneEdit edit : std::as_const(a.milestoneEdits)) {
            ids.own(Table::MilestoneEdit, edit.uuid);
            repo.insertMilestoneEdit(iid, edit);
        }

        TimelineRepository timeline(db);
        QHash<QUuid, qint64> entryIds;
        for (ArchivedEntry &archived : a.timeline) {
            TimelineEntry &entry = archived.entry;
            const QUuid original = entry.uuid;
            ids.own(Table::Entry, entry.uuid);
            entry.incidentId = iid;
            timeline.insert(entry);
            entryIds.insert(original, entry.id);
            record(db, Entity::Timeline, entry.id, iid, now);
            for (ArchivedEdit edit : std::as_const(archived.edits)) {
                ids.own(Table::EntryEdit, edit.uuid);
                repo.insertEntryEdit(entry.id, edit);
            }
        }

        // Cards first, then the links between them: a step may answer an unknown listed after it.
        SituationRepository situation(db);
        QHash<QUuid, qint64> itemIds;
        for (ArchivedItem &archived : a.situation) {
            SituationItem &item = archived.item;
            const QUuid original = item.uuid;
            ids.own(Table::SituationItem, item.uuid);
            item.incidentId = iid;
            item.answers.clear();
            situation.insert(item);
            itemIds.insert(original, item.id);
            record(db, Entity::Situation, item.id, iid, now);
        }
        for (const ArchivedItem &archived : std::as_const(a.situation)) {
            QList<qint64> unknowns;
            for (const QUuid &u : archived.answers)
                unknowns << itemIds.value(u);
            repo.insertLinks(archived.item.id, unknowns);
        }

        QHash<QUuid, qint64> estimateIds;
        for (ArchivedEstimate estimate : std::as_const(a.estimates)) {
            const QUuid original = estimate.uuid;
            ids.own(Table::Estimate, estimate.uuid);
            const qint64 id = repo.insertEstimate(iid, estimate);
            estimateIds.insert(original, id);
            record(db, Entity::Estimate, id, iid, now);
        }
        for (ArchivedBoardEvent event : std::as_const(a.boardHistory)) {
            ids.own(Table::BoardEvent, event.uuid);
            event.event.itemUuid = ids.ref(event.event.itemUuid);
            std::optional<qint64> estimateId;
            if (!event.estimate.isNull())
                estimateId = estimateIds.value(event.estimate);
            std::optional<qint64> entryId;
            if (!event.entry.isNull())
                entryId = entryIds.value(event.entry);
            repo.insertBoardEvent(iid, event, estimateId, entryId);
        }

        ChecklistRepository checklists(db);
        for (Checklist checklist : std::as_const(a.checklists)) {
            ids.own(Table::Checklist, checklist.uuid);
            checklist.incidentId = iid;
            for (ChecklistItem &item : checklist.items)
                ids.own(Table::ChecklistItem, item.uuid);
            checklists.insert(checklist);
            record(db, Entity::Checklist, checklist.id, iid, now);
        }

        ChannelRepository channels(db);
        QHash<QUuid, qint64> audienceIds;
        for (Audience audience : std::as_const(a.audiences)) {
            const QUuid original = audience.uuid;
            ids.own(Table::Audience, audience.uuid);
            audience.incidentId = iid;
            channels.insertAudience(audience);
            audienceIds.insert(original, audience.id);
            record(db, Entity::UpdateAudience, audience.id, iid, now);
        }
        UpdateRepository updates(db);
        for (ArchivedUpdate archived : std::as_const(a.updates)) {
            StakeholderUpdate &update = archived.update;
            ids.own(Table::Update, update.uuid);
            update.incidentId = iid;
            update.audienceId = audienceIds.value(archived.audience);
            updates.insertUpdate(update);
            record(db, Entity::SentUpdate, update.id, iid, now);
        }
        for (ArchivedDismissal dismissal : std::as_const(a.allClearDismissals)) {
            ids.own(Table::Dismissal, dismissal.uuid);
            repo.insertDismissal(iid, dismissal);
        }
        if (a.drillRun) {
            ArchivedDrillRun run = *a.drillRun;
            ids.own(Table::DrillRun, run.uuid);
            repo.insertDrillRun(iid, run);
        }

        PostmortemRepository postmortems(db);
        if (a.postmortem) {
            Postmortem postmortem = *a.postmortem;
            ids.own(Table::Postmortem, postmortem.uuid);
            postmortem.incidentId = iid;
            postmortems.insert(postmortem);
            record(db, Entity::Postmortem, postmortem.id, iid, now);
        }
        for (ActionItem item : std::as_const(a.actionItems)) {
            ids.own(Table::ActionItem, item.uuid);
            item.incidentId = iid;
            postmortems.insertActionItem(item);
            record(db, Entity::ActionItem, item.id, iid, now);
        }

        std::optional<Incident> stored = IncidentRepository(db).find(iid);
        if (!stored)
            return storeFailure(tr("The imported incident could not be read back."));
        return *stored;
    });
}

Result<Incident> InterchangeService::importFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return notFound(tr("%1: no such file").arg(shown));
    if (info.isDir())
        return invalid(tr("%1: is a directory, not a file").arg(shown));
    if (info.size() > kMaxInterchangeFileBytes)
        return invalid(tr("%1: the file is %2 MB; the limit is %3 MB")
                           .arg(shown)
                           .arg(info.size() / (1024 * 1024))
                           .arg(kMaxInterchangeFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return notFound(tr("%1: cannot be read: %2").arg(shown, file.errorString()));
    const QByteArray bytes = file.read(kMaxInterchangeFileBytes + 1);
    Result<Incident> imported = importJson(bytes);
    if (!imported)
        return Error{imported.error().kind, shown + QStringLiteral(": ") + imported.error().message};
    return imported;
}

} // namespace sitrep
