// The stakeholder-update commands of the command line: channel, update, outbox.
#include "commandrunner.h"
#include "commands.h"

#include "domain/duration.h"
#include "domain/timeformat.h"
#include "net/webhooksender.h"
#include "services/outbox.h"
#include "services/services.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTimer>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

const QString kChannelSynopsis = QStringLiteral(
    "channel add --audience NAME --kind slack|mattermost|teams|teams-workflow|email|clipboard --target URL-or-addresses "
    "[--incident ID] | channel list [ID] | channel remove NUMBER");
const QString kUpdateSynopsis = QStringLiteral(
    "update ID --audience NAME [--body-file FILE | --body TEXT] [--next 30m|ISO8601] [--all-clear] [--wait 60s]");
const QString kOutboxSynopsis = QStringLiteral("outbox [ID] [--send] [--wait 60s]");

constexpr qint64 kDefaultWaitMs = 60'000;
constexpr qint64 kMaxWaitMs = 60 * 60 * 1000;
constexpr qint64 kMaxBodyFileBytes = 1024 * 1024;

// "--wait 30s" / "--wait 2m" / "--wait 0" (do not wait).
bool parseWait(CommandRunner &runner, const CommandArguments &a, qint64 *waitMs, int *exit)
{
    *waitMs = kDefaultWaitMs;
    if (!a.isSet(QStringLiteral("wait")))
        return true;
    const QString text = a.value(QStringLiteral("wait")).trimmed();
    const std::optional<qint64> ms = text == QLatin1String("0") ? std::optional<qint64>(0) : parseDurationMs(text);
    if (!ms || *ms > kMaxWaitMs) {
        *exit = runner.fail(ExitCode::Usage, tr("--wait: \"%1\" is not a waiting time; use 30s, 2m or 0 (at most 1h)").arg(text));
        return false;
    }
    *waitMs = *ms;
    return true;
}

QString stateLine(const OutboxMessage &m)
{
    QString line = QStringLiteral("%1\t%2\t%3\t%4").arg(outboxStateKey(m.state), m.audienceName, channelKindKey(m.kind),
                                                        displayTarget(m.kind, m.target));
    if (m.state == OutboxState::Queued && m.nextAttemptAt)
        line += QLatin1Char('\t') + tr("next try %1").arg(formatIsoTime(*m.nextAttemptAt));
    if (!m.reason.isEmpty() && m.state != OutboxState::Delivered)
        line += QLatin1Char('\t') + m.reason;
    return line;
}

// Delivery from the command line: the same outbox as the window, without the clipboard or a
// mail program. Runs until `done` says so or the wait is over.
class Delivery
{
public:
    explicit Delivery(Services &services, const Clock &clock)
        : m_sender(&m_network, clock), m_outbox(services.updates, m_sender, clock)
    {
    }

    template <typename Done>
    void run(qint64 waitMs, Done done)
    {
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(&m_outbox, &Outbox::attempted, &loop, [&] {
            if (done())
                loop.quit();
        });
        // Another process (the window) may deliver some of them: look now and then as well.
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (done())
                loop.quit();
        });
        poll.start(250);
        m_outbox.start();
        if (done() || waitMs == 0)
            return;
        deadline.start(int(waitMs));
        loop.exec();
    }

private:
    QNetworkAccessManager m_network;
    WebhookSender m_sender;
    Outbox m_outbox;
};

bool allSettled(const QList<OutboxMessage> &messages)
{
    return std::all_of(messages.cbegin(), messages.cend(), [](const OutboxMessage &m) { return isSettled(m.state); });
}

bool allWentOut(const QList<OutboxMessage> &messages)
{
    return std::all_of(messages.cbegin(), messages.cend(), [](const OutboxMessage &m) {
        return m.state == OutboxState::Delivered || m.state == OutboxState::Local;
    });
}

