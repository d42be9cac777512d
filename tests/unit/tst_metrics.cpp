#include "domain/metrics.h"

#include <QTest>

using namespace sitrep;

namespace {

constexpr qint64 min = 60 * 1000;
constexpr qint64 t0 = 1764028800000; // 2025-11-25T00:00:00Z
constexpr qint64 unset = -1;         // table marker: milestone not set (so -1 min is not a value)

std::optional<qint64> at(qint64 minutesFromT0)
{
    if (minutesFromT0 == unset)
        return std::nullopt;
    return t0 + minutesFromT0 * min;
}

qint64 asMinutes(const std::optional<qint64> &ms)
{
    return ms ? *ms / min : unset;
}

// An incident whose impact started at t0 and was declared at t0 + 5 min.
Incident baseIncident()
{
    Incident i;
    i.startedAt = t0;
    i.declaredAt = t0 + 5 * min;
    return i;
}

} // namespace

// The postmortem numbers and the milestone order rule.
class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void cost_data();
    void cost();
    void order_data();
    void order();
};

void TestMetrics::durations_data()
{
    // Milestones in minutes from impact start; results in minutes, unset = empty.
    QTest::addColumn<qint64>("detected");
    QTest::addColumn<qint64>("acknowledged");
    QTest::addColumn<qint64>("mitigated");
    QTest::addColumn<qint64>("resolved");
    QTest::addColumn<qint64>("closed");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("toDetect");
    QTest::addColumn<qint64>("toAck");
    QTest::addColumn<bool>("ackFromStarted");
    QTest::addColumn<qint64>("toMitigate");
    QTest::addColumn<qint64>("toResolve");
    QTest::addColumn<qint64>("impact");
    QTest::addColumn<bool>("ongoing");
    QTest::addColumn<QString>("endedBy"); // milestone key, or empty while ongoing

    QTest::newRow("nothing yet") << unset << unset << unset << unset << unset << qint64(42)
                                 << unset << unset << true << unset << unset << qint64(42) << true << QString();
    QTest::newRow("detected and acknowledged") << qint64(4) << qint64(9) << unset << unset << unset << qint64(30)
                                               << qint64(4) << qint64(5) << false << unset << unset << qint64(30) << true
                                               << QString();
    QTest::newRow("ack without detected counts from start") << unset << qint64(9) << unset << unset << unset << qint64(30)
                                                            << unset << qint64(9) << true << unset << unset << qint64(30)
                                                            << true << QString();
    QTest::newRow("mitigated ends impact") << qint64(4) << qint64(9) << qint64(50) << unset << unset << qint64(80)
                                           << qint64(4) << qint64(5) << false << qint64(50) << unset << qint64(50) << false
                                           << QStringLiteral("mitigated");
    QTest::newRow("mitigation wins over resolution") << qint64(4) << qint64(9) << qint64(50) << qint64(70) << qint64(90)
                                                     << qint64(200) << qint64(4) << qint64(5) << false << qint64(50)
                                                     << qint64(70) << qint64(50) << false << QStringLiteral("mitigated");
    QTest::newRow("straight to resolved") << qint64(4) << qint64(9) << unset << qint64(70) << unset << qint64(200)
                                          << qint64(4) << qint64(5) << false << unset << qint64(70) << qint64(70) << false
                                          << QStringLiteral("resolved");
    QTest::newRow("closed without either") << unset << unset << unset << unset << qint64(120) << qint64(200)
                                           << unset << unset << true << unset << unset << qint64(120) << false
                                           << QStringLiteral("closed");
    QTest::newRow("out of order shows negative") << qint64(-3) << qint64(-2) << unset << unset << unset << qint64(10)
                                                 << qint64(-3) << qint64(1) << false << unset << unset << qint64(10) << true
                                                 << QString();
}

void TestMetrics::durations()
{
    QFETCH(qint64, detected);
    QFETCH(qint64, acknowledged);
    QFETCH(qint64, mitigated);
    QFETCH(qint64, resolved);
    QFETCH(qint64, closed);
    QFETCH(qint64, now);

    Incident i = baseIncident();
    i.detectedAt = at(detected);
    i.acknowledgedAt = at(acknowledged);
    i.mitigatedAt = at(mitigated);
    i.resolvedAt = at(resolved);
    i.closedAt = at(closed);

    const IncidentMetrics m = computeMetrics(i, t0 + now * min);
    QTEST(asMinutes(m.timeToDetectMs), "toDetect");
    QTEST(asMinutes(m.timeToAcknowledgeMs), "toAck");
    QTEST(m.acknowledgeFromStarted, "ackFromStarted");
    QTEST(asMinutes(m.timeToMitigateMs), "toMitigate");
    QTEST(asMinutes(m.timeToResolveMs), "toResolve");
    QVERIFY(m.impactMs.has_value());
    QTEST(asMinutes(m.impactMs), "impact");
    QTEST(m.impactOngoing, "ongoing");
    QTEST(m.impactEndedBy ? milestoneKey(*m.impactEndedBy) : QString(), "endedBy");
    QVERIFY(!m.costCents); // no cost per minute set
}

