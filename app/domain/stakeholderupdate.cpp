#include "stakeholderupdate.h"

#include "net/secretmask.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StakeholderUpdate", text);
}

} // namespace

QString audienceTemplateKey(AudienceTemplate t)
{
    switch (t) {
    case AudienceTemplate::Responders: return QStringLiteral("responders");
    case AudienceTemplate::Executives: return QStringLiteral("executives");
    case AudienceTemplate::Customers: return QStringLiteral("customers");
    case AudienceTemplate::Custom: return QStringLiteral("custom");
    }
    return {};
}

std::optional<AudienceTemplate> parseAudienceTemplate(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (AudienceTemplate t : {AudienceTemplate::Responders, AudienceTemplate::Executives, AudienceTemplate::Customers,
                               AudienceTemplate::Custom}) {
        if (audienceTemplateKey(t) == k)
            return t;
    }
    return std::nullopt;
}

AudienceTemplate templateForAudienceName(const QString &name)
{
    const std::optional<AudienceTemplate> t = parseAudienceTemplate(name);
    return t.value_or(AudienceTemplate::Custom);
}

QStringList defaultAudienceNames()
{
    // Stored names are the keys: they are what people type on the command line.
    return {QStringLiteral("responders"), QStringLiteral("executives"), QStringLiteral("customers")};
}

QString updateKindKey(UpdateKind kind)
{
    return kind == UpdateKind::AllClear ? QStringLiteral("all-clear") : QStringLiteral("update");
}

std::optional<UpdateKind> parseUpdateKind(const QString &key)
{
    if (key == QLatin1String("update"))
        return UpdateKind::Update;
    if (key == QLatin1String("all-clear"))
        return UpdateKind::AllClear;
    return std::nullopt;
}

QString outboxStateKey(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued: return QStringLiteral("queued");
    case OutboxState::Sending: return QStringLiteral("sending");
    case OutboxState::Delivered: return QStringLiteral("delivered");
    case OutboxState::Failed: return QStringLiteral("failed");
    case OutboxState::Local: return QStringLiteral("local");
    }
    return {};
}

QString outboxStateLabel(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued: return QCoreApplication::translate("OutboxState", "Queued");
    case OutboxState::Sending: return QCoreApplication::translate("OutboxState", "Sending");
    case OutboxState::Delivered: return QCoreApplication::translate("OutboxState", "Delivered");
    case OutboxState::Failed: return QCoreApplication::translate("OutboxState", "Failed");
    case OutboxState::Local: return QCoreApplication::translate("OutboxState", "Kept local (drill)");
    }
    return {};
}

std::optional<OutboxState> parseOutboxState(const QString &key)
{
    for (OutboxState s : {OutboxState::Queued, OutboxState::Sending, OutboxState::Delivered, OutboxState::Failed,
                          OutboxState::Local}) {
        if (outboxStateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

bool isSettled(OutboxState state)
{
    return state == OutboxState::Delivered || state == OutboxState::Failed || state == OutboxState::Local;
}

QStringList emailRecipients(const QString &target)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return target.split(separators, Qt::SkipEmptyParts);
}

QString displayTarget(ChannelKind kind, const QString &target)
{
    if (kind == ChannelKind::Email)
        return emailRecipients(target).join(QStringLiteral(", "));
    if (isWebhookChannel(kind))
        return maskWebhookUrl(QUrl(target.trimmed(), QUrl::StrictMode));
    return {};
}

std::optional<QString> validateChannelTarget(ChannelKind kind, const QString &target)
{
    const QString text = target.trimmed();
    if (kind == ChannelKind::Clipboard) {
        if (!text.isEmpty())
            return tr("The clipboard takes no target.");
        return std::nullopt;
    }
    if (kind == ChannelKind::Email) {
        const QStringList recipients = emailRecipients(text);
        if (recipients.isEmpty())
            return tr("An e-mail channel needs at least one address.");
        static const QRegularExpression address(QStringLiteral("^[^@\\s<>\"]+@[^@\\s<>\"]+$"));
        for (const QString &r : recipients) {
            if (!address.match(r).hasMatch())
                return tr("\"%1\" is not an e-mail address.").arg(r);
        }
        return std::nullopt;
    }
    if (text.isEmpty())
        return tr("A %1 channel needs its incoming-webhook URL.").arg(channelKindLabel(kind));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return tr("The %1 webhook URL is not a valid URL.").arg(channelKindLabel(kind));
    if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        return tr("The %1 webhook URL must start with https://.").arg(channelKindLabel(kind));
    return std::nullopt;
}

} // namespace sitrep
