#pragma once

#include "domain/incident.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace sitrep {

class CommandRunner;


// One command of the command line: its name, how it is called, and what runs it.
struct CommandInfo
{
    QString name;
    QString synopsis;
    QString summary;
    std::function<int(CommandRunner &, const QStringList &)> run;
};

const QList<CommandInfo> &commandTable();
// How a command is called, from the table (for usage messages).
QString synopsisOf(const QString &name);

// Shared by the command implementations: a parser for one command's own arguments.
class CommandArguments
{
public:
    CommandArguments(const QString &command, const QString &synopsis);
    QCommandLineParser &parser() { return m_parser; }
    // Parses; on a usage error prints it and returns the exit code to return.
    std::optional<int> parse(CommandRunner &runner, const QStringList &arguments, int minPositional, int maxPositional);
    QStringList positional() const { return m_parser.positionalArguments(); }
    QString value(const QString &option) const { return m_parser.value(option); }
    bool isSet(const QString &option) const { return m_parser.isSet(option); }

private:
    QString m_command;
    QString m_synopsis;
    QCommandLineParser m_parser;
};

// Resolves an incident id argument, printing the error when it does not name exactly one.
std::optional<Incident> resolveIncident(CommandRunner &runner, const QString &id, int *exitCode);
// Parses an optional time option; prints the error naming the option and value.
bool parseTimeOption(CommandRunner &runner, const QString &option, const QString &value,
                     std::optional<qint64> *out, int *exitCode);

int runDeclare(CommandRunner &runner, const QStringList &args);
int runLog(CommandRunner &runner, const QStringList &args);
int runStatus(CommandRunner &runner, const QStringList &args);
int runList(CommandRunner &runner, const QStringList &args);
int runShow(CommandRunner &runner, const QStringList &args);
// The live incident (timelinecommands.cpp).
int runSearch(CommandRunner &runner, const QStringList &args);
int runDemoUsage(CommandRunner &runner, const QStringList &args);
int runPin(CommandRunner &runner, const QStringList &args);
int runMilestone(CommandRunner &runner, const QStringList &args);
int runRole(CommandRunner &runner, const QStringList &args);
// Stakeholder updates (updatecommands.cpp).
int runChannel(CommandRunner &runner, const QStringList &args);
int runUpdate(CommandRunner &runner, const QStringList &args);
int runOutbox(CommandRunner &runner, const QStringList &args);
// The situation board (boardcommands.cpp).
int runKnown(CommandRunner &runner, const QStringList &args);
int runUnknown(CommandRunner &runner, const QStringList &args);
int runPlan(CommandRunner &runner, const QStringList &args);
int runAnswer(CommandRunner &runner, const QStringList &args);
int runEstimate(CommandRunner &runner, const QStringList &args);
int runBoard(CommandRunner &runner, const QStringList &args);
// Runbooks, checklists and drills (runbookcommands.cpp, drillcommands.cpp).
int runRunbook(CommandRunner &runner, const QStringList &args);
int runChecklist(CommandRunner &runner, const QStringList &args);
int runTick(CommandRunner &runner, const QStringList &args);
int runDrill(CommandRunner &runner, const QStringList &args);
// Reports and interchange (reportcommands.cpp).
int runExport(CommandRunner &runner, const QStringList &args);
int runImport(CommandRunner &runner, const QStringList &args);
int runMetrics(CommandRunner &runner, const QStringList &args);

} // namespace sitrep
