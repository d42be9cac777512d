// `sitrep drill SCENARIO.json [--speed N]`: plays a drill headless, printing each inject as it
// arrives and the scorecard at the end, next to earlier runs of the same scenario.
#include "commandrunner.h"
#include "commands.h"

#include "domain/timeformat.h"
#include "services/drillplayer.h"
#include "services/services.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

// "07:30": minutes and seconds of scenario time, what a drill's script is written in.
QString offsetText(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString measuredText(const std::optional<qint64> &ms)
{
    return ms ? formatElapsed(*ms) : tr("not done");
}

void printScorecard(QTextStream &out, const QString &title, const Scorecard &card)
{
    out << '\n' << tr("Scorecard: %1").arg(title) << '\n';
    int width = 0;
    for (const ScoreLine &l : card.lines)
        width = std::max(width, int(l.description.size()));
    for (const ScoreLine &l : card.lines) {
        out << QStringLiteral("  %1  %2  %3\n")
                   .arg(l.met ? tr("met   ") : tr("MISSED"), l.description.leftJustified(width), measuredText(l.measuredMs));
    }
    out << tr("%1 of %2 expectations met.").arg(card.metCount).arg(card.total()) << '\n';
}

void printComparison(QTextStream &out, const QList<DrillRun> &runs)
{
    QList<Scorecard> cards;
    for (const DrillRun &r : runs)
        cards.append(*r.scorecard);
    const ScorecardComparison comparison = compareScorecards(cards);
    out << '\n' << tr("Runs of this scenario, oldest first:") << '\n';
    QStringList header{QString()};
    for (const DrillRun &r : runs)
        header.append(formatDateTime(r.startedAt));
    QList<QStringList> table{header};
    for (const ComparisonRow &row : comparison.rows) {
        QStringList cells{row.expectationId};
        for (qsizetype i = 0; i < row.runs.size(); ++i) {
            const ComparisonCell &c = row.runs.at(i);
            QString cell = !c.present ? QStringLiteral("-") : measuredText(c.measuredMs) + (c.met ? tr(" met") : tr(" missed"));
            if (c.present && i > 0 && c.trend != ScoreTrend::NoPrevious)
                cell += QStringLiteral(" (%1)").arg(scoreTrendLabel(c.trend));
            cells.append(cell);
        }
        table.append(cells);
    }
    QStringList met{tr("met")};
    for (int n : comparison.metCounts)
        met.append(tr("%1 of %2").arg(n).arg(comparison.rows.size()));
    table.append(met);
    QList<int> widths(header.size(), 0);
    for (const QStringList &line : std::as_const(table)) {
        for (qsizetype c = 0; c < line.size(); ++c)
            widths[c] = std::max(widths[c], int(line.at(c).size()));
    }
    for (const QStringList &line : std::as_const(table)) {
        QString text;
        for (qsizetype c = 0; c < line.size(); ++c)
            text += QStringLiteral("  ") + line.at(c).leftJustified(widths.at(c));
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        out << text << '\n';
    }
}

// A scenario is a file, or the name of a bundled one ("database-down").
std::optional<std::pair<QString, QByteArray>> readScenario(CommandRunner &runner, const QString &argument, int *exitCode)
{
    QString path = argument;
    if (!QFileInfo::exists(path) && QFileInfo::exists(QStringLiteral(":/scenarios/%1.json").arg(argument)))
        path = QStringLiteral(":/scenarios/%1.json").arg(argument);
    const QString shown = QDir::toNativeSeparators(argument);
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        *exitCode = runner.fail(ExitCode::NotFound, tr("drill: %1: no such scenario file").arg(shown));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *exitCode = runner.fail(ExitCode::Failed, tr("drill: %1 cannot be read: %2").arg(shown, file.errorString()));
        return std::nullopt;
    }
    // One byte over the limit is enough for the parser to refuse it by size.
    return std::pair<QString, QByteArray>{shown, file.read(maxScenarioBytes + 1)};
}

} // namespace

int runDrill(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("drill"), QStringLiteral("drill SCENARIO.json [--speed N]"));
    a.parser().addOption({QStringLiteral("speed"), tr("Run the scenario N times faster than real time (1 to 1000)."),
                          tr("N"), QStringLiteral("1")});
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    bool isNumber = false;
    const double speed = QLocale::c().toDouble(a.value(QStringLiteral("speed")), &isNumber);
    if (!isNumber || !(speed >= minDrillSpeed && speed <= maxDrillSpeed))
        return runner.fail(ExitCode::Usage, tr("drill: --speed \"%1\" is not a number from %2 to %3")
                                                .arg(a.value(QStringLiteral("speed")))
                                                .arg(minDrillSpeed)
                                                .arg(maxDrillSpeed));
    int exit = 0;
    const auto source = readScenario(runner, a.positional().constFirst(), &exit);
    if (!source)
        return exit;
    // Checked before the store is opened: a bad scenario changes nothing.
    const ScenarioParseResult parsed = parseDrillScenario(source->second);
    if (!parsed.ok())
        return runner.fail(ExitCode::Usage, tr("drill: %1 is not a usable scenario:\n  %2")
                                                .arg(source->first, parsed.errors.join(QStringLiteral("\n  "))));

    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    QTextStream &out = runner.out();
    DrillPlayer player(*services, *parsed.scenario, source->second, speed);
    QEventLoop loop;
    QObject::connect(&player, &DrillPlayer::injectPlayed, &loop, [&](int, const DrillInject &inject) {
        out << QStringLiteral("[%1] %2 %3: %4")
                   .arg(offsetText(inject.atMs), injectKindKey(inject.kind).leftJustified(7),
                        inject.author.isEmpty() ? tr("drill") : inject.author, inject.text)
            << Qt::endl;
    });
    std::optional<DrillRun> ended;
    QObject::connect(&player, &DrillPlayer::finished, &loop, [&](const DrillRun &run) {
        ended = run;
        loop.quit();
    });
    QObject::connect(&player, &DrillPlayer::failed, &loop, [&](const QString &message) {
        exit = runner.fail(ExitCode::Store, tr("drill: %1").arg(message));
        loop.quit();
    });

    const qint64 duration = drillEndOffsetMs(*parsed.scenario);
    out << tr("Drill: %1").arg(parsed.scenario->title) << '\n'
        << tr("%1 of scenario time at %2× speed: %3 real time. Respond in the window or with sitrep log, "
              "tick and status.")
               .arg(formatElapsed(duration), QLocale::c().toString(speed, 'g', 4),
                    formatElapsed((realTimeAt(duration, 0, speed) + 999) / 1000 * 1000))
        << Qt::endl;
    const Result<Incident> incident = player.start();
    if (!incident)
        return runner.fail(incident.error());
    out << tr("Incident %1 (DRILL)").arg(uuidText(incident->uuid)) << Qt::endl;
    if (!player.isEnded() && exit == 0) {
        player.run();
        loop.exec();
    }
    if (!ended)
        return exit ? exit : int(ExitCode::Failed);

    printScorecard(out, parsed.scenario->title, *ended->scorecard);
    const Result<QList<DrillRun>> history = services->drills.history(parsed.scenario->title);
    if (history && history->size() > 1)
        printComparison(out, history.value());
    out.flush();
    return int(ExitCode::Ok);
}

} // namespace sitrep
