// Reports and interchange on the command line: `sitrep export` and `sitrep import`.
#include "commandrunner.h"
#include "commands.h"

#include "report/reportexport.h"
#include "services/services.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

} // namespace

int runExport(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("export"), synopsisOf(QStringLiteral("export")));
    a.parser().addOption({QStringLiteral("format"), tr("pdf, md or json."), tr("FORMAT")});
    a.parser().addOption({QStringLiteral("out"), tr("The file to write; - writes md or json to standard output."), tr("FILE")});
    a.parser().addOption({QStringLiteral("report"), tr("postmortem (default) or sitrep, for pdf and md."), tr("REPORT")});
    a.parser().addOption({QStringLiteral("paper"), tr("a4 or letter, for pdf (default: the locale's)."), tr("PAPER")});
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    const QString usage = tr("usage: sitrep ") + synopsisOf(QStringLiteral("export"));

    // Every argument is checked before the store is opened.
    ExportRequest request;
    if (!a.isSet(QStringLiteral("format")))
        return runner.fail(ExitCode::Usage, tr("export: --format is required (pdf, md or json)\n") + usage);
    const auto format = parseExportFormat(a.value(QStringLiteral("format")));
    if (!format)
        return runner.fail(ExitCode::Usage, tr("export: --format \"%1\" is not pdf, md or json").arg(a.value(QStringLiteral("format"))));
    request.format = *format;
    const QString out = a.value(QStringLiteral("out"));
    if (out.isEmpty())
        return runner.fail(ExitCode::Usage, tr("export: --out FILE is required\n") + usage);
    if (out == QLatin1String("-") && request.format == ExportFormat::Pdf)
        return runner.fail(ExitCode::Usage, tr("export: a PDF goes to a file, not to standard output (--out -)"));
    if (a.isSet(QStringLiteral("report"))) {
        const auto kind = parseReportKind(a.value(QStringLiteral("report")));
        if (!kind)
            return runner.fail(ExitCode::Usage,
                               tr("export: --report \"%1\" is not postmortem or sitrep").arg(a.value(QStringLiteral("report"))));
        if (request.format == ExportFormat::Json)
            return runner.fail(ExitCode::Usage, tr("export: --report is for pdf and md; json always holds the whole incident"));
        request.kind = *kind;
    }
    if (a.isSet(QStringLiteral("paper"))) {
        const auto paper = parsePaper(a.value(QStringLiteral("paper")));
        if (!paper)
            return runner.fail(ExitCode::Usage, tr("export: --paper \"%1\" is not a4 or letter").arg(a.value(QStringLiteral("paper"))));
        if (request.format != ExportFormat::Pdf)
            return runner.fail(ExitCode::Usage, tr("export: --paper is for pdf only"));
        request.paper = *paper;
    }

    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().at(0), &exit);
    if (!incident)
        return exit;
    request.incidentId = incident->id;
    Services *services = runner.services();

    if (out == QLatin1String("-")) {
        const Result<ExportedReport> rendered = renderExport(*services, request);
        if (!rendered)
            return runner.fail(rendered.error());
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(rendered.value().bytes) < 0)
            return runner.fail(ExitCode::Failed, tr("export: cannot write to standard output"));
        return int(ExitCode::Ok);
    }
    const Result<ExportedReport> written = writeExport(*services, request, out);
    if (!written)
        return runner.fail(ExitCode::Failed, tr("export: %1").arg(written.error().message));
    if (request.format == ExportFormat::Pdf)
        runner.out() << QCoreApplication::translate("CommandLine", "%1 (%n page(s))", nullptr, written.value().pages)
                            .arg(QDir::toNativeSeparators(out))
                     << Qt::endl;
    else
        runner.out() << QDir::toNativeSeparators(out) << Qt::endl;
    return int(ExitCode::Ok);
}

int runImport(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("import"), synopsisOf(QStringLiteral("import")));
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const Result<Incident> imported = services->interchange.importFile(a.positional().at(0));
    if (!imported)
        return runner.fail(exitCodeFor(imported.error().kind), tr("import: %1").arg(imported.error().message));
    runner.out() << uuidText(imported->uuid) << Qt::endl;
    return int(ExitCode::Ok);
}

} // namespace sitrep
