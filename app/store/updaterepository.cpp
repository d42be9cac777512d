#include "updaterepository.h"

#include "sqlquery.h"

#include "domain/ids.h"

namespace sitrep {

namespace {

const QString kUpdateColumns = QStringLiteral(
    "id, uuid, incident_id, audience_id, audience_name, kind, body, severity, status, next_update_at, next_stated, "
    "drill, author, sent_at");

// The secret target comes along only for the sender; COALESCE keeps a removed channel readable.
const QString kMessageSelect = QStringLiteral(
    "SELECT m.id, m.uuid, m.update_id, m.channel_id, m.kind, m.subject, m.payload, m.state, m.attempts, "
    "m.next_attempt_at, m.lease_until, m.delivered_at, m.reason, m.created_at, m.updated_at, u.incident_id, "
    "u.audience_name, COALESCE(c.target, '') "
    "FROM outbox_messages m JOIN stakeholder_updates u ON u.id = m.update_id "
    "LEFT JOIN update_channels c ON c.id = m.channel_id ");

std::optional<qint64> optionalAt(const SqlQuery &q, int index)
{
    const QVariant v = q.value(index);
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

} // namespace

StakeholderUpdate UpdateRepository::readUpdate(SqlQuery &q)
{
    StakeholderUpdate u;
    u.id = q.value(0).toLongLong();
    u.uuid = QUuid::fromString(q.value(1).toString());
    u.incidentId = q.value(2).toLongLong();
    u.audienceId = q.value(3).toLongLong();
    u.audienceName = q.value(4).toString();
    u.kind = parseUpdateKind(q.value(5).toString()).value_or(UpdateKind::Update);
    u.body = q.value(6).toString();
    u.severity = severityFromNumber(q.value(7).toInt()).value_or(Severity::Sev3);
    u.status = parseStatus(q.value(8).toString()).value_or(Status::Investigating);
    u.nextUpdateAt = optionalAt(q, 9);
    u.nextStated = q.value(10).toBool();
    u.drill = q.value(11).toBool();
    u.author = q.value(12).toString();
    u.sentAt = q.value(13).toLongLong();
    return u;
}

OutboxMessage UpdateRepository::readMessage(SqlQuery &q)
{
    OutboxMessage m;
    m.id = q.value(0).toLongLong();
    m.uuid = QUuid::fromString(q.value(1).toString());
    m.updateId = q.value(2).toLongLong();
    m.channelId = optionalAt(q, 3);
    m.kind = parseChannelKind(q.value(4).toString()).value_or(ChannelKind::Clipboard);
    m.subject = q.value(5).toString();
    m.payload = q.value(6).toByteArray();
    m.state = parseOutboxState(q.value(7).toString()).value_or(OutboxState::Failed);
    m.attempts = q.value(8).toInt();
    m.nextAttemptAt = optionalAt(q, 9);
    m.leaseUntil = optionalAt(q, 10);
    m.deliveredAt = optionalAt(q, 11);
    m.reason = q.value(12).toString();
    m.createdAt = q.value(13).toLongLong();
    m.updatedAt = q.value(14).toLongLong();
    m.incidentId = q.value(15).toLongLong();
    m.audienceName = q.value(16).toString();
    m.target = q.value(17).toString();
    return m;
}

void UpdateRepository::insertUpdate(StakeholderUpdate &update)
{
    if (update.uuid.isNull())
        update.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO stakeholder_updates (uuid, incident_id, audience_id, audience_name, kind, body, severity, status, "
        "next_update_at, next_stated, drill, author, sent_at) VALUES (:uuid, :incident, :audience, :audienceName, :kind, "
        ":body, :severity, :status, :next, :stated, :drill, :author, :sent)"));
    q.bind(QStringLiteral(":uuid"), uuidText(update.uuid))
        .bind(QStringLiteral(":incident"), update.incidentId)
        .bind(QStringLiteral(":audience"), update.audienceId)
        .bind(QStringLiteral(":audienceName"), update.audienceName)
        .bind(QStringLiteral(":kind"), updateKindKey(update.kind))
        .bind(QStringLiteral(":body"), update.body)
        .bind(QStringLiteral(":severity"), severityNumber(update.severity))
        .bind(QStringLiteral(":status"), statusKey(update.status))
        .bindOptional(QStringLiteral(":next"), update.nextUpdateAt)
        .bind(QStringLiteral(":stated"), update.nextStated ? 1 : 0)
        .bind(QStringLiteral(":drill"), update.drill ? 1 : 0)
        .bind(QStringLiteral(":author"), update.author)
        .bind(QStringLiteral(":sent"), update.sentAt)
        .exec();
    update.id = q.lastInsertId();
}

std::optional<StakeholderUpdate> UpdateRepository::update(qint64 updateId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT %1 FROM stakeholder_updates WHERE id = :id").arg(kUpdateColumns));
    q.bind(QStringLiteral(":id"), updateId).exec();
    if (!q.next())
        return std::nullopt;
    return readUpdate(q);
}

QList<StakeholderUpdate> UpdateRepository::updates(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT %1 FROM stakeholder_updates WHERE incident_id = :incident ORDER BY sent_at, id")
                         .arg(kUpdateColumns));
    q.bind(QStringLiteral(":incident"), incidentId).exec();
    QList<StakeholderUpdate> out;
    while (q.next())
        out.append(readUpdate(q));
    return out;
}

