// UpdateService, second half: what happens after send() — delivery records, resends, the
// rhythm and the all-clear.
#include "updateservice.h"

#include "updatewording.h"

#include "net/secretmask.h"
#include "store/channelrepository.h"
#include "store/incidentrepository.h"
#include "store/updatechanges.h"
#include "store/updaterepository.h"

#include <QUrl>
#include <algorithm>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpdateService", text);
}

QString verdictKey(DeliveryOutcome::Verdict verdict, bool retrying)
{
    if (retrying)
        return QStringLiteral("retry");
    return verdict == DeliveryOutcome::Delivered ? QStringLiteral("delivered") : QStringLiteral("failed");
}

void appendCommunication(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId, const QString &text,
                         EntrySource source)
{
    const qint64 now = ctx.now();
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.at = now;
    entry.kind = EntryKind::Communication;
    entry.author = ctx.user;
    entry.source = source;
    entry.text = text;
    entry.createdAt = now;
    appendEntry(db, entry);
}

bool isOver(Status status)
{
    return status == Status::Resolved || status == Status::Closed;
}

} // namespace

Result<QList<OutboxMessage>> UpdateService::claimDue(qint64 leaseMs, int limit, const QList<qint64> &skip)
{
    const qint64 now = m_ctx.now();
    // A read first, so an idle outbox does not open a write transaction every time it looks.
    const Result<QList<qint64>> due = query<QList<qint64>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<qint64>> {
        return UpdateRepository(db).dueMessageIds(now, limit);
    });
    if (!due)
        return due.error();
    const bool anyNew = std::any_of(due.value().cbegin(), due.value().cend(), [&](qint64 id) { return !skip.contains(id); });
    if (!anyNew)
        return QList<OutboxMessage>();
    return mutate<QList<OutboxMessage>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<OutboxMessage>> {
        UpdateRepository repo(db);
        ChangeLogRepository log(db);
        QList<OutboxMessage> claimed;
        const QList<qint64> ids = repo.dueMessageIds(now, limit);
        for (qint64 id : ids) {
            if (skip.contains(id) || !repo.claim(id, now, now + leaseMs))
                continue;
            if (std::optional<OutboxMessage> m = repo.message(id)) {
                log.record(Entity::Outbox, id, m->incidentId, Operation::Update, now);
                claimed.append(*m);
            }
        }
        return claimed;
    });
}

Result<OutboxMessage> UpdateService::recordAttempt(qint64 messageId, qint64 startedAt, const DeliveryOutcome &outcome,
                                                   int httpStatus, std::optional<qint64> retryAt)
{
    const qint64 now = m_ctx.now();
    return mutate<OutboxMessage>(m_ctx, [&](const QSqlDatabase &db) -> Result<OutboxMessage> {
        UpdateRepository repo(db);
        std::optional<OutboxMessage> m = repo.message(messageId);
        if (!m)
            return notFound(tr("There is no outbox message %1.").arg(messageId));
        // Settled meanwhile by another sender whose claim outlived ours: its word stands.
        if (m->state != OutboxState::Sending)
            return *m;
        // Services quote what they were sent at times; a reason is shown and stored, so the
        // webhook's secret parts are cut out of it first.
        const QString reason = redactSecrets(outcome.reason, {QUrl(m->target)});
        const bool retrying = outcome.verdict != DeliveryOutcome::Delivered && retryAt.has_value();

        DeliveryAttempt attempt;
        attempt.messageId = m->id;
        attempt.attempt = m->attempts;
        attempt.startedAt = startedAt;
        attempt.finishedAt = now;
        attempt.httpStatus = httpStatus;
        attempt.verdict = verdictKey(outcome.verdict, retrying);
        attempt.reason = reason;
        repo.insertAttempt(attempt);

        m->leaseUntil.reset();
        m->nextAttemptAt.reset();
        m->reason = reason;
        m->updatedAt = now;
        if (outcome.verdict == DeliveryOutcome::Delivered) {
            m->state = OutboxState::Delivered;
            m->deliveredAt = now;
        } else if (retrying) {
            m->state = OutboxState::Queued;
            m->nextAttemptAt = retryAt;
        } else {
            m->state = OutboxState::Failed;
        }
        repo.saveState(*m);
        ChangeLogRepository(db).record(Entity::Outbox, m->id, m->incidentId, Operation::Update, now);

        if (isSettled(m->state)) {
            const QList<OutboxMessage> siblings = repo.messagesOfUpdate(m->updateId);
            const bool allSettled = std::all_of(siblings.cbegin(), siblings.cend(),
                                                [](const OutboxMessage &s) { return isSettled(s.state); });
            const std::optional<StakeholderUpdate> u = repo.update(m->updateId);
            if (allSettled && u)
                appendCommunication(m_ctx, db, u->incidentId, settledEntryText(*u, siblings), EntrySource::System);
        }
        return *m;
    });
}

Outcome UpdateService::release(qint64 messageId)
{
    const qint64 now = m_ctx.now();
    return mutate<Done>(m_ctx, [&](const QSqlDatabase &db) -> Outcome {
        UpdateRepository repo(db);
        std::optional<OutboxMessage> m = repo.message(messageId);
        if (!m)
            return notFound(tr("There is no outbox message %1.").arg(messageId));
        if (m->state != OutboxState::Sending)
            return Done{};
        // The attempt never finished, so it does not count against the retry budget.
        m->state = OutboxState::Queued;
        m->attempts = std::max(0, m->attempts - 1);
        m->nextAttemptAt = now;
        m->leaseUntil.reset();
        m->updatedAt = now;
        repo.saveState(*m);
        ChangeLogRepository(db).record(Entity::Outbox, m->id, m->incidentId, Operation::Update, now);
        return Done{};
    });
}

