#include "updateservice.h"

#include "situationservice.h"
#include "updatewording.h"

#include "domain/timeformat.h"
#include "domain/updatetemplate.h"
#include "store/channelrepository.h"
#include "store/incidentrepository.h"
#include "store/updatechanges.h"
#include "store/updaterepository.h"

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpdateService", text);
}

// A promise further out than this is a typo, not a rhythm.
constexpr qint64 kMaxNextUpdateMs = 7LL * 24 * 60 * 60 * 1000;

struct Addressed
{
    Incident incident;
    Audience audience;
};

Result<Addressed> loadAddressed(const QSqlDatabase &db, qint64 incidentId, qint64 audienceId)
{
    const std::optional<Incident> incident = IncidentRepository(db).find(incidentId);
    if (!incident)
        return notFound(tr("There is no incident %1.").arg(incidentId));
    const std::optional<Audience> audience = ChannelRepository(db).audience(audienceId);
    if (!audience || audience->incidentId != incidentId)
        return notFound(tr("There is no audience %1 for this incident.").arg(audienceId));
    return Addressed{*incident, *audience};
}

// The next-update time the update carries: none for the all-clear, the lead's promise when
// given, otherwise the rhythm counted from now.
Result<std::optional<qint64>> plannedNext(const Incident &incident, const SendRequest &r, const CadencePolicy &policy,
                                          qint64 now)
{
    if (r.kind == UpdateKind::AllClear)
        return std::optional<qint64>();
    if (r.nextUpdateAt) {
        if (*r.nextUpdateAt <= now)
            return invalid(tr("The next update time %1 is not in the future.").arg(formatClockTime(*r.nextUpdateAt)));
        if (*r.nextUpdateAt - now > kMaxNextUpdateMs)
            return invalid(tr("The next update time %1 is more than a week away.").arg(formatDateTime(*r.nextUpdateAt)));
        return r.nextUpdateAt;
    }
    if (const std::optional<qint64> interval = policy.forSeverity(incident.severity))
        return std::optional<qint64>(now + *interval);
    return std::optional<qint64>();
}

std::optional<QString> checkBody(const QString &body)
{
    if (body.trimmed().isEmpty())
        return tr("The update is empty: write what happened, what is being done, and when the next update comes.");
    if (body.size() > kMaxUpdateBody)
        return tr("The update is %1 characters long; keep it under %2.").arg(body.size()).arg(kMaxUpdateBody);
    return std::nullopt;
}

} // namespace

Result<QString> UpdateService::templateBody(qint64 incidentId, qint64 audienceId, UpdateKind kind, bool utc) const
{
    const Result<Addressed> addressed = query<Addressed>(m_ctx, [&](const QSqlDatabase &db) {
        return loadAddressed(db, incidentId, audienceId);
    });
    if (!addressed)
        return addressed.error();
    // The board is read through its service; when it cannot be read the template still comes,
    // with the incident's own facts: an update must never wait for a board.
    QList<SituationItem> items;
    if (m_situation) {
        const Result<QList<SituationItem>> read = m_situation->items(incidentId);
        if (read)
            items = read.value();
    }
    const AudienceTemplate t = addressed->audience.templateKind;
    const UpdateFacts facts = updateFactsFrom(addressed->incident, items, t != AudienceTemplate::Customers);
    return kind == UpdateKind::AllClear ? composeAllClearBody(t, facts, utc) : composeUpdateBody(t, facts);
}

Result<UpdateMessage> UpdateService::preview(const SendRequest &request) const
{
    const qint64 now = m_ctx.now();
    return query<UpdateMessage>(m_ctx, [&](const QSqlDatabase &db) -> Result<UpdateMessage> {
        const Result<Addressed> a = loadAddressed(db, request.incidentId, request.audienceId);
        if (!a)
            return a.error();
        const Result<std::optional<qint64>> next = plannedNext(a->incident, request, m_policy, now);
        if (!next)
            return next.error();
        return updateMessageFor(a->incident, a->audience, request.kind, request.body, next.value());
    });
}

Result<std::optional<UpdateDraft>> UpdateService::draft(qint64 audienceId, UpdateKind kind) const
{
    return query<std::optional<UpdateDraft>>(m_ctx, [&](const QSqlDatabase &db) -> Result<std::optional<UpdateDraft>> {
        return UpdateRepository(db).draft(audienceId, kind);
    });
}

Outcome UpdateService::saveDraft(const UpdateDraft &draft)
{
    // Not through mutate(): a draft is typing in progress, not an event; it gets no timeline
    // entry and no announcement, only the durability of its own small transaction.
    UpdateDraft d = draft;
    d.savedAt = m_ctx.now();
    try {
        const QSqlDatabase db = m_ctx.db->connection();
        Transaction tx(db);
        UpdateRepository(db).saveDraft(d);
        tx.commit();
        return Done{};
    } catch (const StoreError &e) {
        return storeFailure(tr("The draft could not be saved: %1").arg(e.message()));
    }
}

Outcome UpdateService::discardDraft(qint64 audienceId, UpdateKind kind)
{
    try {
        const QSqlDatabase db = m_ctx.db->connection();
        Transaction tx(db);
        UpdateRepository(db).removeDraft(audienceId, kind);
        tx.commit();
        return Done{};
    } catch (const StoreError &e) {
        return storeFailure(tr("The draft could not be discarded: %1").arg(e.message()));
    }
}