void UpdateRepository::insertMessage(OutboxMessage &message)
{
    if (message.uuid.isNull())
        message.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral(
        "INSERT INTO outbox_messages (uuid, update_id, channel_id, kind, subject, payload, state, attempts, next_attempt_at, "
        "reason, created_at, updated_at) VALUES (:uuid, :update, :channel, :kind, :subject, :payload, :state, 0, :next, "
        ":reason, :created, :created)"));
    q.bind(QStringLiteral(":uuid"), uuidText(message.uuid))
        .bind(QStringLiteral(":update"), message.updateId)
        .bindOptional(QStringLiteral(":channel"), message.channelId)
        .bind(QStringLiteral(":kind"), channelKindKey(message.kind))
        .bind(QStringLiteral(":subject"), message.subject)
        .bind(QStringLiteral(":payload"), message.payload)
        .bind(QStringLiteral(":state"), outboxStateKey(message.state))
        .bindOptional(QStringLiteral(":next"), message.nextAttemptAt)
        .bind(QStringLiteral(":reason"), message.reason)
        .bind(QStringLiteral(":created"), message.createdAt)
        .exec();
    message.id = q.lastInsertId();
}

std::optional<OutboxMessage> UpdateRepository::message(qint64 messageId)
{
    SqlQuery q(m_db, kMessageSelect + QStringLiteral("WHERE m.id = :id"));
    q.bind(QStringLiteral(":id"), messageId).exec();
    if (!q.next())
        return std::nullopt;
    return readMessage(q);
}

QList<OutboxMessage> UpdateRepository::messagesOfUpdate(qint64 updateId)
{
    SqlQuery q(m_db, kMessageSelect + QStringLiteral("WHERE m.update_id = :update ORDER BY m.id"));
    q.bind(QStringLiteral(":update"), updateId).exec();
    QList<OutboxMessage> out;
    while (q.next())
        out.append(readMessage(q));
    return out;
}

QList<OutboxMessage> UpdateRepository::messages(std::optional<qint64> incidentId)
{
    SqlQuery q(m_db, kMessageSelect + QStringLiteral("WHERE (:all = 1 OR u.incident_id = :incident) ORDER BY m.id"));
    q.bind(QStringLiteral(":all"), incidentId ? 0 : 1).bind(QStringLiteral(":incident"), incidentId.value_or(0)).exec();
    QList<OutboxMessage> out;
    while (q.next())
        out.append(readMessage(q));
    return out;
}

QList<qint64> UpdateRepository::dueMessageIds(qint64 now, int limit)
{
    SqlQuery q(m_db, QStringLiteral(
        "SELECT id FROM outbox_messages WHERE (state = 'queued' AND COALESCE(next_attempt_at, 0) <= :now) "
        "OR (state = 'sending' AND COALESCE(lease_until, 0) <= :now) ORDER BY COALESCE(next_attempt_at, 0), id LIMIT :limit"));
    q.bind(QStringLiteral(":now"), now).bind(QStringLiteral(":limit"), limit).exec();
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

std::optional<qint64> UpdateRepository::nextWakeAt()
{
    SqlQuery q(m_db, QStringLiteral(
        "SELECT MIN(CASE state WHEN 'queued' THEN COALESCE(next_attempt_at, 0) ELSE COALESCE(lease_until, 0) END) "
        "FROM outbox_messages WHERE state IN ('queued', 'sending')"));
    q.exec();
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool UpdateRepository::claim(qint64 messageId, qint64 now, qint64 leaseUntil)
{
    SqlQuery q(m_db, QStringLiteral(
        "UPDATE outbox_messages SET state = 'sending', attempts = attempts + 1, lease_until = :lease, updated_at = :now "
        "WHERE id = :id AND ((state = 'queued' AND COALESCE(next_attempt_at, 0) <= :now) "
        "OR (state = 'sending' AND COALESCE(lease_until, 0) <= :now))"));
    q.bind(QStringLiteral(":lease"), leaseUntil).bind(QStringLiteral(":now"), now).bind(QStringLiteral(":id"), messageId).exec();
    return q.rowsAffected() == 1;
}

void UpdateRepository::saveState(const OutboxMessage &message)
{
    SqlQuery(m_db, QStringLiteral(
        "UPDATE outbox_messages SET state = :state, attempts = :attempts, next_attempt_at = :next, lease_until = :lease, "
        "delivered_at = :delivered, reason = :reason, updated_at = :updated WHERE id = :id"))
        .bind(QStringLiteral(":state"), outboxStateKey(message.state))
        .bind(QStringLiteral(":attempts"), message.attempts)
        .bindOptional(QStringLiteral(":next"), message.nextAttemptAt)
        .bindOptional(QStringLiteral(":lease"), message.leaseUntil)
        .bindOptional(QStringLiteral(":delivered"), message.deliveredAt)
        .bind(QStringLiteral(":reason"), message.reason)
        .bind(QStringLiteral(":updated"), message.updatedAt)
        .bind(QStringLiteral(":id"), message.id)
        .exec();
}

void UpdateRepository::insertAttempt(const DeliveryAttempt &attempt)
{
    SqlQuery(m_db, QStringLiteral(
        "INSERT INTO outbox_attempts (message_id, attempt, started_at, finished_at, http_status, verdict, reason) "
        "VALUES (:message, :attempt, :started, :finished, :status, :verdict, :reason)"))
        .bind(QStringLiteral(":message"), attempt.messageId)
        .bind(QStringLiteral(":attempt"), attempt.attempt)
        .bind(QStringLiteral(":started"), attempt.startedAt)
        .bind(QStringLiteral(":finished"), attempt.finishedAt)
        .bind(QStringLiteral(":status"), attempt.httpStatus)
        .bind(QStringLiteral(":verdict"), attempt.verdict)
        .bind(QStringLiteral(":reason"), attempt.reason)
        .exec();
}

QList<DeliveryAttempt> UpdateRepository::attempts(qint64 messageId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT message_id, attempt, started_at, finished_at, http_status, verdict, reason "
                                    "FROM outbox_attempts WHERE message_id = :message ORDER BY id"));
    q.bind(QStringLiteral(":message"), messageId).exec();
    QList<DeliveryAttempt> out;
    while (q.next()) {
        DeliveryAttempt a;
        a.messageId = q.value(0).toLongLong();
        a.attempt = q.value(1).toInt();
        a.startedAt = q.value(2).toLongLong();
        a.finishedAt = q.value(3).toLongLong();
        a.httpStatus = q.value(4).toInt();
        a.verdict = q.value(5).toString();
        a.reason = q.value(6).toString();
        out.append(a);
    }
    return out;
}

