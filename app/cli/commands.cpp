#include "commands.h"

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
    };
    return table;
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
