#include "interchangerepository.h"

#include "checklistrepository.h"
#include "channelrepository.h"
#include "incidentrepository.h"
#include "postmortemrepository.h"
#include "situationrepository.h"
#include "sqlquery.h"
#include "timelinerepository.h"
#include "updaterepository.h"

#include <QHash>

namespace sitrep {

namespace {

QUuid uuidOf(const QVariant &v)
{
    return QUuid::fromString(v.toString());
}

std::optional<qint64> optionalValue(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

QString uuidOrEmpty(const QUuid &uuid)
{
    return uuid.isNull() ? QString() : uuidText(uuid);
}

} // namespace

std::optional<IncidentArchive> InterchangeRepository::load(qint64 incidentId)
{
    std::optional<Incident> incident = IncidentRepository(m_db).find(incidentId);
    if (!incident)
        return std::nullopt;
    IncidentArchive a;
    a.incident = *incident;
    a.incident.roles.clear();

    SqlQuery roles(m_db, QStringLiteral("SELECT uuid, role, person, assigned_at FROM incident_roles "
                                        "WHERE incident_id = :id ORDER BY assigned_at, id"));
    roles.bind(QStringLiteral(":id"), incidentId).exec();
    while (roles.next()) {
        const std::optional<Role> role = parseRole(roles.value(1).toString());
        if (!role)
            continue;
        ArchivedRole r;
        r.uuid = uuidOf(roles.value(0));
        r.role = *role;
        r.person = roles.value(2).toString();
        r.assignedAt = roles.value(3).toLongLong();
        a.roles.append(r);
    }

    SqlQuery milestones(m_db, QStringLiteral("SELECT uuid, milestone, old_at, new_at, editor, edited_at FROM milestone_edits "
                                             "WHERE incident_id = :id ORDER BY edited_at, id"));
    milestones.bind(QStringLiteral(":id"), incidentId).exec();
    while (milestones.next()) {
        ArchivedMilestoneEdit e;
        e.uuid = uuidOf(milestones.value(0));
        e.milestone = parseMilestone(milestones.value(1).toString()).value_or(Milestone::Started);
        e.from = optionalValue(milestones.value(2));
        e.to = optionalValue(milestones.value(3));
        e.editor = milestones.value(4).toString();
        e.editedAt = milestones.value(5).toLongLong();
        a.milestoneEdits.append(e);
    }

    TimelineRepository timeline(m_db);
    QHash<qint64, QUuid> entryUuids;
    QHash<qint64, int> entryIndex;
    for (const TimelineEntry &e : timeline.page(incidentId, 0, timeline.count(incidentId))) {
        entryUuids.insert(e.id, e.uuid);
        entryIndex.insert(e.id, int(a.timeline.size()));
        a.timeline.append({e, {}});
    }
    SqlQuery edits(m_db, QStringLiteral(
        "SELECT d.uuid, d.entry_id, d.edited_at, d.editor, d.old_text, d.new_text, d.old_at, d.new_at "
        "FROM timeline_edits d JOIN timeline_entries e ON e.id = d.entry_id "
        "WHERE e.incident_id = :id ORDER BY d.edited_at, d.id"));
    edits.bind(QStringLiteral(":id"), incidentId).exec();
    while (edits.next()) {
        const auto index = entryIndex.constFind(edits.value(1).toLongLong());
        if (index == entryIndex.constEnd())
            continue;
        ArchivedEdit d;
        d.uuid = uuidOf(edits.value(0));
        d.editedAt = edits.value(2).toLongLong();
        d.editor = edits.value(3).toString();
        d.oldText = edits.value(4).toString();
        d.newText = edits.value(5).toString();
        d.oldAt = edits.value(6).toLongLong();
        d.newAt = edits.value(7).toLongLong();
        a.timeline[*index].edits.append(d);
    }

    const QList<SituationItem> items = SituationRepository(m_db).forIncident(incidentId);
    QHash<qint64, QUuid> itemUuids;
    for (const SituationItem &item : items)
        itemUuids.insert(item.id, item.uuid);
    for (const SituationItem &item : items) {
        ArchivedItem archived{item, {}};
        for (qint64 unknown : item.answers) {
            if (itemUuids.contains(unknown))
                archived.answers.append(itemUuids.value(unknown));
        }
        archived.item.answers.clear();
        a.situation.append(archived);
    }

    QHash<qint64, QUuid> estimateUuids;
    SqlQuery estimates(m_db, QStringLiteral("SELECT id, uuid, low_ms, high_ms, confidence, basis, made_at, made_by "
                                            "FROM estimates WHERE incident_id = :id ORDER BY made_at, id"));
    estimates.bind(QStringLiteral(":id"), incidentId).exec();
    while (estimates.next()) {
        ArchivedEstimate e;
        e.uuid = uuidOf(estimates.value(1));
        e.estimate.lowMs = estimates.value(2).toLongLong();
        e.estimate.highMs = estimates.value(3).toLongLong();
        e.estimate.confidence = parseConfidence(estimates.value(4).toString()).value_or(Confidence::Low);
        e.estimate.basis = estimates.value(5).toString();
        e.estimate.madeAt = estimates.value(6).toLongLong();
        e.madeBy = estimates.value(7).toString();
        estimateUuids.insert(estimates.value(0).toLongLong(), e.uuid);
        a.estimates.append(e);
    }

    SqlQuery events(m_db, QStringLiteral(
        "SELECT uuid, at, kind, item_uuid, board_column, text, owner, state, answer, tag, estimate_id, entry_id "
        "FROM board_events WHERE incident_id = :id ORDER BY at, id"));
    events.bind(QStringLiteral(":id"), incidentId).exec();
    while (events.next()) {
        const std::optional<BoardEventKind> kind = parseBoardEventKind(events.value(2).toString());
        if (!kind)
            continue;
        ArchivedBoardEvent e;
        e.uuid = uuidOf(events.value(0));
        e.event.at = events.value(1).toLongLong();
        e.event.kind = *kind;
        e.event.itemUuid = uuidOf(events.value(3));
        e.event.column = parseSituationColumn(events.value(4).toString()).value_or(SituationColumn::Estimate);
        e.event.text = events.value(5).toString();
        e.event.owner = events.value(6).toString();
        e.event.state = events.value(7).toString();
        e.event.answer = events.value(8).toString();
        e.event.tag = events.value(9).toString();
        if (const auto estimate = optionalValue(events.value(10)))
            e.estimate = estimateUuids.value(*estimate);
        if (const auto entry = optionalValue(events.value(11)))
            e.entry = entryUuids.value(*entry);
        a.boardHistory.append(e);
    }

    a.checklists = ChecklistRepository(m_db).forIncident(incidentId);
    a.audiences = ChannelRepository(m_db).audiences(incidentId);
    QHash<qint64, QUuid> audienceUuids;
    for (const Audience &audience : std::as_const(a.audiences))
        audienceUuids.insert(audience.id, audience.uuid);
    for (const StakeholderUpdate &update : UpdateRepository(m_db).updates(incidentId))
        a.updates.append({update, audienceUuids.value(update.audienceId)});

    SqlQuery dismissals(m_db, QStringLiteral("SELECT uuid, reason, dismissed_by, dismissed_at FROM allclear_dismissals "
                                             "WHERE incident_id = :id ORDER BY dismissed_at, id"));
    dismissals.bind(QStringLiteral(":id"), incidentId).exec();
    while (dismissals.next()) {
        ArchivedDismissal d;
        d.uuid = uuidOf(dismissals.value(0));
        d.reason = dismissals.value(1).toString();
        d.by = dismissals.value(2).toString();
        d.at = dismissals.value(3).toLongLong();
        a.allClearDismissals.append(d);
    }

    SqlQuery drill(m_db, QStringLiteral("SELECT uuid, scenario, scenario_json, speed, started_at, ended_at, scorecard "
                                        "FROM drill_runs WHERE incident_id = :id"));
    drill.bind(QStringLiteral(":id"), incidentId).exec();
    if (drill.next()) {
        ArchivedDrillRun r;
        r.uuid = uuidOf(drill.value(0));
        r.scenario = drill.value(1).toString();
        r.scenarioJson = drill.value(2).toString().toUtf8();
        r.speed = drill.value(3).toDouble();
        r.startedAt = drill.value(4).toLongLong();
        r.endedAt = optionalValue(drill.value(5));
        r.scorecardJson = drill.value(6).toString().toUtf8();
        a.drillRun = r;
    }

    PostmortemRepository postmortems(m_db);
    a.postmortem = postmortems.find(incidentId);
    a.actionItems = postmortems.actionItems(incidentId);
    return a;
}

bool InterchangeRepository::uuidTaken(Table table, const QUuid &uuid)
{
    // One fixed statement per table: table names are never spliced into SQL.
    const auto statement = [table]() -> QString {
        switch (table) {
        case Table::Incident: return QStringLiteral("SELECT 1 FROM incidents WHERE uuid = :uuid");
        case Table::Role: return QStringLiteral("SELECT 1 FROM incident_roles WHERE uuid = :uuid");
        case Table::MilestoneEdit: return QStringLiteral("SELECT 1 FROM milestone_edits WHERE uuid = :uuid");
        case Table::Entry: return QStringLiteral("SELECT 1 FROM timeline_entries WHERE uuid = :uuid");
        case Table::EntryEdit: return QStringLiteral("SELECT 1 FROM timeline_edits WHERE uuid = :uuid");
        case Table::SituationItem: return QStringLiteral("SELECT 1 FROM situation_items WHERE uuid = :uuid");
        case Table::Estimate: return QStringLiteral("SELECT 1 FROM estimates WHERE uuid = :uuid");
        case Table::BoardEvent: return QStringLiteral("SELECT 1 FROM board_events WHERE uuid = :uuid");
        case Table::Checklist: return QStringLiteral("SELECT 1 FROM checklists WHERE uuid = :uuid");
        case Table::ChecklistItem: return QStringLiteral("SELECT 1 FROM checklist_items WHERE uuid = :uuid");
        case Table::Audience: return QStringLiteral("SELECT 1 FROM update_audiences WHERE uuid = :uuid");
        case Table::Update: return QStringLiteral("SELECT 1 FROM stakeholder_updates WHERE uuid = :uuid");
        case Table::Dismissal: return QStringLiteral("SELECT 1 FROM allclear_dismissals WHERE uuid = :uuid");
        case Table::DrillRun: return QStringLiteral("SELECT 1 FROM drill_runs WHERE uuid = :uuid");
        case Table::Postmortem: return QStringLiteral("SELECT 1 FROM postmortems WHERE uuid = :uuid");
        case Table::ActionItem: return QStringLiteral("SELECT 1 FROM action_items WHERE uuid = :uuid");
        }
        return {};
    }();
    SqlQuery q(m_db, statement);
    q.bind(QStringLiteral(":uuid"), uuidText(uuid)).exec();
    return q.next();
}

void InterchangeRepository::insertRole(qint64 incidentId, const ArchivedRole &role)
{
    SqlQuery(m_db, QStringLiteral("INSERT INTO incident_roles (uuid, incident_id, role, person, assigned_at) "
                                  "VALUES (:uuid, :incident, :role, :person, :at)"))
        .bind(QStringLiteral(":uuid"), uuidText(role.uuid))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":role"), roleKey(role.role))
        .bind(QStringLiteral(":person"), role.person)
        .bind(QStringLiteral(":at"), role.assignedAt)
        .exec();
}

