#include "postmortemrepository.h"

#include "sqlquery.h"

namespace sitrep {

namespace {

const QString kPostmortemColumns = QStringLiteral(
    "id, uuid, incident_id, owner, review_status, summary, affected_count, affected_unit, support_requests, "
    "cost_cents, detection, response, root_causes, trigger_text, five_whys, went_well, went_poorly, got_lucky, "
    "lessons, created_at, updated_at, updated_by");
const QString kActionColumns = QStringLiteral(
    "id, uuid, incident_id, position, text, owner, kind, priority, due_date, tracker_url, state, created_at, updated_at");

std::optional<qint64> optionalValue(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

void bindPostmortem(SqlQuery &q, const Postmortem &p)
{
    q.bind(QStringLiteral(":owner"), p.owner)
        .bind(QStringLiteral(":status"), reviewStatusKey(p.status))
        .bind(QStringLiteral(":summary"), p.summary)
        .bindOptional(QStringLiteral(":affected"), p.affectedCount)
        .bind(QStringLiteral(":unit"), p.affectedUnit)
        .bindOptional(QStringLiteral(":support"), p.supportRequests)
        .bindOptional(QStringLiteral(":cost"), p.costCents)
        .bind(QStringLiteral(":detection"), p.detection)
        .bind(QStringLiteral(":response"), p.response)
        .bind(QStringLiteral(":causes"), p.rootCauses)
        .bind(QStringLiteral(":trigger"), p.trigger)
        // One why per line: validatePostmortem keeps each to one line.
        .bind(QStringLiteral(":whys"), p.fiveWhys.join(QLatin1Char('\n')))
        .bind(QStringLiteral(":well"), p.wentWell)
        .bind(QStringLiteral(":poorly"), p.wentPoorly)
        .bind(QStringLiteral(":lucky"), p.gotLucky)
        .bind(QStringLiteral(":lessons"), p.lessons)
        .bind(QStringLiteral(":updated"), p.updatedAt)
        .bind(QStringLiteral(":updatedBy"), p.updatedBy);
}

void bindAction(SqlQuery &q, const ActionItem &a)
{
    q.bind(QStringLiteral(":position"), a.position)
        .bind(QStringLiteral(":text"), a.text)
        .bind(QStringLiteral(":owner"), a.owner)
        .bind(QStringLiteral(":kind"), actionKindKey(a.kind))
        .bind(QStringLiteral(":priority"), a.priority)
        .bind(QStringLiteral(":due"), dueDateText(a.due))
        .bind(QStringLiteral(":tracker"), a.tracker)
        .bind(QStringLiteral(":state"), actionStateKey(a.state))
        .bind(QStringLiteral(":updated"), a.updatedAt);
}

} // namespace

Postmortem PostmortemRepository::readPostmortem(const SqlQuery &q)
{
    Postmortem p;
    p.id = q.value(0).toLongLong();
    p.uuid = QUuid::fromString(q.value(1).toString());
    p.incidentId = q.value(2).toLongLong();
    p.owner = q.value(3).toString();
    p.status = parseReviewStatus(q.value(4).toString()).value_or(ReviewStatus::Draft);
    p.summary = q.value(5).toString();
    p.affectedCount = optionalValue(q.value(6));
    p.affectedUnit = q.value(7).toString();
    p.supportRequests = optionalValue(q.value(8));
    p.costCents = optionalValue(q.value(9));
    p.detection = q.value(10).toString();
    p.response = q.value(11).toString();
    p.rootCauses = q.value(12).toString();
    p.trigger = q.value(13).toString();
    const QString whys = q.value(14).toString();
    if (!whys.isEmpty())
        p.fiveWhys = whys.split(QLatin1Char('\n'));
    p.wentWell = q.value(15).toString();
    p.wentPoorly = q.value(16).toString();
    p.gotLucky = q.value(17).toString();
    p.lessons = q.value(18).toString();
    p.createdAt = q.value(19).toLongLong();
    p.updatedAt = q.value(20).toLongLong();
    p.updatedBy = q.value(21).toString();
    return p;
}

ActionItem PostmortemRepository::readActionItem(const SqlQuery &q)
{
    ActionItem a;
    a.id = q.value(0).toLongLong();
    a.uuid = QUuid::fromString(q.value(1).toString());
    a.incidentId = q.value(2).toLongLong();
    a.position = q.value(3).toInt();
    a.text = q.value(4).toString();
    a.owner = q.value(5).toString();
    a.kind = parseActionKind(q.value(6).toString()).value_or(ActionKind::Prevent);
    a.priority = q.value(7).toInt();
    a.due = parseDueDate(q.value(8).toString()).value_or(QDate());
    a.tracker = q.value(9).toString();
    a.state = parseActionState(q.value(10).toString()).value_or(ActionState::Open);
    a.createdAt = q.value(11).toLongLong();
    a.updatedAt = q.value(12).toLongLong();
    return a;
}

std::optional<Postmortem> PostmortemRepository::find(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kPostmortemColumns
                         + QStringLiteral(" FROM postmortems WHERE incident_id = :incident"));
    q.bind(QStringLiteral(":incident"), incidentId).exec();
    if (!q.next())
        return std::nullopt;
    return readPostmortem(q);
}

void PostmortemRepository::insert(Postmortem &postmortem)
{
    if (postmortem.uuid.isNull())
        postmortem.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO postmortems (uuid, incident_id, owner, review_status, summary, affected_count, affected_unit, "
        "support_requests, cost_cents, detection, response, root_causes, trigger_text, five_whys, went_well, "
        "went_poorly, got_lucky, lessons, created_at, updated_at, updated_by) VALUES (:uuid, :incident, :owner, "
        ":status, :summary, :affected, :unit, :support, :cost, :detection, :response, :causes, :trigger, :whys, "
        ":well, :poorly, :lucky, :lessons, :created, :updated, :updatedBy)"));
    q.bind(QStringLiteral(":uuid"), uuidText(postmortem.uuid))
        .bind(QStringLiteral(":incident"), postmortem.incidentId)
        .bind(QStringLiteral(":created"), postmortem.createdAt);
    bindPostmortem(q, postmortem);
    q.exec();
    postmortem.id = q.lastInsertId();
}

