// The live incident's record against a real store: lifecycle rules, milestone order and
// corrections, roles, pins, corrections and retractions of entries, filters and search.
#include "support/teststore.h"

#include <QtTest>

using namespace sitrep;

namespace {
constexpr qint64 kMin = 60'000;
}

class TestTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusTransitions_data()
    {
        QTest::addColumn<QList<int>>("path"); // statuses to walk through from investigating
        QTest::addColumn<bool>("lastAllowed");
        auto s = [](Status st) { return int(st); };
        QTest::newRow("straight to mitigated") << QList<int>{s(Status::Mitigated)} << true;
        QTest::newRow("every step") << QList<int>{s(Status::Identified), s(Status::Mitigated), s(Status::Resolved), s(Status::Closed)} << true;
        QTest::newRow("mitigation did not hold") << QList<int>{s(Status::Mitigated), s(Status::Identified)} << true;
        QTest::newRow("recurrence after resolving") << QList<int>{s(Status::Resolved), s(Status::Investigating)} << true;
        QTest::newRow("nothing leaves closed") << QList<int>{s(Status::Closed), s(Status::Resolved)} << false;
        QTest::newRow("same status refused") << QList<int>{s(Status::Investigating)} << false;
    }

    void statusTransitions()
    {
        QFETCH(QList<int>, path);
        QFETCH(bool, lastAllowed);
        test::TestStore store;
        const Incident incident = store.declare();
        for (int i = 0; i < path.size(); ++i) {
            store.clock.advance(kMin);
            const Result<Incident> r = store.services->incidents.changeStatus(incident.id, Status(path.at(i)));
            if (i + 1 < path.size())
                QVERIFY(r);
            else
                QCOMPARE(bool(r), lastAllowed);
        }
    }

    void statusStampsItsMilestone()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        store.clock.advance(10 * kMin);
        const Incident mitigated = store.services->incidents.changeStatus(incident.id, Status::Mitigated).value();
        QCOMPARE(mitigated.mitigatedAt, std::optional<qint64>(test::kT0 + 10 * kMin));
        QCOMPARE(mitigated.currentStatusSince(), test::kT0 + 10 * kMin);
        // Back-dating before another milestone breaks the order and is refused.
        QVERIFY(store.services->incidents.setMilestone(incident.id, Milestone::Detected, test::kT0 + 2 * kMin));
        const Result<Incident> r = store.services->incidents.changeStatus(incident.id, Status::Resolved, test::kT0 + kMin);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QStringLiteral("Resolved")), qPrintable(r.error().message));
    }

    void aFailedMitigationClearsItsMilestone()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        store.clock.advance(10 * kMin);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Mitigated));
        store.clock.advance(5 * kMin);
        const Incident back = store.services->incidents.changeStatus(incident.id, Status::Identified).value();
        QCOMPARE(back.mitigatedAt, std::nullopt);
        QCOMPARE(back.identifiedAt, std::optional<qint64>(test::kT0 + 15 * kMin));
        const QList<MilestoneEdit> edits = store.services->incidents.milestoneEdits(incident.id).value();
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.constFirst().oldAt, std::optional<qint64>(test::kT0 + 10 * kMin));
        QCOMPARE(edits.constFirst().newAt, std::nullopt);
        store.clock.advance(5 * kMin);
        QCOMPARE(store.services->incidents.changeStatus(incident.id, Status::Mitigated)->mitigatedAt,
                 std::optional<qint64>(test::kT0 + 20 * kMin));
    }

    void milestoneOrder_data()
    {
        QTest::addColumn<QString>("milestone");
        QTest::addColumn<qint64>("offsetMin");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("message");
        // The incident: started at T0-10, declared T0, detected T0-5, mitigated T0+20.
        QTest::newRow("detected before started") << QStringLiteral("detected") << qint64(-11) << false << QStringLiteral("Detected");
        QTest::newRow("detected later, still fine") << QStringLiteral("detected") << qint64(-2) << true << QString();
        QTest::newRow("acknowledged before detected") << QStringLiteral("acknowledged") << qint64(-6) << false << QStringLiteral("Acknowledged");
        QTest::newRow("acknowledged after detected") << QStringLiteral("acknowledged") << qint64(-4) << true << QString();
        QTest::newRow("resolved before mitigated") << QStringLiteral("resolved") << qint64(19) << false << QStringLiteral("Resolved");
        QTest::newRow("resolved after mitigated") << QStringLiteral("resolved") << qint64(21) << true << QString();
        QTest::newRow("started after mitigated") << QStringLiteral("started") << qint64(25) << false << QStringLiteral("Impact started");
        QTest::newRow("mitigated unset") << QStringLiteral("mitigated") << qint64(0) << true << QString();
        QTest::newRow("started cannot be unset") << QStringLiteral("started") << qint64(0) << false << QStringLiteral("cannot be cleared");
    }

    void milestoneOrder()
    {
        QFETCH(QString, milestone);
        QFETCH(qint64, offsetMin);
        QFETCH(bool, allowed);
        QFETCH(QString, message);
        test::TestStore store;
        DeclareRequest r;
        r.title = QStringLiteral("Order");
        r.startedAt = test::kT0 - 10 * kMin;
        const Incident incident = store.services->incidents.declare(r).value();
        QVERIFY(store.services->incidents.setMilestone(incident.id, Milestone::Detected, test::kT0 - 5 * kMin));
        store.clock.advance(20 * kMin);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Mitigated));
        const Incident before = store.services->incidents.find(incident.id).value();

        const Milestone m = *parseMilestone(milestone);
        const std::optional<qint64> at = offsetMin == 0 ? std::nullopt : std::optional<qint64>(test::kT0 + offsetMin * kMin);
        const Result<Incident> result = store.services->incidents.setMilestone(incident.id, m, at);
        QCOMPARE(bool(result), allowed);
        const Incident after = store.services->incidents.find(incident.id).value();
        if (allowed) {
            QCOMPARE(after.milestone(m), m == Milestone::Started ? std::optional<qint64>(*at) : at);
        } else {
            QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
            QCOMPARE(after.milestone(m), before.milestone(m));
        }
    }

    void milestoneCorrectionsAreKept()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        store.clock.advance(5 * kMin);
        QVERIFY(store.services->incidents.setMilestone(incident.id, Milestone::Acknowledged, test::kT0 + 2 * kMin));
        QVERIFY(store.services->incidents.milestoneEdits(incident.id)->isEmpty()); // a first stamp is no correction
        store.clock.advance(kMin);
        QVERIFY(store.services->incidents.setMilestone(incident.id, Milestone::Acknowledged, test::kT0 + 3 * kMin));
        const QList<MilestoneEdit> edits = store.services->incidents.milestoneEdits(incident.id).value();
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.constFirst().milestone, Milestone::Acknowledged);
        QCOMPARE(edits.constFirst().oldAt, std::optional<qint64>(test::kT0 + 2 * kMin));
        QCOMPARE(edits.constFirst().newAt, std::optional<qint64>(test::kT0 + 3 * kMin));
        QCOMPARE(edits.constFirst().editor, QStringLiteral("Dana"));
        QCOMPARE(edits.constFirst().editedAt, test::kT0 + 6 * kMin);
        const QList<TimelineEntry> entries = store.services->timeline.page(incident.id, 0, 50).value();
        QVERIFY(entries.constLast().text.startsWith(QStringLiteral("Acknowledged time corrected")));
    }

    void rolesAreReplacedOrAddedAndLogged()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        QVERIFY(store.services->incidents.assignRole(incident.id, Role::Commander, QStringLiteral("Sam")));
        const Incident dana = store.services->incidents.assignRole(incident.id, Role::Commander, QStringLiteral("Dana")).value();
        QCOMPARE(dana.roles.size(), 1);
        QCOMPARE(dana.roles.constFirst().person, QStringLiteral("Dana"));
        QVERIFY(store.services->incidents.assignRole(incident.id, Role::SubjectExpert, QStringLiteral("Marek")));
        const Incident two = store.services->incidents.assignRole(incident.id, Role::SubjectExpert, QStringLiteral("Ana")).value();
        QCOMPARE(two.roles.size(), 3);
        QVERIFY(!store.services->incidents.assignRole(incident.id, Role::SubjectExpert, QStringLiteral("Ana")));
        QVERIFY(!store.services->incidents.assignRole(incident.id, Role::Scribe, QStringLiteral("  ")));
        QVERIFY(store.services->incidents.removeRole(incident.id, Role::SubjectExpert, QStringLiteral("Marek")));
        QCOMPARE(store.services->incidents.find(incident.id)->roles.size(), 2);
        QVERIFY(!store.services->incidents.removeRole(incident.id, Role::SubjectExpert, QStringLiteral("Marek")));

        QStringList texts;
        for (const TimelineEntry &e : store.services->timeline.page(incident.id, 0, 50).value())
            texts.append(e.text);
        QVERIFY(texts.contains(QStringLiteral("Incident commander: Dana (was Sam)")));
        QVERIFY(texts.contains(QStringLiteral("Subject expert: Ana")));
        QVERIFY(texts.contains(QStringLiteral("Marek is no longer Subject expert")));
    }

    void entryCorrectionsKeepHistory()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const TimelineEntry entry = store.services->timeline.log(test::noteFor(incident.id, QStringLiteral("Disk ful"))).value();
        store.clock.advance(kMin);
        const TimelineEntry fixed = store.services->timeline.edit(entry.id, QStringLiteral("Disk full"), entry.at - 30'000).value();
        QCOMPARE(fixed.text, QStringLiteral("Disk full"));
        QCOMPARE(fixed.at, entry.at - 30'000);
        store.clock.advance(kMin);
        QVERIFY(store.services->timeline.edit(entry.id, QStringLiteral("Disk full on db-1"), fixed.at));
        QVERIFY(!store.services->timeline.edit(entry.id, QStringLiteral("Disk full on db-1"), fixed.at)); // nothing changed
        QVERIFY(!store.services->timeline.edit(entry.id, QStringLiteral("  "), fixed.at));

        const QList<TimelineEdit> edits = store.services->timeline.edits(entry.id).value();
        QCOMPARE(edits.size(), 2);
        QCOMPARE(edits.at(0).oldText, QStringLiteral("Disk ful"));
        QCOMPARE(edits.at(0).newText, QStringLiteral("Disk full"));
        QCOMPARE(edits.at(0).oldAt, entry.at);
        QCOMPARE(edits.at(0).newAt, entry.at - 30'000);
        QCOMPARE(edits.at(1).newText, QStringLiteral("Disk full on db-1"));
        QCOMPARE(edits.at(1).editedAt, test::kT0 + 2 * kMin);
        // The edited entry now sorts by its corrected time: before the declaration.
        QCOMPARE(store.services->timeline.page(incident.id, 0, 10)->constFirst().id, entry.id);
    }

    void retractionKeepsTheEntry()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const TimelineEntry entry = store.services->timeline.log(test::noteFor(incident.id, QStringLiteral("Wrong server"))).value();
        QVERIFY(!store.services->timeline.retract(entry.id, QStringLiteral("   ")));
        const TimelineEntry retracted = store.services->timeline.retract(entry.id, QStringLiteral("it was db-2")).value();
        QVERIFY(retracted.isRetracted());
        QCOMPARE(retracted.retractReason, QStringLiteral("it was db-2"));
        QCOMPARE(store.services->timeline.count(incident.id).value(), 2);
        const Result<TimelineEntry> edit = store.services->timeline.edit(entry.id, QStringLiteral("x"), entry.at);
        QVERIFY(!edit);
        QVERIFY(edit.error().message.contains(QStringLiteral("retracted")));
        QVERIFY(!store.services->timeline.setPinned(entry.id, true));
    }

    void filtersAndPins()
    {
        test::TestStore store;
        const Incident incident = store.declare(); // a pinned system entry by Dana
        LogRequest r = test::noteFor(incident.id, QStringLiteral("decide"));
        r.kind = EntryKind::Decision;
        r.author = QStringLiteral("Sam");
        const TimelineEntry decision = store.services->timeline.log(r).value();
        QVERIFY(store.services->timeline.log(test::noteFor(incident.id, QStringLiteral("note one"))));
        QVERIFY(store.services->timeline.log(test::noteFor(incident.id, QStringLiteral("note two"))));

        TimelineFilter kinds;
        kinds.kinds = {EntryKind::Note};
        QCOMPARE(store.services->timeline.count(incident.id, kinds).value(), 2);
        TimelineFilter author;
        author.author = QStringLiteral("Sam");
        QCOMPARE(store.services->timeline.page(incident.id, 0, 10, author)->constFirst().id, decision.id);
        TimelineFilter pinned;
        pinned.pinnedOnly = true;
        QCOMPARE(store.services->timeline.count(incident.id, pinned).value(), 1);
        QVERIFY(store.services->timeline.setPinned(decision.id, true));
        QCOMPARE(store.services->timeline.count(incident.id, pinned).value(), 2);
        QCOMPARE(store.services->timeline.pinned(incident.id)->size(), 2);
        QCOMPARE(store.services->timeline.rowOf(decision, pinned).value(), 1);
        QCOMPARE(store.services->timeline.authors(incident.id).value(), (QStringList{QStringLiteral("Dana"), QStringLiteral("Sam")}));
        // A filter value is data, never SQL.
        TimelineFilter hostile;
        hostile.author = QStringLiteral("x' OR '1'='1");
        QCOMPARE(store.services->timeline.count(incident.id, hostile).value(), 0);
    }

    void search_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("everywhere");
        QTest::addColumn<QStringList>("expected"); // texts, newest first
        QTest::newRow("one word") << QStringLiteral("disk") << false << QStringList{QStringLiteral("Disk full on db-1")};
        QTest::newRow("prefix") << QStringLiteral("repl") << false << QStringList{QStringLiteral("Replica lag 0.4 s")};
        QTest::newRow("all words must match") << QStringLiteral("disk db-1") << false << QStringList{QStringLiteral("Disk full on db-1")};
        QTest::newRow("case and accents") << QStringLiteral("CAFE") << false << QStringList{QStringLiteral("Café payments down")};
        QTest::newRow("across incidents") << QStringLiteral("down") << true
                                          << QStringList{QStringLiteral("Search is down too"), QStringLiteral("Café payments down")};
        QTest::newRow("one incident only") << QStringLiteral("down") << false << QStringList{QStringLiteral("Café payments down")};
        QTest::newRow("query syntax is just text") << QStringLiteral("\"disk\" OR NEAR(") << false << QStringList{};
        QTest::newRow("edited text is found") << QStringLiteral("corrected") << false << QStringList{QStringLiteral("corrected wording")};
    }

    void search()
    {
        QFETCH(QString, query);
        QFETCH(bool, everywhere);
        QFETCH(QStringList, expected);
        test::TestStore store;
        const Incident a = store.declare(QStringLiteral("Payments"));
        const Incident b = store.declare(QStringLiteral("Search"));
        for (const QString &t : {QStringLiteral("Disk full on db-1"), QStringLiteral("Replica lag 0.4 s"),
                                 QStringLiteral("Café payments down"), QStringLiteral("typo wording")}) {
            store.clock.advance(1000);
            QVERIFY(store.services->timeline.log(test::noteFor(a.id, t)));
        }
        const TimelineEntry typo = store.services->timeline.page(a.id, 0, 10)->constLast();
        QVERIFY(store.services->timeline.edit(typo.id, QStringLiteral("corrected wording"), typo.at));
        store.clock.advance(1000);
        QVERIFY(store.services->timeline.log(test::noteFor(b.id, QStringLiteral("Search is down too"))));

        const Result<QList<SearchHit>> hits =
            store.services->timeline.search(query, everywhere ? std::nullopt : std::optional<qint64>(a.id));
        QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().message));
        QStringList texts;
        for (const SearchHit &h : hits.value())
            texts.append(h.text);
        QCOMPARE(texts, expected);
        if (!hits->isEmpty() && everywhere)
            QCOMPARE(hits->constFirst().incidentTitle, QStringLiteral("Search"));
    }

    void searchNeedsAWord()
    {
        test::TestStore store;
        QVERIFY(!store.services->timeline.search(QStringLiteral("  *** ")));
    }
};

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
