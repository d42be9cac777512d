#include "wallprocess.h"

#include "wallwindow.h"

#include "cli/commandrunner.h"
#include "cli/launchoptions.h"
#include "services/services.h"
#include "store/database.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QScreen>
#include <QTextStream>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WallProcess", text);
}

int fail(ExitCode code, const QString &message)
{
    QTextStream(stderr) << QStringLiteral("sitrep: wall: ") << message << Qt::endl;
    return int(code);
}

} // namespace

int runWallProcess(const LaunchOptions &launch)
{
    const QString path = launch.dbPath.isEmpty() ? Database::defaultPath() : launch.dbPath;
    // Opening would create an empty store; a wall that only reads has no business making one.
    if (!QFileInfo::exists(path))
        return fail(ExitCode::NotFound, tr("there is no store at %1; the wall only reads one (start Sitrep on it "
                                           "first, or give --db PATH)")
                                            .arg(QDir::toNativeSeparators(path)));
    Result<std::shared_ptr<Database>> opened = Database::open(path);
    if (!opened)
        return fail(ExitCode::Store, opened.error().message);

    SystemClock clock;
    Services services(opened.value(), &clock, localUserName());
    WallWindow wall(WallReader::of(services));
    wall.setLight(launch.light);
    if (launch.incident.isEmpty()) {
        wall.model()->follow();
    } else {
        const Result<Incident> incident = services.incidents.resolve(launch.incident);
        if (!incident)
            return fail(exitCodeFor(incident.error().kind), QStringLiteral("--incident: ") + incident.error().message);
        wall.model()->showIncident(incident->id);
    }

    if (!launch.screenshotPath.isEmpty()) {
        wall.resize(launch.size);
        wall.show();
        // Showing posts layout requests that post more (a badge appearing resizes the title):
        // let them settle so the frame is the one a screen would show.
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();
        if (!wall.grab().toImage().save(launch.screenshotPath, "PNG"))
            return fail(ExitCode::Failed, tr("cannot write the screenshot to %1")
                                              .arg(QDir::toNativeSeparators(launch.screenshotPath)));
        return int(ExitCode::Ok);
    }

    services.feed().start();
    wall.presentOn(QGuiApplication::primaryScreen());
    return QApplication::exec();
}

} // namespace sitrep
