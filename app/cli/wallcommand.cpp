#include "wallcommand.h"

#include "commandrunner.h"
#include "commands.h"
#include "globalparser.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

QString wallSynopsis()
{
    for (const CommandInfo &c : commandTable()) {
        if (c.name == QLatin1String("wall"))
            return c.synopsis;
    }
    return QStringLiteral("wall");
}

} // namespace

std::optional<QString> parseWallLaunch(const QStringList &arguments, LaunchOptions &options, bool *help)
{
    GlobalParser global;
    QCommandLineParser &p = global.parser;
    const QCommandLineOption follow(QStringLiteral("follow"),
                                    tr("Show the most recently active incident, and move with it (the default)."));
    const QCommandLineOption light(QStringLiteral("light"), tr("Light theme (dark is the default)."));
    p.addOptions({follow, light});
    // The wall's options may come before or after the command word.
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!p.parse(arguments))
        return p.errorText();
    if (help)
        *help = p.isSet(global.help) || p.isSet(global.version);
    const QStringList positional = p.positionalArguments();
    if (positional.size() > 1)
        return tr("unexpected argument \"%1\"").arg(positional.at(1));
    if (p.isSet(global.incident) && p.isSet(follow))
        return tr("--incident %1 and --follow contradict each other: show one incident, or follow the active one")
            .arg(p.value(global.incident));
    if (p.isSet(global.size) && !p.isSet(global.screenshot))
        return tr("--size only applies to --screenshot (the wall itself fills its screen)");
    options.size = QSize(1920, 1080);
    if (p.isSet(global.size)) {
        static const QRegularExpression wxh(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto m = wxh.match(p.value(global.size));
        if (!m.hasMatch())
            return tr("--size \"%1\" must look like 1920x1080").arg(p.value(global.size));
        options.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    if (p.isSet(global.help) || p.isSet(global.version))
        return tr("--help asked"); // the command runner prints the wall's usage
    options.wall = true;
    options.dbPath = p.value(global.db);
    options.incident = p.value(global.incident);
    options.follow = !p.isSet(global.incident);
    options.light = p.isSet(light);
    options.screenshotPath = p.value(global.screenshot);
    return std::nullopt;
}

int runWallUsage(CommandRunner &runner, const QStringList &)
{
    LaunchOptions options;
    bool help = false;
    const std::optional<QString> error = parseWallLaunch(QCoreApplication::arguments(), options, &help);
    if (help) {
        runner.out() << tr("usage: sitrep [--db PATH] %1\n"
                           "The war-room wall display, read-only, full screen: the incident given by --incident, or "
                           "the most recently active one (--follow, the default), live as anyone changes the store. "
                           "F11 toggles full screen, Esc leaves. --screenshot renders one frame to a PNG "
                           "(--size WxH, 1920x1080 by default) and exits.")
                            .arg(wallSynopsis())
                     << Qt::endl;
        return int(ExitCode::Ok);
    }
    return runner.fail(ExitCode::Usage, tr("wall: %1\nusage: sitrep %2")
                                            .arg(error.value_or(tr("these arguments do not start the wall")), wallSynopsis()));
}

} // namespace sitrep
