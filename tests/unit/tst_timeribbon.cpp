#include "domain/timeribbon.h"

#include <QStringList>
#include <QTest>

#include <cmath>
#include <limits>

using namespace sitrep;

namespace {

constexpr qint64 min = 60 * 1000;
constexpr qint64 hour = 60 * min;
constexpr qint64 day = 24 * hour;
constexpr qint64 t0 = 1764028800000; // 2025-11-25T00:00:00Z, a whole UTC day
constexpr qint64 unset = -1;         // table marker for a milestone that is not set

std::optional<qint64> at(qint64 minutesFromT0)
{
    if (minutesFromT0 == unset)
        return std::nullopt;
    return t0 + minutesFromT0 * min;
}

// "investigating 0..10 identified 10..25", in minutes from t0.
QString describe(const QList<PhaseBand> &bands)
{
    QStringList parts;
    for (const PhaseBand &b : bands)
        parts << QStringLiteral("%1 %2..%3").arg(statusKey(b.status)).arg((b.fromMs - t0) / min).arg((b.toMs - t0) / min);
    return parts.join(QLatin1Char(' '));
}

} // namespace

// The time <-> pixel mapping of the incident ribbon, its ticks and its status bands.
class TestTimeRibbon : public QObject
{
    Q_OBJECT

private slots:
    void xForTime_data();
    void xForTime();
    void timeForX_data();
    void timeForX();
    void degenerate_data();
    void degenerate();
    void roundTrip();
    void ticks_data();
    void ticks();
    void ticksAlignToLocalZone();
    void ticksNeverExceedTarget();
    void ribbonEnd_data();
    void ribbonEnd();
    void phaseBands_data();
    void phaseBands();
};

void TestTimeRibbon::xForTime_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<double>("x");

    // One hour over 600 px starting at x = 10.
    QTest::newRow("start") << t0 << 10.0;
    QTest::newRow("end") << t0 + hour << 610.0;
    QTest::newRow("middle") << t0 + 30 * min << 310.0;
    QTest::newRow("quarter") << t0 + 15 * min << 160.0;
    QTest::newRow("before start clamps") << t0 - day << 10.0;
    QTest::newRow("after end clamps") << t0 + day << 610.0;
    QTest::newRow("extreme time clamps") << std::numeric_limits<qint64>::max() << 610.0;
}

void TestTimeRibbon::xForTime()
{
    QFETCH(qint64, time);
    QFETCH(double, x);
    const TimeRibbonMapping m(t0, t0 + hour, 10, 600);
    QVERIFY(m.isValid());
    QCOMPARE(m.xForTime(time), x);
}

void TestTimeRibbon::timeForX_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<qint64>("time");

    QTest::newRow("left edge") << 10.0 << t0;
    QTest::newRow("right edge") << 610.0 << t0 + hour;
    QTest::newRow("middle") << 310.0 << t0 + 30 * min;
    QTest::newRow("quarter") << 160.0 << t0 + 15 * min;
    QTest::newRow("one pixel is six seconds") << 11.0 << t0 + 6000;
    QTest::newRow("left of ribbon clamps") << -100.0 << t0;
    QTest::newRow("right of ribbon clamps") << 5000.0 << t0 + hour;
    QTest::newRow("infinity clamps") << std::numeric_limits<double>::infinity() << t0 + hour;
}

void TestTimeRibbon::timeForX()
{
    QFETCH(double, x);
    QFETCH(qint64, time);
    const TimeRibbonMapping m(t0, t0 + hour, 10, 600);
    QCOMPARE(m.timeForX(x), time);
}

void TestTimeRibbon::degenerate_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<double>("width");

    QTest::newRow("zero span") << t0 << t0 << 600.0;
    QTest::newRow("negative span") << t0 + hour << t0 << 600.0;
    QTest::newRow("zero width") << t0 << t0 + hour << 0.0;
    QTest::newRow("negative width") << t0 << t0 + hour << -50.0;
    QTest::newRow("default constructed") << qint64(0) << qint64(0) << 0.0;
}

void TestTimeRibbon::degenerate()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(double, width);

    const TimeRibbonMapping m(start, end, 25, width);
    QVERIFY(!m.isValid());
    // Everything sits at the left edge / the start; nothing divides by zero or returns NaN.
    QCOMPARE(m.xForTime(start), 25.0);
    QCOMPARE(m.xForTime(start + hour), 25.0);
    QCOMPARE(m.timeForX(25), start);
    QCOMPARE(m.timeForX(400), start);
    QCOMPARE(m.timeForX(std::nan("")), start);
    QVERIFY(m.tickTimes(10).isEmpty() || start < end);
}

