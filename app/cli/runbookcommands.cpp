// The runbook and checklist commands of the command line: runbook import / export / list /
// attach, checklist, tick.
#include "commandrunner.h"
#include "commands.h"

#include "domain/timeformat.h"
#include "services/services.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

// The runner prints errors only; a warning goes the same way without failing the command.
void warn(CommandRunner &runner, const QString &message)
{
    (void)runner.fail(ExitCode::Ok, tr("warning: %1").arg(message));
}

QString severityList(const QList<Severity> &severities)
{
    QStringList labels;
    for (Severity s : severities)
        labels.append(severityLabel(s));
    return labels.isEmpty() ? QStringLiteral("-") : labels.join(QLatin1Char(','));
}

int runbookImport(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("runbook import"), QStringLiteral("runbook import FILE"));
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const QString path = a.positional().constFirst();
    const Result<RunbookImport> imported = services->runbooks.importFile(path);
    if (!imported)
        return runner.fail(imported.error());
    for (const RunbookWarning &w : imported->warnings)
        warn(runner, QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), w.toString()));
    const LibraryRunbook &r = imported->runbook;
    runner.out() << (imported->replaced ? tr("Replaced %1: \"%2\" (%3 steps)") : tr("Imported %1: \"%2\" (%3 steps)"))
                        .arg(r.slug, r.name)
                        .arg(r.itemCount)
                 << Qt::endl;
    return int(ExitCode::Ok);
}

int runbookExport(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("runbook export"), QStringLiteral("runbook export NAME [--output FILE]"));
    a.parser().addOption({QStringLiteral("output"), tr("Write to FILE instead of the standard output."), tr("FILE")});
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const Result<QString> markdown = services->runbooks.exportMarkdown(a.positional().constFirst());
    if (!markdown)
        return runner.fail(markdown.error());
    if (!a.isSet(QStringLiteral("output"))) {
        runner.out() << markdown.value();
        runner.out().flush();
        return int(ExitCode::Ok);
    }
    const QString path = a.value(QStringLiteral("output"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(markdown->toUtf8()) < 0 || !file.commit())
        return runner.fail(ExitCode::Failed, tr("runbook export: --output %1: %2")
                                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
    return int(ExitCode::Ok);
}

int runbookList(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("runbook list"), QStringLiteral("runbook list"));
    if (const auto exit = a.parse(runner, args, 0, 0))
        return *exit;
    Services *services = runner.services();
    if (!services)
        return int(ExitCode::Store);
    const Result<QList<LibraryRunbook>> all = services->runbooks.library();
    if (!all)
        return runner.fail(all.error());
    for (const LibraryRunbook &r : all.value()) {
        const QString origin = r.stored ? (r.bundled ? tr("edited") : tr("imported")) : tr("bundled");
        runner.out() << r.slug << '\t' << r.name << '\t' << r.itemCount << '\t' << origin << '\t'
                     << severityList(r.attachOnDeclare) << '\n';
    }
    runner.out().flush();
    return int(ExitCode::Ok);
}

int runbookAttach(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("runbook attach"), QStringLiteral("runbook attach ID NAME"));
    if (const auto exit = a.parse(runner, args, 2, 2))
        return *exit;
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    const Result<Checklist> attached =
        runner.services()->runbooks.attachToIncident(incident->id, a.positional().at(1), EntrySource::CommandLine);
    if (!attached)
        return runner.fail(attached.error());
    runner.out() << tr("Attached \"%1\" (%2 steps)").arg(attached->name).arg(attached->items.size()) << Qt::endl;
    return int(ExitCode::Ok);
}

struct NumberedItem
{
    int number = 0; // 1-based, across the incident's checklists in order
    ChecklistItem item;
};

QList<NumberedItem> numbered(const QList<Checklist> &lists)
{
    QList<NumberedItem> all;
    for (const Checklist &list : lists) {
        for (const ChecklistItem &item : list.items)
            all.append({int(all.size()) + 1, item});
    }
    return all;
}