int channelAdd(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("channel add"), kChannelSynopsis);
    a.parser().addOptions({{QStringLiteral("audience"), tr("Who the channel serves (responders, executives, customers, ...)."), tr("NAME")},
                           {QStringLiteral("kind"), tr("slack, mattermost, teams, teams-workflow, email or clipboard."), tr("KIND")},
                           {QStringLiteral("target"), tr("The incoming-webhook URL, or e-mail addresses."), tr("TARGET")},
                           {QStringLiteral("incident"), tr("Add it to this incident instead of the defaults."), tr("ID")}});
    if (const auto exit = a.parse(runner, args, 0, 0))
        return *exit;
    if (a.value(QStringLiteral("audience")).trimmed().isEmpty())
        return runner.fail(ExitCode::Usage, tr("channel add: --audience is required (responders, executives, customers, ...)"));
    const QString kindText = a.value(QStringLiteral("kind"));
    const std::optional<ChannelKind> kind = parseChannelKind(kindText);
    if (!kind)
        return runner.fail(ExitCode::Usage, tr("channel add: --kind \"%1\" is not a channel kind; use slack, mattermost, teams, "
                                               "teams-workflow, email or clipboard").arg(kindText));
    const QString target = a.value(QStringLiteral("target"));
    if (const auto problem = validateChannelTarget(*kind, target))
        return runner.fail(ExitCode::Usage, tr("channel add: --target: %1").arg(*problem));
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const QString audience = a.value(QStringLiteral("audience"));
    if (a.isSet(QStringLiteral("incident"))) {
        int exit = 0;
        const std::optional<Incident> incident = resolveIncident(runner, a.value(QStringLiteral("incident")), &exit);
        if (!incident)
            return exit;
        Result<Audience> found = services->audiences.findAudience(incident->id, audience);
        if (!found && found.error().kind == ErrorKind::NotFound)
            found = services->audiences.addAudience(incident->id, audience, EntrySource::CommandLine);
        if (!found)
            return runner.fail(found.error());
        const Result<Channel> added = services->audiences.addChannel(found->id, *kind, target, EntrySource::CommandLine);
        if (!added)
            return runner.fail(added.error());
        runner.out() << tr("%1 updates for %2 go to %3 %4").arg(incident->shortId(), found->name, channelKindKey(*kind),
                                                                displayTarget(*kind, target))
                     << Qt::endl;
        return int(ExitCode::Ok);
    }
    const Result<DefaultChannel> added = services->audiences.addDefaultChannel(audience, *kind, target);
    if (!added)
        return runner.fail(added.error());
    runner.out() << added->id << '\t' << added->audience << '\t' << channelKindKey(added->kind) << '\t'
                 << displayTarget(added->kind, added->target) << Qt::endl;
    return int(ExitCode::Ok);
}

int channelList(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("channel list"), kChannelSynopsis);
    if (const auto exit = a.parse(runner, args, 0, 1))
        return *exit;
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    QTextStream &out = runner.out();
    if (a.positional().isEmpty()) {
        const Result<QList<DefaultChannel>> defaults = services->audiences.defaultChannels();
        if (!defaults)
            return runner.fail(defaults.error());
        for (const DefaultChannel &c : defaults.value())
            out << c.id << '\t' << c.audience << '\t' << channelKindKey(c.kind) << '\t' << displayTarget(c.kind, c.target) << '\n';
        out.flush();
        return int(ExitCode::Ok);
    }
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    const Result<QList<Audience>> audiences = services->audiences.ensureAudiences(incident->id);
    if (!audiences)
        return runner.fail(audiences.error());
    for (const Audience &audience : audiences.value()) {
        const Result<QList<Channel>> channels = services->audiences.channels(audience.id);
        if (!channels)
            return runner.fail(channels.error());
        if (channels.value().isEmpty())
            out << audience.name << '\t' << tr("(no channel)") << '\n';
        for (const Channel &c : channels.value())
            out << audience.name << '\t' << channelKindKey(c.kind) << '\t' << displayTarget(c.kind, c.target) << '\n';
    }
    out.flush();
    return int(ExitCode::Ok);
}

int channelRemove(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("channel remove"), kChannelSynopsis);
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    bool ok = false;
    const qint64 id = a.positional().constFirst().toLongLong(&ok);
    if (!ok || id <= 0)
        return runner.fail(ExitCode::Usage, tr("channel remove: \"%1\" is not a channel number; see sitrep channel list")
                                                .arg(a.positional().constFirst()));
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const Result<DefaultChannel> removed = services->audiences.removeDefaultChannel(id);
    if (!removed)
        return runner.fail(removed.error());
    return int(ExitCode::Ok);
}

