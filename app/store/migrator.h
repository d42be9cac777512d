#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace sitrep {

// Brings a store up to the latest schema with the numbered scripts in :/migrations
// (0001_init.sql, 0002_...). Each script runs in its own transaction together with its
// schema_version row, so a store is always at exactly one version. Before upgrading a store
// that already holds data, a consistent copy is written beside it.
class Migrator final
{
public:
    explicit Migrator(const QSqlDatabase &db);

    static int latestVersion();
    // Splits a script into statements: a statement ends with ';' at the end of a line, except
    // inside a trigger body (BEGIN ... END;).
    static QStringList splitStatements(const QString &script);

    // 0 for an empty file. Refuses a file that has tables but no Sitrep schema_version.
    Result<int> currentVersion() const;
    // Applies what is missing; returns the version now in force.
    Result<int> migrate(const QString &storePath);
    const QString &backupPath() const { return m_backupPath; }

private:
    Outcome backUp(const QString &storePath, int fromVersion);
    Outcome apply(int version, const QString &script);

    QSqlDatabase m_db;
    QString m_backupPath;
};

} // namespace sitrep