void PostmortemRepository::update(const Postmortem &postmortem)
{
    SqlQuery q(m_db, QStringLiteral(
        "UPDATE postmortems SET owner = :owner, review_status = :status, summary = :summary, "
        "affected_count = :affected, affected_unit = :unit, support_requests = :support, cost_cents = :cost, "
        "detection = :detection, response = :response, root_causes = :causes, trigger_text = :trigger, "
        "five_whys = :whys, went_well = :well, went_poorly = :poorly, got_lucky = :lucky, lessons = :lessons, "
        "updated_at = :updated, updated_by = :updatedBy WHERE id = :id"));
    bindPostmortem(q, postmortem);
    q.bind(QStringLiteral(":id"), postmortem.id).exec();
}

QList<ActionItem> PostmortemRepository::actionItems(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kActionColumns
                         + QStringLiteral(" FROM action_items WHERE incident_id = :incident ORDER BY position, id"));
    q.bind(QStringLiteral(":incident"), incidentId).exec();
    QList<ActionItem> items;
    while (q.next())
        items.append(readActionItem(q));
    return items;
}

std::optional<ActionItem> PostmortemRepository::actionItem(qint64 id)
{
    SqlQuery q(m_db, QStringLiteral("SELECT ") + kActionColumns + QStringLiteral(" FROM action_items WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readActionItem(q);
}

void PostmortemRepository::insertActionItem(ActionItem &item)
{
    if (item.uuid.isNull())
        item.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO action_items (uuid, incident_id, position, text, owner, kind, priority, due_date, tracker_url, "
        "state, created_at, updated_at) VALUES (:uuid, :incident, :position, :text, :owner, :kind, :priority, :due, "
        ":tracker, :state, :created, :updated)"));
    q.bind(QStringLiteral(":uuid"), uuidText(item.uuid))
        .bind(QStringLiteral(":incident"), item.incidentId)
        .bind(QStringLiteral(":created"), item.createdAt);
    bindAction(q, item);
    q.exec();
    item.id = q.lastInsertId();
}

void PostmortemRepository::updateActionItem(const ActionItem &item)
{
    SqlQuery q(m_db, QStringLiteral(
        "UPDATE action_items SET position = :position, text = :text, owner = :owner, kind = :kind, "
        "priority = :priority, due_date = :due, tracker_url = :tracker, state = :state, updated_at = :updated "
        "WHERE id = :id"));
    bindAction(q, item);
    q.bind(QStringLiteral(":id"), item.id).exec();
}

void PostmortemRepository::removeActionItem(qint64 id)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM action_items WHERE id = :id")).bind(QStringLiteral(":id"), id).exec();
}

int PostmortemRepository::nextActionPosition(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(position) + 1, 0) FROM action_items WHERE incident_id = :incident"));
    q.bind(QStringLiteral(":incident"), incidentId).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace sitrep
