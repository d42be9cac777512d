#include "domain/plansteps.h"

#include <QTest>

#include <algorithm>

using namespace sitrep;

// The plan column's rules: which moves a step may make, board order, and answering unknowns.
class TestPlanSteps : public QObject
{
    Q_OBJECT

private slots:
    void keysRoundTrip();
    void parseRefusesUnknownKeys();
    void transition_data();
    void transition();
    void containSortsFirst();
    void answer_data();
    void answer();
};

void TestPlanSteps::keysRoundTrip()
{
    for (PlanState s : allPlanStates()) {
        QCOMPARE(parsePlanState(planStateKey(s)), s);
        QVERIFY(!planStateLabel(s).isEmpty());
    }
    for (PlanTag t : allPlanTags()) {
        QCOMPARE(parsePlanTag(planTagKey(t)), t);
        QVERIFY(!planTagLabel(t).isEmpty());
    }
    for (UnknownState s : {UnknownState::Open, UnknownState::Answered}) {
        QCOMPARE(parseUnknownState(unknownStateKey(s)), s);
        QVERIFY(!unknownStateLabel(s).isEmpty());
    }
    QCOMPARE(planStateKey(PlanState::Doing), QStringLiteral("doing"));
    QCOMPARE(planTagKey(PlanTag::Contain), QStringLiteral("contain"));
    QCOMPARE(parsePlanState(QStringLiteral(" DONE ")), PlanState::Done);
    QCOMPARE(parsePlanTag(QString()), PlanTag::None);
}

void TestPlanSteps::parseRefusesUnknownKeys()
{
    QCOMPARE(parsePlanState(QString()), std::nullopt);
    QCOMPARE(parsePlanState(QStringLiteral("started")), std::nullopt);
    QCOMPARE(parsePlanTag(QStringLiteral("mitigate")), std::nullopt);
    QCOMPARE(parseUnknownState(QStringLiteral("closed")), std::nullopt);
}

void TestPlanSteps::transition_data()
{
    QTest::addColumn<PlanState>("from");
    QTest::addColumn<PlanState>("to");
    QTest::addColumn<bool>("risky");
    QTest::addColumn<QString>("backOut");
    QTest::addColumn<bool>("allowed");

    const auto T = PlanState::Todo;
    const auto D = PlanState::Doing;
    const auto F = PlanState::Done;
    const auto A = PlanState::Abandoned;
    const QString none;
    const QString backOut = QStringLiteral("Redeploy 4811");

    // Every pair, for an ordinary step.
    QTest::newRow("todo to todo refused") << T << T << false << none << false;
    QTest::newRow("todo to doing") << T << D << false << none << true;
    QTest::newRow("todo to done") << T << F << false << none << true;
    QTest::newRow("todo to abandoned") << T << A << false << none << true;
    QTest::newRow("doing to todo (paused)") << D << T << false << none << true;
    QTest::newRow("doing to doing refused") << D << D << false << none << false;
    QTest::newRow("doing to done") << D << F << false << none << true;
    QTest::newRow("doing to abandoned") << D << A << false << none << true;
    QTest::newRow("done to todo refused") << F << T << false << none << false;
    QTest::newRow("done to doing (reopen)") << F << D << false << none << true;
    QTest::newRow("done to done refused") << F << F << false << none << false;
    QTest::newRow("done to abandoned refused") << F << A << false << none << false;
    QTest::newRow("abandoned to todo refused") << A << T << false << none << false;
    QTest::newRow("abandoned to doing refused") << A << D << false << none << false;
    QTest::newRow("abandoned to done refused") << A << F << false << none << false;
    QTest::newRow("abandoned to abandoned refused") << A << A << false << none << false;

    // A risky step: taking it needs a back-out step written down.
    QTest::newRow("risky start without back-out refused") << T << D << true << none << false;
    QTest::newRow("risky start with blank back-out refused") << T << D << true << QStringLiteral("  \t") << false;
    QTest::newRow("risky start with back-out") << T << D << true << backOut << true;
    QTest::newRow("risky straight to done without back-out refused") << T << F << true << none << false;
    QTest::newRow("risky straight to done with back-out") << T << F << true << backOut << true;
    QTest::newRow("risky reopen without back-out refused") << F << D << true << none << false;
    QTest::newRow("risky reopen with back-out") << F << D << true << backOut << true;
    QTest::newRow("risky finish without back-out") << D << F << true << none << true;
    QTest::newRow("risky pause without back-out") << D << T << true << none << true;
    QTest::newRow("risky abandon without back-out") << T << A << true << none << true;
    QTest::newRow("risky abandoned stays final") << A << D << true << backOut << false;
}

