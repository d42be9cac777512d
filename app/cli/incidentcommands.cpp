// The incident commands of the command line: declare, log, status, list, show.
#include "commandrunner.h"
#include "commands.h"

#include "domain/timeformat.h"
#include "services/services.h"

#include <QCoreApplication>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

} // namespace

int runDeclare(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("declare"), synopsisOf(QStringLiteral("declare")));
    a.parser().addOptions({{QStringLiteral("title"), tr("Incident title."), tr("T")},
                           {QStringLiteral("severity"), tr("1 (worst) to 4."), tr("N")},
                           {QStringLiteral("started"), tr("When impact began."), tr("ISO8601")},
                           {QStringLiteral("impact"), tr("Who or what is affected."), tr("TEXT")}});
    if (const auto exit = a.parse(runner, args, 0, 0))
        return *exit;
    if (!a.isSet(QStringLiteral("title")) || a.value(QStringLiteral("title")).trimmed().isEmpty())
        return runner.fail(ExitCode::Usage, tr("declare: --title is required and must not be empty"));
    if (!a.isSet(QStringLiteral("severity")))
        return runner.fail(ExitCode::Usage, tr("declare: --severity is required (1 to 4)"));
    const auto severity = parseSeverity(a.value(QStringLiteral("severity")));
    if (!severity)
        return runner.fail(ExitCode::Usage, tr("declare: --severity \"%1\" is not a severity; use 1, 2, 3 or 4")
                                                .arg(a.value(QStringLiteral("severity"))));
    DeclareRequest request;
    request.title = a.value(QStringLiteral("title"));
    request.severity = *severity;
    request.impact = a.value(QStringLiteral("impact"));
    request.source = EntrySource::CommandLine;
    int exit = 0;
    if (!parseTimeOption(runner, QStringLiteral("started"), a.value(QStringLiteral("started")), &request.startedAt, &exit))
        return exit;

    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const Result<Incident> incident = services->incidents.declare(request);
    if (!incident)
        return runner.fail(incident.error());
    // As in the window: the runbooks set for this severity come with the incident.
    const Result<QList<Checklist>> attached = services->runbooks.attachDeclareRunbooks(incident->id);
    if (!attached)
        runner.warn(tr("declare: the incident is declared, but its runbooks were not attached: %1").arg(attached.error().message));
    runner.out() << uuidText(incident->uuid) << Qt::endl;
    return int(ExitCode::Ok);
}

int runLog(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("log"), synopsisOf(QStringLiteral("log")));
    a.parser().addOptions({{QStringLiteral("kind"), tr("Entry kind (default note)."), tr("KIND")},
                           {QStringLiteral("at"), tr("When it happened (default now)."), tr("ISO8601")},
                           {QStringLiteral("author"), tr("Who (default you)."), tr("NAME")}});
    if (const auto exit = a.parse(runner, args, 2, -1))
        return *exit;
    LogRequest request;
    request.text = a.positional().mid(1).join(QLatin1Char(' '));
    if (request.text.trimmed().isEmpty())
        return runner.fail(ExitCode::Usage, tr("log: the entry TEXT is empty"));
    if (a.isSet(QStringLiteral("kind"))) {
        const auto kind = parseEntryKind(a.value(QStringLiteral("kind")));
        if (!kind)
            return runner.fail(ExitCode::Usage, tr("log: --kind \"%1\" is not an entry kind").arg(a.value(QStringLiteral("kind"))));
        request.kind = *kind;
    }
    request.author = a.value(QStringLiteral("author"));
    request.source = EntrySource::CommandLine;
    int exit = 0;
    if (!parseTimeOption(runner, QStringLiteral("at"), a.value(QStringLiteral("at")), &request.at, &exit))
        return exit;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    request.incidentId = incident->id;
    const Result<TimelineEntry> entry = runner.services()->timeline.log(request);
    if (!entry)
        return runner.fail(entry.error());
    runner.out() << uuidText(entry->uuid) << Qt::endl;
    return int(ExitCode::Ok);
}

int runStatus(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("status"), synopsisOf(QStringLiteral("status")));
    a.parser().addOption({QStringLiteral("at"), tr("When it happened (default now)."), tr("ISO8601")});
    if (const auto exit = a.parse(runner, args, 2, 2))
        return *exit;
    const auto status = parseStatus(a.positional().at(1));
    if (!status)
        return runner.fail(ExitCode::Usage, tr("status: \"%1\" is not a status; use investigating, identified, "
                                               "mitigated, resolved or closed").arg(a.positional().at(1)));
    std::optional<qint64> at;
    int exit = 0;
    if (!parseTimeOption(runner, QStringLiteral("at"), a.value(QStringLiteral("at")), &at, &exit))
        return exit;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    const Result<Incident> changed = runner.services()->incidents.changeStatus(incident->id, *status, at, EntrySource::CommandLine);
    if (!changed)
        return runner.fail(changed.error());
    return int(ExitCode::Ok);
}

int runList(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("list"), synopsisOf(QStringLiteral("list")));
    if (const auto exit = a.parse(runner, args, 0, 0))
        return *exit;
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const Result<QList<Incident>> all = services->incidents.list();
    if (!all)
        return runner.fail(all.error());
    for (const Incident &i : all.value()) {
        runner.out() << uuidText(i.uuid) << '\t' << severityLabel(i.severity) << '\t' << statusKey(i.status) << '\t'
                     << formatIsoTime(i.startedAt) << '\t' << i.title << '\n';
    }
    runner.out().flush();
    return int(ExitCode::Ok);
}

int runShow(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("show"), synopsisOf(QStringLiteral("show")));
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    QTextStream &out = runner.out();
    out << incident->title << '\n'
        << tr("id:       ") << uuidText(incident->uuid) << '\n'
        << tr("severity: ") << severityLabel(incident->severity) << '\n'
        << tr("status:   ") << statusKey(incident->status) << '\n';
    if (!incident->impact.isEmpty())
        out << tr("impact:   ") << incident->impact << '\n';
    for (Milestone m : allMilestones()) {
        if (const auto at = incident->milestone(m))
            out << QStringLiteral("%1 %2\n").arg(milestoneKey(m) + QLatin1Char(':'), -13).arg(formatIsoTime(*at));
    }
    for (const RoleAssignment &r : incident->roles)
        out << QStringLiteral("%1 %2\n").arg(roleKey(r.role) + QLatin1Char(':'), -13).arg(r.person);
    out << '\n' << tr("timeline:") << '\n';

    TimelineService &timeline = runner.services()->timeline;
    constexpr int kPage = 1000;
    for (int offset = 0;; offset += kPage) {
        const Result<QList<TimelineEntry>> page = timeline.page(incident->id, offset, kPage);
        if (!page)
            return runner.fail(page.error());
        for (const TimelineEntry &e : page.value()) {
            out << formatIsoTime(e.at) << QStringLiteral("  [") << entryKindKey(e.kind) << QStringLiteral("] ")
                << (e.pinned ? QStringLiteral("* ") : QString()) << e.author << QStringLiteral(": ") << e.text << '\n';
        }
        if (page.value().size() < kPage)
            break;
    }
    out.flush();
    return int(ExitCode::Ok);
}

} // namespace sitrep
