#include "commands.h"
#include "wallcommand.h"

#include "commandrunner.h"

#include "domain/incident.h"
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

const QList<CommandInfo> &commandTable()
{
    static const QList<CommandInfo> table = {
        {QStringLiteral("declare"),
         QStringLiteral("declare --title T --severity 1..4 [--started ISO8601] [--impact TEXT]"),
         tr("Declare an incident; prints its id."), runDeclare},
        {QStringLiteral("log"), QStringLiteral("log ID TEXT [--kind KIND] [--at ISO8601] [--author NAME]"),
         tr("Add an entry to the incident's timeline (kind: note, decision, action, status, alert, "
            "communication, checklist, situation, system)."),
         runLog},
        {QStringLiteral("status"),
         QStringLiteral("status ID investigating|identified|mitigated|resolved|closed [--at ISO8601]"),
         tr("Move the incident to a new status; stamps its milestone."), runStatus},
        {QStringLiteral("list"), QStringLiteral("list"),
         tr("One incident per line, tab-separated: id, severity, status, started, title."), runList},
        {QStringLiteral("show"), QStringLiteral("show ID"), tr("The incident and its timeline, oldest first."), runShow},
        {QStringLiteral("demo"), QStringLiteral("demo [--screenshot FILE]"),
         tr("Open the window on a realistic sample incident, in a sample store of its own (made anew each time)."),
         runDemoUsage},
        {QStringLiteral("search"), QStringLiteral("search TEXT [--incident ID]"),
         tr("Find entries in every timeline (or one): incident id, entry time, text per line, newest first."), runSearch},
        {QStringLiteral("pin"), QStringLiteral("pin ID ENTRY [--unpin]"),
         tr("Pin an entry (by its id or a unique prefix): reports and the wall show pinned entries first."), runPin},
        {QStringLiteral("milestone"),
         QStringLiteral("milestone ID started|detected|acknowledged|identified|mitigated|resolved|closed ISO8601|now|unset"),
         tr("Set or correct a milestone; every correction is kept."), runMilestone},
        {QStringLiteral("role"), QStringLiteral("role ID ROLE NAME [--remove]"),
         tr("Give a role (ic, comms, ops, scribe, sme, liaison) to a person, or take it away."), runRole},
        {QStringLiteral("known"), QStringLiteral("known ID TEXT [--owner NAME]"),
         tr("Add a fact to the situation board; --owner says who it came from. Prints the card number."), runKnown},
        {QStringLiteral("unknown"), QStringLiteral("unknown ID TEXT [--owner NAME] [--need-by ISO8601]"),
         tr("Add a question we need answered, with who finds out. Prints the card number."), runUnknown},
        {QStringLiteral("plan"),
         QStringLiteral("plan ID TEXT [--owner NAME] [--tag contain|fix|verify] [--risky] [--back-out TEXT] "
                        "[--time-box DURATION]"),
         tr("Add a step to the plan. A risky step cannot start without a back-out step. Prints the card number."),
         runPlan},
        {QStringLiteral("answer"), QStringLiteral("answer ID ITEM TEXT"),
         tr("Answer the unknown with card number ITEM: it becomes a known carrying its answer."), runAnswer},
        {QStringLiteral("estimate"),
         QStringLiteral("estimate ID LOW HIGH [--confidence low|medium|high] [--basis TEXT]"),
         tr("Revise the time-to-restore estimate, a range counted from now (LOW and HIGH like 30m, 2h)."),
         runEstimate},
        {QStringLiteral("board"), QStringLiteral("board ID [--as-of ISO8601]"),
         tr("The situation board as text: estimate, known, unknown, plan; as it stood at --as-of."), runBoard},
        {QStringLiteral("runbook"),
         QStringLiteral("runbook import FILE | export NAME [--output FILE] | list | attach ID NAME"),
         tr("The runbook library: import a Markdown task list, export one back to Markdown, list them "
            "(slug, name, steps, origin, severities it attaches to on declare), attach one to an incident."),
         runRunbook},
        {QStringLiteral("checklist"), QStringLiteral("checklist ID"),
         tr("The incident's checklists with their steps numbered, as tick takes them."), runChecklist},
        {QStringLiteral("tick"), QStringLiteral("tick ID ITEM [--skip REASON | --untick]"),
         tr("Tick a checklist step, given by its number or the start of its text; --skip skips it with a reason, "
            "--untick reopens it."),
         runTick},
        {QStringLiteral("drill"), QStringLiteral("drill SCENARIO.json [--speed N]"),
         tr("Run a drill headless: declares a DRILL incident, plays the scenario's injects on the clock (N times "
            "faster), then prints the scorecard and earlier runs side by side. SCENARIO may name a bundled "
            "scenario (database-down)."),
         runDrill},
        {QStringLiteral("metrics"), QStringLiteral("metrics"),
         tr("Median time to acknowledge, mitigate and resolve across the store's incidents; drills are left out."),
         runMetrics},
        {QStringLiteral("channel"),
         QStringLiteral("channel add --audience NAME --kind slack|mattermost|teams|teams-workflow|email --target "
                        "URL-or-addresses [--incident ID] | channel list [ID] | channel remove NUMBER"),
         tr("The channels stakeholder updates go to: the defaults new incidents start with, or one incident's "
            "(--incident). Webhook URLs are shown masked."),
         runChannel},
        {QStringLiteral("update"),
         QStringLiteral("update ID --audience NAME [--body-file FILE | --body TEXT] [--next 30m] [--all-clear] [--wait 60s]"),
         tr("Send a stakeholder update to every channel of the audience and wait for delivery; exit 0 only when "
            "every channel delivered (a drill's messages are kept local)."),
         runUpdate},
        {QStringLiteral("outbox"), QStringLiteral("outbox [ID] [--send] [--wait 60s]"),
         tr("Every message to every channel with its delivery state; --send delivers what is queued."), runOutbox},
        {QStringLiteral("export"),
         QStringLiteral("export ID --format pdf|md|json --out FILE [--report postmortem|sitrep] [--paper a4|letter]"),
         tr("Write the postmortem (or the one-page sitrep) as PDF or Markdown, or the whole incident as "
            "sitrep-incident JSON (docs/interchange.md); --out - writes md or json to standard output. Needs no "
            "display."),
         runExport},
        {QStringLiteral("import"), QStringLiteral("import FILE"),
         tr("Add the incident in a sitrep-incident JSON file to the store, whole or not at all; prints its id "
            "(a new one when the store already has it)."),
         runImport},
        {QStringLiteral("wall"), QStringLiteral("wall [--incident ID | --follow] [--light] [--screenshot FILE [--size WxH]]"),
         tr("The war-room wall display, read-only and full screen, live as anyone changes the store: one incident, "
            "or the most recently active one (--follow, the default). F11 toggles full screen, Esc leaves."),
         runWallUsage},
    };
    return table;
}

