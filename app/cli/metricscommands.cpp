// `sitrep metrics`: the headline numbers across the store's incidents, drills left out.
#include "commandrunner.h"
#include "commands.h"

#include "domain/metricssummary.h"
#include "domain/timeformat.h"
#include "services/services.h"

#include <QCoreApplication>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

QString figure(const std::optional<qint64> &ms)
{
    return ms ? formatElapsed(*ms) : QStringLiteral("-");
}

} // namespace

int runMetrics(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("metrics"), QStringLiteral("metrics"));
    if (const auto exit = a.parse(runner, args, 0, 0))
        return *exit;
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const Result<QList<Incident>> all = services->incidents.list();
    if (!all)
        return runner.fail(all.error());
    const MetricsSummary s = summarizeMetrics(all.value(), runner.clock().nowMs());
    runner.out() << tr("incidents:\t%1 (%2 ongoing; %3 drills left out)").arg(s.incidents).arg(s.ongoing).arg(s.drillsExcluded)
                 << '\n'
                 << tr("median time to acknowledge:\t%1").arg(figure(s.medianTimeToAcknowledgeMs)) << '\n'
                 << tr("median time to mitigate:\t%1").arg(figure(s.medianTimeToMitigateMs)) << '\n'
                 << tr("median time to resolve:\t%1").arg(figure(s.medianTimeToResolveMs)) << Qt::endl;
    return int(ExitCode::Ok);
}

} // namespace sitrep