// ITEM is the step's number (as `sitrep checklist` shows it) or the start of its text.
std::optional<ChecklistItem> findItem(CommandRunner &runner, const QList<Checklist> &lists, const QString &wanted,
                                      int *exitCode)
{
    const QList<NumberedItem> all = numbered(lists);
    if (all.isEmpty()) {
        *exitCode = runner.fail(ExitCode::NotFound, tr("tick: this incident has no checklist"));
        return std::nullopt;
    }
    bool isNumber = false;
    const int n = wanted.toInt(&isNumber);
    if (isNumber) {
        if (n < 1 || n > all.size()) {
            *exitCode = runner.fail(ExitCode::NotFound, tr("tick: there is no step %1; the steps are numbered 1 to %2 "
                                                           "(see sitrep checklist ID)").arg(wanted).arg(all.size()));
            return std::nullopt;
        }
        return all.at(n - 1).item;
    }
    const QString prefix = wanted.simplified();
    QList<NumberedItem> matches;
    for (const NumberedItem &i : all) {
        if (!prefix.isEmpty() && i.item.text.simplified().startsWith(prefix, Qt::CaseInsensitive))
            matches.append(i);
    }
    if (matches.size() > 1) {
        QList<NumberedItem> open;
        for (const NumberedItem &i : std::as_const(matches)) {
            if (i.item.state == ChecklistItemState::Open)
                open.append(i);
        }
        if (open.size() == 1)
            return open.constFirst().item;
        QStringList numbers;
        for (const NumberedItem &i : std::as_const(matches))
            numbers.append(QString::number(i.number));
        *exitCode = runner.fail(ExitCode::NotFound, tr("tick: \"%1\" matches steps %2; give the number or more of the text")
                                                        .arg(wanted, numbers.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (matches.isEmpty()) {
        *exitCode = runner.fail(ExitCode::NotFound, tr("tick: no step starts with \"%1\" (see sitrep checklist ID)").arg(wanted));
        return std::nullopt;
    }
    return matches.constFirst().item;
}

} // namespace

int runRunbook(CommandRunner &runner, const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("import"))
        return runbookImport(runner, rest);
    if (sub == QLatin1String("export"))
        return runbookExport(runner, rest);
    if (sub == QLatin1String("list"))
        return runbookList(runner, rest);
    if (sub == QLatin1String("attach"))
        return runbookAttach(runner, rest);
    return runner.fail(ExitCode::Usage, tr("runbook: %1\nusage: sitrep %2")
                                            .arg(sub.isEmpty() ? tr("missing what to do")
                                                               : tr("\"%1\" is not import, export, list or attach").arg(sub),
                                                 synopsisOf(QStringLiteral("runbook"))));
}

int runChecklist(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("checklist"), synopsisOf(QStringLiteral("checklist")));
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    const Result<QList<Checklist>> lists = runner.services()->checklists.checklists(incident->id);
    if (!lists)
        return runner.fail(lists.error());
    QTextStream &out = runner.out();
    int number = 0;
    for (const Checklist &list : lists.value()) {
        out << list.name << QStringLiteral(" (%1/%2)\n").arg(list.doneCount()).arg(list.items.size());
        for (const ChecklistItem &item : list.items) {
            const QString box = item.state == ChecklistItemState::Done      ? QStringLiteral("[x]")
                                : item.state == ChecklistItemState::Skipped ? QStringLiteral("[-]")
                                                                            : QStringLiteral("[ ]");
            out << QStringLiteral("%1 %2 %3%4").arg(++number, 3).arg(box, QString(2 * item.depth, QLatin1Char(' ')), item.text);
            if (item.doneAt)
                out << QStringLiteral("  (%1, %2)").arg(item.doneBy, formatIsoTime(*item.doneAt));
            if (item.state == ChecklistItemState::Skipped)
                out << QStringLiteral("  ") << tr("skipped: %1").arg(item.skipReason);
            out << '\n';
        }
    }
    out.flush();
    return int(ExitCode::Ok);
}

int runTick(CommandRunner &runner, const QStringList &args)
{
    CommandArguments a(QStringLiteral("tick"), synopsisOf(QStringLiteral("tick")));
    a.parser().addOptions({{QStringLiteral("skip"), tr("Skip the step instead, saying why."), tr("REASON")},
                           {QStringLiteral("untick"), tr("Reopen a ticked or skipped step.")}});
    if (const auto exit = a.parse(runner, args, 2, -1))
        return *exit;
    if (a.isSet(QStringLiteral("skip")) && a.isSet(QStringLiteral("untick")))
        return runner.fail(ExitCode::Usage, tr("tick: --skip and --untick cannot be used together"));
    if (a.isSet(QStringLiteral("skip")) && a.value(QStringLiteral("skip")).trimmed().isEmpty())
        return runner.fail(ExitCode::Usage, tr("tick: --skip needs a reason"));
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    ChecklistService &checklists = runner.services()->checklists;
    const Result<QList<Checklist>> lists = checklists.checklists(incident->id);
    if (!lists)
        return runner.fail(lists.error());
    const std::optional<ChecklistItem> item =
        findItem(runner, lists.value(), a.positional().mid(1).join(QLatin1Char(' ')), &exit);
    if (!item)
        return exit;
    const Result<ChecklistItem> changed =
        a.isSet(QStringLiteral("skip"))     ? checklists.skip(item->id, a.value(QStringLiteral("skip")), EntrySource::CommandLine)
        : a.isSet(QStringLiteral("untick")) ? checklists.untick(item->id, EntrySource::CommandLine)
                                            : checklists.tick(item->id, EntrySource::CommandLine);
    if (!changed)
        return runner.fail(changed.error());
    runner.out() << QStringLiteral("%1: %2").arg(checklistItemStateKey(changed->state), changed->text) << Qt::endl;
    return int(ExitCode::Ok);
}

} // namespace sitrep
