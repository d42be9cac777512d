// What people type into the board: card markers and the estimate line, read and written back.
#include "domain/boardinput.h"

#include <QtTest>

using namespace sitrep;

namespace {

// 2026-11-25T08:45:00Z
constexpr qint64 kNow = 1'795'596'300'000;
constexpr qint64 kMinute = 60'000;

} // namespace

class TestBoardInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cardMarkers_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<int>("tag");
        QTest::addColumn<bool>("risky");
        QTest::addColumn<QString>("backOut");
        QTest::addColumn<qint64>("boxMs");
        QTest::addColumn<qint64>("needBy");
        QTest::addColumn<QString>("answers");

        QTest::newRow("plain text") << QStringLiteral("  Error rate   40% since 08:31 ") << QStringLiteral("Error rate 40% since 08:31")
                                    << QString() << int(PlanTag::None) << false << QString() << qint64(0) << qint64(0)
                                    << QString();
        QTest::newRow("owner with underscore") << QStringLiteral("Which deploy? @Ana_Lee") << QStringLiteral("Which deploy?")
                                               << QStringLiteral("Ana Lee") << int(PlanTag::None) << false << QString()
                                               << qint64(0) << qint64(0) << QString();
        QTest::newRow("everything a step has")
            << QStringLiteral("Roll back 4812 @Ana #contain !risky box:10m answers:3,#5 undo: redeploy 4812 from the tag")
            << QStringLiteral("Roll back 4812") << QStringLiteral("Ana") << int(PlanTag::Contain) << true
            << QStringLiteral("redeploy 4812 from the tag") << qint64(10 * kMinute) << qint64(0) << QStringLiteral("3,5");
        QTest::newRow("unknown tag stays text") << QStringLiteral("Check #4812 logs #verify")
                                                << QStringLiteral("Check #4812 logs") << QString() << int(PlanTag::Verify)
                                                << false << QString() << qint64(0) << qint64(0) << QString();
        QTest::newRow("need-by as ISO") << QStringLiteral("Is the replica healthy? by:2026-11-25T09:30:00Z")
                                        << QStringLiteral("Is the replica healthy?") << QString() << int(PlanTag::None)
                                        << false << QString() << qint64(0) << kNow + 45 * kMinute << QString();
        QTest::newRow("markers in any case") << QStringLiteral("Fail over BOX:1h30m !RISKY #FIX")
                                             << QStringLiteral("Fail over") << QString() << int(PlanTag::Fix) << true
                                             << QString() << qint64(90 * kMinute) << qint64(0) << QString();
    }

    void cardMarkers()
    {
        QFETCH(QString, line);
        const Result<CardDraft> draft = parseCardText(line, kNow);
        QVERIFY2(draft, draft ? "" : qPrintable(draft.error().message));
        QTEST(draft->text, "text");
        QTEST(draft->owner, "owner");
        QTEST(int(draft->tag), "tag");
        QTEST(draft->risky, "risky");
        QTEST(draft->backOut, "backOut");
        QTEST(draft->timeBoxMs.value_or(0), "boxMs");
        QTEST(draft->needBy.value_or(0), "needBy");
        QStringList ids;
        for (qint64 id : draft->answers)
            ids << QString::number(id);
        QTEST(ids.join(QLatin1Char(',')), "answers");

        // What edit-in-place starts from reads back to the same card.
        const Result<CardDraft> again = parseCardText(formatCardText(draft.value(), true), kNow);
        QVERIFY(again);
        QCOMPARE(again.value(), draft.value());
    }

    void badMarkers_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("only markers") << QStringLiteral("@Ana #fix") << QStringLiteral("empty");
        QTest::newRow("bad time-box") << QStringLiteral("Watch it box:soon") << QStringLiteral("box: \"soon\"");
        QTest::newRow("zero time-box") << QStringLiteral("Watch it box:0m") << QStringLiteral("box: \"0m\"");
        QTest::newRow("bad need-by") << QStringLiteral("Why? by:tomorrow") << QStringLiteral("by: \"tomorrow\"");
        QTest::newRow("bad card number") << QStringLiteral("Step answers:x") << QStringLiteral("answers: \"x\"");
        QTest::newRow("empty back-out") << QStringLiteral("Step undo:   ") << QStringLiteral("undo:");
    }

    void badMarkers()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        const Result<CardDraft> draft = parseCardText(line, kNow);
        QVERIFY(!draft);
        QVERIFY2(draft.error().message.contains(expected), qPrintable(draft.error().message));
    }

    void durationsWriteBack_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("minutes") << qint64(10 * kMinute) << QStringLiteral("10m");
        QTest::newRow("hours and minutes") << qint64(90 * kMinute) << QStringLiteral("1h30m");
        QTest::newRow("seconds") << qint64(45'000) << QStringLiteral("45s");
        QTest::newRow("a day and a bit") << qint64(25 * 60 * kMinute + 1000) << QStringLiteral("1d1h1s");
    }

    void durationsWriteBack()
    {
        QFETCH(qint64, ms);
        QTEST(formatDurationInput(ms), "text");
    }

    void estimateLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<qint64>("low");
        QTest::addColumn<qint64>("high");
        QTest::addColumn<int>("confidence"); // -1: not given
        QTest::addColumn<QString>("basis");
        QTest::newRow("two durations") << QStringLiteral("30m 2h") << qint64(30 * kMinute) << qint64(120 * kMinute) << -1
                                       << QString();
        QTest::newRow("dash and bare minutes") << QStringLiteral("30-90 high failover rehearsed last week")
                                               << qint64(30 * kMinute) << qint64(90 * kMinute) << int(Confidence::High)
                                               << QStringLiteral("failover rehearsed last week");
        QTest::newRow("en dash, conf: prefix") << QStringLiteral("1h–3h conf:low nobody has seen this before")
                                               << qint64(60 * kMinute) << qint64(180 * kMinute) << int(Confidence::Low)
                                               << QStringLiteral("nobody has seen this before");
        QTest::newRow("zero width is honest") << QStringLiteral("20m 20m med scripted restore") << qint64(20 * kMinute)
                                              << qint64(20 * kMinute) << int(Confidence::Medium)
                                              << QStringLiteral("scripted restore");
    }

    void estimateLine()
    {
        QFETCH(QString, line);
        QFETCH(int, confidence);
        const Result<EstimateDraft> draft = parseEstimateInput(line);
        QVERIFY2(draft, draft ? "" : qPrintable(draft.error().message));
        QTEST(draft->lowMs, "low");
        QTEST(draft->highMs, "high");
        QCOMPARE(draft->confidence ? int(*draft->confidence) : -1, confidence);
        QTEST(draft->basis, "basis");
    }

    void badEstimateLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QStringLiteral("range");
        QTest::newRow("one number") << QStringLiteral("45m") << QStringLiteral("never a single number");
        QTest::newRow("low above high") << QStringLiteral("2h 30m") << QStringLiteral("low end of the estimate is above");
        QTest::newRow("negative low") << QStringLiteral("-5m 30m") << QStringLiteral("\"-5m\" is negative");
        QTest::newRow("negative high") << QStringLiteral("5m -30m") << QStringLiteral("\"-30m\" is negative");
        QTest::newRow("unparseable low") << QStringLiteral("soon 2h") << QStringLiteral("low end \"soon\" is not a duration");
        QTest::newRow("unparseable high") << QStringLiteral("30m 2x") << QStringLiteral("high end \"2x\" is not a duration");
        QTest::newRow("bad confidence") << QStringLiteral("30m 2h conf:sure") << QStringLiteral("\"conf:sure\" is not a confidence");
        QTest::newRow("longer than a month") << QStringLiteral("1d 31d") << QStringLiteral("30 days");
    }

    void badEstimateLine()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        const Result<EstimateDraft> draft = parseEstimateInput(line);
        QVERIFY(!draft);
        QVERIFY2(draft.error().message.contains(expected), qPrintable(draft.error().message));
    }
};

QTEST_GUILESS_MAIN(TestBoardInput)
#include "tst_boardinput.moc"