void InterchangeRepository::insertMilestoneEdit(qint64 incidentId, const ArchivedMilestoneEdit &edit)
{
    SqlQuery(m_db, QStringLiteral("INSERT INTO milestone_edits (uuid, incident_id, milestone, old_at, new_at, editor, "
                                  "edited_at) VALUES (:uuid, :incident, :milestone, :old, :new, :editor, :at)"))
        .bind(QStringLiteral(":uuid"), uuidText(edit.uuid))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":milestone"), milestoneKey(edit.milestone))
        .bindOptional(QStringLiteral(":old"), edit.from)
        .bindOptional(QStringLiteral(":new"), edit.to)
        .bind(QStringLiteral(":editor"), edit.editor)
        .bind(QStringLiteral(":at"), edit.editedAt)
        .exec();
}

void InterchangeRepository::insertEntryEdit(qint64 entryId, const ArchivedEdit &edit)
{
    SqlQuery(m_db, QStringLiteral("INSERT INTO timeline_edits (uuid, entry_id, edited_at, editor, old_text, new_text, "
                                  "old_at, new_at) VALUES (:uuid, :entry, :at, :editor, :oldText, :newText, :oldAt, :newAt)"))
        .bind(QStringLiteral(":uuid"), uuidText(edit.uuid))
        .bind(QStringLiteral(":entry"), entryId)
        .bind(QStringLiteral(":at"), edit.editedAt)
        .bind(QStringLiteral(":editor"), edit.editor)
        .bind(QStringLiteral(":oldText"), edit.oldText)
        .bind(QStringLiteral(":newText"), edit.newText)
        .bind(QStringLiteral(":oldAt"), edit.oldAt)
        .bind(QStringLiteral(":newAt"), edit.newAt)
        .exec();
}

