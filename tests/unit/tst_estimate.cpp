#include "domain/estimate.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace sitrep;

namespace {

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

Estimate estimate(qint64 low, qint64 high, qint64 madeAt)
{
    return Estimate{low, high, Confidence::Medium, QStringLiteral("basis"), madeAt};
}

} // namespace

// The estimate column's rules: validation, formatting, and grading against the actual restore.
class TestEstimate : public QObject
{
    Q_OBJECT

private slots:
    void confidenceKeysRoundTrip();
    void confidenceParseRefusesUnknown();
    void validate_data();
    void validate();
    void formatRange_data();
    void formatRange();
    void formatEstimateUtc_data();
    void formatEstimateUtc();
    void formatEstimateLocalNamesAZone();
    void accuracy_data();
    void accuracy();
    void accuracyOverRevisions();
};

void TestEstimate::confidenceKeysRoundTrip()
{
    QCOMPARE(allConfidences().size(), 3);
    for (Confidence c : allConfidences()) {
        QCOMPARE(parseConfidence(confidenceKey(c)), c);
        QVERIFY(!confidenceLabel(c).isEmpty());
        QVERIFY(!confidencePhrase(c).isEmpty());
    }
    QCOMPARE(confidenceKey(Confidence::Medium), QStringLiteral("medium"));
    QCOMPARE(confidencePhrase(Confidence::High), QStringLiteral("high confidence"));
    QCOMPARE(parseConfidence(QStringLiteral("  LOW ")), Confidence::Low);
}

void TestEstimate::confidenceParseRefusesUnknown()
{
    QCOMPARE(parseConfidence(QString()), std::nullopt);
    QCOMPARE(parseConfidence(QStringLiteral("certain")), std::nullopt);
}

void TestEstimate::validate_data()
{
    QTest::addColumn<qint64>("low");
    QTest::addColumn<qint64>("high");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("30 to 90 min") << 30 * minute << 90 * minute << true << QString();
    QTest::newRow("zero width") << 45 * minute << 45 * minute << true << QString();
    QTest::newRow("zero to zero") << qint64(0) << qint64(0) << true << QString();
    QTest::newRow("from now to 2 h") << qint64(0) << 2 * hour << true << QString();
    QTest::newRow("exactly 30 days") << 20 * day << 30 * day << true << QString();
    QTest::newRow("low above high") << 90 * minute << 30 * minute << false << QStringLiteral("low end");
    QTest::newRow("low above high by 1 ms") << 30 * minute + 1 << 30 * minute << false << QStringLiteral("low end");
    QTest::newRow("negative low") << -minute << 30 * minute << false << QStringLiteral("negative");
    QTest::newRow("negative both") << -2 * minute << -minute << false << QStringLiteral("negative");
    QTest::newRow("30 days and 1 ms") << qint64(0) << 30 * day + 1 << false << QStringLiteral("30 days");
    QTest::newRow("a year") << day << 365 * day << false << QStringLiteral("30 days");
}

void TestEstimate::validate()
{
    QFETCH(qint64, low);
    QFETCH(qint64, high);
    QFETCH(bool, accepted);
    QFETCH(QString, mentions);

    const std::optional<QString> reason = validateEstimate(low, high);
    QCOMPARE(!reason.has_value(), accepted);
    if (!accepted)
        QVERIFY2(reason->contains(mentions), qPrintable(*reason));
}

void TestEstimate::formatRange_data()
{
    QTest::addColumn<qint64>("low");
    QTest::addColumn<qint64>("high");
    QTest::addColumn<QString>("expected");

    QTest::newRow("short range in minutes") << 30 * minute << 90 * minute << QStringLiteral("30–90 min");
    QTest::newRow("from now") << qint64(0) << 45 * minute << QStringLiteral("0–45 min");
    QTest::newRow("just under 2 h stays minutes") << 30 * minute << 119 * minute << QStringLiteral("30–119 min");
    QTest::newRow("whole hours") << 2 * hour << 4 * hour << QStringLiteral("2–4 h");
    QTest::newRow("mixed") << 90 * minute << 3 * hour << QStringLiteral("1 h 30 min – 3 h");
    QTest::newRow("days") << day << 2 * day + 4 * hour << QStringLiteral("1 d – 2 d 4 h");
    QTest::newRow("zero width") << 45 * minute << 45 * minute << QStringLiteral("45 min");
    QTest::newRow("rounds to the same minute") << 45 * minute + 10 << 45 * minute + 20 * 1000
                                               << QStringLiteral("45 min");
}

void TestEstimate::formatRange()
{
    QFETCH(qint64, low);
    QFETCH(qint64, high);
    QFETCH(QString, expected);
    QCOMPARE(formatEstimateRange(low, high), expected);
}

void TestEstimate::formatEstimateUtc_data()
{
    QTest::addColumn<qint64>("low");
    QTest::addColumn<qint64>("high");
    QTest::addColumn<qint64>("madeAt");
    QTest::addColumn<QString>("expected");

    const qint64 morning = utcMs("2026-11-25T09:10:00Z");
    const qint64 lateEvening = utcMs("2026-11-25T23:00:00Z");
    QTest::newRow("the usual") << 30 * minute << 90 * minute << morning
                               << QStringLiteral("30–90 min · 09:40–10:40 UTC");
    QTest::newRow("seconds in madeAt are cut") << 30 * minute << 90 * minute << morning + 59 * 1000
                                               << QStringLiteral("30–90 min · 09:40–10:40 UTC");
    QTest::newRow("zero width") << 45 * minute << 45 * minute << morning
                                << QStringLiteral("45 min · 09:55 UTC");
    QTest::newRow("end past midnight") << 30 * minute << 90 * minute << lateEvening
                                       << QStringLiteral("30–90 min · 23:30 – 2026-11-26 00:30 UTC");
    QTest::newRow("whole window tomorrow") << 2 * hour << 4 * hour << lateEvening
                                           << QStringLiteral("2–4 h · 2026-11-26 01:00 – 2026-11-26 03:00 UTC");
}