QString synopsisOf(const QString &name)
{
    for (const CommandInfo &c : commandTable()) {
        if (c.name == name)
            return c.synopsis;
    }
    return name;
}

CommandArguments::CommandArguments(const QString &command, const QString &synopsis)
    : m_command(command), m_synopsis(synopsis)
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

std::optional<int> CommandArguments::parse(CommandRunner &runner, const QStringList &arguments, int minPositional,
                                           int maxPositional)
{
    if (!m_parser.parse(QStringList{QStringLiteral("sitrep ") + m_command} + arguments))
        return runner.fail(ExitCode::Usage, QStringLiteral("%1: %2\n%3").arg(m_command, m_parser.errorText(),
                                                                              tr("usage: sitrep ") + m_synopsis));
    const int n = int(m_parser.positionalArguments().size());
    if (n < minPositional)
        return runner.fail(ExitCode::Usage, QStringLiteral("%1: %2\n%3").arg(m_command, tr("missing arguments"),
                                                                             tr("usage: sitrep ") + m_synopsis));
    if (maxPositional >= 0 && n > maxPositional)
        return runner.fail(ExitCode::Usage,
                           QStringLiteral("%1: %2\n%3")
                               .arg(m_command, tr("unexpected argument \"%1\"").arg(m_parser.positionalArguments().at(maxPositional)),
                                    tr("usage: sitrep ") + m_synopsis));
    return std::nullopt;
}

std::optional<Incident> resolveIncident(CommandRunner &runner, const QString &id, int *exitCode)
{
    Services *services = runner.services();
    if (!services) {
        *exitCode = int(ExitCode::Store);
        return std::nullopt;
    }
    Result<Incident> incident = services->incidents.resolve(id);
    if (!incident) {
        *exitCode = runner.fail(incident.error());
        return std::nullopt;
    }
    return incident.value();
}

bool parseTimeOption(CommandRunner &runner, const QString &option, const QString &value, std::optional<qint64> *out,
                     int *exitCode)
{
    if (value.isEmpty())
        return true;
    const auto parsed = parseIsoTime(value, runner.clock().nowMs());
    if (!parsed) {
        *exitCode = runner.fail(ExitCode::Usage,
                                tr("--%1: \"%2\" is not a time; use ISO 8601 like 2026-11-25T08:45:00+01:00")
                                    .arg(option, value));
        return false;
    }
    *out = *parsed;
    return true;
}

} // namespace sitrep
