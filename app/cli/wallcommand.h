#pragma once

#include "launchoptions.h"

#include <QStringList>
#include <optional>

namespace sitrep {

class CommandRunner;

// Reads `sitrep [--db PATH] wall [--incident ID | --follow] [--light] [--screenshot FILE
// [--size WxH]]` (options before and after the command word alike) into `options`. Returns
// the usage error, naming the option and value, or nothing. `help` is set for --help.
std::optional<QString> parseWallLaunch(const QStringList &arguments, LaunchOptions &options, bool *help = nullptr);

// The wall is a window, so the launcher starts it; the command runner only sees `wall` when
// its arguments were wrong (or --help was asked), and says so without a display.
int runWallUsage(CommandRunner &runner, const QStringList &args);

} // namespace sitrep
