#include "audienceservice.h"

#include "store/channelrepository.h"
#include "store/incidentrepository.h"
#include "store/updatechanges.h"

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AudienceService", text);
}

constexpr int kMaxAudienceName = 80;

std::optional<QString> checkAudienceName(const QString &name)
{
    if (name.isEmpty())
        return tr("The audience needs a name, like \"customers\".");
    if (name.size() > kMaxAudienceName)
        return tr("The audience name is %1 characters long; keep it under %2.").arg(name.size()).arg(kMaxAudienceName);
    return std::nullopt;
}

void recordEntry(const ServiceContext &ctx, const QSqlDatabase &db, qint64 incidentId, const QString &text,
                 EntrySource source, bool internal)
{
    const qint64 now = ctx.now();
    TimelineEntry entry;
    entry.incidentId = incidentId;
    entry.at = now;
    entry.kind = EntryKind::System;
    entry.author = ctx.user;
    entry.source = source;
    entry.internal = internal;
    entry.text = text;
    entry.createdAt = now;
    appendEntry(db, entry);
}

QString channelLine(const Channel &c)
{
    // The kind and, for e-mail, the addresses; a webhook's URL never reaches the timeline.
    if (c.kind == ChannelKind::Email)
        return tr("%1 (%2)").arg(channelKindLabel(c.kind), displayTarget(c.kind, c.target));
    return channelKindLabel(c.kind);
}

} // namespace

QString channelKindList(const QList<ChannelKind> &kinds)
{
    QStringList labels;
    for (ChannelKind k : kinds) {
        if (!labels.contains(channelKindLabel(k)))
            labels.append(channelKindLabel(k));
    }
    return labels.join(QStringLiteral(", "));
}

Result<QList<Audience>> AudienceService::audiences(qint64 incidentId) const
{
    return query<QList<Audience>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<Audience>> {
        return ChannelRepository(db).audiences(incidentId);
    });
}

Result<QList<Audience>> AudienceService::ensureAudiences(qint64 incidentId)
{
    const Result<QList<Audience>> existing = audiences(incidentId);
    if (existing && !existing.value().isEmpty())
        return existing;
    const qint64 now = m_ctx.now();
    return mutate<QList<Audience>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<Audience>> {
        if (!IncidentRepository(db).find(incidentId))
            return notFound(tr("There is no incident %1.").arg(incidentId));
        ChannelRepository repo(db);
        // Checked again inside the transaction: another window may have just done it.
        QList<Audience> audiences = repo.audiences(incidentId);
        if (!audiences.isEmpty())
            return audiences;
        const QList<DefaultChannel> defaults = repo.defaults();
        QStringList names = defaultAudienceNames();
        for (const DefaultChannel &d : defaults) {
            const bool known = std::any_of(names.cbegin(), names.cend(), [&](const QString &n) {
                return n.compare(d.audience, Qt::CaseInsensitive) == 0;
            });
            if (!known)
                names.append(d.audience);
        }
        ChangeLogRepository log(db);
        QStringList summary;
        for (const QString &name : std::as_const(names)) {
            Audience a;
            a.incidentId = incidentId;
            a.name = name;
            a.templateKind = templateForAudienceName(name);
            a.position = int(audiences.size());
            a.createdAt = now;
            repo.insertAudience(a);
            log.record(Entity::UpdateAudience, a.id, incidentId, Operation::Insert, now);
            QStringList lines;
            for (const DefaultChannel &d : defaults) {
                if (d.audience.compare(name, Qt::CaseInsensitive) != 0)
                    continue;
                Channel c;
                c.audienceId = a.id;
                c.kind = d.kind;
                c.target = d.target;
                c.createdAt = now;
                repo.insertChannel(c);
                log.record(Entity::UpdateChannel, c.id, incidentId, Operation::Insert, now);
                lines.append(channelLine(c));
            }
            summary.append(lines.isEmpty() ? tr("%1 (no channel yet)").arg(name)
                                           : tr("%1 (%2)").arg(name, lines.join(QStringLiteral(", "))));
            audiences.append(a);
        }
        // Internal: a note for the record of who was set up to hear what, not news for the room.
        recordEntry(m_ctx, db, incidentId, tr("Stakeholder audiences: %1").arg(summary.join(QStringLiteral("; "))),
                    EntrySource::System, true);
        return audiences;
    });
}

Result<Audience> AudienceService::findAudience(qint64 incidentId, const QString &name)
{
    const Result<QList<Audience>> all = ensureAudiences(incidentId);
    if (!all)
        return all.error();
    QStringList names;
    for (const Audience &a : all.value()) {
        if (a.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return a;
        names.append(a.name);
    }
    return notFound(tr("There is no audience \"%1\" for this incident; there are: %2.").arg(name, names.join(QStringLiteral(", "))));
}

Result<Audience> AudienceService::audience(qint64 audienceId) const
{
    return query<Audience>(m_ctx, [&](const QSqlDatabase &db) -> Result<Audience> {
        if (auto a = ChannelRepository(db).audience(audienceId))
            return *a;
        return notFound(tr("There is no audience %1.").arg(audienceId));
    });
}

Result<Audience> AudienceService::addAudience(qint64 incidentId, const QString &name, EntrySource source)
{
    const QString trimmed = name.simplified();
    if (const auto problem = checkAudienceName(trimmed))
        return invalid(*problem);
    if (const Result<QList<Audience>> seeded = ensureAudiences(incidentId); !seeded)
        return seeded.error();
    const qint64 now = m_ctx.now();
    return mutate<Audience>(m_ctx, [&](const QSqlDatabase &db) -> Result<Audience> {
        ChannelRepository repo(db);
        if (repo.audienceByName(incidentId, trimmed))
            return invalid(tr("There is already an audience \"%1\".").arg(trimmed));
        Audience a;
        a.incidentId = incidentId;
        a.name = trimmed;
        a.templateKind = templateForAudienceName(trimmed);
        a.position = repo.nextAudiencePosition(incidentId);
        a.createdAt = now;
        repo.insertAudience(a);
        ChangeLogRepository(db).record(Entity::UpdateAudience, a.id, incidentId, Operation::Insert, now);
        recordEntry(m_ctx, db, incidentId, tr("New stakeholder audience: %1").arg(trimmed), source, false);
        return a;
    });
}

Result<QList<Channel>> AudienceService::channels(qint64 audienceId) const
{
    return query<QList<Channel>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<Channel>> {
        return ChannelRepository(db).channels(audienceId);
    });
}

