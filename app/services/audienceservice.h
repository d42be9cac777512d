#pragma once

#include "servicecontext.h"

#include "domain/stakeholderupdate.h"

#include <QUrl>

namespace sitrep {

// Who hears about an incident and through which channels, and the channels new incidents start
// with. Webhook URLs are secrets: they go in through here and only the sender reads them back.
class AudienceService final
{
public:
    explicit AudienceService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    Result<QList<Audience>> audiences(qint64 incidentId) const;
    // The incident's audiences, created from the defaults the first time they are needed
    // (responders, executives, customers, plus any audience a default channel names).
    Result<QList<Audience>> ensureAudiences(qint64 incidentId);
    // By name, any case; the error lists the audiences there are.
    Result<Audience> findAudience(qint64 incidentId, const QString &name);
    Result<Audience> audience(qint64 audienceId) const;
    Result<Audience> addAudience(qint64 incidentId, const QString &name, EntrySource source = EntrySource::Typed);

    Result<QList<Channel>> channels(qint64 audienceId) const;
    Result<Channel> addChannel(qint64 audienceId, ChannelKind kind, const QString &target,
                               EntrySource source = EntrySource::Typed);
    Result<Channel> removeChannel(qint64 channelId, EntrySource source = EntrySource::Typed);

    Result<DefaultChannel> addDefaultChannel(const QString &audience, ChannelKind kind, const QString &target);
    Result<QList<DefaultChannel>> defaultChannels() const;
    Result<DefaultChannel> removeDefaultChannel(qint64 id);

    // Every webhook URL in the store, for redactSecrets() before anything is logged or exported.
    Result<QList<QUrl>> secrets() const;

private:
    ServiceContext m_ctx;
};

// "Slack, E-mail": the kinds of some channels, never their targets.
QString channelKindList(const QList<ChannelKind> &kinds);

} // namespace sitrep
