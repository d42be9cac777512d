#pragma once

#include "domain/stakeholderupdate.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

class SqlQuery;

// Stakeholder updates, the outbox that delivers them, every delivery attempt, drafts, and
// dismissed all-clears.
class UpdateRepository final
{
public:
    explicit UpdateRepository(const QSqlDatabase &db) : m_db(db) {}

    void insertUpdate(StakeholderUpdate &update); // sets id and uuid
    std::optional<StakeholderUpdate> update(qint64 updateId);
    QList<StakeholderUpdate> updates(qint64 incidentId); // oldest first

    void insertMessage(OutboxMessage &message); // sets id and uuid
    std::optional<OutboxMessage> message(qint64 messageId);
    QList<OutboxMessage> messagesOfUpdate(qint64 updateId);
    // All messages, or one incident's; oldest first.
    QList<OutboxMessage> messages(std::optional<qint64> incidentId = std::nullopt);
    // Ids of messages that may be tried now: queued and due, or "sending" whose sender's lease
    // ran out (it quit or crashed mid-send). Oldest first.
    QList<qint64> dueMessageIds(qint64 now, int limit);
    // When the next queued message falls due or a lease runs out; nothing when all is settled.
    std::optional<qint64> nextWakeAt();
    // Takes a due message for one sender: true when this caller got it. Two processes on one
    // store can never both claim a message, because the write is one conditional UPDATE.
    bool claim(qint64 messageId, qint64 now, qint64 leaseUntil);
    // Writes the delivery fields of `message` back.
    void saveState(const OutboxMessage &message);

    void insertAttempt(const DeliveryAttempt &attempt);
    QList<DeliveryAttempt> attempts(qint64 messageId); // in order

    void saveDraft(const UpdateDraft &draft);
    std::optional<UpdateDraft> draft(qint64 audienceId, UpdateKind kind);
    void removeDraft(qint64 audienceId, UpdateKind kind);

    qint64 insertDismissal(qint64 incidentId, const QString &reason, const QString &by, qint64 at);
    // The latest dismissal's time and reason.
    std::optional<std::pair<qint64, QString>> lastDismissal(qint64 incidentId);

private:
    static StakeholderUpdate readUpdate(SqlQuery &q);
    static OutboxMessage readMessage(SqlQuery &q);
    QSqlDatabase m_db;
};

} // namespace sitrep