Result<SentUpdate> UpdateService::send(const SendRequest &request)
{
    if (const auto problem = checkBody(request.body))
        return invalid(*problem);
    const qint64 now = m_ctx.now();
    return mutate<SentUpdate>(m_ctx, [&](const QSqlDatabase &db) -> Result<SentUpdate> {
        const Result<Addressed> a = loadAddressed(db, request.incidentId, request.audienceId);
        if (!a)
            return a.error();
        const Incident &incident = a->incident;
        if (request.kind == UpdateKind::AllClear && incident.status != Status::Resolved && incident.status != Status::Closed)
            return invalid(tr("The all-clear is for a resolved incident; this one is %1.").arg(statusLabel(incident.status)));
        const QList<Channel> channels = ChannelRepository(db).channels(a->audience.id);
        if (channels.isEmpty())
            return invalid(tr("The audience \"%1\" has no channel to send to: add one first (sitrep channel add, or "
                              "Updates ▸ Channels in the window).").arg(a->audience.name));
        const Result<std::optional<qint64>> next = plannedNext(incident, request, m_policy, now);
        if (!next)
            return next.error();

        SentUpdate sent;
        StakeholderUpdate &u = sent.update;
        u.incidentId = incident.id;
        u.audienceId = a->audience.id;
        u.audienceName = a->audience.name;
        u.kind = request.kind;
        u.body = request.body.trimmed();
        u.severity = incident.severity;
        u.status = incident.status;
        u.nextUpdateAt = next.value();
        u.nextStated = request.kind == UpdateKind::Update && request.nextUpdateAt.has_value();
        u.drill = incident.drill;
        u.author = m_ctx.user;
        u.sentAt = now;
        UpdateRepository repo(db);
        repo.insertUpdate(u);
        ChangeLogRepository log(db);
        log.record(Entity::SentUpdate, u.id, incident.id, Operation::Insert, now);

        const UpdateMessage message = updateMessageFor(incident, a->audience, u.kind, u.body, u.nextUpdateAt);
        for (const Channel &c : channels) {
            OutboxMessage m;
            m.updateId = u.id;
            m.channelId = c.id;
            m.kind = c.kind;
            m.subject = c.kind == ChannelKind::Email ? updateSubject(message) : QString();
            m.payload = buildChatPayload(c.kind, message);
            // A drill rehearses everything but the sending; the clipboard never leaves this desk.
            if (incident.drill && c.kind != ChannelKind::Clipboard) {
                m.state = OutboxState::Local;
                m.reason = tr("Drill: kept local, not sent");
            } else {
                m.state = OutboxState::Queued;
                m.nextAttemptAt = now;
            }
            m.createdAt = now;
            m.updatedAt = now;
            m.incidentId = incident.id;
            m.audienceName = u.audienceName;
            repo.insertMessage(m);
            log.record(Entity::Outbox, m.id, incident.id, Operation::Insert, now);
            sent.messages.append(m);
        }
        repo.removeDraft(a->audience.id, u.kind);

        TimelineEntry entry;
        entry.incidentId = incident.id;
        entry.at = now;
        entry.kind = EntryKind::Communication;
        entry.author = m_ctx.user;
        entry.source = request.source;
        entry.text = sentEntryText(u, sent.messages);
        entry.createdAt = now;
        appendEntry(db, entry);
        return sent;
    });
}

Result<QList<StakeholderUpdate>> UpdateService::updates(qint64 incidentId) const
{
    return query<QList<StakeholderUpdate>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<StakeholderUpdate>> {
        return UpdateRepository(db).updates(incidentId);
    });
}

Result<StakeholderUpdate> UpdateService::update(qint64 updateId) const
{
    return query<StakeholderUpdate>(m_ctx, [&](const QSqlDatabase &db) -> Result<StakeholderUpdate> {
        if (auto u = UpdateRepository(db).update(updateId))
            return *u;
        return notFound(tr("There is no update %1.").arg(updateId));
    });
}

Result<QList<OutboxMessage>> UpdateService::messages(std::optional<qint64> incidentId) const
{
    return query<QList<OutboxMessage>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<OutboxMessage>> {
        return UpdateRepository(db).messages(incidentId);
    });
}

Result<QList<OutboxMessage>> UpdateService::messagesOfUpdate(qint64 updateId) const
{
    return query<QList<OutboxMessage>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<OutboxMessage>> {
        return UpdateRepository(db).messagesOfUpdate(updateId);
    });
}

Result<OutboxMessage> UpdateService::message(qint64 messageId) const
{
    return query<OutboxMessage>(m_ctx, [&](const QSqlDatabase &db) -> Result<OutboxMessage> {
        if (auto m = UpdateRepository(db).message(messageId))
            return *m;
        return notFound(tr("There is no outbox message %1.").arg(messageId));
    });
}

Result<QList<DeliveryAttempt>> UpdateService::attempts(qint64 messageId) const
{
    return query<QList<DeliveryAttempt>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<DeliveryAttempt>> {
        return UpdateRepository(db).attempts(messageId);
    });
}

} // namespace sitrep
