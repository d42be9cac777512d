#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace sitrep {

// The options that come before a command (or open the window). Shared by the launcher, which
// decides between window and command, and the command runner, which prints help.
struct GlobalParser
{
    GlobalParser();

    QCommandLineParser parser;
    QCommandLineOption help;
    QCommandLineOption version;
    QCommandLineOption db;
    QCommandLineOption screenshot;
    QCommandLineOption incident;
    QCommandLineOption size;
};

} // namespace sitrep