Result<std::optional<qint64>> UpdateService::nextWakeAt() const
{
    return query<std::optional<qint64>>(m_ctx, [&](const QSqlDatabase &db) -> Result<std::optional<qint64>> {
        return UpdateRepository(db).nextWakeAt();
    });
}

Result<OutboxMessage> UpdateService::resend(qint64 messageId, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<OutboxMessage>(m_ctx, [&](const QSqlDatabase &db) -> Result<OutboxMessage> {
        UpdateRepository repo(db);
        std::optional<OutboxMessage> m = repo.message(messageId);
        if (!m)
            return notFound(tr("There is no outbox message %1.").arg(messageId));
        if (m->state != OutboxState::Failed)
            return invalid(tr("Only a failed message can be sent again; message %1 is %2.")
                               .arg(messageId)
                               .arg(outboxStateLabel(m->state).toLower()));
        if (!m->channelId)
            return invalid(tr("The channel of message %1 was removed; send a new update instead.").arg(messageId));
        m->state = OutboxState::Queued;
        m->attempts = 0;
        m->nextAttemptAt = now;
        m->leaseUntil.reset();
        m->reason.clear();
        m->updatedAt = now;
        repo.saveState(*m);
        ChangeLogRepository(db).record(Entity::Outbox, m->id, m->incidentId, Operation::Update, now);
        appendCommunication(m_ctx, db, m->incidentId,
                            tr("Sending the update to %1 via %2 again.").arg(m->audienceName, channelKindLabel(m->kind)),
                            source);
        return *m;
    });
}

Result<CadenceInfo> UpdateService::cadence(qint64 incidentId) const
{
    return query<CadenceInfo>(m_ctx, [&](const QSqlDatabase &db) -> Result<CadenceInfo> {
        const std::optional<Incident> incident = IncidentRepository(db).find(incidentId);
        if (!incident)
            return notFound(tr("There is no incident %1.").arg(incidentId));
        CadenceInfo info;
        info.active = !isOver(incident->status);
        info.intervalMs = m_policy.forSeverity(incident->severity);
        std::optional<StakeholderUpdate> last;
        const QList<StakeholderUpdate> all = UpdateRepository(db).updates(incidentId);
        for (const StakeholderUpdate &u : all) {
            if (u.kind == UpdateKind::Update && (!last || u.sentAt >= last->sentAt))
                last = u;
        }
        std::optional<qint64> stated;
        if (last) {
            info.lastUpdateAt = last->sentAt;
            if (last->nextStated)
                stated = last->nextUpdateAt;
        }
        if (!info.active)
            return info;
        info.dueAt = nextUpdateDue(info.lastUpdateAt, incident->declaredAt, stated, m_policy, incident->severity);
        info.stated = stated.has_value() && info.dueAt == stated;
        return info;
    });
}

Result<AllClearStatus> UpdateService::allClear(qint64 incidentId) const
{
    return query<AllClearStatus>(m_ctx, [&](const QSqlDatabase &db) -> Result<AllClearStatus> {
        const std::optional<Incident> incident = IncidentRepository(db).find(incidentId);
        if (!incident)
            return notFound(tr("There is no incident %1.").arg(incidentId));
        AllClearStatus status;
        if (!isOver(incident->status))
            return status;
        const qint64 resolvedAt = incident->resolvedAt.value_or(incident->updatedAt);
        status.resolvedAt = resolvedAt;
        UpdateRepository repo(db);
        const QList<StakeholderUpdate> all = repo.updates(incidentId);
        QList<qint64> told;
        QList<qint64> cleared;
        for (const StakeholderUpdate &u : all) {
            if (u.kind == UpdateKind::Update && !told.contains(u.audienceId))
                told.append(u.audienceId);
            else if (u.kind == UpdateKind::AllClear && u.sentAt >= resolvedAt)
                cleared.append(u.audienceId);
        }
        ChannelRepository channels(db);
        for (qint64 id : std::as_const(told)) {
            if (cleared.contains(id))
                continue;
            if (const std::optional<Audience> a = channels.audience(id))
                status.audiences.append(*a);
        }
        if (const auto dismissal = repo.lastDismissal(incidentId); dismissal && dismissal->first >= resolvedAt) {
            status.dismissed = true;
            status.dismissReason = dismissal->second;
        }
        status.pending = !status.audiences.isEmpty() && !status.dismissed;
        return status;
    });
}

Outcome UpdateService::dismissAllClear(qint64 incidentId, const QString &reason, EntrySource source)
{
    const QString why = reason.simplified();
    if (why.isEmpty())
        return invalid(tr("Say why the all-clear is not sent: the record keeps the reason."));
    const qint64 now = m_ctx.now();
    return mutate<Done>(m_ctx, [&](const QSqlDatabase &db) -> Outcome {
        const std::optional<Incident> incident = IncidentRepository(db).find(incidentId);
        if (!incident)
            return notFound(tr("There is no incident %1.").arg(incidentId));
        if (!isOver(incident->status))
            return invalid(tr("The incident is %1; the all-clear comes after it is resolved.").arg(statusLabel(incident->status)));
        const qint64 id = UpdateRepository(db).insertDismissal(incidentId, why, m_ctx.user, now);
        ChangeLogRepository(db).record(Entity::AllClearDismissal, id, incidentId, Operation::Insert, now);
        appendCommunication(m_ctx, db, incidentId, tr("All-clear not sent: %1").arg(why), source);
        return Done{};
    });
}

} // namespace sitrep
