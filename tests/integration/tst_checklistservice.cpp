// Checklists on a real store: tick, skip and untick with who and when, each with its timeline
// entry in the same transaction (a failed entry leaves the step untouched), and the runbooks a
// severity gets attached when an incident is declared — once, however many windows watch.
#include "support/teststore.h"

#include "services/declarerunbooks.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace sitrep;

namespace {

QList<ChecklistItem> steps(const QStringList &texts)
{
    QList<ChecklistItem> items;
    for (const QString &t : texts) {
        ChecklistItem i;
        i.text = t;
        items.append(i);
    }
    return items;
}

QString lastEntry(test::TestStore &store, qint64 incidentId)
{
    const int n = store.services->timeline.count(incidentId).value();
    return store.services->timeline.page(incidentId, n - 1, 1).value().constFirst().text;
}

} // namespace

class TestChecklistService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tickSkipUntickRecordWhoWhenAndAnEntry()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Checklist list = store.services->checklists
                                   .attach(incident.id, QStringLiteral("First response"),
                                           steps({QStringLiteral("Confirm the outage"), QStringLiteral("Scope it")}))
                                   .value();
        ChecklistService &checklists = store.services->checklists;
        const qint64 a = list.items.at(0).id;
        const qint64 b = list.items.at(1).id;

        store.clock.advance(90'000);
        const ChecklistItem ticked = checklists.tick(a).value();
        QCOMPARE(ticked.state, ChecklistItemState::Done);
        QCOMPARE(ticked.doneBy, QStringLiteral("Dana"));
        QCOMPARE(ticked.doneAt, std::optional<qint64>(test::kT0 + 90'000));
        QCOMPARE(lastEntry(store, incident.id), QStringLiteral("Done: Confirm the outage"));

        store.clock.advance(30'000);
        const ChecklistItem skipped = checklists.skip(b, QStringLiteral("  one service only  ")).value();
        QCOMPARE(skipped.state, ChecklistItemState::Skipped);
        QCOMPARE(skipped.skipReason, QStringLiteral("one service only"));
        QCOMPARE(skipped.doneAt, std::optional<qint64>(test::kT0 + 120'000));
        QCOMPARE(lastEntry(store, incident.id), QStringLiteral("Skipped: Scope it (one service only)"));

        const ChecklistItem reopened = checklists.untick(b).value();
        QCOMPARE(reopened.state, ChecklistItemState::Open);
        QVERIFY(reopened.doneBy.isEmpty());
        QCOMPARE(reopened.doneAt, std::nullopt);
        QVERIFY(reopened.skipReason.isEmpty());
        QCOMPARE(lastEntry(store, incident.id), QStringLiteral("No longer skipped: Scope it"));

        QVERIFY(checklists.untick(a));
        QCOMPARE(lastEntry(store, incident.id), QStringLiteral("Unticked: Confirm the outage"));
        const QList<TimelineEntry> all = store.services->timeline.page(incident.id, 0, 100).value();
        QCOMPARE(all.size(), 6); // declared, attached, done, skipped, no longer skipped, unticked
        for (int i = 1; i < all.size(); ++i)
            QCOMPARE(all.at(i).kind, EntryKind::Checklist);
    }

    void refusedTransitionsChangeNothing_data()
    {
        QTest::addColumn<int>("action"); // 0 tick, 1 skip, 2 untick
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("tickFirst");
        QTest::addColumn<QString>("expected");
        QTest::newRow("tick twice") << 0 << QString() << true << QStringLiteral("already done");
        QTest::newRow("skip without a reason") << 1 << QStringLiteral(" ") << false << QStringLiteral("needs a reason");
        QTest::newRow("skip a done step") << 1 << QStringLiteral("x") << true << QStringLiteral("untick it");
        QTest::newRow("untick an open step") << 2 << QString() << false << QStringLiteral("not ticked");
    }

    void refusedTransitionsChangeNothing()
    {
        QFETCH(int, action);
        QFETCH(QString, reason);
        QFETCH(bool, tickFirst);
        QFETCH(QString, expected);
        test::TestStore store;
        const Incident incident = store.declare();
        const Checklist list = store.services->checklists
                                   .attach(incident.id, QStringLiteral("List"), steps({QStringLiteral("Confirm")}))
                                   .value();
        ChecklistService &checklists = store.services->checklists;
        const qint64 id = list.items.constFirst().id;
        if (tickFirst)
            QVERIFY(checklists.tick(id));
        const ChecklistItem before = checklists.item(id).value();
        const int entries = store.services->timeline.count(incident.id).value();
        QSignalSpy announced(&store.services->feed(), &ChangeFeed::changed);

        const Result<ChecklistItem> refused = action == 0   ? checklists.tick(id)
                                              : action == 1 ? checklists.skip(id, reason)
                                                            : checklists.untick(id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Invalid);
        QVERIFY2(refused.error().message.contains(expected), qPrintable(refused.error().message));
        const ChecklistItem after = checklists.item(id).value();
        QCOMPARE(after.state, before.state);
        QCOMPARE(after.doneAt, before.doneAt);
        QCOMPARE(store.services->timeline.count(incident.id).value(), entries);
        QCOMPARE(announced.count(), 0);
        QCOMPARE(checklists.tick(id + 1000).error().kind, ErrorKind::NotFound);
    }

    void aFailedEntryRollsBackTheTick()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Checklist list = store.services->checklists
                                   .attach(incident.id, QStringLiteral("List"), steps({QStringLiteral("Confirm")}))
                                   .value();
        const qint64 id = list.items.constFirst().id;
        QSqlQuery q(store.db->connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER fail_timeline BEFORE INSERT ON timeline_entries "
                                      "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
        QCOMPARE(store.services->checklists.tick(id).error().kind, ErrorKind::Store);
        QCOMPARE(store.services->checklists.skip(id, QStringLiteral("why")).error().kind, ErrorKind::Store);
        QCOMPARE(store.services->checklists.item(id)->state, ChecklistItemState::Open);
        QCOMPARE(store.services->runbooks.attachToIncident(incident.id, QStringLiteral("communicate")).error().kind,
                 ErrorKind::Store);
        QCOMPARE(store.services->checklists.checklists(incident.id)->size(), 1);
    }

    void hintsSurviveTheStore()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Checklist attached = store.services->runbooks.attachToIncident(incident.id, QStringLiteral("first-response")).value();
        const Checklist stored = store.services->checklists.checklists(incident.id)->constFirst();
        QCOMPARE(stored.runbookSlug, QStringLiteral("first-response"));
        QCOMPARE(stored.items.size(), 13);
        QCOMPARE(stored.items.constFirst().section, QStringLiteral("Assess"));
        QCOMPARE(stored.items.constFirst().ownerRole, std::optional<Role>(Role::Operations));
        QCOMPARE(stored.items.constFirst().timeBoxMs, std::optional<qint64>(3 * 60'000));
        QCOMPARE(stored.items.at(5).section, QStringLiteral("Take charge"));
        QCOMPARE(attached.items.size(), stored.items.size());
        QCOMPARE(lastEntry(store, incident.id), QStringLiteral("Checklist attached: First response (13 items)"));
        const Result<Checklist> again = store.services->runbooks.attachToIncident(incident.id, QStringLiteral("First response"));
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(QStringLiteral("already attached")));
    }

    void declaringAttachesTheSeverityRunbooksOnce()
    {
        test::TestStore store;
        // Two windows on one store: both see the declaration, one attaches.
        Result<std::shared_ptr<Database>> other = Database::open(store.path);
        QVERIFY(other);
        Services otherServices(other.value(), &store.clock, QStringLiteral("Sam"));
        DeclareRunbookAttacher here(store.services->runbooks, store.services->feed());
        DeclareRunbookAttacher there(otherServices.runbooks, otherServices.feed());
        QVERIFY(store.services->runbooks.setAttachOnDeclare(QStringLiteral("communicate"), {Severity::Sev1}));

        const Incident sev1 = store.declare(QStringLiteral("Checkout is down"), Severity::Sev1);
        otherServices.feed().poke(); // the other window notices the commit
        const QList<Checklist> lists = store.services->checklists.checklists(sev1.id).value();
        QCOMPARE(lists.size(), 2);
        QCOMPARE(lists.at(0).runbookSlug, QStringLiteral("first-response"));
        QCOMPARE(lists.at(1).runbookSlug, QStringLiteral("communicate"));
        const QList<TimelineEntry> entries = store.services->timeline.page(sev1.id, 0, 10).value();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(1).source, EntrySource::System);
        QVERIFY2(entries.at(1).text.endsWith(QStringLiteral("the runbook for SEV1")), qPrintable(entries.at(1).text));

        const Incident sev3 = store.declare(QStringLiteral("Search is slow"), Severity::Sev3);
        otherServices.feed().poke();
        QCOMPARE(store.services->checklists.checklists(sev3.id)->size(), 1);
        // Asking again attaches nothing more.
        QCOMPARE(store.services->runbooks.attachDeclareRunbooks(sev3.id)->size(), 0);
        QCOMPARE(store.services->checklists.checklists(sev3.id)->size(), 1);
    }

    void severityRulesCanBeEmptiedAndDrillsAreLeftToTheirScenario()
    {
        test::TestStore store;
        DeclareRunbookAttacher attacher(store.services->runbooks, store.services->feed());
        QVERIFY(store.services->runbooks.setAttachOnDeclare(QStringLiteral("first-response"), {Severity::Sev1}));
        QCOMPARE(store.services->runbooks.declareRunbooks(Severity::Sev4).value(), QStringList());
        const Incident minor = store.declare(QStringLiteral("Typo on the status page"), Severity::Sev4);
        QCOMPARE(store.services->checklists.checklists(minor.id)->size(), 0);

        DeclareRequest request;
        request.title = QStringLiteral("Practice");
        request.severity = Severity::Sev1;
        request.drill = true;
        const Incident drill = store.services->incidents.declare(request).value();
        QCOMPARE(store.services->checklists.checklists(drill.id)->size(), 0);
        QCOMPARE(store.services->runbooks.setAttachOnDeclare(QStringLiteral("no-such-runbook"), {Severity::Sev1}).error().kind,
                 ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestChecklistService)
#include "tst_checklistservice.moc"