void TestTimeRibbon::roundTrip()
{
    // Three hours over 900 px: each pixel is 12 s, so a round trip lands within a millisecond.
    const TimeRibbonMapping m(t0, t0 + 3 * hour, 0, 900);
    for (double x = 0; x <= 900; x += 37.5) {
        const double back = m.xForTime(m.timeForX(x));
        QVERIFY2(std::abs(back - x) < 0.001, qPrintable(QStringLiteral("x=%1 back=%2").arg(x).arg(back)));
    }
}

void TestTimeRibbon::ticks_data()
{
    QTest::addColumn<qint64>("startOffset"); // from t0
    QTest::addColumn<qint64>("span");
    QTest::addColumn<int>("target");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("firstOffset"); // first tick, from t0

    QTest::newRow("10 min, plenty") << qint64(0) << 10 * min << 12 << min << 11 << qint64(0);
    QTest::newRow("10 min, few") << qint64(0) << 10 * min << 5 << 5 * min << 3 << qint64(0);
    QTest::newRow("1 h in 7") << qint64(0) << hour << 7 << 10 * min << 7 << qint64(0);
    QTest::newRow("1 h in 6") << qint64(0) << hour << 6 << 15 * min << 5 << qint64(0);
    QTest::newRow("3 h in 8") << qint64(0) << 3 * hour << 8 << 30 * min << 7 << qint64(0);
    QTest::newRow("5 h in 6") << qint64(0) << 5 * hour << 6 << hour << 6 << qint64(0);
    QTest::newRow("12 h in 8") << qint64(0) << 12 * hour << 8 << 2 * hour << 7 << qint64(0);
    QTest::newRow("24 h in 5") << qint64(0) << day << 5 << 6 * hour << 5 << qint64(0);
    QTest::newRow("2 d in 8") << qint64(0) << 2 * day << 8 << 12 * hour << 5 << qint64(0);
    QTest::newRow("5 d in 6") << qint64(0) << 5 * day << 6 << day << 6 << qint64(0);
    QTest::newRow("30 d in 6, whole days") << qint64(0) << 30 * day << 6 << 6 * day << 6 << qint64(0);
    QTest::newRow("unaligned start") << 7 * min << hour << 7 << 10 * min << 6 << 10 * min;
    QTest::newRow("start just past a tick") << min + 1 << 30 * min << 31 << min << 30 << 2 * min;
    QTest::newRow("short span, one tick") << 30 * 1000LL << 20 * 1000LL << 1 << min << 0 << qint64(0);
    QTest::newRow("target zero") << qint64(0) << hour << 0 << qint64(0) << 0 << qint64(0);
    QTest::newRow("target negative") << qint64(0) << hour << -3 << qint64(0) << 0 << qint64(0);
    QTest::newRow("zero span") << qint64(0) << qint64(0) << 10 << qint64(0) << 0 << qint64(0);
}

void TestTimeRibbon::ticks()
{
    QFETCH(qint64, startOffset);
    QFETCH(qint64, span);
    QFETCH(int, target);
    QFETCH(qint64, step);
    QFETCH(int, count);
    QFETCH(qint64, firstOffset);

    const TimeRibbonMapping m(t0 + startOffset, t0 + startOffset + span, 0, 800);
    QCOMPARE(m.tickStepMs(target), step);
    const QList<qint64> ticks = m.tickTimes(target);
    QCOMPARE(ticks.size(), count);
    if (count == 0)
        return;
    QCOMPARE(ticks.first(), t0 + firstOffset);
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        QCOMPARE(ticks.at(i), ticks.first() + i * step);
        QVERIFY(ticks.at(i) >= m.startMs() && ticks.at(i) <= m.endMs());
    }
}

void TestTimeRibbon::ticksAlignToLocalZone()
{
    // Six hours from UTC midnight seen from UTC+1: two-hour ticks fall on even local hours,
    // which are odd UTC hours.
    const TimeRibbonMapping m(t0, t0 + 6 * hour, 0, 600);
    QCOMPARE(m.tickTimes(4, hour), (QList<qint64>{t0 + hour, t0 + 3 * hour, t0 + 5 * hour}));
    QCOMPARE(m.tickTimes(4), (QList<qint64>{t0, t0 + 2 * hour, t0 + 4 * hour, t0 + 6 * hour}));
    // A half-hour zone (UTC+5:30) moves hourly ticks to :30 past the UTC hour.
    const TimeRibbonMapping h(t0, t0 + 3 * hour, 0, 600);
    QCOMPARE(h.tickTimes(4, 5 * hour + 30 * min), (QList<qint64>{t0 + 30 * min, t0 + 90 * min, t0 + 150 * min}));
}

