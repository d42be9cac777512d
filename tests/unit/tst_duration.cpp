#include "domain/duration.h"

#include <QTest>

#include <limits>

using namespace sitrep;

namespace {
constexpr qint64 sec = 1000;
constexpr qint64 min = 60 * sec;
constexpr qint64 hour = 60 * min;
constexpr qint64 day = 24 * hour;
} // namespace

// Durations typed into estimates, and their short display form.
class TestDuration : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void format_data();
    void format();
    void roundTrip_data();
    void roundTrip();
};

void TestDuration::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("ms");

    QTest::newRow("minutes") << QStringLiteral("30m") << true << 30 * min;
    QTest::newRow("hours") << QStringLiteral("2h") << true << 2 * hour;
    QTest::newRow("hours and minutes") << QStringLiteral("1h30m") << true << 90 * min;
    QTest::newRow("seconds") << QStringLiteral("45s") << true << 45 * sec;
    QTest::newRow("a day") << QStringLiteral("1d") << true << day;
    QTest::newRow("every unit") << QStringLiteral("1d2h3m4s") << true << day + 2 * hour + 3 * min + 4 * sec;
    QTest::newRow("bare number is minutes") << QStringLiteral("90") << true << 90 * min;
    QTest::newRow("zero") << QStringLiteral("0") << true << qint64(0);
    QTest::newRow("zero minutes") << QStringLiteral("0m") << true << qint64(0);
    QTest::newRow("upper case") << QStringLiteral("1H30M") << true << 90 * min;
    QTest::newRow("surrounding space") << QStringLiteral("  2h ") << true << 2 * hour;
    QTest::newRow("leading zeros") << QStringLiteral("05m") << true << 5 * min;
    QTest::newRow("large minutes") << QStringLiteral("600m") << true << 10 * hour;
    QTest::newRow("largest day count") << QStringLiteral("106751991167d") << true << 106751991167LL * day;

    QTest::newRow("empty") << QString() << false << qint64(0);
    QTest::newRow("blank") << QStringLiteral("   ") << false << qint64(0);
    QTest::newRow("negative number") << QStringLiteral("-5") << false << qint64(0);
    QTest::newRow("negative unit") << QStringLiteral("-5m") << false << qint64(0);
    QTest::newRow("plus sign") << QStringLiteral("+5m") << false << qint64(0);
    QTest::newRow("word") << QStringLiteral("soon") << false << qint64(0);
    QTest::newRow("unknown unit") << QStringLiteral("5x") << false << qint64(0);
    QTest::newRow("unit without number") << QStringLiteral("m") << false << qint64(0);
    QTest::newRow("decimal") << QStringLiteral("1.5h") << false << qint64(0);
    QTest::newRow("space inside") << QStringLiteral("1h 30m") << false << qint64(0);
    QTest::newRow("bare number after unit") << QStringLiteral("1h30") << false << qint64(0);
    QTest::newRow("units out of order") << QStringLiteral("30m1h") << false << qint64(0);
    QTest::newRow("unit twice") << QStringLiteral("1h1h") << false << qint64(0);
    QTest::newRow("spelled unit") << QStringLiteral("30min") << false << qint64(0);
    QTest::newRow("non-ascii digit") << QStringLiteral("\u0663m") << false << qint64(0);
    QTest::newRow("overflowing number") << QStringLiteral("99999999999999999999") << false << qint64(0);
    QTest::newRow("overflowing days") << QStringLiteral("106751991168d") << false << qint64(0);
    QTest::newRow("overflowing sum") << QStringLiteral("106751991167d23h") << false << qint64(0);
    QTest::newRow("bare number overflowing as minutes") << QStringLiteral("9223372036854775807") << false << qint64(0);
}

void TestDuration::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, ms);

    const auto parsed = parseDurationMs(text);
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE(*parsed, ms);
}

void TestDuration::format_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
    QTest::newRow("seconds") << 45 * sec << QStringLiteral("45 s");
    QTest::newRow("just under a minute") << 59 * sec + 999 << QStringLiteral("59 s");
    QTest::newRow("one minute") << min << QStringLiteral("1 min");
    QTest::newRow("half an hour") << 30 * min << QStringLiteral("30 min");
    QTest::newRow("hour and a half") << 90 * min << QStringLiteral("1 h 30 min");
    QTest::newRow("two hours") << 2 * hour << QStringLiteral("2 h");
    QTest::newRow("rounds up to the minute") << 89 * min + 30 * sec << QStringLiteral("1 h 30 min");
    QTest::newRow("rounds down to the minute") << 90 * min + 29 * sec << QStringLiteral("1 h 30 min");
    QTest::newRow("a day") << day << QStringLiteral("1 d");
    QTest::newRow("day and hours") << day + 4 * hour << QStringLiteral("1 d 4 h");
    QTest::newRow("every part") << day + hour + 5 * min << QStringLiteral("1 d 1 h 5 min");
    QTest::newRow("negative") << -30 * min << QStringLiteral("-30 min");
    QTest::newRow("negative seconds") << -5 * sec << QStringLiteral("-5 s");
    QTest::newRow("most negative does not crash") << std::numeric_limits<qint64>::min()
                                                 << QStringLiteral("-106751991167 d 7 h 13 min");
}

void TestDuration::format()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(formatDurationShort(ms), expected);
}

void TestDuration::roundTrip_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");

    QTest::newRow("30m") << QStringLiteral("30m") << QStringLiteral("30 min");
    QTest::newRow("1h30m") << QStringLiteral("1h30m") << QStringLiteral("1 h 30 min");
    QTest::newRow("90") << QStringLiteral("90") << QStringLiteral("1 h 30 min");
    QTest::newRow("2h") << QStringLiteral("2h") << QStringLiteral("2 h");
    QTest::newRow("45s") << QStringLiteral("45s") << QStringLiteral("45 s");
}

void TestDuration::roundTrip()
{
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    const auto ms = parseDurationMs(typed);
    QVERIFY(ms);
    QCOMPARE(formatDurationShort(*ms), shown);
}

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