Result<Channel> AudienceService::addChannel(qint64 audienceId, ChannelKind kind, const QString &target, EntrySource source)
{
    const QString text = target.trimmed();
    if (const auto problem = validateChannelTarget(kind, text))
        return invalid(*problem);
    const qint64 now = m_ctx.now();
    return mutate<Channel>(m_ctx, [&](const QSqlDatabase &db) -> Result<Channel> {
        ChannelRepository repo(db);
        const std::optional<Audience> a = repo.audience(audienceId);
        if (!a)
            return notFound(tr("There is no audience %1.").arg(audienceId));
        Channel c;
        c.audienceId = audienceId;
        c.kind = kind;
        c.target = text;
        c.createdAt = now;
        repo.insertChannel(c);
        ChangeLogRepository(db).record(Entity::UpdateChannel, c.id, a->incidentId, Operation::Insert, now);
        recordEntry(m_ctx, db, a->incidentId, tr("Updates to %1 also go to %2").arg(a->name, channelLine(c)), source, false);
        return c;
    });
}

Result<Channel> AudienceService::removeChannel(qint64 channelId, EntrySource source)
{
    const qint64 now = m_ctx.now();
    return mutate<Channel>(m_ctx, [&](const QSqlDatabase &db) -> Result<Channel> {
        ChannelRepository repo(db);
        std::optional<Channel> c = repo.channel(channelId);
        if (!c || c->removedAt)
            return notFound(tr("There is no channel %1.").arg(channelId));
        const std::optional<Audience> a = repo.audience(c->audienceId);
        repo.markRemoved(channelId, now);
        c->removedAt = now;
        const qint64 incidentId = a ? a->incidentId : 0;
        ChangeLogRepository(db).record(Entity::UpdateChannel, c->id, incidentId, Operation::Delete, now);
        if (a)
            recordEntry(m_ctx, db, incidentId, tr("Updates to %1 no longer go to %2").arg(a->name, channelLine(*c)), source, false);
        return *c;
    });
}

Result<DefaultChannel> AudienceService::addDefaultChannel(const QString &audience, ChannelKind kind, const QString &target)
{
    const QString name = audience.simplified();
    if (const auto problem = checkAudienceName(name))
        return invalid(*problem);
    const QString text = target.trimmed();
    if (const auto problem = validateChannelTarget(kind, text))
        return invalid(*problem);
    const qint64 now = m_ctx.now();
    return mutate<DefaultChannel>(m_ctx, [&](const QSqlDatabase &db) -> Result<DefaultChannel> {
        DefaultChannel c;
        // One spelling per audience: the first one typed wins, so "Customers" joins "customers".
        c.audience = name;
        for (const QString &known : defaultAudienceNames()) {
            if (known.compare(name, Qt::CaseInsensitive) == 0)
                c.audience = known;
        }
        ChannelRepository repo(db);
        for (const DefaultChannel &d : repo.defaults()) {
            if (d.audience.compare(name, Qt::CaseInsensitive) == 0)
                c.audience = d.audience;
        }
        c.kind = kind;
        c.target = text;
        c.createdAt = now;
        repo.insertDefault(c);
        ChangeLogRepository(db).record(Entity::ChannelDefault, c.id, 0, Operation::Insert, now);
        return c;
    });
}

Result<QList<DefaultChannel>> AudienceService::defaultChannels() const
{
    return query<QList<DefaultChannel>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<DefaultChannel>> {
        return ChannelRepository(db).defaults();
    });
}

Result<DefaultChannel> AudienceService::removeDefaultChannel(qint64 id)
{
    const qint64 now = m_ctx.now();
    return mutate<DefaultChannel>(m_ctx, [&](const QSqlDatabase &db) -> Result<DefaultChannel> {
        ChannelRepository repo(db);
        const QList<DefaultChannel> all = repo.defaults();
        for (const DefaultChannel &d : all) {
            if (d.id != id)
                continue;
            repo.removeDefault(id);
            ChangeLogRepository(db).record(Entity::ChannelDefault, id, 0, Operation::Delete, now);
            return d;
        }
        return notFound(tr("There is no default channel %1; see sitrep channel list.").arg(id));
    });
}

Result<QList<QUrl>> AudienceService::secrets() const
{
    return query<QList<QUrl>>(m_ctx, [&](const QSqlDatabase &db) -> Result<QList<QUrl>> {
        QList<QUrl> urls;
        const QStringList targets = ChannelRepository(db).allWebhookTargets();
        for (const QString &t : targets)
            urls.append(QUrl(t));
        return urls;
    });
}

} // namespace sitrep
