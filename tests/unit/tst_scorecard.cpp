#include "domain/scorecard.h"

#include <QFile>
#include <QTest>

using namespace sitrep;

Q_DECLARE_METATYPE(sitrep::DrillExpectation)
Q_DECLARE_METATYPE(sitrep::DrillObservations)

namespace {

constexpr qint64 s = 1000;
constexpr qint64 min = 60 * s;

DrillExpectation expect(const QString &id, ExpectationKind what, qint64 within, const QString &item = {},
                        std::optional<Status> status = std::nullopt)
{
    DrillExpectation e;
    e.id = id;
    e.what = what;
    e.withinMs = within;
    e.item = item;
    e.status = status;
    return e;
}

DrillObservations acknowledged(std::optional<qint64> at)
{
    DrillObservations o;
    o.acknowledgedAfterMs = at;
    return o;
}

DrillObservations ticked(const QHash<QString, qint64> &items)
{
    DrillObservations o;
    o.checklistItemDoneAfterMs = items;
    return o;
}

DrillObservations reached(const QHash<QString, qint64> &statuses)
{
    DrillObservations o;
    o.statusReachedAfterMs = statuses;
    return o;
}

ScoreLine line(const QString &id, qint64 limit, std::optional<qint64> measured)
{
    ScoreLine l;
    l.expectationId = id;
    l.description = id;
    l.limitMs = limit;
    l.measuredMs = measured;
    l.met = measured && *measured <= limit;
    return l;
}

Scorecard card(const QList<ScoreLine> &lines)
{
    Scorecard c;
    c.lines = lines;
    for (const ScoreLine &l : lines)
        c.metCount += l.met ? 1 : 0;
    return c;
}

} // namespace

class TestScorecard : public QObject
{
    Q_OBJECT

private slots:
    void score_data();
    void score();
    void scoresEveryExpectationInOrder();
    void bundledScenarioScorecard();
    void description_data();
    void description();
    void compareRuns();
    void compareWhenExpectationsChange();
    void compareNothing();
    void trendLabels();
};

void TestScorecard::score_data()
{
    QTest::addColumn<DrillExpectation>("expectation");
    QTest::addColumn<DrillObservations>("observations");
    QTest::addColumn<qint64>("measured"); // -1: nothing measured
    QTest::addColumn<bool>("met");

    const auto ack = expect(QStringLiteral("ack"), ExpectationKind::Acknowledge, 2 * min);
    QTest::newRow("acknowledged in time") << ack << acknowledged(90 * s) << 90 * s << true;
    QTest::newRow("acknowledged exactly on the limit") << ack << acknowledged(2 * min) << 2 * min << true;
    QTest::newRow("acknowledged one second late") << ack << acknowledged(2 * min + s) << 2 * min + s << false;
    QTest::newRow("never acknowledged") << ack << acknowledged(std::nullopt) << qint64(-1) << false;

    DrillObservations update;
    update.firstUpdateAfterMs = 4 * min;
    update.acknowledgedAfterMs = 1 * min; // must not be mistaken for the update
    QTest::newRow("first update in time") << expect(QStringLiteral("upd"), ExpectationKind::FirstUpdate, 5 * min) << update
                                          << 4 * min << true;
    QTest::newRow("first update never sent") << expect(QStringLiteral("upd"), ExpectationKind::FirstUpdate, 5 * min)
                                             << acknowledged(30 * s) << qint64(-1) << false;

    const auto confirm = expect(QStringLiteral("confirm"), ExpectationKind::ChecklistItem, 3 * min, QStringLiteral("Confirm the outage"));
    QTest::newRow("step by its exact text") << confirm << ticked({{QStringLiteral("Confirm the outage"), 2 * min}}) << 2 * min << true;
    QTest::newRow("step by prefix, earliest of several")
        << confirm
        << ticked({{QStringLiteral("Confirm the outage yourself: reproduce it"), 200 * s},
                   {QStringLiteral("Confirm the outage scope"), 100 * s},
                   {QStringLiteral("Check the logs"), 10 * s}})
        << 100 * s << true;
    QTest::newRow("prefix ignores case and spacing")
        << expect(QStringLiteral("c"), ExpectationKind::ChecklistItem, 3 * min, QStringLiteral("confirm  the OUTAGE"))
        << ticked({{QStringLiteral("Confirm the outage yourself"), 4 * min}}) << 4 * min << false;
    QTest::newRow("other steps do not count") << confirm
                                              << ticked({{QStringLiteral("Check the logs"), 10 * s},
                                                         {QStringLiteral("We confirm the outage"), 20 * s}})
                                              << qint64(-1) << false;

    const auto mitigated = expect(QStringLiteral("mit"), ExpectationKind::Status, 15 * min, {}, Status::Mitigated);
    QTest::newRow("status reached") << mitigated << reached({{QStringLiteral("mitigated"), 10 * min}}) << 10 * min << true;
    QTest::newRow("status reached late") << mitigated << reached({{QStringLiteral("mitigated"), 16 * min}}) << 16 * min << false;
    QTest::newRow("straight to resolved counts as mitigated")
        << mitigated << reached({{QStringLiteral("identified"), 3 * min}, {QStringLiteral("resolved"), 12 * min}}) << 12 * min << true;
    QTest::newRow("an earlier status does not count") << mitigated << reached({{QStringLiteral("identified"), 3 * min}})
                                                       << qint64(-1) << false;
    QTest::newRow("mitigated then resolved takes the first")
        << mitigated << reached({{QStringLiteral("mitigated"), 9 * min}, {QStringLiteral("resolved"), 14 * min}}) << 9 * min << true;
}

