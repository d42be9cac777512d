// The composition root: decide between command and window, open the store, wire the services
// into the window. Commands never create a GUI application, so they run without a display.
#include "cli/commandrunner.h"
#include "cli/launchoptions.h"
#include "dialogs/storeopener.h"
#include "mainwindow.h"
#include "services/sampleincident.h"
#include "services/services.h"
#include "wall/wallprocess.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace sitrep;

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("sitrep"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SITREP_VERSION));
}

int runCommand(int &argc, char **argv, bool needsFonts)
{
    // Exports lay out text with the platform's fonts; the offscreen platform has them and needs
    // no display, so a command never depends on one.
    if (needsFonts) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        static QtMessageHandler previous = nullptr;
        // Outside a desktop session Qt says it made its own runtime directory: not news to
        // someone exporting a report from cron or CI.
        previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")) && previous)
                previous(type, context, message);
        });
    }
    const std::unique_ptr<QCoreApplication> app = needsFonts ? std::make_unique<QGuiApplication>(argc, argv)
                                                             : std::make_unique<QCoreApplication>(argc, argv);
    describeApplication();
    QTextStream out(stdout);
    QTextStream err(stderr);
    SystemClock clock;
    CommandRunner runner(out, err, clock);
    return runner.run(QCoreApplication::arguments());
}

int writeScreenshot(MainWindow &window, const LaunchOptions &launch)
{
    window.resize(launch.size);
    window.show();
    QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    if (!image.save(launch.screenshotPath, "PNG")) {
        QTextStream(stderr) << QCoreApplication::translate("main", "sitrep: cannot write the screenshot to %1")
                                   .arg(QDir::toNativeSeparators(launch.screenshotPath))
                            << Qt::endl;
        return int(ExitCode::Failed);
    }
    return int(ExitCode::Ok);
}

} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const LaunchOptions launch = parseLaunchOptions(arguments);
    if (launch.mode == LaunchOptions::Mode::Command)
        return runCommand(argc, argv, launch.needsFonts);

    const bool screenshot = !launch.screenshotPath.isEmpty();
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Sitrep"));
    if (launch.wall)
        return runWallProcess(launch);

    QString path = launch.demo ? sampleStorePath() : launch.dbPath;
    if (path.isEmpty())
        path = Database::defaultPath();
    if (path == Database::defaultPath() || launch.demo)
        QDir().mkpath(QFileInfo(path).absolutePath());
    if (launch.demo) {
        // The sample store is made anew so its times end now; it is never the real store.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    }
    std::shared_ptr<Database> db;
    if (screenshot) {
        Result<std::shared_ptr<Database>> opened = Database::open(path);
        if (!opened) {
            QTextStream(stderr) << QStringLiteral("sitrep: ") << opened.error().message << Qt::endl;
            return int(ExitCode::Store);
        }
        db = opened.value();
    } else {
        db = openStoreInteractively(path);
        if (!db)
            return int(ExitCode::Store);
    }

    SystemClock clock;
    std::optional<qint64> sample;
    if (launch.demo) {
        const Result<qint64> written = writeSampleIncident(db, clock.nowMs());
        if (!written) {
            QTextStream(stderr) << QStringLiteral("sitrep: demo: ") << written.error().message << Qt::endl;
            return int(ExitCode::Store);
        }
        sample = written.value();
    }
    Services services(db, &clock, localUserName());
    MainWindow window(services);
    if (sample)
        window.openIncident(*sample);
    if (!launch.incident.isEmpty()) {
        const Result<Incident> incident = services.incidents.resolve(launch.incident);
        if (!incident) {
            QTextStream(stderr) << QStringLiteral("sitrep: --incident: ") << incident.error().message << Qt::endl;
            return int(exitCodeFor(incident.error().kind));
        }
        window.openIncident(incident->id);
    }
    if (screenshot)
        return writeScreenshot(window, launch);

    services.feed().start();
    window.resize(launch.size);
    window.show();
    return app.exec();
}
