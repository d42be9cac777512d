// The live incident on the command line: search, pin, milestone, role.
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

int runSearch(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("search"), synopsisOf(QStringLiteral("search")));
    a.parser().addOption({QStringLiteral("incident"), tr("Search only this incident."), tr("ID")});
    if (const auto exit = a.parse(runner, args, 1, -1))
        return *exit;
    const QString text = a.positional().join(QLatin1Char(' '));
    if (fullTextQuery(text).isEmpty())
        return runner.fail(ExitCode::Usage, tr("search: \"%1\" has no word to search for").arg(text));
    std::optional<qint64> scope;
    int exit = 0;
    if (a.isSet(QStringLiteral("incident"))) {
        const std::optional<Incident> incident = resolveIncident(runner, a.value(QStringLiteral("incident")), &exit);
        if (!incident)
            return exit;
        scope = incident->id;
    }
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const Result<QList<SearchHit>> hits = services->timeline.search(text, scope, 1000);
    if (!hits)
        return runner.fail(hits.error());
    for (const SearchHit &h : hits.value())
        runner.out() << uuidText(h.incidentUuid) << '\t' << formatIsoTime(h.at) << '\t' << h.text << '\n';
    runner.out().flush();
    return int(ExitCode::Ok);
}

// `demo` with arguments it does not take ends up here; plain `demo` opens the window.
int runDemoUsage(CommandRunner &runner, const QStringList &args)
{
    if (args.isEmpty())
        return runner.fail(ExitCode::Usage, tr("demo: the sample lives in a store of its own, made anew each time; "
                                               "it takes no --db\nusage: sitrep %1").arg(synopsisOf(QStringLiteral("demo"))));
    return runner.fail(ExitCode::Usage, tr("demo: unexpected argument \"%1\"\nusage: sitrep %2")
                                            .arg(args.value(0), synopsisOf(QStringLiteral("demo"))));
}

int runPin(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("pin"), synopsisOf(QStringLiteral("pin")));
    a.parser().addOption({QStringLiteral("unpin"), tr("Take the pin off instead.")});
    if (const auto exit = a.parse(runner, args, 2, 2))
        return *exit;
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().at(0), &exit);
    if (!incident)
        return exit;
    TimelineService &timeline = runner.services()->timeline;
    const Result<TimelineEntry> entry = timeline.resolve(incident->id, a.positional().at(1));
    if (!entry)
        return runner.fail(entry.error());
    const Result<TimelineEntry> pinned = timeline.setPinned(entry->id, !a.isSet(QStringLiteral("unpin")));
    if (!pinned)
        return runner.fail(pinned.error());
    return int(ExitCode::Ok);
}

int runMilestone(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("milestone"), synopsisOf(QStringLiteral("milestone")));
    if (const auto exit = a.parse(runner, args, 3, 3))
        return *exit;
    const auto milestone = parseMilestone(a.positional().at(1));
    if (!milestone)
        return runner.fail(ExitCode::Usage, tr("milestone: \"%1\" is not a milestone; use started, detected, acknowledged, "
                                               "identified, mitigated, resolved or closed").arg(a.positional().at(1)));
    const QString when = a.positional().at(2);
    std::optional<qint64> at;
    if (when == QLatin1String("now")) {
        at = runner.clock().nowMs();
    } else if (when != QLatin1String("unset")) {
        at = parseIsoTime(when, runner.clock().nowMs());
        if (!at)
            return runner.fail(ExitCode::Usage, tr("milestone: \"%1\" is not a time; use ISO 8601 like "
                                                   "2026-11-25T08:45:00+01:00, now, or unset").arg(when));
    }
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().at(0), &exit);
    if (!incident)
        return exit;
    const Result<Incident> changed = runner.services()->incidents.setMilestone(incident->id, *milestone, at, EntrySource::CommandLine);
    if (!changed)
        return runner.fail(changed.error());
    return int(ExitCode::Ok);
}

int runRole(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("role"), synopsisOf(QStringLiteral("role")));
    a.parser().addOption({QStringLiteral("remove"), tr("Take the role away from NAME.")});
    if (const auto exit = a.parse(runner, args, 3, -1))
        return *exit;
    const auto role = parseRole(a.positional().at(1));
    if (!role)
        return runner.fail(ExitCode::Usage, tr("role: \"%1\" is not a role; use ic, comms, ops, scribe, sme or liaison")
                                                .arg(a.positional().at(1)));
    const QString person = a.positional().mid(2).join(QLatin1Char(' '));
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().at(0), &exit);
    if (!incident)
        return exit;
    IncidentService &incidents = runner.services()->incidents;
    const Result<Incident> changed = a.isSet(QStringLiteral("remove"))
                                         ? incidents.removeRole(incident->id, *role, person, EntrySource::CommandLine)
                                         : incidents.assignRole(incident->id, *role, person, EntrySource::CommandLine);
    if (!changed)
        return runner.fail(changed.error());
    return int(ExitCode::Ok);
}

} // namespace sitrep
