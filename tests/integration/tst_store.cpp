// The incident store against real SQLite files: migrations, pragmas, refusals that leave the
// file untouched, and round trips of ids and times.
#include "support/teststore.h"

#include "store/database.h"
#include "store/migrator.h"

#include "services/services.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <unistd.h>

using namespace sitrep;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString pragma(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return {};
    return q.value(0).toString();
}

// Writes with a plain connection, outside Sitrep, to fabricate stores Sitrep must refuse.
void rawExec(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &s : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(s), qPrintable(s));
        }
        QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void migratesAnEmptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.db"));
        Result<std::shared_ptr<Database>> db = Database::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(db.value()->backupPath().isEmpty()); // nothing to back up in a new file
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT version FROM schema_version ORDER BY version")));
        int expected = 1;
        while (q.next())
            QCOMPARE(q.value(0).toInt(), expected++);
        QCOMPARE(expected - 1, Database::latestSchemaVersion());
        for (const QString &table : {QStringLiteral("incidents"), QStringLiteral("timeline_entries"),
                                     QStringLiteral("situation_items"), QStringLiteral("checklists"),
                                     QStringLiteral("checklist_items"), QStringLiteral("change_log"),
                                     QStringLiteral("incident_roles")}) {
            QSqlQuery t(db.value()->connection());
            t.prepare(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :n"));
            t.bindValue(QStringLiteral(":n"), table);
            QVERIFY(t.exec() && t.next());
            QVERIFY2(t.value(0).toInt() == 1, qPrintable(table));
        }
    }

    void reopeningDoesNotMigrateAgain()
    {
        test::TestStore store;
        store.declare();
        store.open();
        QCOMPARE(store.db->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(store.db->backupPath().isEmpty());
        QCOMPARE(store.services->incidents.list().value().size(), 1);
    }

    void pragmasTookEffect()
    {
        test::TestStore store;
        const QSqlDatabase db = store.db->connection();
        QCOMPARE(pragma(db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("synchronous")), QStringLiteral("2"));
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QVERIFY(pragma(db, QStringLiteral("busy_timeout")).toInt() >= 1000);
    }

    void everyThreadGetsAConfiguredConnection()
    {
        test::TestStore store;
        QString mode, sync, keys, name;
        QThread *worker = QThread::create([&] {
            const QSqlDatabase db = store.db->connection();
            name = db.connectionName();
            mode = pragma(db, QStringLiteral("journal_mode"));
            sync = pragma(db, QStringLiteral("synchronous"));
            keys = pragma(db, QStringLiteral("foreign_keys"));
        });
        worker->start();
        QVERIFY(worker->wait(10'000));
        delete worker;
        QCOMPARE(mode, QStringLiteral("wal"));
        QCOMPARE(sync, QStringLiteral("2"));
        QCOMPARE(keys, QStringLiteral("1"));
        QVERIFY(name != store.db->connection().connectionName());
    }

    void newerStoreIsRefusedAndUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.db"));
        {
            Result<std::shared_ptr<Database>> db = Database::open(path);
            QVERIFY(db);
        }
        rawExec(path, {QStringLiteral("PRAGMA journal_mode=DELETE"),
                       QStringLiteral("INSERT INTO schema_version (version, applied_at, app_version) VALUES (999, 0, '9.9')")});
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        Result<std::shared_ptr<Database>> db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().kind, ErrorKind::Invalid);
        QVERIFY2(db.error().message.contains(QStringLiteral("newer Sitrep")), qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(QStringLiteral("999")));
        QCOMPARE(fileHash(path), before);
    }

    void garbageIsRefusedAndUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text file") << QByteArray("these are not the bytes you are looking for\n") << QStringLiteral("not an SQLite database");
        QTest::newRow("binary noise") << QByteArray(4096, '\xA5') << QStringLiteral("not an SQLite database");
        QByteArray header("SQLite format 3\0", 16);
        QTest::newRow("truncated sqlite header") << header + QByteArray(50, '\0') << QStringLiteral("not a usable Sitrep store");
    }

    void garbageIsRefusedAndUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("garbage.db"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        Result<std::shared_ptr<Database>> db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.error().message.contains(expected), qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(QStringLiteral("garbage.db")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void foreignSqliteDatabaseIsRefusedAndUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        rawExec(path, {QStringLiteral("CREATE TABLE songs (title TEXT)"), QStringLiteral("INSERT INTO songs VALUES ('x')")});
        const QByteArray before = fileHash(path);
        Result<std::shared_ptr<Database>> db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.error().message.contains(QStringLiteral("not a Sitrep store")), qPrintable(db.error().message));
        QCOMPARE(fileHash(path), before);
    }

    void unusableLocationsAreNamed()
    {
        QTemporaryDir dir;
        Result<std::shared_ptr<Database>> missing = Database::open(dir.filePath(QStringLiteral("nope/store.db")));
        QVERIFY(!missing);
        QVERIFY2(missing.error().message.contains(QStringLiteral("does not exist")), qPrintable(missing.error().message));
        QVERIFY(missing.error().message.contains(QStringLiteral("nope")));

        // Root ignores permission bits, so use a directory no one may create files in.
        QString readOnlyDir = QStringLiteral("/sys");
        if (geteuid() != 0) {
            readOnlyDir = dir.filePath(QStringLiteral("locked"));
            QVERIFY(QDir().mkpath(readOnlyDir));
            QFile::setPermissions(readOnlyDir, QFile::ReadOwner | QFile::ExeOwner);
        }
        Result<std::shared_ptr<Database>> readOnly = Database::open(readOnlyDir + QStringLiteral("/store.db"));
        QVERIFY(!readOnly);
        QVERIFY2(readOnly.error().message.contains(QStringLiteral("not writable")), qPrintable(readOnly.error().message));

        Result<std::shared_ptr<Database>> directory = Database::open(dir.path());
        QVERIFY(!directory);
    }

    void idsAndTimesRoundTrip()
    {
        test::TestStore store;
        DeclareRequest r;
        r.title = QStringLiteral("Payments timing out");
        r.severity = Severity::Sev2;
        r.startedAt = test::kT0 - 123'457; // odd milliseconds survive
        r.deadlineAt = test::kT0 + 15 * 60'000 + 1;
        r.costPerMinuteCents = 125'00;
        const Incident declared = store.services->incidents.declare(r).value();
        QVERIFY(!declared.uuid.isNull());

        store.open();
        const Incident read = store.services->incidents.find(declared.id).value();
        QCOMPARE(read.uuid, declared.uuid);
        QCOMPARE(read.startedAt, test::kT0 - 123'457);
        QCOMPARE(read.declaredAt, test::kT0);
        QCOMPARE(read.deadlineAt, std::optional<qint64>(test::kT0 + 15 * 60'000 + 1));
        QCOMPARE(read.costPerMinuteCents, std::optional<qint64>(125'00));
        QCOMPARE(read.acknowledgedAt, std::nullopt);
        QCOMPARE(read.title, QStringLiteral("Payments timing out"));
        const Incident byPrefix = store.services->incidents.resolve(uuidText(declared.uuid).left(8)).value();
        QCOMPARE(byPrefix.id, declared.id);

        const QList<TimelineEntry> entries = store.services->timeline.page(declared.id, 0, 10).value();
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries.constFirst().uuid.isNull());
        QVERIFY(entries.constFirst().uuid != declared.uuid);
        QCOMPARE(entries.constFirst().at, test::kT0);
    }

    void upgradesEveryOldSchemaAndBacksUpFirst_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("version");
        QTest::newRow("schema 1") << QStringLiteral("schema1.db") << 1;
    }

    void upgradesEveryOldSchemaAndBacksUpFirst()
    {
        QFETCH(QString, fixture);
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        QVERIFY(QFile::copy(QStringLiteral(SITREP_SOURCE_DIR "/tests/data/stores/") + fixture, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

        Result<std::shared_ptr<Database>> db = Database::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());

        // The copy taken before the upgrade is the old store, whole.
        const QString backup = db.value()->backupPath();
        QVERIFY(backup.startsWith(path + QStringLiteral(".schema%1-").arg(version)));
        QVERIFY(QFile::exists(backup));
        {
            QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backup"));
            old.setDatabaseName(backup);
            QVERIFY(old.open());
            QSqlQuery q(old);
            QVERIFY(q.exec(QStringLiteral("SELECT MAX(version), (SELECT COUNT(*) FROM timeline_entries) FROM schema_version")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), version);
            QCOMPARE(q.value(1).toInt(), 4);
            old.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("backup"));

        // Nothing was lost, and what was there before is searchable now.
        ManualClock clock(test::kT0);
        Services services(db.value(), &clock, QStringLiteral("Dana"));
        const Incident incident = services.incidents.resolve(QStringLiteral("6f1c2d3e-0000-4000-8000-000000000001")).value();
        QCOMPARE(incident.title, QStringLiteral("Orders failing"));
        QCOMPARE(incident.status, Status::Identified);
        QCOMPARE(incident.identifiedAt, std::optional<qint64>(test::kT0 + 600'000));
        const QList<TimelineEntry> entries = services.timeline.page(incident.id, 0, 10).value();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.at(2).text, QStringLiteral("Primary disk is full on db-primary-1"));
        QCOMPARE(services.situation.items(incident.id)->size(), 1);
        QSqlQuery search(db.value()->connection());
        QVERIFY(search.exec(QStringLiteral("SELECT rowid FROM timeline_search WHERE timeline_search MATCH 'disk'")));
        QVERIFY(search.next());
        QCOMPARE(search.value(0).toLongLong(), entries.at(2).id);
    }

    void splitsScriptsIntoStatements()
    {
        const QString script = QStringLiteral(
            "-- a comment;\n"
            "CREATE TABLE a (x TEXT DEFAULT ';');\n"
            "\n"
            "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
            "    INSERT INTO b VALUES (1);\n"
            "    INSERT INTO b VALUES (2);\n"
            "END;\n"
            "CREATE INDEX i ON a (x);\n");
        const QStringList statements = Migrator::splitStatements(script);
        QCOMPARE(statements.size(), 3);
        QVERIFY(statements.at(0).startsWith(QStringLiteral("CREATE TABLE a")));
        QVERIFY(statements.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
        QVERIFY(statements.at(1).endsWith(QStringLiteral("END;")));
        QCOMPARE(statements.at(2), QStringLiteral("CREATE INDEX i ON a (x);"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