void TestScorecard::score()
{
    QFETCH(DrillExpectation, expectation);
    QFETCH(DrillObservations, observations);
    QFETCH(qint64, measured);
    QFETCH(bool, met);

    const Scorecard c = scoreDrill({expectation}, observations);
    QCOMPARE(c.total(), 1);
    const ScoreLine &l = c.lines.first();
    QCOMPARE(l.expectationId, expectation.id);
    QCOMPARE(l.limitMs, expectation.withinMs);
    QCOMPARE(l.measuredMs, measured < 0 ? std::nullopt : std::optional<qint64>(measured));
    QCOMPARE(l.met, met);
    QCOMPARE(c.metCount, met ? 1 : 0);
    QCOMPARE(l.description, describeExpectation(expectation));
}

void TestScorecard::scoresEveryExpectationInOrder()
{
    const QList<DrillExpectation> expectations = {
        expect(QStringLiteral("b"), ExpectationKind::FirstUpdate, 5 * min),
        expect(QStringLiteral("a"), ExpectationKind::Acknowledge, 2 * min),
        expect(QStringLiteral("c"), ExpectationKind::Status, 15 * min, {}, Status::Resolved),
    };
    DrillObservations o;
    o.acknowledgedAfterMs = 1 * min;
    o.firstUpdateAfterMs = 6 * min;
    const Scorecard c = scoreDrill(expectations, o);
    QCOMPARE(c.total(), 3);
    QCOMPARE(c.lines.at(0).expectationId, QStringLiteral("b"));
    QCOMPARE(c.lines.at(1).expectationId, QStringLiteral("a"));
    QCOMPARE(c.lines.at(2).expectationId, QStringLiteral("c"));
    QCOMPARE(c.metCount, 1);
    QVERIFY(!c.lines.at(0).met);
    QVERIFY(c.lines.at(1).met);
    QVERIFY(!c.lines.at(2).measuredMs);
}

