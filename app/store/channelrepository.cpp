#include "channelrepository.h"

#include "sqlquery.h"

#include "domain/ids.h"

namespace sitrep {

namespace {

const QString kAudienceColumns = QStringLiteral("id, uuid, incident_id, name, template, position, created_at");
const QString kChannelColumns = QStringLiteral("id, uuid, audience_id, kind, target, created_at, removed_at");

} // namespace

Audience ChannelRepository::readAudience(SqlQuery &q)
{
    Audience a;
    a.id = q.value(0).toLongLong();
    a.uuid = QUuid::fromString(q.value(1).toString());
    a.incidentId = q.value(2).toLongLong();
    a.name = q.value(3).toString();
    a.templateKind = parseAudienceTemplate(q.value(4).toString()).value_or(AudienceTemplate::Custom);
    a.position = q.value(5).toInt();
    a.createdAt = q.value(6).toLongLong();
    return a;
}

Channel ChannelRepository::readChannel(SqlQuery &q)
{
    Channel c;
    c.id = q.value(0).toLongLong();
    c.uuid = QUuid::fromString(q.value(1).toString());
    c.audienceId = q.value(2).toLongLong();
    c.kind = parseChannelKind(q.value(3).toString()).value_or(ChannelKind::Clipboard);
    c.target = q.value(4).toString();
    c.createdAt = q.value(5).toLongLong();
    c.removedAt = q.optionalInt(QStringLiteral("removed_at"));
    return c;
}

void ChannelRepository::insertAudience(Audience &audience)
{
    if (audience.uuid.isNull())
        audience.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral("INSERT INTO update_audiences (uuid, incident_id, name, template, position, created_at) "
                                    "VALUES (:uuid, :incident, :name, :template, :position, :created)"));
    q.bind(QStringLiteral(":uuid"), uuidText(audience.uuid))
        .bind(QStringLiteral(":incident"), audience.incidentId)
        .bind(QStringLiteral(":name"), audience.name)
        .bind(QStringLiteral(":template"), audienceTemplateKey(audience.templateKind))
        .bind(QStringLiteral(":position"), audience.position)
        .bind(QStringLiteral(":created"), audience.createdAt)
        .exec();
    audience.id = q.lastInsertId();
}

QList<Audience> ChannelRepository::audiences(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT %1 FROM update_audiences WHERE incident_id = :incident ORDER BY position, id")
                         .arg(kAudienceColumns));
    q.bind(QStringLiteral(":incident"), incidentId).exec();
    QList<Audience> out;
    while (q.next())
        out.append(readAudience(q));
    return out;
}

std::optional<Audience> ChannelRepository::audience(qint64 audienceId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT %1 FROM update_audiences WHERE id = :id").arg(kAudienceColumns));
    q.bind(QStringLiteral(":id"), audienceId).exec();
    if (!q.next())
        return std::nullopt;
    return readAudience(q);
}

std::optional<Audience> ChannelRepository::audienceByName(qint64 incidentId, const QString &name)
{
    // Compared here rather than with SQL lower(), which only folds ASCII.
    const QList<Audience> all = audiences(incidentId);
    for (const Audience &a : all) {
        if (a.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return a;
    }
    return std::nullopt;
}

int ChannelRepository::nextAudiencePosition(qint64 incidentId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT COALESCE(MAX(position), -1) + 1 FROM update_audiences WHERE incident_id = :incident"));
    q.bind(QStringLiteral(":incident"), incidentId).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

void ChannelRepository::insertChannel(Channel &channel)
{
    if (channel.uuid.isNull())
        channel.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral("INSERT INTO update_channels (uuid, audience_id, kind, target, created_at) "
                                    "VALUES (:uuid, :audience, :kind, :target, :created)"));
    q.bind(QStringLiteral(":uuid"), uuidText(channel.uuid))
        .bind(QStringLiteral(":audience"), channel.audienceId)
        .bind(QStringLiteral(":kind"), channelKindKey(channel.kind))
        .bind(QStringLiteral(":target"), channel.target)
        .bind(QStringLiteral(":created"), channel.createdAt)
        .exec();
    channel.id = q.lastInsertId();
}

void ChannelRepository::markRemoved(qint64 channelId, qint64 at)
{
    SqlQuery(m_db, QStringLiteral("UPDATE update_channels SET removed_at = :at WHERE id = :id"))
        .bind(QStringLiteral(":at"), at)
        .bind(QStringLiteral(":id"), channelId)
        .exec();
}

std::optional<Channel> ChannelRepository::channel(qint64 channelId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT %1 FROM update_channels WHERE id = :id").arg(kChannelColumns));
    q.bind(QStringLiteral(":id"), channelId).exec();
    if (!q.next())
        return std::nullopt;
    return readChannel(q);
}

QList<Channel> ChannelRepository::channels(qint64 audienceId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT %1 FROM update_channels WHERE audience_id = :audience AND removed_at IS NULL "
                                    "ORDER BY id").arg(kChannelColumns));
    q.bind(QStringLiteral(":audience"), audienceId).exec();
    QList<Channel> out;
    while (q.next())
        out.append(readChannel(q));
    return out;
}

void ChannelRepository::insertDefault(DefaultChannel &channel)
{
    if (channel.uuid.isNull())
        channel.uuid = QUuid::createUuid();
    SqlQuery q(m_db, QStringLiteral("INSERT INTO channel_defaults (uuid, audience, kind, target, created_at) "
                                    "VALUES (:uuid, :audience, :kind, :target, :created)"));
    q.bind(QStringLiteral(":uuid"), uuidText(channel.uuid))
        .bind(QStringLiteral(":audience"), channel.audience)
        .bind(QStringLiteral(":kind"), channelKindKey(channel.kind))
        .bind(QStringLiteral(":target"), channel.target)
        .bind(QStringLiteral(":created"), channel.createdAt)
        .exec();
    channel.id = q.lastInsertId();
}

QList<DefaultChannel> ChannelRepository::defaults()
{
    SqlQuery q(m_db, QStringLiteral("SELECT id, uuid, audience, kind, target, created_at FROM channel_defaults "
                                    "ORDER BY audience, id"));
    q.exec();
    QList<DefaultChannel> out;
    while (q.next()) {
        DefaultChannel c;
        c.id = q.value(0).toLongLong();
        c.uuid = QUuid::fromString(q.value(1).toString());
        c.audience = q.value(2).toString();
        c.kind = parseChannelKind(q.value(3).toString()).value_or(ChannelKind::Clipboard);
        c.target = q.value(4).toString();
        c.createdAt = q.value(5).toLongLong();
        out.append(c);
    }
    return out;
}

bool ChannelRepository::removeDefault(qint64 id)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM channel_defaults WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    return q.rowsAffected() > 0;
}

QStringList ChannelRepository::allWebhookTargets()
{
    SqlQuery q(m_db, QStringLiteral("SELECT target FROM update_channels WHERE kind NOT IN ('clipboard', 'email') "
                                    "UNION SELECT target FROM channel_defaults WHERE kind NOT IN ('clipboard', 'email')"));
    q.exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace sitrep