void TestPlanSteps::transition()
{
    QFETCH(PlanState, from);
    QFETCH(PlanState, to);
    QFETCH(bool, risky);
    QFETCH(QString, backOut);
    QFETCH(bool, allowed);

    const std::optional<QString> reason = checkPlanTransition(from, to, risky, backOut);
    QCOMPARE(!reason.has_value(), allowed);
    if (reason)
        QVERIFY(!reason->trimmed().isEmpty());
}

void TestPlanSteps::containSortsFirst()
{
    struct Step
    {
        PlanTag tag;
        int position;
        const char *name;
    };
    QList<Step> steps = {
        {PlanTag::None, 0, "page the DBA"},
        {PlanTag::Verify, 1, "watch error rate"},
        {PlanTag::Fix, 2, "patch the query"},
        {PlanTag::Contain, 3, "roll back"},
        {PlanTag::Contain, 1, "shed load"},
        {PlanTag::Verify, 0, "synthetic checkout"},
    };
    std::stable_sort(steps.begin(), steps.end(), [](const Step &a, const Step &b) {
        return planStepLessThan(a.tag, a.position, b.tag, b.position);
    });
    QStringList order;
    for (const Step &s : std::as_const(steps))
        order << QString::fromLatin1(s.name);
    QCOMPARE(order.join(QStringLiteral(" / ")),
             QStringLiteral("shed load / roll back / patch the query / synthetic checkout / "
                            "watch error rate / page the DBA"));
    QVERIFY(!planStepLessThan(PlanTag::Fix, 1, PlanTag::Fix, 1));
    QVERIFY(planStepLessThan(PlanTag::Verify, 9, PlanTag::None, 0));
}

void TestPlanSteps::answer_data()
{
    QTest::addColumn<SituationColumn>("column");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("allowed");

    const QString answer = QStringLiteral("Deploy 4812");
    QTest::newRow("open unknown") << SituationColumn::Unknown << QStringLiteral("open") << answer << true;
    QTest::newRow("unknown with no state yet") << SituationColumn::Unknown << QString() << answer << true;
    QTest::newRow("answered unknown refused") << SituationColumn::Unknown << QStringLiteral("answered") << answer
                                             << false;
    QTest::newRow("unrecognised state refused") << SituationColumn::Unknown << QStringLiteral("bogus") << answer
                                                << false;
    QTest::newRow("empty answer refused") << SituationColumn::Unknown << QStringLiteral("open") << QStringLiteral(" ")
                                          << false;
    QTest::newRow("known refused") << SituationColumn::Known << QString() << answer << false;
    QTest::newRow("plan step refused") << SituationColumn::Plan << QStringLiteral("todo") << answer << false;
    QTest::newRow("estimate refused") << SituationColumn::Estimate << QString() << answer << false;
}

void TestPlanSteps::answer()
{
    QFETCH(SituationColumn, column);
    QFETCH(QString, state);
    QFETCH(QString, answer);
    QFETCH(bool, allowed);

    SituationItem item;
    item.column = column;
    item.state = state;
    item.text = QStringLiteral("Which deploy introduced it?");
    const std::optional<QString> reason = checkAnswer(item, answer);
    QCOMPARE(!reason.has_value(), allowed);
    if (reason)
        QVERIFY(!reason->trimmed().isEmpty());
}

QTEST_GUILESS_MAIN(TestPlanSteps)
#include "tst_plansteps.moc"