void TestScorecard::bundledScenarioScorecard()
{
    QFile f(QStringLiteral(SITREP_SOURCE_DIR "/resources/scenarios/database-down.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const ScenarioParseResult r = parseDrillScenario(f.readAll());
    QVERIFY2(r.ok(), qPrintable(r.error));

    DrillObservations o;
    o.acknowledgedAfterMs = 70 * s;
    o.firstUpdateAfterMs = 6 * min; // a minute late
    o.checklistItemDoneAfterMs.insert(QStringLiteral("Confirm the outage yourself: reproduce it from outside"), 150 * s);
    o.statusReachedAfterMs.insert(QStringLiteral("identified"), 8 * min);
    o.statusReachedAfterMs.insert(QStringLiteral("mitigated"), 14 * min);
    const Scorecard c = scoreDrill(r.scenario->expectations, o);
    QCOMPARE(c.total(), 4);
    QCOMPARE(c.metCount, 3);
    QList<bool> met;
    for (const ScoreLine &l : c.lines)
        met << l.met;
    QCOMPARE(met, (QList<bool>{true, false, true, true}));
    QCOMPARE(c.lines.at(1).measuredMs, std::optional<qint64>(6 * min));
    QCOMPARE(c.lines.at(1).limitMs, 5 * min);
}

void TestScorecard::description_data()
{
    QTest::addColumn<DrillExpectation>("expectation");
    QTest::addColumn<QString>("text");
    QTest::newRow("acknowledge") << expect(QStringLiteral("a"), ExpectationKind::Acknowledge, 2 * min)
                                 << QStringLiteral("Acknowledge the incident within 2m");
    QTest::newRow("first update") << expect(QStringLiteral("a"), ExpectationKind::FirstUpdate, 90 * s)
                                  << QStringLiteral("Send the first stakeholder update within 90s");
    QTest::newRow("checklist item") << expect(QStringLiteral("a"), ExpectationKind::ChecklistItem, 3 * min, QStringLiteral("Confirm the outage"))
                                    << QStringLiteral("Tick \"Confirm the outage\" within 3m");
    QTest::newRow("status") << expect(QStringLiteral("a"), ExpectationKind::Status, 60 * min, {}, Status::Mitigated)
                            << QStringLiteral("Reach \"Mitigated\" within 1h");
}

void TestScorecard::description()
{
    QFETCH(DrillExpectation, expectation);
    QFETCH(QString, text);
    QCOMPARE(describeExpectation(expectation), text);
}

void TestScorecard::compareRuns()
{
    const QString ack = QStringLiteral("ack");
    const QString mit = QStringLiteral("mit");
    const QList<Scorecard> runs = {
        card({line(ack, 2 * min, 3 * min), line(mit, 15 * min, std::nullopt)}),
        card({line(ack, 2 * min, 90 * s), line(mit, 15 * min, 14 * min)}),
        card({line(ack, 2 * min, 90 * s), line(mit, 15 * min, 16 * min)}),
        card({line(ack, 2 * min, 2 * min), line(mit, 15 * min, std::nullopt)}),
    };
    const ScorecardComparison c = compareScorecards(runs);
    QCOMPARE(c.metCounts, (QList<int>{0, 2, 1, 1}));
    QCOMPARE(c.rows.size(), 2);

    const ComparisonRow &a = c.rows.at(0);
    QCOMPARE(a.expectationId, ack);
    QCOMPARE(a.limitMs, 2 * min);
    QCOMPARE(a.runs.size(), 4);
    QCOMPARE(a.runs.at(0).trend, ScoreTrend::NoPrevious);
    QCOMPARE(a.runs.at(0).deltaMs, std::nullopt);
    QCOMPARE(a.runs.at(1).trend, ScoreTrend::Faster);
    QCOMPARE(a.runs.at(1).deltaMs, std::optional<qint64>(-90 * s));
    QCOMPARE(a.runs.at(2).trend, ScoreTrend::Same);
    QCOMPARE(a.runs.at(2).deltaMs, std::optional<qint64>(0));
    QCOMPARE(a.runs.at(3).trend, ScoreTrend::Slower);
    QCOMPARE(a.runs.at(3).deltaMs, std::optional<qint64>(30 * s));
    QVERIFY(a.runs.at(3).met); // slower but still within the limit

    const ComparisonRow &m = c.rows.at(1);
    QCOMPARE(m.runs.at(1).trend, ScoreTrend::Faster); // got there where the first run never did
    QCOMPARE(m.runs.at(1).deltaMs, std::nullopt);
    QCOMPARE(m.runs.at(2).trend, ScoreTrend::Slower);
    QVERIFY(!m.runs.at(2).met);
    QCOMPARE(m.runs.at(3).trend, ScoreTrend::Slower); // never got there where the run before did
    QCOMPARE(m.runs.at(3).measuredMs, std::nullopt);
}

void TestScorecard::compareWhenExpectationsChange()
{
    const QList<Scorecard> runs = {
        card({line(QStringLiteral("ack"), 2 * min, 1 * min)}),
        card({line(QStringLiteral("upd"), 5 * min, 4 * min)}),
        card({line(QStringLiteral("ack"), 2 * min, 50 * s), line(QStringLiteral("upd"), 5 * min, 4 * min)}),
    };
    const ScorecardComparison c = compareScorecards(runs);
    QCOMPARE(c.rows.size(), 2);
    QCOMPARE(c.rows.at(0).expectationId, QStringLiteral("ack"));
    QCOMPARE(c.rows.at(1).expectationId, QStringLiteral("upd"));

    const ComparisonRow &ack = c.rows.at(0);
    QVERIFY(ack.runs.at(0).present);
    QVERIFY(!ack.runs.at(1).present);
    QCOMPARE(ack.runs.at(1).trend, ScoreTrend::NoPrevious);
    QCOMPARE(ack.runs.at(2).trend, ScoreTrend::NoPrevious); // the run before did not measure it
    QCOMPARE(ack.runs.at(2).deltaMs, std::nullopt);

    const ComparisonRow &upd = c.rows.at(1);
    QVERIFY(!upd.runs.at(0).present);
    QCOMPARE(upd.runs.at(2).trend, ScoreTrend::Same);
}

void TestScorecard::compareNothing()
{
    const ScorecardComparison c = compareScorecards({});
    QVERIFY(c.rows.isEmpty());
    QVERIFY(c.metCounts.isEmpty());
}

void TestScorecard::trendLabels()
{
    QStringList labels;
    for (auto t : {ScoreTrend::NoPrevious, ScoreTrend::Faster, ScoreTrend::Slower, ScoreTrend::Same})
        labels << scoreTrendLabel(t);
    QCOMPARE(labels, (QStringList{QStringLiteral("first run"), QStringLiteral("faster"), QStringLiteral("slower"), QStringLiteral("same")}));
}

QTEST_GUILESS_MAIN(TestScorecard)
#include "tst_scorecard.moc"
