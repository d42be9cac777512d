#pragma once

#include "domain/stakeholderupdate.h"

#include <QSqlDatabase>
#include <optional>

namespace sitrep {

class SqlQuery;

// Audiences of an incident, their channels, and the channels new incidents start with.
// Targets are read here and nowhere else in the store: they may be webhook secrets.
class ChannelRepository final
{
public:
    explicit ChannelRepository(const QSqlDatabase &db) : m_db(db) {}

    void insertAudience(Audience &audience); // sets id and uuid
    QList<Audience> audiences(qint64 incidentId); // by position
    std::optional<Audience> audience(qint64 audienceId);
    // Names compare without regard to case: "Customers" and "customers" are one audience.
    std::optional<Audience> audienceByName(qint64 incidentId, const QString &name);
    int nextAudiencePosition(qint64 incidentId);

    void insertChannel(Channel &channel); // sets id and uuid
    void markRemoved(qint64 channelId, qint64 at);
    std::optional<Channel> channel(qint64 channelId);
    QList<Channel> channels(qint64 audienceId); // active ones, oldest first

    void insertDefault(DefaultChannel &channel);
    QList<DefaultChannel> defaults(); // by audience, then oldest first
    bool removeDefault(qint64 id);

    // Every webhook target the store knows, active or not: what logs must never show.
    QStringList allWebhookTargets();

private:
    static Audience readAudience(SqlQuery &q);
    static Channel readChannel(SqlQuery &q);
    QSqlDatabase m_db;
};

} // namespace sitrep
