#include "globalparser.h"

#include <QCoreApplication>

namespace sitrep {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}
} // namespace

GlobalParser::GlobalParser()
    : help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help and exit."))
    , version({QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version and exit."))
    , db(QStringLiteral("db"), tr("Use the incident store at PATH instead of the default."), tr("PATH"))
    , screenshot(QStringLiteral("screenshot"), tr("Render the window to a PNG file and exit."), tr("FILE"))
    , incident(QStringLiteral("incident"), tr("Open the incident with this id (or unique prefix)."), tr("ID"))
    , size(QStringLiteral("size"), tr("Window size for --screenshot, e.g. 1600x1000."), tr("WxH"))
{
    parser.setApplicationDescription(tr("Sitrep: a war room for production incidents."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    // Everything after the command word belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addOptions({help, version, db, screenshot, incident, size});
    parser.addPositionalArgument(QStringLiteral("command"), tr("A command (see below); none opens the window."),
                                 tr("[command [arguments]]"));
}

} // namespace sitrep
