#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace sitrep {

// What the process was asked to do, decided from the arguments before any QCoreApplication
// exists: commands must run without a display, so the GUI application is only created when
// no command was given.
struct LaunchOptions
{
    enum class Mode { Window, Command };

    Mode mode = Mode::Window;
    QString dbPath;         // empty: the default store location
    QString screenshotPath; // render the window to this PNG and exit
    QString incident;       // id or prefix to open
    QSize size{1600, 1000};
    bool demo = false;      // `sitrep demo`: the window on a fresh sample incident
    bool needsFonts = false; // a command that lays out text (export): offscreen GUI application
    bool wall = false;      // `sitrep wall`: the wall display, a read-only process of its own
    bool follow = false;    // wall: follow the most recently active incident
    bool light = false;     // wall: light theme
    QString error;          // a usage error, for stderr
};

LaunchOptions parseLaunchOptions(const QStringList &arguments);

} // namespace sitrep