void InterchangeRepository::insertLinks(qint64 planId, const QList<qint64> &unknownIds)
{
    SqlQuery q(m_db, QStringLiteral("INSERT OR IGNORE INTO situation_links (plan_id, unknown_id) VALUES (:plan, :unknown)"));
    for (qint64 unknown : unknownIds)
        q.bind(QStringLiteral(":plan"), planId).bind(QStringLiteral(":unknown"), unknown).exec();
}

qint64 InterchangeRepository::insertEstimate(qint64 incidentId, const ArchivedEstimate &e)
{
    SqlQuery q(m_db, QStringLiteral("INSERT INTO estimates (uuid, incident_id, low_ms, high_ms, confidence, basis, "
                                    "made_at, made_by) VALUES (:uuid, :incident, :low, :high, :confidence, :basis, "
                                    ":made, :by)"));
    q.bind(QStringLiteral(":uuid"), uuidText(e.uuid))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":low"), e.estimate.lowMs)
        .bind(QStringLiteral(":high"), e.estimate.highMs)
        .bind(QStringLiteral(":confidence"), confidenceKey(e.estimate.confidence))
        .bind(QStringLiteral(":basis"), e.estimate.basis)
        .bind(QStringLiteral(":made"), e.estimate.madeAt)
        .bind(QStringLiteral(":by"), e.madeBy)
        .exec();
    return q.lastInsertId();
}

