#pragma once

#include "servicecontext.h"

#include "domain/cadence.h"
#include "domain/incident.h"
#include "domain/stakeholderupdate.h"
#include "net/chatpayload.h"
#include "net/deliveryoutcome.h"

namespace sitrep {

class SituationService;

struct SendRequest
{
    qint64 incidentId = 0;
    qint64 audienceId = 0;
    UpdateKind kind = UpdateKind::Update;
    QString body;
    std::optional<qint64> nextUpdateAt; // stated by the lead; otherwise the rhythm sets it
    EntrySource source = EntrySource::Typed;
};

struct SentUpdate
{
    StakeholderUpdate update;
    QList<OutboxMessage> messages;
};

// Where the rhythm of updates stands for one incident.
struct CadenceInfo
{
    bool active = false; // still owed: the incident is not resolved or closed
    std::optional<qint64> lastUpdateAt;
    std::optional<qint64> dueAt;
    std::optional<qint64> intervalMs;
    bool stated = false; // dueAt is the time the last update promised
};

// Whether the all-clear is still owed, and to whom.
struct AllClearStatus
{
    bool pending = false;
    std::optional<qint64> resolvedAt;
    QList<Audience> audiences; // heard from us during the incident and not yet told it is over
    bool dismissed = false;
    QString dismissReason;
};

// Composing and sending stakeholder updates: templates filled from the board, drafts saved as
// typed, the outbox rows every channel's message lives in, the rhythm, and the all-clear. It
// stores; the Outbox class delivers.
class UpdateService final
{
public:
    UpdateService(ServiceContext ctx, const SituationService *situation)
        : m_ctx(std::move(ctx)), m_situation(situation)
    {
    }

    void setCadencePolicy(const CadencePolicy &policy) { m_policy = policy; }
    const CadencePolicy &cadencePolicy() const { return m_policy; }

    // The text an update to this audience starts from, filled from the incident and its board.
    Result<QString> templateBody(qint64 incidentId, qint64 audienceId, UpdateKind kind, bool utc = false) const;
    // The message as send() would word it, for the composer's preview.
    Result<UpdateMessage> preview(const SendRequest &request) const;

    Result<std::optional<UpdateDraft>> draft(qint64 audienceId, UpdateKind kind) const;
    Outcome saveDraft(const UpdateDraft &draft);
    Outcome discardDraft(qint64 audienceId, UpdateKind kind);

    // Stores the update, one queued outbox message per channel (kept local for a drill), and
    // its communication entry on the timeline, in one transaction; the draft goes with it.
    Result<SentUpdate> send(const SendRequest &request);
    // Queues a failed message again, with a fresh retry budget.
    Result<OutboxMessage> resend(qint64 messageId, EntrySource source = EntrySource::Typed);

    Result<QList<StakeholderUpdate>> updates(qint64 incidentId) const;
    Result<StakeholderUpdate> update(qint64 updateId) const;
    Result<QList<OutboxMessage>> messages(std::optional<qint64> incidentId = std::nullopt) const;
    Result<QList<OutboxMessage>> messagesOfUpdate(qint64 updateId) const;
    Result<OutboxMessage> message(qint64 messageId) const;
    Result<QList<DeliveryAttempt>> attempts(qint64 messageId) const;

    // For the Outbox: takes the messages due now, each for leaseMs, except those in `skip`
    // (already in this sender's hands).
    Result<QList<OutboxMessage>> claimDue(qint64 leaseMs, int limit, const QList<qint64> &skip = {});
    // Gives a claimed message back unsent (the sender is shutting down): queued, due now.
    Outcome release(qint64 messageId);
    // Records one attempt that started at startedAt. `retryAt` set: queued again for then;
    // otherwise the outcome's verdict settles the message. When the last message of an update
    // settles, the timeline says how the update fared.
    Result<OutboxMessage> recordAttempt(qint64 messageId, qint64 startedAt, const DeliveryOutcome &outcome,
                                        int httpStatus, std::optional<qint64> retryAt);
    Result<std::optional<qint64>> nextWakeAt() const;

    Result<CadenceInfo> cadence(qint64 incidentId) const;
    Result<AllClearStatus> allClear(qint64 incidentId) const;
    // Deciding not to send the all-clear is allowed, with a reason the record keeps.
    Outcome dismissAllClear(qint64 incidentId, const QString &reason, EntrySource source = EntrySource::Typed);

private:
    ServiceContext m_ctx;
    const SituationService *m_situation;
    CadencePolicy m_policy;
};

} // namespace sitrep