void TestMetrics::cost_data()
{
    QTest::addColumn<qint64>("impactMs");
    QTest::addColumn<qint64>("centsPerMinute"); // unset = not known
    QTest::addColumn<bool>("known");
    QTest::addColumn<qint64>("cents");

    QTest::newRow("not set") << 30 * min << unset << false << qint64(0);
    QTest::newRow("half an hour at 100.00") << 30 * min << qint64(10000) << true << qint64(300000);
    QTest::newRow("zero rate") << 30 * min << qint64(0) << true << qint64(0);
    QTest::newRow("zero impact") << qint64(0) << qint64(10000) << true << qint64(0);
    QTest::newRow("part minute is prorated") << 90 * 1000LL << qint64(100) << true << qint64(150);
    QTest::newRow("rounds to nearest cent") << 1000LL << qint64(1) << true << qint64(0);       // 1/60 cent
    QTest::newRow("rounds half up") << 30 * 1000LL << qint64(1) << true << qint64(1);          // 0.5 cent
    QTest::newRow("negative rate is ignored") << 30 * min << qint64(-5) << false << qint64(0);
    QTest::newRow("negative impact has no cost") << -30 * min << qint64(100) << false << qint64(0);
    QTest::newRow("overflow gives nothing") << 1000 * 24 * 60 * min << qint64(10000000000000) << false << qint64(0);
}

void TestMetrics::cost()
{
    QFETCH(qint64, impactMs);
    QFETCH(qint64, centsPerMinute);
    QFETCH(bool, known);
    QFETCH(qint64, cents);

    Incident i = baseIncident();
    i.mitigatedAt = t0 + impactMs;
    if (centsPerMinute != unset)
        i.costPerMinuteCents = centsPerMinute;

    const IncidentMetrics m = computeMetrics(i, t0 + 9999 * min);
    QCOMPARE(*m.impactMs, impactMs);
    QCOMPARE(m.costCents.has_value(), known);
    if (known)
        QCOMPARE(*m.costCents, cents);
}

void TestMetrics::order_data()
{
    QTest::addColumn<qint64>("detected");
    QTest::addColumn<qint64>("declared");
    QTest::addColumn<qint64>("acknowledged");
    QTest::addColumn<qint64>("identified");
    QTest::addColumn<qint64>("mitigated");
    QTest::addColumn<qint64>("resolved");
    QTest::addColumn<qint64>("closed");
    QTest::addColumn<QString>("problem"); // "earlier>later" keys, or empty when in order

    const QString ok;
    auto row = [](const char *name, qint64 det, qint64 dec, qint64 ack, qint64 idf, qint64 mit, qint64 res, qint64 clo,
                  const QString &problem) {
        QTest::newRow(name) << det << dec << ack << idf << mit << res << clo << problem;
    };

    row("only started and declared", unset, 5, unset, unset, unset, unset, unset, ok);
    row("whole lifecycle in order", 2, 5, 6, 10, 20, 30, 40, ok);
    row("equal times are in order", 0, 0, 0, 0, 0, 0, 0, ok);
    row("gaps are fine", unset, 5, unset, unset, 20, unset, 40, ok);
    row("declared before detected is fine", 10, 5, 12, unset, unset, unset, unset, ok);
    row("declared before acknowledged is fine", 2, 20, 6, 10, unset, unset, unset, ok);
    row("detected before start", -2, 5, unset, unset, unset, unset, unset, QStringLiteral("started>detected"));
    row("declared before start", unset, -2, unset, unset, unset, unset, unset, QStringLiteral("started>declared"));
    row("acknowledged before detected", 10, 5, 8, unset, unset, unset, unset, QStringLiteral("detected>acknowledged"));
    row("identified before acknowledged", 2, 5, 12, 11, unset, unset, unset, QStringLiteral("acknowledged>identified"));
    row("mitigated before identified", 2, 5, 6, 30, 20, unset, unset, QStringLiteral("identified>mitigated"));
    row("resolved before mitigated", 2, 5, 6, 10, 30, 25, unset, QStringLiteral("mitigated>resolved"));
    row("closed before resolved", 2, 5, 6, 10, 20, 30, 29, QStringLiteral("resolved>closed"));
    row("problem across a gap", 30, 5, unset, unset, 20, unset, unset, QStringLiteral("detected>mitigated"));
    row("earliest problem reported first", 10, 5, 8, 10, 9, unset, unset, QStringLiteral("detected>acknowledged"));
    row("closed before start", unset, 5, unset, unset, unset, unset, -10, QStringLiteral("started>closed"));
}

void TestMetrics::order()
{
    QFETCH(qint64, detected);
    QFETCH(qint64, declared);
    QFETCH(qint64, acknowledged);
    QFETCH(qint64, identified);
    QFETCH(qint64, mitigated);
    QFETCH(qint64, resolved);
    QFETCH(qint64, closed);
    QFETCH(QString, problem);

    Incident i = baseIncident();
    i.detectedAt = at(detected);
    i.declaredAt = *at(declared);
    i.acknowledgedAt = at(acknowledged);
    i.identifiedAt = at(identified);
    i.mitigatedAt = at(mitigated);
    i.resolvedAt = at(resolved);
    i.closedAt = at(closed);

    const auto found = findMilestoneOrderProblem(i);
    const QString foundText = found ? milestoneKey(found->first) + QLatin1Char('>') + milestoneKey(found->second) : QString();
    QCOMPARE(foundText, problem);

    const auto message = checkMilestoneOrder(i);
    QCOMPARE(message.has_value(), !problem.isEmpty());
    if (found) {
        // The message names both milestones by their shown labels.
        QVERIFY2(message->contains(milestoneLabel(found->first)), qPrintable(*message));
        QVERIFY2(message->contains(milestoneLabel(found->second)), qPrintable(*message));
    }
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
