#pragma once

#include "domain/clock.h"
#include "domain/result.h"

#include <QStringList>
#include <QTextStream>
#include <memory>

namespace sitrep {

class Services;

// Exit codes of the command line, documented in the README.
enum class ExitCode { Ok = 0, Failed = 1, Usage = 2, NotFound = 3, Store = 4 };

// Runs one `sitrep [--db PATH] COMMAND ...` invocation headless: parses the command's own
// arguments first (usage errors never touch the store), opens the store, calls the services,
// prints plain text. Every error names the argument, value or file that was wrong.
class CommandRunner final
{
public:
    CommandRunner(QTextStream &out, QTextStream &err, const Clock &clock);
    ~CommandRunner();
    Q_DISABLE_COPY_MOVE(CommandRunner)

    int run(const QStringList &arguments);

    // Used by the commands.
    QTextStream &out() { return m_out; }
    int fail(ExitCode code, const QString &message);
    int fail(const Error &error);
    void warn(const QString &message); // on stderr; the command still succeeds
    Services *services(); // opens the store on first use; null after printing why not
    const Clock &clock() const { return m_clock; }

private:
    int printHelp();

    QTextStream &m_out;
    QTextStream &m_err;
    const Clock &m_clock;
    QString m_dbPath;
    std::unique_ptr<Services> m_services;
    bool m_storeFailed = false;
};

ExitCode exitCodeFor(ErrorKind kind);

} // namespace sitrep
