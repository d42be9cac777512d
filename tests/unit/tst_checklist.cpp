// Checklist rules without a store: which transitions a step allows, when a step's clock starts,
// how long it took, when its time-box runs out, and how a runbook becomes checklist items.
#include "domain/checklist.h"
#include "domain/runbook.h"

#include <QTest>

using namespace sitrep;

Q_DECLARE_METATYPE(sitrep::ChecklistItemState)
Q_DECLARE_METATYPE(sitrep::ChecklistAction)

namespace {

constexpr qint64 kAttached = 1'000'000;
constexpr qint64 min = 60'000;

ChecklistItem step(ChecklistItemState state, std::optional<qint64> doneAt = std::nullopt,
                   std::optional<qint64> timeBox = std::nullopt)
{
    ChecklistItem i;
    i.text = QStringLiteral("Confirm the outage");
    i.state = state;
    i.doneAt = doneAt;
    i.timeBoxMs = timeBox;
    return i;
}

Checklist listOf(const QList<ChecklistItem> &items)
{
    Checklist c;
    c.name = QStringLiteral("First response");
    c.attachedAt = kAttached;
    c.items = items;
    return c;
}

} // namespace

class TestChecklist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitions_data()
    {
        QTest::addColumn<ChecklistItemState>("from");
        QTest::addColumn<ChecklistAction>("action");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("refusal"); // empty when allowed

        const auto Open = ChecklistItemState::Open;
        const auto Done = ChecklistItemState::Done;
        const auto Skipped = ChecklistItemState::Skipped;
        QTest::newRow("tick an open step") << Open << ChecklistAction::Tick << QString() << QString();
        QTest::newRow("tick a skipped step after all") << Skipped << ChecklistAction::Tick << QString() << QString();
        QTest::newRow("tick twice") << Done << ChecklistAction::Tick << QString() << QStringLiteral("already done");
        QTest::newRow("skip with a reason") << Open << ChecklistAction::Skip << QStringLiteral("not our service") << QString();
        QTest::newRow("skip without a reason") << Open << ChecklistAction::Skip << QStringLiteral("   ")
                                               << QStringLiteral("needs a reason");
        QTest::newRow("skip a done step") << Done << ChecklistAction::Skip << QStringLiteral("x") << QStringLiteral("untick it");
        QTest::newRow("skip twice") << Skipped << ChecklistAction::Skip << QStringLiteral("x") << QStringLiteral("already skipped");
        QTest::newRow("untick a done step") << Done << ChecklistAction::Untick << QString() << QString();
        QTest::newRow("untick a skipped step") << Skipped << ChecklistAction::Untick << QString() << QString();
        QTest::newRow("untick an open step") << Open << ChecklistAction::Untick << QString() << QStringLiteral("not ticked");
    }

    void transitions()
    {
        QFETCH(ChecklistItemState, from);
        QFETCH(ChecklistAction, action);
        QFETCH(QString, reason);
        QFETCH(QString, refusal);
        const std::optional<QString> result = checkChecklistAction(step(from), action, reason);
        if (refusal.isEmpty()) {
            QVERIFY2(!result, qPrintable(result.value_or(QString())));
        } else {
            QVERIFY(result);
            QVERIFY2(result->contains(refusal), qPrintable(*result));
            QVERIFY2(result->contains(QStringLiteral("Confirm the outage")), "the refusal names the step");
        }
    }

    void stepClockStartsWhenThePreviousStepIsCompleted()
    {
        Checklist c = listOf({step(ChecklistItemState::Done, kAttached + 2 * min), step(ChecklistItemState::Open),
                              step(ChecklistItemState::Open)});
        QCOMPARE(itemStartedAt(c, 0), std::optional<qint64>(kAttached));
        QCOMPARE(itemStartedAt(c, 1), std::optional<qint64>(kAttached + 2 * min));
        QCOMPARE(itemStartedAt(c, 2), std::nullopt); // the step before is still open
        c.items[1].state = ChecklistItemState::Skipped;
        c.items[1].doneAt = kAttached + 3 * min;
        QCOMPARE(itemStartedAt(c, 2), std::optional<qint64>(kAttached + 3 * min));
        QCOMPARE(itemStartedAt(c, 3), std::nullopt);
    }

    void timeTaken_data()
    {
        QTest::addColumn<QList<qint64>>("doneAt"); // minutes after attaching; -1 = open
        QTest::addColumn<int>("index");
        QTest::addColumn<qint64>("expected"); // minutes; -1 = none

        QTest::newRow("first step: from attaching") << QList<qint64>{2, 5} << 0 << qint64(2);
        QTest::newRow("in order: from the step before") << QList<qint64>{2, 5} << 1 << qint64(3);
        QTest::newRow("out of order: from the last completion before it") << QList<qint64>{-1, 4, 6} << 2 << qint64(2);
        QTest::newRow("earlier step completed later does not count") << QList<qint64>{9, 4} << 1 << qint64(4);
        QTest::newRow("open step took nothing yet") << QList<qint64>{2, -1} << 1 << qint64(-1);
    }

    void timeTaken()
    {
        QFETCH(QList<qint64>, doneAt);
        QFETCH(int, index);
        QFETCH(qint64, expected);
        QList<ChecklistItem> items;
        for (qint64 m : doneAt)
            items.append(m < 0 ? step(ChecklistItemState::Open) : step(ChecklistItemState::Done, kAttached + m * min));
        const std::optional<qint64> taken = itemTimeTakenMs(listOf(items), index);
        QCOMPARE(taken, expected < 0 ? std::nullopt : std::optional<qint64>(expected * min));
    }

    void timeBoxRunsFromTheStart()
    {
        Checklist c = listOf({step(ChecklistItemState::Open, std::nullopt, 3 * min),
                              step(ChecklistItemState::Open, std::nullopt, 5 * min), step(ChecklistItemState::Open)});
        QCOMPARE(itemDueAt(c, 0), std::optional<qint64>(kAttached + 3 * min));
        QCOMPARE(itemDueAt(c, 1), std::nullopt); // no countdown until the step before is done
        QCOMPARE(itemDueAt(c, 2), std::nullopt); // no time-box
        c.items[0].state = ChecklistItemState::Done;
        c.items[0].doneAt = kAttached + 4 * min;
        QCOMPARE(itemDueAt(c, 0), std::nullopt); // completed steps have no countdown
        QCOMPARE(itemDueAt(c, 1), std::optional<qint64>(kAttached + 9 * min));
    }

    void doneCountAndNextOpen()
    {
        Checklist c = listOf({step(ChecklistItemState::Done, kAttached), step(ChecklistItemState::Skipped, kAttached),
                              step(ChecklistItemState::Open)});
        QCOMPARE(c.doneCount(), 2);
        QCOMPARE(c.nextOpenIndex(), 2);
        c.items[2].state = ChecklistItemState::Done;
        QCOMPARE(c.nextOpenIndex(), -1);
    }

    void runbookStepsBecomeItemsWithTheirHints()
    {
        const RunbookParseResult parsed = parseRunbookMarkdown(
            "# Failover\n\n- [ ] Say we are on it @comms (5m)\n\n## Fail over\n\n- [x] Promote the replica @ops\n"
            "  - [ ] Check [the runbook](https://wiki.example/failover) (90s)\n",
            QStringLiteral("failover"));
        QVERIFY(parsed.ok());
        const QList<ChecklistItem> items = checklistItemsFromRunbook(*parsed.runbook);
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).section, QString());
        QCOMPARE(items.at(0).text, QStringLiteral("Say we are on it"));
        QCOMPARE(items.at(0).ownerRole, std::optional<Role>(Role::Communications));
        QCOMPARE(items.at(0).timeBoxMs, std::optional<qint64>(5 * min));
        QCOMPARE(items.at(1).section, QStringLiteral("Fail over"));
        QCOMPARE(items.at(1).state, ChecklistItemState::Open); // a template's [x] does not tick a new checklist
        QCOMPARE(items.at(2).depth, 1);
        QCOMPARE(items.at(2).link, QStringLiteral("https://wiki.example/failover"));
        QCOMPARE(items.at(2).timeBoxMs, std::optional<qint64>(90'000));
    }
};

QTEST_GUILESS_MAIN(TestChecklist)
#include "tst_checklist.moc"
