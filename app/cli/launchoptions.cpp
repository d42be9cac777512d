#include "launchoptions.h"

#include "globalparser.h"
#include "wallcommand.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sitrep {

LaunchOptions parseLaunchOptions(const QStringList &arguments)
{
    LaunchOptions options;
    GlobalParser global;
    if (!global.parser.parse(arguments)) {
        // Let the command runner report it: it prints usage and exits 2 without a display.
        options.mode = LaunchOptions::Mode::Command;
        return options;
    }
    QCommandLineParser &p = global.parser;
    // `wall` is a window too, with options of its own; wrong ones go to the command runner.
    if (p.positionalArguments().value(0) == QLatin1String("wall")) {
        if (parseWallLaunch(arguments, options))
            options.mode = LaunchOptions::Mode::Command;
        return options;
    }
    // `demo` opens the window too (the newcomer's first look), so it takes
    // the window's options after it too: `sitrep demo --screenshot x.png`.
    if (p.positionalArguments().value(0) == QLatin1String("demo")) {
        p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
        if (!p.parse(arguments) || p.positionalArguments() != QStringList{QStringLiteral("demo")}) {
            options.mode = LaunchOptions::Mode::Command;
            return options;
        }
        options.demo = true;
    }
    if ((!p.positionalArguments().isEmpty() && !options.demo) || p.isSet(global.help) || p.isSet(global.version)) {
        options.mode = LaunchOptions::Mode::Command;
        // A PDF is laid out with the platform's fonts, which only a GUI application provides.
        options.needsFonts = p.positionalArguments().value(0) == QLatin1String("export");
        return options;
    }
    options.dbPath = p.value(global.db);
    // The sample is rewritten on every start: it must never be pointed at a real store.
    if (options.demo && !options.dbPath.isEmpty()) {
        options.mode = LaunchOptions::Mode::Command;
        return options;
    }
    options.screenshotPath = p.value(global.screenshot);
    options.incident = p.value(global.incident);
    if (p.isSet(global.size)) {
        static const QRegularExpression wxh(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto m = wxh.match(p.value(global.size));
        if (!m.hasMatch()) {
            options.mode = LaunchOptions::Mode::Command; // usage error, reported without a display
            return options;
        }
        options.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    return options;
}

} // namespace sitrep
