#include "domain/cadence.h"

#include <QtTest>

using namespace sitrep;

Q_DECLARE_METATYPE(sitrep::Severity)
Q_DECLARE_METATYPE(sitrep::CadenceState::Phase)

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kNone = -1;
// 2025-06-17 12:00:00 UTC; any fixed instant would do.
constexpr qint64 kDeclared = 1750161600000;

std::optional<qint64> opt(qint64 v)
{
    return v == kNone ? std::nullopt : std::optional<qint64>(v);
}

const char *phaseName(CadenceState::Phase phase)
{
    switch (phase) {
    case CadenceState::None: return "None";
    case CadenceState::OnTrack: return "OnTrack";
    case CadenceState::DueSoon: return "DueSoon";
    case CadenceState::Overdue: return "Overdue";
    }
    return "?";
}

} // namespace

class TestCadence : public QObject
{
    Q_OBJECT

private slots:
    void defaults_data();
    void defaults();
    void policyOverrides();
    void nextUpdateDue_data();
    void nextUpdateDue();
    void state_data();
    void state();
};

void TestCadence::defaults_data()
{
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("SEV1 every 15 min") << Severity::Sev1 << 15 * kMinute;
    QTest::newRow("SEV2 every 30 min") << Severity::Sev2 << 30 * kMinute;
    QTest::newRow("SEV3 every 60 min") << Severity::Sev3 << 60 * kMinute;
    QTest::newRow("SEV4 no rhythm") << Severity::Sev4 << kNone;
}

void TestCadence::defaults()
{
    QFETCH(Severity, severity);
    QFETCH(qint64, expected);
    QCOMPARE(defaultCadenceMs(severity).value_or(kNone), expected);
    QCOMPARE(CadencePolicy{}.forSeverity(severity).value_or(kNone), expected);
}

void TestCadence::policyOverrides()
{
    CadencePolicy policy;
    policy.sev1Ms = 5 * kMinute;
    policy.sev2Ms.reset();
    policy.sev3Ms = 0; // zero would make every moment overdue: means no rhythm
    policy.sev4Ms = 240 * kMinute;
    QCOMPARE(policy.forSeverity(Severity::Sev1).value_or(kNone), 5 * kMinute);
    QCOMPARE(policy.forSeverity(Severity::Sev2).value_or(kNone), kNone);
    QCOMPARE(policy.forSeverity(Severity::Sev3).value_or(kNone), kNone);
    QCOMPARE(policy.forSeverity(Severity::Sev4).value_or(kNone), 240 * kMinute);
    QCOMPARE(sitrep::nextUpdateDue(std::nullopt, kDeclared, std::nullopt, policy, Severity::Sev1).value_or(kNone),
             kDeclared + 5 * kMinute);
    QCOMPARE(sitrep::nextUpdateDue(std::nullopt, kDeclared, std::nullopt, policy, Severity::Sev2).value_or(kNone), kNone);
}

void TestCadence::nextUpdateDue_data()
{
    QTest::addColumn<qint64>("lastUpdateAt");
    QTest::addColumn<qint64>("statedNextAt");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<qint64>("expected");

    const qint64 t = kDeclared;
    QTest::newRow("SEV1 nothing sent counts from declared") << kNone << kNone << Severity::Sev1 << t + 15 * kMinute;
    QTest::newRow("SEV2 nothing sent counts from declared") << kNone << kNone << Severity::Sev2 << t + 30 * kMinute;
    QTest::newRow("SEV1 counts from the last update") << t + 10 * kMinute << kNone << Severity::Sev1 << t + 25 * kMinute;
    QTest::newRow("SEV3 counts from the last update") << t + 10 * kMinute << kNone << Severity::Sev3 << t + 70 * kMinute;
    QTest::newRow("stated time later than rhythm wins") << t + 10 * kMinute << t + 60 * kMinute << Severity::Sev1 << t + 60 * kMinute;
    QTest::newRow("stated time earlier than rhythm wins") << t + 10 * kMinute << t + 12 * kMinute << Severity::Sev1 << t + 12 * kMinute;
    QTest::newRow("stated time before last update is stale") << t + 10 * kMinute << t + 5 * kMinute << Severity::Sev1 << t + 25 * kMinute;
    QTest::newRow("stated time equal to last update is stale") << t + 10 * kMinute << t + 10 * kMinute << Severity::Sev2 << t + 40 * kMinute;
    QTest::newRow("stated time before anything sent") << kNone << t + 45 * kMinute << Severity::Sev1 << t + 45 * kMinute;
    QTest::newRow("SEV4 no rhythm") << t + 10 * kMinute << kNone << Severity::Sev4 << kNone;
    QTest::newRow("SEV4 keeps a stated promise") << t + 10 * kMinute << t + 120 * kMinute << Severity::Sev4 << t + 120 * kMinute;
}

void TestCadence::nextUpdateDue()
{
    QFETCH(qint64, lastUpdateAt);
    QFETCH(qint64, statedNextAt);
    QFETCH(Severity, severity);
    QFETCH(qint64, expected);
    const std::optional<qint64> due = sitrep::nextUpdateDue(opt(lastUpdateAt), kDeclared, opt(statedNextAt), CadencePolicy{}, severity);
    QCOMPARE(due.value_or(kNone), expected);
}

void TestCadence::state_data()
{
    QTest::addColumn<qint64>("dueInMs"); // relative to now; kNone for no due time
    QTest::addColumn<CadenceState::Phase>("phase");
    QTest::addColumn<qint64>("remainingMs");

    QTest::newRow("no due time") << kNone << CadenceState::None << qint64(0);
    QTest::newRow("10 min left") << 10 * kMinute << CadenceState::OnTrack << 10 * kMinute;
    QTest::newRow("just over 2 min left") << 2 * kMinute + 1 << CadenceState::OnTrack << 2 * kMinute + 1;
    QTest::newRow("exactly 2 min left") << 2 * kMinute << CadenceState::DueSoon << 2 * kMinute;
    QTest::newRow("1 ms left") << qint64(1) << CadenceState::DueSoon << qint64(1);
    QTest::newRow("due right now") << qint64(0) << CadenceState::DueSoon << qint64(0);
    QTest::newRow("1 ms late") << qint64(-1) << CadenceState::Overdue << qint64(-1);
    QTest::newRow("5 min late") << -5 * kMinute << CadenceState::Overdue << -5 * kMinute;
}

void TestCadence::state()
{
    QFETCH(qint64, dueInMs);
    QFETCH(CadenceState::Phase, phase);
    QFETCH(qint64, remainingMs);
    const qint64 now = kDeclared + 7 * kMinute;
    // kNone doubles as "1 ms late" in value, so the no-due row is told apart by its phase.
    const std::optional<qint64> due = phase == CadenceState::None ? std::nullopt : std::optional<qint64>(now + dueInMs);
    const CadenceState s = cadenceState(due, now);
    QCOMPARE(phaseName(s.phase), phaseName(phase));
    QCOMPARE(s.remainingMs, remainingMs);
}

QTEST_GUILESS_MAIN(TestCadence)
#include "tst_cadence.moc"