void UpdateRepository::saveDraft(const UpdateDraft &draft)
{
    SqlQuery(m_db, QStringLiteral(
        "INSERT INTO update_drafts (audience_id, kind, body, next_text, saved_at) VALUES (:audience, :kind, :body, :next, :at) "
        "ON CONFLICT (audience_id, kind) DO UPDATE SET body = excluded.body, next_text = excluded.next_text, "
        "saved_at = excluded.saved_at"))
        .bind(QStringLiteral(":audience"), draft.audienceId)
        .bind(QStringLiteral(":kind"), updateKindKey(draft.kind))
        .bind(QStringLiteral(":body"), draft.body)
        .bind(QStringLiteral(":next"), draft.nextText)
        .bind(QStringLiteral(":at"), draft.savedAt)
        .exec();
}

std::optional<UpdateDraft> UpdateRepository::draft(qint64 audienceId, UpdateKind kind)
{
    SqlQuery q(m_db, QStringLiteral("SELECT body, next_text, saved_at FROM update_drafts WHERE audience_id = :audience "
                                    "AND kind = :kind"));
    q.bind(QStringLiteral(":audience"), audienceId).bind(QStringLiteral(":kind"), updateKindKey(kind)).exec();
    if (!q.next())
        return std::nullopt;
    UpdateDraft d;
    d.audienceId = audienceId;
    d.kind = kind;
    d.body = q.value(0).toString();
    d.nextText = q.value(1).toString();
    d.savedAt = q.value(2).toLongLong();
    return d;
}

void UpdateRepository::removeDraft(qint64 audienceId, UpdateKind kind)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM update_drafts WHERE audience_id = :audience AND kind = :kind"))
        .bind(QStringLiteral(":audience"), audienceId)
        .bind(QStringLiteral(":kind"), updateKindKey(kind))
        .exec();
}

qint64 UpdateRepository::insertDismissal(qint64 incidentId, const QString &reason, const QString &by, qint64 at)
{
    SqlQuery q(m_db, QStringLiteral("INSERT INTO allclear_dismissals (uuid, incident_id, reason, dismissed_by, dismissed_at) "
                                    "VALUES (:uuid, :incident, :reason, :by, :at)"));
    q.bind(QStringLiteral(":uuid"), uuidText(QUuid::createUuid()))
        .bind(QStringLiteral(":incident"), incidentId)
        .bind(QStringLiteral(":reason"), reason)
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":at"), at)
        .exec();
    return q.lastInsertId();
}

std::optional<std::pair<qint64, QString>> UpdateRepository::lastDismissal(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT dismissed_at, reason FROM allclear_dismissals WHERE incident_id = :incident "
                                    "ORDER BY dismissed_at DESC, id DESC LIMIT 1"));
    q.bind(QStringLiteral(":incident"), incidentId).exec();
    if (!q.next())
        return std::nullopt;
    return std::make_pair(q.value(0).toLongLong(), q.value(1).toString());
}

} // namespace sitrep