bool readBody(CommandRunner &runner, const CommandArguments &a, QString *body, int *exit)
{
    const bool fromFile = a.isSet(QStringLiteral("body-file"));
    if (fromFile == a.isSet(QStringLiteral("body"))) {
        *exit = runner.fail(ExitCode::Usage, tr("update: give the text with exactly one of --body TEXT or --body-file FILE"));
        return false;
    }
    if (!fromFile) {
        *body = a.value(QStringLiteral("body"));
        return true;
    }
    const QString path = a.value(QStringLiteral("body-file"));
    QFile file(path);
    if (QFileInfo(path).size() > kMaxBodyFileBytes) {
        *exit = runner.fail(ExitCode::Usage, tr("update: --body-file %1 is larger than 1 MB; an update is a few paragraphs").arg(path));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *exit = runner.fail(ExitCode::Usage, tr("update: --body-file %1 cannot be read: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter) && !bytes.contains("\xef\xbf\xbd")) {
        *exit = runner.fail(ExitCode::Usage, tr("update: --body-file %1 is not UTF-8 text").arg(path));
        return false;
    }
    *body = text;
    return true;
}

bool parseNext(CommandRunner &runner, const CommandArguments &a, std::optional<qint64> *next, int *exit)
{
    if (!a.isSet(QStringLiteral("next")))
        return true;
    const QString text = a.value(QStringLiteral("next")).trimmed();
    const qint64 now = runner.clock().nowMs();
    if (const std::optional<qint64> in = parseDurationMs(text); in && *in > 0) {
        *next = now + *in;
        return true;
    }
    if (const std::optional<qint64> at = parseIsoTime(text, now)) {
        *next = *at;
        return true;
    }
    *exit = runner.fail(ExitCode::Usage,
                        tr("update: --next \"%1\" is neither a duration (30m, 1h) nor a time (09:30, 2026-11-25T09:30:00Z)").arg(text));
    return false;
}

} // namespace

int runChannel(CommandRunner &runner, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add"))
        return channelAdd(runner, args.mid(1));
    if (sub == QLatin1String("list"))
        return channelList(runner, args.mid(1));
    if (sub == QLatin1String("remove"))
        return channelRemove(runner, args.mid(1));
    return runner.fail(ExitCode::Usage, tr("channel: \"%1\" is not add, list or remove\nusage: sitrep %2").arg(sub, kChannelSynopsis));
}

int runUpdate(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("update"), kUpdateSynopsis);
    a.parser().addOptions({{QStringLiteral("audience"), tr("Who the update is for."), tr("NAME")},
                           {QStringLiteral("body"), tr("The text of the update."), tr("TEXT")},
                           {QStringLiteral("body-file"), tr("Read the text from FILE (UTF-8)."), tr("FILE")},
                           {QStringLiteral("next"), tr("When the next update comes: in 30m, or at a time."), tr("WHEN")},
                           {QStringLiteral("all-clear"), tr("This is the all-clear of a resolved incident.")},
                           {QStringLiteral("wait"), tr("How long to wait for delivery (default 60s)."), tr("DURATION")}});
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    if (a.value(QStringLiteral("audience")).trimmed().isEmpty())
        return runner.fail(ExitCode::Usage, tr("update: --audience is required (responders, executives, customers, ...)"));
    int exit = 0;
    SendRequest request;
    qint64 waitMs = 0;
    if (!readBody(runner, a, &request.body, &exit) || !parseNext(runner, a, &request.nextUpdateAt, &exit)
        || !parseWait(runner, a, &waitMs, &exit))
        return exit;
    if (a.isSet(QStringLiteral("all-clear")) && request.nextUpdateAt)
        return runner.fail(ExitCode::Usage, tr("update: the all-clear promises no next update; leave out --next"));
    request.kind = a.isSet(QStringLiteral("all-clear")) ? UpdateKind::AllClear : UpdateKind::Update;
    request.source = EntrySource::CommandLine;

    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    Services *services = runner.services();
    const Result<Audience> audience = services->audiences.findAudience(incident->id, a.value(QStringLiteral("audience")));
    if (!audience)
        return runner.fail(audience.error());
    request.incidentId = incident->id;
    request.audienceId = audience->id;
    const Result<SentUpdate> sent = services->updates.send(request);
    if (!sent)
        return runner.fail(sent.error());

    const qint64 updateId = sent->update.id;
    QList<OutboxMessage> messages = sent->messages;
    {
        Delivery delivery(*services, runner.clock());
        delivery.run(waitMs, [&] {
            const Result<QList<OutboxMessage>> now = services->updates.messagesOfUpdate(updateId);
            if (now)
                messages = now.value();
            return allSettled(messages);
        });
    }
    const Result<QList<OutboxMessage>> final = services->updates.messagesOfUpdate(updateId);
    if (final)
        messages = final.value();
    QTextStream &out = runner.out();
    out << uuidText(sent->update.uuid) << '\n';
    for (const OutboxMessage &m : std::as_const(messages))
        out << stateLine(m) << '\n';
    out.flush();
    if (allWentOut(messages))
        return int(ExitCode::Ok);
    if (!allSettled(messages))
        runner.fail(ExitCode::Failed, tr("update: not every channel answered in time; the rest stays queued and goes out "
                                         "with the window open or with sitrep outbox --send"));
    return int(ExitCode::Failed);
}

int runOutbox(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("outbox"), kOutboxSynopsis);
    a.parser().addOptions({{QStringLiteral("send"), tr("Send what is queued now, waiting for the answers.")},
                           {QStringLiteral("wait"), tr("How long --send waits (default 60s)."), tr("DURATION")}});
    if (const auto exit = a.parse(runner, args, 0, 1))
        return *exit;
    int exit = 0;
    qint64 waitMs = 0;
    if (!parseWait(runner, a, &waitMs, &exit))
        return exit;
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    std::optional<qint64> incidentId;
    if (!a.positional().isEmpty()) {
        const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
        if (!incident)
            return exit;
        incidentId = incident->id;
    }
    if (a.isSet(QStringLiteral("send"))) {
        Delivery delivery(*services, runner.clock());
        delivery.run(waitMs, [&] {
            const Result<QList<OutboxMessage>> all = services->updates.messages(incidentId);
            return all && allSettled(all.value());
        });
    }
    const Result<QList<OutboxMessage>> messages = services->updates.messages(incidentId);
    if (!messages)
        return runner.fail(messages.error());
    QTextStream &out = runner.out();
    for (const OutboxMessage &m : messages.value()) {
        const Result<StakeholderUpdate> u = services->updates.update(m.updateId);
        out << m.id << '\t' << (u ? formatIsoTime(u->sentAt) : QString()) << '\t' << stateLine(m) << '\n';
    }
    out.flush();
    return int(ExitCode::Ok);
}

} // namespace sitrep