void InterchangeRepository::insertBoardEvent(qint64 incidentId, const ArchivedBoardEvent &e,
                                             std::optional<qint64> estimateId, std::optional<qint64> entryId)
{
    SqlQuery(m_db, QStringLiteral(
        "INSERT INTO board_events (uuid, incident_id, at, kind, item_uuid, board_column, text, owner, state, answer, "
        "tag, estimate_id, entry_id) VALUES (:uuid, :incident, :at, :kind, :item, :column, :text, :owner, :state, "
        ":answer, :tag, :estimate, :entry)"))
        .bind(QStringLiteral(":uuid"), uuidText(e.uuid))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":at"), e.event.at)
        .bind(QStringLiteral(":kind"), boardEventKindKey(e.event.kind))
        .bind(QStringLiteral(":item"), uuidOrEmpty(e.event.itemUuid))
        .bind(QStringLiteral(":column"), e.event.kind == BoardEventKind::Estimated ? QString()
                                                                                  : situationColumnKey(e.event.column))
        .bind(QStringLiteral(":text"), e.event.text)
        .bind(QStringLiteral(":owner"), e.event.owner)
        .bind(QStringLiteral(":state"), e.event.state)
        .bind(QStringLiteral(":answer"), e.event.answer)
        .bind(QStringLiteral(":tag"), e.event.tag)
        .bindOptional(QStringLiteral(":estimate"), estimateId)
        .bindOptional(QStringLiteral(":entry"), entryId)
        .exec();
}

void InterchangeRepository::insertDismissal(qint64 incidentId, const ArchivedDismissal &d)
{
    SqlQuery(m_db, QStringLiteral("INSERT INTO allclear_dismissals (uuid, incident_id, reason, dismissed_by, dismissed_at) "
                                  "VALUES (:uuid, :incident, :reason, :by, :at)"))
        .bind(QStringLiteral(":uuid"), uuidText(d.uuid))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":reason"), d.reason)
        .bind(QStringLiteral(":by"), d.by)
        .bind(QStringLiteral(":at"), d.at)
        .exec();
}

void InterchangeRepository::insertDrillRun(qint64 incidentId, const ArchivedDrillRun &r)
{
    SqlQuery(m_db, QStringLiteral("INSERT INTO drill_runs (uuid, incident_id, scenario, scenario_json, speed, started_at, "
                                  "ended_at, scorecard) VALUES (:uuid, :incident, :scenario, :json, :speed, :started, "
                                  ":ended, :scorecard)"))
        .bind(QStringLiteral(":uuid"), uuidText(r.uuid))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":scenario"), r.scenario)
        .bind(QStringLiteral(":json"), QString::fromUtf8(r.scenarioJson))
        .bind(QStringLiteral(":speed"), r.speed)
        .bind(QStringLiteral(":started"), r.startedAt)
        .bindOptional(QStringLiteral(":ended"), r.endedAt)
        .bind(QStringLiteral(":scorecard"), QString::fromUtf8(r.scorecardJson))
        .exec();
}

} // namespace sitrep
