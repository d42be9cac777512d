#pragma once

#include "domain/result.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <memory>

namespace sitrep {

// The one owner of connections to the incident store. Each thread gets its own named
// connection (Qt Sql connections must not cross threads); every connection is configured the
// same way before first use. Never keep the QSqlDatabase it returns beyond a function call.
class Database final
{
public:
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens (creating when absent) and migrates the store at path. Refuses, leaving the file
    // byte-for-byte unchanged: a missing or read-only directory, a file that is not a Sitrep
    // store, a store written by a newer Sitrep.
    static Result<std::shared_ptr<Database>> open(const QString &path);

    // The default store location: the platform's application data directory.
    static QString defaultPath();

    QSqlDatabase connection() const;
    const QString &path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    // Set when this open upgraded the schema: where the pre-upgrade copy was written.
    const QString &backupPath() const { return m_backupPath; }

    static int latestSchemaVersion();

private:
    explicit Database(const QString &path);
    Outcome openFirstConnection();
    Outcome configure(QSqlDatabase &db) const; // pragmas; throws StoreError
    QSqlDatabase addConnection(const QString &name) const;

    QString m_path;
    QString m_baseName;
    int m_schemaVersion = 0;
    QString m_backupPath;
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
};

} // namespace sitrep
