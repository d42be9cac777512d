// The runbook library on a real store: bundled runbooks offered and exported byte for byte,
// import → export → import lossless, edits, removal, and every malformed input refused with the
// line or file named and the store left exactly as it was.
#include "support/teststore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace sitrep;

namespace {

QByteArray sourceFile(const QString &relative)
{
    QFile f(QStringLiteral(SITREP_SOURCE_DIR "/") + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

// Everything the library and checklists hold, as one fingerprint.
QByteArray storeFingerprint(const QSqlDatabase &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &sql : {QStringLiteral("SELECT slug, name, markdown, updated_at FROM runbooks ORDER BY id"),
                               QStringLiteral("SELECT * FROM severity_runbooks ORDER BY severity, runbook_slug"),
                               QStringLiteral("SELECT id, name FROM checklists ORDER BY id"),
                               QStringLiteral("SELECT COUNT(*), MAX(seq) FROM change_log")}) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return {};
        while (q.next()) {
            for (int c = 0; c < q.record().count(); ++c)
                hash.addData(QByteArray(q.value(c).toString().toUtf8() + '|'));
        }
    }
    return hash.result();
}

} // namespace

class TestRunbookService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledRunbooksAreOfferedAndExportByteForByte()
    {
        test::TestStore store;
        const QList<LibraryRunbook> library = store.services->runbooks.library().value();
        QCOMPARE(library.size(), 5);
        for (const auto &[slug, source] : RunbookService::bundledSources()) {
            const LibraryRunbook r = store.services->runbooks.find(slug).value();
            QVERIFY(r.bundled);
            QVERIFY(!r.stored);
            QCOMPARE(store.services->runbooks.exportMarkdown(slug).value().toUtf8(), source);
            QCOMPARE(source, sourceFile(QStringLiteral("resources/runbooks/") + slug + QStringLiteral(".md")));
        }
        QCOMPARE(store.services->runbooks.find(QStringLiteral("first response"))->slug, QStringLiteral("first-response"));
        QCOMPARE(store.services->runbooks.find(QStringLiteral("first-response"))->attachOnDeclare,
                 (QList<Severity>{Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4}));
    }

    void importExportImportIsLossless_data()
    {
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<bool>("canonical"); // exported byte for byte
        QTest::newRow("canonical") << QByteArray("# DB failover\n\nWhen the primary is gone.\n\n## Fail over\n\n"
                                                 "- [ ] Promote the replica @ops (5m)\n  - [ ] Check [lag](https://g/lag)\n")
                                   << true;
        QTest::newRow("loose but readable")
            << QByteArray("\xEF\xBB\xBF# DB failover\r\n* [ ] Promote the replica   @ops (5m)\r\n    * [X] Check lag\r\n"
                          "## Tell people\r\n1. [ ] Post the notice @comms\r\n```\r\nno - [ ] step here\r\n```\r\n")
            << false;
        QTest::newRow("tolerated: squashed box and odd indent")
            << QByteArray("# Odd\n\n- []Promote the replica\n   - [ ] Three spaces in\n- [ Unclosed box\n") << false;
    }

    void importExportImportIsLossless()
    {
        QFETCH(QByteArray, markdown);
        QFETCH(bool, canonical);
        test::TestStore store;
        const QString path = writeFile(store.dir, QStringLiteral("DB Failover.md"), markdown);
        const RunbookImport first = store.services->runbooks.importFile(path).value();
        QCOMPARE(first.runbook.slug, QStringLiteral("db-failover"));
        QVERIFY(first.runbook.stored);
        const QString exported = store.services->runbooks.exportMarkdown(QStringLiteral("db-failover")).value();
        if (canonical)
            QCOMPARE(exported.toUtf8(), markdown);
        QCOMPARE(parseRunbookMarkdown(exported.toUtf8(), QString()).runbook,
                 parseRunbookMarkdown(markdown, QStringLiteral("DB Failover")).runbook);

        // Back in under the same name: the same runbook, the same text.
        const QString again = writeFile(store.dir, QStringLiteral("db-failover.md"), exported.toUtf8());
        const RunbookImport second = store.services->runbooks.importFile(again).value();
        QVERIFY(second.replaced);
        QVERIFY(second.warnings.isEmpty());
        QCOMPARE(store.services->runbooks.exportMarkdown(QStringLiteral("db-failover")).value(), exported);
    }

    void malformedInputIsRefusedAndTheStoreUntouched_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid UTF-8 names its line") << QByteArray("# A\n\n- [ ] one\n- [ ] tw\xC3\x28o\n")
                                                      << QStringLiteral("Line 4 is not valid UTF-8");
        QTest::newRow("a sequence cut off at the end of a line") << QByteArray("# A\n\n- [ ] caf\xC3\n- [ ] two\n")
                                                                 << QStringLiteral("Line 3 is not valid UTF-8");
        QTest::newRow("no steps at all") << QByteArray("# Notes\n\nJust prose.\n") << QStringLiteral("No steps found");
        QTest::newRow("ten megabytes") << QByteArray(10 * 1024 * 1024, 'x') << QStringLiteral("limited to 1048576 bytes");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("No steps found");
    }

    void malformedInputIsRefusedAndTheStoreUntouched()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        test::TestStore store;
        QVERIFY(store.services->runbooks.save(QStringLiteral("ours"), QStringLiteral("# Ours\n\n- [ ] keep me\n")));
        const QByteArray before = storeFingerprint(store.db->connection());
        const QString path = writeFile(store.dir, QStringLiteral("ours.md"), bytes);
        QVERIFY(!path.isEmpty());
        const Result<RunbookImport> refused = store.services->runbooks.importFile(path);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Invalid);
        QVERIFY2(refused.error().message.contains(expected), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(QStringLiteral("ours.md")), "the message names the file");
        QCOMPARE(storeFingerprint(store.db->connection()), before);
        QCOMPARE(store.services->runbooks.exportMarkdown(QStringLiteral("ours")).value(),
                 QStringLiteral("# Ours\n\n- [ ] keep me\n"));
    }

    void tolerableProblemsImportWithWarningsNamingLines()
    {
        test::TestStore store;
        const QString path = writeFile(store.dir, QStringLiteral("odd.md"),
                                       "# Odd\n\n- [ ] fine\n- [x step with a broken box\n- [ ] two owners @ops @comms\n");
        const RunbookImport imported = store.services->runbooks.importFile(path).value();
        QCOMPARE(imported.runbook.itemCount, 3);
        QList<int> lines;
        for (const RunbookWarning &w : imported.warnings)
            lines.append(w.line);
        QCOMPARE(lines, (QList<int>{4, 5}));
    }

    void missingFileIsNotFound()
    {
        test::TestStore store;
        const Result<RunbookImport> missing = store.services->runbooks.importFile(store.dir.filePath(QStringLiteral("nope.md")));
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QVERIFY(missing.error().message.contains(QStringLiteral("nope.md")));
        QCOMPARE(store.services->runbooks.exportMarkdown(QStringLiteral("nope")).error().kind, ErrorKind::NotFound);
    }

    void editingABundledRunbookStoresItAndRemovingRestoresIt()
    {
        test::TestStore store;
        QString text = store.services->runbooks.exportMarkdown(QStringLiteral("communicate")).value();
        text.replace(QStringLiteral("## All clear"), QStringLiteral("## All clear\n\n- [ ] Thank the team @commander"));
        const RunbookImport saved = store.services->runbooks.save(QStringLiteral("communicate"), text).value();
        QVERIFY(saved.runbook.stored && saved.runbook.bundled);
        QCOMPARE(saved.runbook.itemCount, 13);
        QCOMPARE(store.services->runbooks.library()->size(), 5); // the edit replaces the bundled one
        QVERIFY(store.services->runbooks.remove(QStringLiteral("communicate")));
        const LibraryRunbook restored = store.services->runbooks.find(QStringLiteral("communicate")).value();
        QVERIFY(!restored.stored);
        QCOMPARE(restored.itemCount, 12);
        QCOMPARE(store.services->runbooks.remove(QStringLiteral("communicate")).error().kind, ErrorKind::Invalid);
        QCOMPARE(store.services->runbooks.save(QStringLiteral("Not A Slug"), text).error().kind, ErrorKind::Invalid);
    }

    void slugs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("slug");
        QTest::newRow("file name") << QStringLiteral("DB Failover") << QStringLiteral("db-failover");
        QTest::newRow("punctuation collapses") << QStringLiteral("  Post-incident -- review!  ") << QStringLiteral("post-incident-review");
        QTest::newRow("another script still gets one") << QStringLiteral("Отказ базы") << QStringLiteral("runbook-");
        QTest::newRow("nothing") << QStringLiteral("   ") << QString();
    }

    void slugs()
    {
        QFETCH(QString, text);
        QFETCH(QString, slug);
        QVERIFY2(RunbookService::slugFor(text).startsWith(slug), qPrintable(RunbookService::slugFor(text)));
        if (slug.isEmpty())
            QVERIFY(RunbookService::slugFor(text).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunbookService)
#include "tst_runbookservice.moc"
