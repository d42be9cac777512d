#include "updatewording.h"

#include "domain/timeformat.h"
#include "services/audienceservice.h"

#include <QCoreApplication>
#include <algorithm>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpdateWording", text);
}

QString opening(const StakeholderUpdate &u)
{
    if (u.kind == UpdateKind::AllClear)
        return u.drill ? tr("Drill all-clear to %1").arg(u.audienceName) : tr("All-clear to %1").arg(u.audienceName);
    return u.drill ? tr("Drill update to %1").arg(u.audienceName) : tr("Update to %1").arg(u.audienceName);
}

QList<ChannelKind> kindsOf(const QList<OutboxMessage> &messages, std::optional<OutboxState> state = std::nullopt)
{
    QList<ChannelKind> kinds;
    for (const OutboxMessage &m : messages) {
        if (!state || m.state == *state)
            kinds.append(m.kind);
    }
    return kinds;
}

} // namespace

UpdateMessage updateMessageFor(const Incident &incident, const Audience &audience, UpdateKind kind, const QString &body,
                               std::optional<qint64> nextUpdateAt)
{
    UpdateMessage m;
    m.incidentTitle = incident.title;
    m.severityLabel = severityLabel(incident.severity);
    m.statusLabel = statusLabel(incident.status);
    // Customers are the audience; telling them so reads oddly.
    if (audience.templateKind != AudienceTemplate::Customers)
        m.audience = audience.name;
    m.body = body;
    m.nextUpdateAt = kind == UpdateKind::AllClear ? std::nullopt : nextUpdateAt;
    m.drill = incident.drill;
    return m;
}

QString sentEntryText(const StakeholderUpdate &u, const QList<OutboxMessage> &messages)
{
    const bool allLocal = !messages.isEmpty() && std::all_of(messages.cbegin(), messages.cend(), [](const OutboxMessage &m) {
        return m.state == OutboxState::Local;
    });
    QString state;
    if (allLocal)
        state = tr("kept local, not sent (drill)");
    else if (u.drill)
        state = tr("kept local except the clipboard (drill)");
    else
        state = tr("queued");
    QString head = tr("%1 via %2 — %3").arg(opening(u), channelKindList(kindsOf(messages)), state);
    if (u.nextUpdateAt)
        head += tr("; next update by %1").arg(formatClockTime(*u.nextUpdateAt));
    return head + QStringLiteral(".\n\n") + u.body;
}

QString settledEntryText(const StakeholderUpdate &u, const QList<OutboxMessage> &messages)
{
    QStringList parts;
    const QList<ChannelKind> delivered = kindsOf(messages, OutboxState::Delivered);
    if (!delivered.isEmpty())
        parts.append(tr("delivered via %1").arg(channelKindList(delivered)));
    for (const OutboxMessage &m : messages) {
        if (m.state == OutboxState::Failed)
            parts.append(tr("failed via %1 — %2").arg(channelKindLabel(m.kind), m.reason));
    }
    const QList<ChannelKind> local = kindsOf(messages, OutboxState::Local);
    if (!local.isEmpty())
        parts.append(tr("kept local via %1 (drill)").arg(channelKindList(local)));
    return tr("%1: %2.").arg(opening(u), parts.join(QStringLiteral("; ")));
}

} // namespace sitrep