void TestTimeRibbon::ticksNeverExceedTarget()
{
    const qint64 spans[] = {1, 59 * 1000, min, 7 * min, hour, 90 * min, 11 * hour, day, 3 * day, 40 * day, 400 * day};
    for (qint64 span : spans) {
        for (int target = 1; target <= 30; ++target) {
            for (qint64 offset : {qint64(0), 17 * 1000LL, 7 * min + 3}) {
                const TimeRibbonMapping m(t0 + offset, t0 + offset + span, 0, 800);
                const auto ticks = m.tickTimes(target);
                QVERIFY2(ticks.size() <= target,
                         qPrintable(QStringLiteral("span=%1 target=%2 got=%3").arg(span).arg(target).arg(ticks.size())));
            }
        }
    }
}

void TestTimeRibbon::ribbonEnd_data()
{
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("deadline"); // unset = none
    QTest::addColumn<qint64>("end");

    QTest::newRow("no deadline: now") << t0 + hour << unset << t0 + hour;
    QTest::newRow("deadline ahead") << t0 + hour << t0 + 5 * hour << t0 + 5 * hour;
    QTest::newRow("deadline passed") << t0 + 6 * hour << t0 + 5 * hour << t0 + 6 * hour;
    QTest::newRow("clock before start") << t0 - hour << unset << t0;
}

void TestTimeRibbon::ribbonEnd()
{
    QFETCH(qint64, now);
    QFETCH(qint64, deadline);
    QFETCH(qint64, end);

    Incident incident;
    incident.startedAt = t0;
    incident.declaredAt = t0;
    if (deadline != unset)
        incident.deadlineAt = deadline;
    QCOMPARE(ribbonEndMs(incident, now), end);
}

void TestTimeRibbon::phaseBands_data()
{
    // Milestones in minutes from t0 (impact start); unset = never entered.
    QTest::addColumn<Status>("status");
    QTest::addColumn<qint64>("identified");
    QTest::addColumn<qint64>("mitigated");
    QTest::addColumn<qint64>("resolved");
    QTest::addColumn<qint64>("closed");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("bands");

    QTest::newRow("just started") << Status::Investigating << unset << unset << unset << unset << qint64(25)
                                  << QStringLiteral("investigating 0..25");
    QTest::newRow("identified") << Status::Identified << qint64(10) << unset << unset << unset << qint64(25)
                                << QStringLiteral("investigating 0..10 identified 10..25");
    QTest::newRow("whole lifecycle") << Status::Closed << qint64(10) << qint64(30) << qint64(50) << qint64(90) << qint64(100)
                                     << QStringLiteral("investigating 0..10 identified 10..30 mitigated 30..50 "
                                                       "resolved 50..90 closed 90..100");
    QTest::newRow("identified skipped") << Status::Mitigated << unset << qint64(20) << unset << unset << qint64(45)
                                        << QStringLiteral("investigating 0..20 mitigated 20..45");
    QTest::newRow("straight to resolved") << Status::Resolved << unset << unset << qint64(40) << unset << qint64(60)
                                          << QStringLiteral("investigating 0..40 resolved 40..60");
    QTest::newRow("mitigation did not hold") << Status::Identified << qint64(10) << qint64(20) << unset << unset << qint64(60)
                                             << QStringLiteral("investigating 0..10 identified 10..60");
    QTest::newRow("milestones out of order") << Status::Mitigated << qint64(30) << qint64(20) << unset << unset << qint64(60)
                                             << QStringLiteral("investigating 0..30 identified 30..30 mitigated 30..60");
    QTest::newRow("milestone before start") << Status::Identified << qint64(-5) << unset << unset << unset << qint64(20)
                                            << QStringLiteral("investigating 0..0 identified 0..20");
    QTest::newRow("clock behind last milestone") << Status::Identified << qint64(10) << unset << unset << unset << qint64(5)
                                                 << QStringLiteral("investigating 0..10 identified 10..10");
}

void TestTimeRibbon::phaseBands()
{
    QFETCH(Status, status);
    QFETCH(qint64, identified);
    QFETCH(qint64, mitigated);
    QFETCH(qint64, resolved);
    QFETCH(qint64, closed);
    QFETCH(qint64, now);
    QFETCH(QString, bands);

    Incident incident;
    incident.status = status;
    incident.startedAt = t0;
    incident.declaredAt = t0 + 2 * min;
    incident.identifiedAt = at(identified);
    incident.mitigatedAt = at(mitigated);
    incident.resolvedAt = at(resolved);
    incident.closedAt = at(closed);

    const QList<PhaseBand> result = sitrep::phaseBands(incident, t0 + now * min);
    QCOMPARE(describe(result), bands);
    for (qsizetype i = 0; i < result.size(); ++i) {
        QVERIFY(result.at(i).fromMs <= result.at(i).toMs);
        if (i > 0)
            QCOMPARE(result.at(i).fromMs, result.at(i - 1).toMs);
    }
}

QTEST_GUILESS_MAIN(TestTimeRibbon)
#include "tst_timeribbon.moc"
