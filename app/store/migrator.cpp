#include "migrator.h"

#include "storelog.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Migrator", text);
}

// version -> resource path, read once from the embedded scripts.
QMap<int, QString> migrationScripts()
{
    QMap<int, QString> scripts;
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        bool ok = false;
        const int version = name.left(4).toInt(&ok);
        if (ok && version > 0)
            scripts.insert(version, dir.filePath(name));
    }
    return scripts;
}

} // namespace

Migrator::Migrator(const QSqlDatabase &db) : m_db(db) {}

int Migrator::latestVersion()
{
    const QMap<int, QString> scripts = migrationScripts();
    return scripts.isEmpty() ? 0 : scripts.lastKey();
}

QStringList Migrator::splitStatements(const QString &script)
{
    static const QRegularExpression beginAtEnd(QStringLiteral("\\bBEGIN\\s*$"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression endLine(QStringLiteral("^\\s*END\\s*;\\s*$"), QRegularExpression::CaseInsensitiveOption);
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        current += raw + QLatin1Char('\n');
        if (!inTrigger && beginAtEnd.match(line).hasMatch()) {
            inTrigger = true;
            continue;
        }
        const bool ends = inTrigger ? endLine.match(line).hasMatch() : line.endsWith(QLatin1Char(';'));
        if (ends) {
            statements.append(current.trimmed());
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Result<int> Migrator::currentVersion() const
{
    QSqlQuery q(m_db);
    // The first read of a file tells whether SQLite accepts it at all.
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")))
        return invalid(tr("%1 is not a usable Sitrep store: %2. It was left untouched.")
                           .arg(QDir::toNativeSeparators(m_db.databaseName()), q.lastError().text()));
    bool anyTable = false;
    bool hasVersionTable = false;
    while (q.next()) {
        anyTable = true;
        if (q.value(0).toString() == QLatin1String("schema_version"))
            hasVersionTable = true;
    }
    if (!anyTable)
        return 0;
    if (!hasVersionTable)
        return invalid(tr("%1 is an SQLite database but not a Sitrep store. It was left untouched.")
                           .arg(QDir::toNativeSeparators(m_db.databaseName())));
    QSqlQuery v(m_db);
    if (!v.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !v.next())
        return storeFailure(tr("Cannot read the schema version of %1: %2")
                                .arg(QDir::toNativeSeparators(m_db.databaseName()), v.lastError().text()));
    return v.value(0).toInt();
}

Result<int> Migrator::migrate(const QString &storePath)
{
    const Result<int> current = currentVersion();
    if (!current)
        return current;
    int version = current.value();
    const QMap<int, QString> scripts = migrationScripts();
    if (version > 0 && version < latestVersion()) {
        if (const Outcome backedUp = backUp(storePath, version); !backedUp)
            return backedUp.error();
    }
    for (auto it = scripts.cbegin(); it != scripts.cend(); ++it) {
        if (it.key() <= version)
            continue;
        QFile file(it.value());
        if (!file.open(QIODevice::ReadOnly))
            return storeFailure(tr("Migration script %1 is missing from this build.").arg(it.value()));
        if (const Outcome applied = apply(it.key(), QString::fromUtf8(file.readAll())); !applied)
            return applied.error();
        qCInfo(lcStore) << "store migrated to schema" << it.key();
        version = it.key();
    }
    return version;
}

Outcome Migrator::backUp(const QString &storePath, int fromVersion)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    m_backupPath = QStringLiteral("%1.schema%2-%3.bak").arg(storePath).arg(fromVersion).arg(stamp);
    QFile::remove(m_backupPath);
    // VACUUM INTO writes a consistent copy through SQLite itself, WAL contents included.
    QSqlQuery q(m_db);
    if (!q.prepare(QStringLiteral("VACUUM INTO :path")))
        return storeFailure(tr("Cannot back up the store before upgrading it: %1").arg(q.lastError().text()));
    q.bindValue(QStringLiteral(":path"), m_backupPath);
    if (!q.exec())
        return storeFailure(tr("Cannot back up the store to %1 before upgrading it: %2")
                                .arg(QDir::toNativeSeparators(m_backupPath), q.lastError().text()));
    qCInfo(lcStore) << "store backed up before migration";
    return Done{};
}

Outcome Migrator::apply(int version, const QString &script)
{
    try {
        Transaction tx(m_db);
        const QStringList statements = splitStatements(script);
        for (const QString &statement : statements) {
            QSqlQuery q(m_db);
            if (!q.exec(statement))
                return storeFailure(tr("Upgrading the store to schema %1 failed: %2").arg(version).arg(q.lastError().text()));
        }
        QSqlQuery mark(m_db);
        mark.prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at, app_version) VALUES (:v, :at, :app)"));
        mark.bindValue(QStringLiteral(":v"), version);
        mark.bindValue(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch());
        mark.bindValue(QStringLiteral(":app"), QStringLiteral(SITREP_VERSION));
        if (!mark.exec())
            return storeFailure(tr("Recording schema %1 failed: %2").arg(version).arg(mark.lastError().text()));
        tx.commit();
    } catch (const std::exception &e) {
        return storeFailure(tr("Upgrading the store to schema %1 failed: %2").arg(version).arg(QString::fromUtf8(e.what())));
    }
    return Done{};
}

} // namespace sitrep
