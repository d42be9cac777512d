#pragma once

#include "severity.h"
#include "status.h"

#include "net/chatpayload.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <optional>

namespace sitrep {

// Which wording an audience's updates start from. Engineers want the detail, executives the
// impact and the estimate, customers plain words without internals.
enum class AudienceTemplate { Responders, Executives, Customers, Custom };

QString audienceTemplateKey(AudienceTemplate t); // "responders"
std::optional<AudienceTemplate> parseAudienceTemplate(const QString &key);
// The template an audience called `name` starts with: the three defaults by name, else Custom.
AudienceTemplate templateForAudienceName(const QString &name);
// The audiences every incident starts with, in order: responders, executives, customers.
QStringList defaultAudienceNames();

// A regular update, or the all-clear that tells the same people it is over.
enum class UpdateKind { Update, AllClear };

QString updateKindKey(UpdateKind kind); // "update", "all-clear"
std::optional<UpdateKind> parseUpdateKind(const QString &key);

// Where one message to one channel stands. Local: a drill's message, kept here on purpose.
enum class OutboxState { Queued, Sending, Delivered, Failed, Local };

QString outboxStateKey(OutboxState state);   // "queued"
QString outboxStateLabel(OutboxState state); // "Queued"
std::optional<OutboxState> parseOutboxState(const QString &key);
// Delivered, failed and local messages are settled: nothing more happens to them by itself.
bool isSettled(OutboxState state);

// Who hears about one incident.
struct Audience
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    QString name;
    AudienceTemplate templateKind = AudienceTemplate::Custom;
    int position = 0;
    qint64 createdAt = 0;
};

// One way to reach an audience. `target` is a webhook URL (a secret), e-mail addresses, or
// empty for the clipboard.
struct Channel
{
    qint64 id = 0;
    QUuid uuid;
    qint64 audienceId = 0;
    ChannelKind kind = ChannelKind::Clipboard;
    QString target;
    qint64 createdAt = 0;
    std::optional<qint64> removedAt;
};

// A channel new incidents start with.
struct DefaultChannel
{
    qint64 id = 0;
    QUuid uuid;
    QString audience;
    ChannelKind kind = ChannelKind::Clipboard;
    QString target;
    qint64 createdAt = 0;
};

// What may be shown of a target anywhere: a masked URL, or the addresses of an e-mail channel.
QString displayTarget(ChannelKind kind, const QString &target);
// The addresses of an e-mail target: split on commas, semicolons and white space.
QStringList emailRecipients(const QString &target);
// Nothing when the target fits the kind; otherwise a translated reason. The reason never
// repeats a webhook URL: it is a secret, and error messages end up in terminals and logs.
std::optional<QString> validateChannelTarget(ChannelKind kind, const QString &target);

// One update as sent to one audience.
struct StakeholderUpdate
{
    qint64 id = 0;
    QUuid uuid;
    qint64 incidentId = 0;
    qint64 audienceId = 0;
    QString audienceName;
    UpdateKind kind = UpdateKind::Update;
    QString body;
    Severity severity = Severity::Sev3;
    Status status = Status::Investigating;
    std::optional<qint64> nextUpdateAt;
    bool nextStated = false; // the lead wrote the next time; otherwise the rhythm gave it
    bool drill = false;
    QString author;
    qint64 sentAt = 0;
};

// One message of an update to one channel.
struct OutboxMessage
{
    qint64 id = 0;
    QUuid uuid;
    qint64 updateId = 0;
    std::optional<qint64> channelId;
    ChannelKind kind = ChannelKind::Clipboard;
    QString subject; // e-mail only
    QByteArray payload;
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    std::optional<qint64> nextAttemptAt;
    std::optional<qint64> leaseUntil;
    std::optional<qint64> deliveredAt;
    QString reason;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // From the update and channel, for showing it.
    qint64 incidentId = 0;
    QString audienceName;
    QString target; // secret; only the sender reads it
};

// One try to deliver a message.
struct DeliveryAttempt
{
    qint64 messageId = 0;
    int attempt = 0;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    int httpStatus = 0;
    QString verdict; // "delivered", "retry", "failed"
    QString reason;
};

struct UpdateDraft
{
    qint64 audienceId = 0;
    UpdateKind kind = UpdateKind::Update;
    QString body;
    QString nextText;
    qint64 savedAt = 0;
};

// Bodies longer than this are refused: Teams cards stop near 28 KB and nobody reads more.
inline constexpr int kMaxUpdateBody = 10'000;

} // namespace sitrep
