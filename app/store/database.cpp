#include "database.h"

#include "migrator.h"
#include "storeerror.h"
#include "storelog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QThread>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Database", text);
}

// SQLite files start with this 16-byte header; anything else is not ours to touch.
bool looksLikeSqlite(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    if (f.size() == 0)
        return true;
    const QByteArray header = f.read(16);
    if (header != QByteArray("SQLite format 3\0", 16)) {
        *error = tr("%1 is not a Sitrep store: it is not an SQLite database. It was left untouched.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

// Runs a pragma; returns its first value, or an empty string for pragmas that set and answer
// nothing.
QString pragmaText(QSqlDatabase &db, const QString &pragma)
{
    QSqlQuery q(db);
    if (!q.exec(pragma))
        throw StoreError(QStringLiteral("%1: %2").arg(pragma, q.lastError().text()));
    return q.next() ? q.value(0).toString() : QString();
}

// Whether new files can be created in dir. Asked of the file system itself rather than of the
// permission bits, which say "writable" to root even on a read-only mount.
bool directoryAcceptsFiles(const QString &dir)
{
    QTemporaryFile probe(dir + QStringLiteral("/.sitrep-probe-XXXXXX"));
    return probe.open();
}

} // namespace

Database::Database(const QString &path)
    : m_path(path), m_baseName(QStringLiteral("sitrep-%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
{
}

Database::~Database()
{
    const QStringList names = m_connectionNames;
    for (const QString &name : names) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sitrep.db");
}

int Database::latestSchemaVersion()
{
    return Migrator::latestVersion();
}

Result<std::shared_ptr<Database>> Database::open(const QString &path)
{
    const QFileInfo file(path);
    const QFileInfo dir(file.absolutePath());
    if (path.isEmpty())
        return invalid(tr("No store path was given."));
    if (!dir.exists())
        return invalid(tr("The directory %1 does not exist.").arg(QDir::toNativeSeparators(dir.absoluteFilePath())));
    if (file.exists() && file.isDir())
        return invalid(tr("%1 is a directory, not a store file.").arg(QDir::toNativeSeparators(path)));
    // SQLite in WAL mode writes its -wal and -shm files beside the store, so the directory
    // must be writable even when the file already exists.
    if (!directoryAcceptsFiles(dir.absoluteFilePath()))
        return invalid(tr("The directory %1 is not writable.").arg(QDir::toNativeSeparators(dir.absoluteFilePath())));
    if (file.exists()) {
        if (!file.isWritable())
            return invalid(tr("The store %1 is read-only.").arg(QDir::toNativeSeparators(path)));
        QString error;
        if (!looksLikeSqlite(path, &error))
            return invalid(error);
    }

    std::shared_ptr<Database> db(new Database(file.absoluteFilePath()));
    if (const Outcome opened = db->openFirstConnection(); !opened)
        return opened.error();
    return db;
}

QSqlDatabase Database::addConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    // Set before open so that even the first statement waits for another writer instead of
    // failing with "database is locked".
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    QMutexLocker lock(&m_mutex);
    m_connectionNames.append(name);
    return db;
}

Outcome Database::openFirstConnection()
{
    const QString name = m_baseName + QStringLiteral("-main");
    QSqlDatabase db = addConnection(name);
    if (!db.open())
        return storeFailure(tr("Cannot open the store %1: %2").arg(QDir::toNativeSeparators(m_path), db.lastError().text()));
    try {
        Migrator migrator(db);
        // Read before any write: a newer or foreign store must stay byte-for-byte as it was.
        const Result<int> current = migrator.currentVersion();
        if (!current)
            return current.error();
        if (current.value() > Migrator::latestVersion()) {
            return invalid(tr("%1 was written by a newer Sitrep (store schema %2; this Sitrep knows up to %3). "
                              "It was left untouched: open it with a newer Sitrep.")
                               .arg(QDir::toNativeSeparators(m_path))
                               .arg(current.value())
                               .arg(Migrator::latestVersion()));
        }
        if (const Outcome configured = configure(db); !configured)
            return configured;
        const Result<int> migrated = migrator.migrate(m_path);
        if (!migrated)
            return migrated.error();
        m_schemaVersion = migrated.value();
        m_backupPath = migrator.backupPath();
    } catch (const StoreError &e) {
        return storeFailure(tr("The store %1 failed: %2").arg(QDir::toNativeSeparators(m_path), e.message()));
    }
    return Done{};
}

Outcome Database::configure(QSqlDatabase &db) const
{
    const QString mode = pragmaText(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return storeFailure(tr("The store %1 could not switch to write-ahead logging (journal mode is %2).")
                                .arg(QDir::toNativeSeparators(m_path), mode));
    pragmaText(db, QStringLiteral("PRAGMA synchronous=FULL"));
    pragmaText(db, QStringLiteral("PRAGMA foreign_keys=ON"));
    if (pragmaText(db, QStringLiteral("PRAGMA synchronous")) != QLatin1String("2")
        || pragmaText(db, QStringLiteral("PRAGMA foreign_keys")) != QLatin1String("1"))
        return storeFailure(tr("The store %1 refused its safety settings.").arg(QDir::toNativeSeparators(m_path)));
    return Done{};
}

QSqlDatabase Database::connection() const
{
    const bool mainThread = QCoreApplication::instance() == nullptr
                            || QThread::currentThread() == QCoreApplication::instance()->thread();
    const QString name = mainThread ? m_baseName + QStringLiteral("-main")
                                    : m_baseName + QStringLiteral("-%1").arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);

    QSqlDatabase db = addConnection(name);
    if (!db.open())
        throw StoreError(db.lastError().text());
    if (const Outcome configured = configure(db); !configured)
        throw StoreError(configured.error().message);
    return db;
}

} // namespace sitrep
