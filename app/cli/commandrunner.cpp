#include "commandrunner.h"

#include "commands.h"
#include "globalparser.h"

#include "services/services.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace sitrep {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}
} // namespace

ExitCode exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return ExitCode::Usage;
    case ErrorKind::NotFound: return ExitCode::NotFound;
    case ErrorKind::Store: return ExitCode::Store;
    }
    return ExitCode::Failed;
}

CommandRunner::CommandRunner(QTextStream &out, QTextStream &err, const Clock &clock)
    : m_out(out), m_err(err), m_clock(clock)
{
}

CommandRunner::~CommandRunner() = default;

int CommandRunner::fail(ExitCode code, const QString &message)
{
    m_err << QStringLiteral("sitrep: ") << message << Qt::endl;
    return int(code);
}

void CommandRunner::warn(const QString &message)
{
    m_err << QStringLiteral("sitrep: ") << message << Qt::endl;
}

int CommandRunner::fail(const Error &error)
{
    return fail(exitCodeFor(error.kind), error.message);
}

int CommandRunner::printHelp()
{
    GlobalParser global;
    m_out << global.parser.helpText() << QLatin1Char('\n') << tr("Commands:") << QLatin1Char('\n');
    for (const CommandInfo &c : commandTable())
        m_out << QStringLiteral("  %1\n      %2\n").arg(c.synopsis, c.summary);
    m_out << QLatin1Char('\n')
          << tr("ID is an incident's full id or a unique prefix of at least 6 characters.\n"
                "Times are ISO 8601 (2026-11-25T08:45:00+01:00; without an offset: local time).\n"
                "Exit codes: 0 ok, 2 usage error, 3 not found, 4 store error.")
          << Qt::endl;
    return int(ExitCode::Ok);
}

int CommandRunner::run(const QStringList &arguments)
{
    GlobalParser global;
    if (!global.parser.parse(arguments))
        return fail(ExitCode::Usage, global.parser.errorText() + tr(" (see sitrep --help)"));
    if (global.parser.isSet(global.help))
        return printHelp();
    if (global.parser.isSet(global.version)) {
        m_out << QStringLiteral("sitrep %1").arg(QStringLiteral(SITREP_VERSION)) << Qt::endl;
        return int(ExitCode::Ok);
    }
    m_dbPath = global.parser.value(global.db);
    const QStringList positional = global.parser.positionalArguments();
    if (positional.isEmpty())
        return fail(ExitCode::Usage, tr("--size must look like 1600x1000 (see sitrep --help)"));

    const QString name = positional.constFirst();
    for (const CommandInfo &c : commandTable()) {
        if (c.name == name)
            return c.run(*this, positional.mid(1));
    }
    return fail(ExitCode::Usage, tr("unknown command \"%1\" (see sitrep --help)").arg(name));
}

Services *CommandRunner::services()
{
    if (m_services)
        return m_services.get();
    if (m_storeFailed)
        return nullptr;
    QString path = m_dbPath;
    if (path.isEmpty()) {
        path = Database::defaultPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    Result<std::shared_ptr<Database>> db = Database::open(path);
    if (!db) {
        m_storeFailed = true;
        fail(ExitCode::Store, db.error().message);
        return nullptr;
    }
    m_services = std::make_unique<Services>(db.value(), &m_clock, localUserName());
    return m_services.get();
}

} // namespace sitrep