void TestEstimate::formatEstimateUtc()
{
    QFETCH(qint64, low);
    QFETCH(qint64, high);
    QFETCH(qint64, madeAt);
    QFETCH(QString, expected);
    QCOMPARE(formatEstimate(estimate(low, high, madeAt), true), expected);
}

void TestEstimate::formatEstimateLocalNamesAZone()
{
    // The machine's zone is not ours to choose; assert the shape and that the clock agrees.
    const qint64 madeAt = utcMs("2026-11-25T09:10:00Z");
    const QString text = formatEstimate(estimate(30 * minute, 90 * minute, madeAt), false);
    const QDateTime localEnd = QDateTime::fromMSecsSinceEpoch(madeAt + 90 * minute).toLocalTime();
    QVERIFY2(text.startsWith(QStringLiteral("30–90 min · ")), qPrintable(text));
    QVERIFY2(text.contains(localEnd.toString(QStringLiteral("HH:mm"))), qPrintable(text));
    QVERIFY2(!text.endsWith(QLatin1Char(' ')), qPrintable(text));
}

void TestEstimate::accuracy_data()
{
    QTest::addColumn<qint64>("low");
    QTest::addColumn<qint64>("high");
    QTest::addColumn<qint64>("restoredAfter"); // from madeAt
    QTest::addColumn<int>("outcome");
    QTest::addColumn<qint64>("missedBy");

    const int early = int(EstimateOutcome::Early);
    const int inside = int(EstimateOutcome::Inside);
    const int late = int(EstimateOutcome::Late);
    QTest::newRow("inside") << 30 * minute << 90 * minute << 50 * minute << inside << qint64(0);
    QTest::newRow("on the low edge") << 30 * minute << 90 * minute << 30 * minute << inside << qint64(0);
    QTest::newRow("on the high edge") << 30 * minute << 90 * minute << 90 * minute << inside << qint64(0);
    QTest::newRow("early by 12 min") << 30 * minute << 90 * minute << 18 * minute << early << 12 * minute;
    QTest::newRow("late by 25 min") << 30 * minute << 90 * minute << 115 * minute << late << 25 * minute;
    QTest::newRow("late by 1 ms") << 30 * minute << 90 * minute << 90 * minute + 1 << late << qint64(1);
    QTest::newRow("zero width hit") << 45 * minute << 45 * minute << 45 * minute << inside << qint64(0);
    QTest::newRow("revision after restore") << qint64(0) << 10 * minute << -5 * minute << early << 5 * minute;
}

void TestEstimate::accuracy()
{
    QFETCH(qint64, low);
    QFETCH(qint64, high);
    QFETCH(qint64, restoredAfter);
    QFETCH(int, outcome);
    QFETCH(qint64, missedBy);

    const qint64 madeAt = utcMs("2026-11-25T09:10:00Z");
    const Estimate e = estimate(low, high, madeAt);
    const EstimateAccuracy a = assessEstimate(e, madeAt + restoredAfter);
    QCOMPARE(a.estimate, e);
    QCOMPARE(a.actualMs, restoredAfter);
    QCOMPARE(int(a.outcome), outcome);
    QCOMPARE(a.missedByMs, missedBy);
    QCOMPARE(a.isInside(), outcome == int(EstimateOutcome::Inside));
}

void TestEstimate::accuracyOverRevisions()
{
    const qint64 t0 = utcMs("2026-11-25T09:00:00Z");
    const qint64 restored = t0 + 2 * hour;
    // Given out of order on purpose: the result is in the order they were made.
    const QList<Estimate> revisions = {
        estimate(30 * minute, 45 * minute, t0 + hour),    // 60 min actual: late by 15
        estimate(30 * minute, 60 * minute, t0),           // 120 min actual: late by 60
        estimate(10 * minute, 20 * minute, t0 + 100 * minute), // 20 min actual: inside
        estimate(5 * minute, 10 * minute, t0 + 119 * minute),  // 1 min actual: early by 4
    };
    const QList<EstimateAccuracy> graded = assessEstimates(revisions, restored);
    QCOMPARE(graded.size(), 4);

    QCOMPARE(graded.at(0).estimate.madeAt, t0);
    QCOMPARE(graded.at(0).actualMs, 120 * minute);
    QCOMPARE(graded.at(0).outcome, EstimateOutcome::Late);
    QCOMPARE(graded.at(0).missedByMs, 60 * minute);

    QCOMPARE(graded.at(1).estimate.madeAt, t0 + hour);
    QCOMPARE(graded.at(1).outcome, EstimateOutcome::Late);
    QCOMPARE(graded.at(1).missedByMs, 15 * minute);

    QCOMPARE(graded.at(2).estimate.madeAt, t0 + 100 * minute);
    QCOMPARE(graded.at(2).outcome, EstimateOutcome::Inside);
    QCOMPARE(graded.at(2).missedByMs, qint64(0));

    QCOMPARE(graded.at(3).actualMs, minute);
    QCOMPARE(graded.at(3).outcome, EstimateOutcome::Early);
    QCOMPARE(graded.at(3).missedByMs, 4 * minute);

    QVERIFY(assessEstimates({}, restored).isEmpty());
}

QTEST_GUILESS_MAIN(TestEstimate)
#include "tst_estimate.moc"
