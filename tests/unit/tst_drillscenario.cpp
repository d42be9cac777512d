#include "domain/drillscenario.h"
#include "domain/runbook.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace sitrep;

namespace {

QByteArray readSource(const QString &relative)
{
    QFile f(QStringLiteral(SITREP_SOURCE_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// A valid head so each malformed row shows only what it breaks.
QByteArray withHead(const char *rest)
{
    QByteArray doc = R"({"format":"sitrep-drill","version":1,"title":"T","severity":2)";
    if (*rest)
        doc += ',' + QByteArray(rest);
    return doc + '}';
}

} // namespace

class TestDrillScenario : public QObject
{
    Q_OBJECT

private slots:
    void bundledScenarioParses();
    void bundledScenarioFitsBundledRunbooks();
    void documentedExampleParses();
    void minimalScenario();
    void injectsSortedByOffsetKeepingTies();
    void rejects_data();
    void rejects();
    void errorReadsAsTheDocsSay();
    void collectsEveryProblemInDocumentOrder();
    void kindKeysRoundTrip();
};

void TestDrillScenario::bundledScenarioParses()
{
    const ScenarioParseResult r = parseDrillScenario(readSource(QStringLiteral("resources/scenarios/database-down.json")));
    QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
    QVERIFY(r.errors.isEmpty());
    const DrillScenario &s = *r.scenario;
    QVERIFY(s.title.contains(QLatin1String("08:45")));
    QCOMPARE(s.severity, Severity::Sev1);
    QCOMPARE(s.deadlineOffsetMs, std::optional<qint64>(15 * 60 * 1000));
    QVERIFY(s.runbooks.contains(QStringLiteral("first-response")));
    QVERIFY2(s.injects.size() >= 8 && s.injects.size() <= 12, qPrintable(QString::number(s.injects.size())));
    QCOMPARE(s.injects.first().atMs, 0);
    QCOMPARE(s.injects.first().kind, InjectKind::Alert);
    QVERIFY(s.injects.last().atMs <= *s.deadlineOffsetMs);
    for (qsizetype i = 1; i < s.injects.size(); ++i)
        QVERIFY(s.injects.at(i - 1).atMs <= s.injects.at(i).atMs);
    QCOMPARE(s.injects.at(8).atMs, 7 * 60 * 1000 + 30 * 1000); // "7m30s"

    QCOMPARE(s.expectations.size(), 4);
    QCOMPARE(s.expectations.at(0).what, ExpectationKind::Acknowledge);
    QCOMPARE(s.expectations.at(0).withinMs, 2 * 60 * 1000);
    QCOMPARE(s.expectations.at(1).what, ExpectationKind::FirstUpdate);
    QCOMPARE(s.expectations.at(1).withinMs, 5 * 60 * 1000);
    QCOMPARE(s.expectations.at(2).what, ExpectationKind::ChecklistItem);
    QCOMPARE(s.expectations.at(2).item, QStringLiteral("Confirm the outage"));
    QCOMPARE(s.expectations.at(2).withinMs, 3 * 60 * 1000);
    QCOMPARE(s.expectations.at(3).what, ExpectationKind::Status);
    QCOMPARE(s.expectations.at(3).status, std::optional<Status>(Status::Mitigated));
    QCOMPARE(s.expectations.at(3).withinMs, 15 * 60 * 1000);
}

void TestDrillScenario::bundledScenarioFitsBundledRunbooks()
{
    const ScenarioParseResult r = parseDrillScenario(readSource(QStringLiteral("resources/scenarios/database-down.json")));
    QVERIFY(r.ok());
    QStringList steps;
    for (const QString &name : r.scenario->runbooks) {
        const RunbookParseResult rb = parseRunbookMarkdown(readSource(QStringLiteral("resources/runbooks/") + name + QStringLiteral(".md")), name);
        QVERIFY2(rb.ok(), qPrintable(name + QStringLiteral(": ") + rb.error));
        for (const RunbookSection &s : rb.runbook->sections) {
            for (const RunbookItem &i : s.items)
                steps << i.text;
        }
    }
    for (const DrillExpectation &e : r.scenario->expectations) {
        if (e.what != ExpectationKind::ChecklistItem)
            continue;
        const bool found = std::any_of(steps.cbegin(), steps.cend(),
                                       [&e](const QString &t) { return t.startsWith(e.item, Qt::CaseInsensitive); });
        QVERIFY2(found, qPrintable(e.item));
    }
}

void TestDrillScenario::documentedExampleParses()
{
    const QString doc = QString::fromUtf8(readSource(QStringLiteral("docs/drill-scenarios.md")));
    static const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"), QRegularExpression::DotMatchesEverythingOption);
    const auto m = block.match(doc);
    QVERIFY2(m.hasMatch(), "docs/drill-scenarios.md has no ```json block");
    const ScenarioParseResult r = parseDrillScenario(m.captured(1).toUtf8());
    QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
    QCOMPARE(r.scenario->expectations.size(), 4);
    QVERIFY(r.scenario->injects.size() >= 5);
    // Every inject kind is shown in the example.
    for (auto kind : {InjectKind::Alert, InjectKind::Note, InjectKind::Known, InjectKind::Unknown, InjectKind::Ask}) {
        QVERIFY2(std::any_of(r.scenario->injects.cbegin(), r.scenario->injects.cend(),
                             [kind](const DrillInject &i) { return i.kind == kind; }),
                 qPrintable(injectKindKey(kind)));
    }
}

void TestDrillScenario::minimalScenario()
{
    const ScenarioParseResult r = parseDrillScenario(withHead(""));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.scenario->title, QStringLiteral("T"));
    QCOMPARE(r.scenario->severity, Severity::Sev2);
    QVERIFY(r.scenario->impact.isEmpty());
    QVERIFY(!r.scenario->deadlineOffsetMs);
    QVERIFY(r.scenario->runbooks.isEmpty());
    QVERIFY(r.scenario->injects.isEmpty());
    QVERIFY(r.scenario->expectations.isEmpty());
}

void TestDrillScenario::injectsSortedByOffsetKeepingTies()
{
    const ScenarioParseResult r = parseDrillScenario(withHead(R"("injects":[
        {"at":"5m","kind":"note","text":"third"},
        {"at":"1m","kind":"alert","text":"first","author":"monitoring"},
        {"at":"5m","kind":"ask","text":"fourth"},
        {"at":"90s","kind":"known","text":"second"}])"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QStringList order;
    for (const DrillInject &i : r.scenario->injects)
        order << i.text;
    QCOMPARE(order, (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"), QStringLiteral("fourth")}));
    QCOMPARE(r.scenario->injects.at(0).author, QStringLiteral("monitoring"));
    QCOMPARE(r.scenario->injects.at(1).atMs, 90'000);
}

void TestDrillScenario::rejects_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    // --- the document as a whole
    QTest::newRow("not JSON") << QByteArray(R"({"format": )") << QStringLiteral("$") << QStringLiteral("not valid JSON at line 1");
    QTest::newRow("JSON error named by line") << QByteArray("{\n\"format\": \"sitrep-drill\",\n\"version\": }")
                                              << QStringLiteral("$") << QStringLiteral("line 3");
    QTest::newRow("empty document") << QByteArray() << QStringLiteral("$") << QStringLiteral("not valid JSON");
    QTest::newRow("top level array") << QByteArray("[]") << QStringLiteral("$") << QStringLiteral("expected an object, got an array");
    QTest::newRow("over 1 MiB") << QByteArray(maxScenarioBytes + 1, ' ') << QStringLiteral("$") << QStringLiteral("1048577 bytes");
    QTest::newRow("missing format") << QByteArray(R"({"version":1})") << QStringLiteral("$.format") << QStringLiteral("is required");
    QTest::newRow("wrong format") << QByteArray(R"({"format":"other","version":1})") << QStringLiteral("$.format")
                                  << QStringLiteral(R"(expected "sitrep-drill", got "other")");
    QTest::newRow("newer version") << QByteArray(R"({"format":"sitrep-drill","version":2})") << QStringLiteral("$.version")
                                   << QStringLiteral("version 2 is newer");
    QTest::newRow("version as text") << QByteArray(R"({"format":"sitrep-drill","version":"1"})") << QStringLiteral("$.version")
                                     << QStringLiteral(R"(expected 1, got "1")");
    QTest::newRow("fractional version") << QByteArray(R"({"format":"sitrep-drill","version":1.5})") << QStringLiteral("$.version")
                                        << QStringLiteral("got 1.5");
    QTest::newRow("unknown top-level key") << withHead(R"("colour":"red")") << QStringLiteral("$.colour")
                                           << QStringLiteral("unknown key");
    QTest::newRow("unknown key with a space") << withHead(R"("dead line":"5m")") << QStringLiteral(R"($["dead line"])")
                                              << QStringLiteral("unknown key");

    // --- title, severity, impact, deadline, runbooks
    QTest::newRow("missing title") << QByteArray(R"({"format":"sitrep-drill","version":1,"severity":2})")
                                   << QStringLiteral("$.title") << QStringLiteral("is required");
    QTest::newRow("blank title") << QByteArray(R"({"format":"sitrep-drill","version":1,"title":"  ","severity":2})")
                                 << QStringLiteral("$.title") << QStringLiteral("must not be empty");
    QTest::newRow("title not a string") << QByteArray(R"({"format":"sitrep-drill","version":1,"title":5,"severity":2})")
                                        << QStringLiteral("$.title") << QStringLiteral("expected a string, got 5");
    QTest::newRow("title too long") << ("{\"format\":\"sitrep-drill\",\"version\":1,\"severity\":2,\"title\":\"" + QByteArray(201, 'x') + "\"}")
                                    << QStringLiteral("$.title") << QStringLiteral("longer than 200");
    QTest::newRow("missing severity") << QByteArray(R"({"format":"sitrep-drill","version":1,"title":"T"})")
                                      << QStringLiteral("$.severity") << QStringLiteral("is required");
    QTest::newRow("severity 5") << QByteArray(R"({"format":"sitrep-drill","version":1,"title":"T","severity":5})")
                                << QStringLiteral("$.severity") << QStringLiteral("expected a severity 1 to 4, got 5");
    QTest::newRow("severity as text") << QByteArray(R"({"format":"sitrep-drill","version":1,"title":"T","severity":"SEV1"})")
                                      << QStringLiteral("$.severity") << QStringLiteral(R"(got "SEV1")");
    QTest::newRow("impact not a string") << withHead(R"("impact":["a"])") << QStringLiteral("$.impact")
                                         << QStringLiteral("expected a string, got an array");
    QTest::newRow("deadline in words") << withHead(R"("deadlineOffset":"15 minutes")") << QStringLiteral("$.deadlineOffset")
                                       << QStringLiteral(R"("15 minutes" is not a duration like 5m)");
    QTest::newRow("deadline zero") << withHead(R"("deadlineOffset":"0m")") << QStringLiteral("$.deadlineOffset")
                                   << QStringLiteral("longer than 0s");
    QTest::newRow("deadline over a day") << withHead(R"("deadlineOffset":"25h")") << QStringLiteral("$.deadlineOffset")
                                         << QStringLiteral("longer than a day");
    QTest::newRow("runbooks not an array") << withHead(R"("runbooks":"first-response")") << QStringLiteral("$.runbooks")
                                           << QStringLiteral("expected an array of runbook names");
    QTest::newRow("runbook name with capitals") << withHead(R"("runbooks":["first-response","First Response"])")
                                                << QStringLiteral("$.runbooks[1]") << QStringLiteral("not a runbook name");
    QTest::newRow("runbook listed twice") << withHead(R"("runbooks":["communicate","communicate"])")
                                          << QStringLiteral("$.runbooks[1]") << QStringLiteral("listed twice");

    // --- injects
    QTest::newRow("injects not an array") << withHead(R"("injects":{})") << QStringLiteral("$.injects")
                                          << QStringLiteral("expected an array of injects, got an object");
    QTest::newRow("inject not an object") << withHead(R"("injects":[{"at":"0s","kind":"note","text":"a"},1])")
                                          << QStringLiteral("$.injects[1]") << QStringLiteral("expected an object, got 1");
    QTest::newRow("inject at in words")
        << withHead(R"("injects":[{"at":"0s","kind":"note","text":"a"},{"at":"1m","kind":"note","text":"b"},
                       {"at":"2m","kind":"note","text":"c"},{"at":"5 minutes","kind":"note","text":"d"}])")
        << QStringLiteral("$.injects[3].at") << QStringLiteral(R"("5 minutes" is not a duration like 5m)");
    QTest::newRow("inject at as a number") << withHead(R"("injects":[{"at":120,"kind":"note","text":"a"}])")
                                           << QStringLiteral("$.injects[0].at") << QStringLiteral("120 is not a duration");
    QTest::newRow("inject at missing") << withHead(R"("injects":[{"kind":"note","text":"a"}])")
                                       << QStringLiteral("$.injects[0].at") << QStringLiteral("is required");
    QTest::newRow("inject kind unknown") << withHead(R"("injects":[{"at":"0s","kind":"page","text":"a"}])")
                                         << QStringLiteral("$.injects[0].kind") << QStringLiteral(R"("page" is not an inject kind)");
    QTest::newRow("inject kind missing") << withHead(R"("injects":[{"at":"0s","text":"a"}])")
                                         << QStringLiteral("$.injects[0].kind") << QStringLiteral("is required");
    QTest::newRow("inject text missing") << withHead(R"("injects":[{"at":"0s","kind":"note"}])")
                                         << QStringLiteral("$.injects[0].text") << QStringLiteral("is required");
    QTest::newRow("inject text empty") << withHead(R"("injects":[{"at":"0s","kind":"note","text":""}])")
                                       << QStringLiteral("$.injects[0].text") << QStringLiteral("must not be empty");
    QTest::newRow("inject author a number") << withHead(R"("injects":[{"at":"0s","kind":"note","text":"a","author":7}])")
                                            << QStringLiteral("$.injects[0].author") << QStringLiteral("expected a string");
    QTest::newRow("inject unknown key") << withHead(R"("injects":[{"at":"0s","kind":"note","text":"a","colour":"red"}])")
                                        << QStringLiteral("$.injects[0].colour") << QStringLiteral("unknown key (expected one of: at, kind, text, author)");

    // --- expectations
    QTest::newRow("expectations not an array") << withHead(R"("expectations":"fast")") << QStringLiteral("$.expectations")
                                               << QStringLiteral("expected an array of expectations");
    QTest::newRow("what unknown") << withHead(R"("expectations":[{"id":"a","what":"ack","within":"2m"}])")
                                  << QStringLiteral("$.expectations[0].what") << QStringLiteral(R"("ack" is not an expectation)");
    QTest::newRow("what missing") << withHead(R"("expectations":[{"id":"a","within":"2m"}])")
                                  << QStringLiteral("$.expectations[0].what") << QStringLiteral("is required");
    QTest::newRow("id missing") << withHead(R"("expectations":[{"what":"acknowledge","within":"2m"}])")
                                << QStringLiteral("$.expectations[0].id") << QStringLiteral("is required");
    QTest::newRow("id with a space") << withHead(R"("expectations":[{"id":"first update","what":"first-update","within":"2m"}])")
                                     << QStringLiteral("$.expectations[0].id") << QStringLiteral("is not an id");
    QTest::newRow("id used twice")
        << withHead(R"("expectations":[{"id":"a","what":"acknowledge","within":"2m"},{"id":"a","what":"first-update","within":"5m"}])")
        << QStringLiteral("$.expectations[1].id") << QStringLiteral("already used by $.expectations[0]");
    QTest::newRow("within zero") << withHead(R"("expectations":[{"id":"a","what":"acknowledge","within":"0s"}])")
                                 << QStringLiteral("$.expectations[0].within") << QStringLiteral("longer than 0s");
    QTest::newRow("within missing") << withHead(R"("expectations":[{"id":"a","what":"acknowledge"}])")
                                    << QStringLiteral("$.expectations[0].within") << QStringLiteral("is required");
    QTest::newRow("within bare number") << withHead(R"("expectations":[{"id":"a","what":"acknowledge","within":"5"}])")
                                        << QStringLiteral("$.expectations[0].within") << QStringLiteral("not a duration like 5m");
    QTest::newRow("checklist-item without item") << withHead(R"("expectations":[{"id":"a","what":"checklist-item","within":"3m"}])")
                                                 << QStringLiteral("$.expectations[0].item") << QStringLiteral("is required");
    QTest::newRow("item on an acknowledge") << withHead(R"("expectations":[{"id":"a","what":"acknowledge","within":"2m","item":"x"}])")
                                            << QStringLiteral("$.expectations[0].item") << QStringLiteral("only allowed");
    QTest::newRow("status missing") << withHead(R"("expectations":[{"id":"a","what":"status","within":"15m"}])")
                                    << QStringLiteral("$.expectations[0].status") << QStringLiteral("is required");
    QTest::newRow("status unknown") << withHead(R"("expectations":[{"id":"a","what":"status","within":"15m","status":"fixed"}])")
                                    << QStringLiteral("$.expectations[0].status") << QStringLiteral(R"("fixed" is not a status)");
    QTest::newRow("status investigating")
        << withHead(R"("expectations":[{"id":"a","what":"status","within":"15m","status":"investigating"}])")
        << QStringLiteral("$.expectations[0].status") << QStringLiteral("starts investigating");
    QTest::newRow("status on a first-update")
        << withHead(R"("expectations":[{"id":"a","what":"first-update","within":"5m","status":"mitigated"}])")
        << QStringLiteral("$.expectations[0].status") << QStringLiteral("only allowed");
    QTest::newRow("expectation unknown key")
        << withHead(R"("expectations":[{"id":"a","what":"acknowledge","within":"2m","deadline":"3m"}])")
        << QStringLiteral("$.expectations[0].deadline") << QStringLiteral("unknown key");
}

void TestDrillScenario::rejects()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, path);
    QFETCH(QString, message);

    const ScenarioParseResult r = parseDrillScenario(document);
    QVERIFY(!r.ok());
    QCOMPARE(r.errorPath, path);
    QVERIFY2(r.error.startsWith(path + QStringLiteral(": ")), qPrintable(r.error));
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QCOMPARE(r.errors.value(0), r.error);
}

void TestDrillScenario::errorReadsAsTheDocsSay()
{
    const ScenarioParseResult r = parseDrillScenario(withHead(R"("injects":[{"at":"0s","kind":"note","text":"a"},
        {"at":"1m","kind":"note","text":"b"},{"at":"2m","kind":"note","text":"c"},{"at":"5 minutes","kind":"note","text":"d"}])"));
    QCOMPARE(r.error, QStringLiteral(R"($.injects[3].at: "5 minutes" is not a duration like 5m)"));
}

void TestDrillScenario::collectsEveryProblemInDocumentOrder()
{
    const ScenarioParseResult r = parseDrillScenario(QByteArray(R"({"format":"sitrep-drill","version":1,"title":"T","severity":9,
        "injects":[{"at":"soon","kind":"alert","text":"a"}],
        "expectations":[{"id":"x","what":"status","within":"5m"}]})"));
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 3);
    QVERIFY(r.errors.at(0).startsWith(QLatin1String("$.severity: ")));
    QVERIFY(r.errors.at(1).startsWith(QLatin1String("$.injects[0].at: ")));
    QVERIFY(r.errors.at(2).startsWith(QLatin1String("$.expectations[0].status: ")));
}

void TestDrillScenario::kindKeysRoundTrip()
{
    for (auto kind : {InjectKind::Alert, InjectKind::Note, InjectKind::Known, InjectKind::Unknown, InjectKind::Ask})
        QCOMPARE(parseInjectKind(injectKindKey(kind)), std::optional<InjectKind>(kind));
    for (auto kind : {ExpectationKind::Acknowledge, ExpectationKind::FirstUpdate, ExpectationKind::ChecklistItem, ExpectationKind::Status})
        QCOMPARE(parseExpectationKind(expectationKindKey(kind)), std::optional<ExpectationKind>(kind));
    QVERIFY(!parseInjectKind(QStringLiteral("Alert")));
    QVERIFY(!parseExpectationKind(QStringLiteral("first_update")));
}

QTEST_GUILESS_MAIN(TestDrillScenario)
#include "tst_drillscenario.moc"
