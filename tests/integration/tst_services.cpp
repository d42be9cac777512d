// Services against a real store: every mutation stores its state and its timeline entry
// together or not at all, and announces itself on the change feed after the commit.
#include "support/teststore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace sitrep;

namespace {

// Makes the next timeline insert fail inside SQLite, between a service's state change and its
// entry: the failure a full disk or a bug would cause at the worst moment.
void breakTimelineInserts(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER fail_timeline BEFORE INSERT ON timeline_entries "
                                  "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
}

void repairTimelineInserts(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER fail_timeline")));
}

int rowCount(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestServices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void declareStoresIncidentAndEntry()
    {
        test::TestStore store;
        QSignalSpy spy(&store.services->feed(), &ChangeFeed::changed);
        const Incident incident = store.declare(QStringLiteral("  Checkout   is down "));
        QCOMPARE(incident.title, QStringLiteral("Checkout is down"));
        QCOMPARE(incident.status, Status::Investigating);
        QCOMPARE(incident.startedAt, test::kT0);
        QCOMPARE(spy.count(), 1);
        const QList<Change> changes = spy.at(0).at(0).value<QList<Change>>();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).entity, Entity::Incident);
        QCOMPARE(changes.at(1).entity, Entity::Timeline);
        QCOMPARE(changes.at(1).incidentId, incident.id);
        QCOMPARE(store.services->timeline.count(incident.id).value(), 1);
    }

    void failedDeclareStoresNothing()
    {
        test::TestStore store;
        const QSqlDatabase db = store.db->connection();
        breakTimelineInserts(db);
        QSignalSpy spy(&store.services->feed(), &ChangeFeed::changed);
        DeclareRequest r;
        r.title = QStringLiteral("Never stored");
        const Result<Incident> result = store.services->incidents.declare(r);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::Store);
        QVERIFY2(result.error().message.contains(QStringLiteral("injected failure")), qPrintable(result.error().message));
        QCOMPARE(rowCount(db, QStringLiteral("incidents")), 0);
        QCOMPARE(rowCount(db, QStringLiteral("change_log")), 0);
        QCOMPARE(spy.count(), 0);
    }

    void failedStatusChangeLeavesStatusAsItWas()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const QSqlDatabase db = store.db->connection();
        const int changesBefore = rowCount(db, QStringLiteral("change_log"));
        breakTimelineInserts(db);
        store.clock.advance(60'000);
        QSignalSpy spy(&store.services->feed(), &ChangeFeed::changed);
        QVERIFY(!store.services->incidents.changeStatus(incident.id, Status::Mitigated));
        QVERIFY(!store.services->incidents.changeSeverity(incident.id, Severity::Sev2));
        QCOMPARE(spy.count(), 0);
        const Incident after = store.services->incidents.find(incident.id).value();
        QCOMPARE(after.status, Status::Investigating);
        QCOMPARE(after.severity, Severity::Sev1);
        QCOMPARE(after.mitigatedAt, std::nullopt);
        QCOMPARE(rowCount(db, QStringLiteral("change_log")), changesBefore);

        repairTimelineInserts(db);
        const Result<Incident> mitigated = store.services->incidents.changeStatus(incident.id, Status::Mitigated);
        QVERIFY(mitigated);
        QCOMPARE(mitigated->mitigatedAt, std::optional<qint64>(test::kT0 + 60'000));
        QCOMPARE(spy.count(), 1);
    }

    void failedSituationAndChecklistChangesStoreNothing()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Result<SituationItem> item = store.services->situation.add(incident.id, SituationColumn::Unknown,
                                                                         QStringLiteral("Which deploy broke it?"));
        QVERIFY(item);
        ChecklistItem step;
        step.text = QStringLiteral("Confirm the outage");
        const Result<Checklist> list = store.services->checklists.attach(incident.id, QStringLiteral("First response"), {step});
        QVERIFY(list);
        const QSqlDatabase db = store.db->connection();
        breakTimelineInserts(db);
        QVERIFY(!store.services->situation.add(incident.id, SituationColumn::Known, QStringLiteral("lost")));
        QVERIFY(!store.services->situation.move(item->id, SituationColumn::Known));
        QVERIFY(!store.services->checklists.tick(list->items.constFirst().id));
        QVERIFY(!store.services->checklists.attach(incident.id, QStringLiteral("Second"), {step}));
        QCOMPARE(rowCount(db, QStringLiteral("situation_items")), 1);
        QCOMPARE(store.services->situation.item(item->id)->column, SituationColumn::Unknown);
        QCOMPARE(store.services->checklists.checklists(incident.id)->size(), 1);
        QCOMPARE(store.services->checklists.checklists(incident.id)->constFirst().items.constFirst().state,
                 ChecklistItemState::Open);
    }

    void everyMutationWritesATimelineEntry()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        int expected = 1;
        auto entries = [&] { return store.services->timeline.count(incident.id).value(); };
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Identified));
        QCOMPARE(entries(), ++expected);
        QVERIFY(store.services->incidents.changeSeverity(incident.id, Severity::Sev2));
        QCOMPARE(entries(), ++expected);
        const Result<SituationItem> unknown = store.services->situation.add(incident.id, SituationColumn::Unknown,
                                                                            QStringLiteral("Is the replica healthy?"));
        QCOMPARE(entries(), ++expected);
        QVERIFY(store.services->situation.move(unknown->id, SituationColumn::Known));
        QCOMPARE(entries(), ++expected);
        ChecklistItem a, b;
        a.text = QStringLiteral("Confirm the outage");
        b.text = QStringLiteral("Check recent deploys");
        const Result<Checklist> list = store.services->checklists.attach(incident.id, QStringLiteral("First response"), {a, b});
        QCOMPARE(entries(), ++expected);
        const Result<ChecklistItem> ticked = store.services->checklists.tick(list->items.at(1).id);
        QVERIFY(ticked);
        QCOMPARE(ticked->doneBy, QStringLiteral("Dana"));
        QCOMPARE(entries(), ++expected);

        const QList<TimelineEntry> all = store.services->timeline.page(incident.id, 0, 100).value();
        QCOMPARE(all.at(1).kind, EntryKind::Status);
        QCOMPARE(all.at(1).text, QStringLiteral("Status: Investigating → Identified"));
        QCOMPARE(all.at(3).kind, EntryKind::Situation);
        QCOMPARE(all.at(5).kind, EntryKind::Checklist);
        QCOMPARE(all.at(6).text, QStringLiteral("Done: Check recent deploys"));
    }

    void refusedRequests_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty entry") << 0 << QStringLiteral("empty");
        QTest::newRow("same status") << 1 << QStringLiteral("already");
        QTest::newRow("out of closed") << 2 << QStringLiteral("cannot go from");
        QTest::newRow("status before impact") << 3 << QStringLiteral("before the impact started");
        QTest::newRow("unknown incident") << 4 << QStringLiteral("no incident");
        QTest::newRow("empty title") << 5 << QStringLiteral("needs a title");
        QTest::newRow("empty card") << 6 << QStringLiteral("empty");
        QTest::newRow("tick twice") << 7 << QStringLiteral("already done");
    }

    void refusedRequests()
    {
        QFETCH(int, step);
        QFETCH(QString, expected);
        test::TestStore store;
        const Incident incident = store.declare();
        ChecklistItem item;
        item.text = QStringLiteral("Confirm");
        const Checklist list = store.services->checklists.attach(incident.id, QStringLiteral("List"), {item}).value();
        QVERIFY(store.services->checklists.tick(list.items.constFirst().id));
        const int entriesBefore = store.services->timeline.count(incident.id).value();

        Error error;
        auto take = [&](const auto &result) {
            QVERIFY(!result);
            error = result.error();
        };
        switch (step) {
        case 0: take(store.services->timeline.log(test::noteFor(incident.id, QStringLiteral("   ")))); break;
        case 1: take(store.services->incidents.changeStatus(incident.id, Status::Investigating)); break;
        case 2:
            QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Closed));
            take(store.services->incidents.changeStatus(incident.id, Status::Resolved));
            break;
        case 3: take(store.services->incidents.changeStatus(incident.id, Status::Mitigated, test::kT0 - 1)); break;
        case 4: take(store.services->timeline.log(test::noteFor(incident.id + 100, QStringLiteral("hello")))); break;
        case 5: take(store.services->incidents.declare(DeclareRequest{})); break;
        case 6: take(store.services->situation.add(incident.id, SituationColumn::Known, QStringLiteral(" "))); break;
        case 7: take(store.services->checklists.tick(list.items.constFirst().id)); break;
        }
        QVERIFY2(error.message.contains(expected, Qt::CaseInsensitive), qPrintable(error.message));
        const int entriesAfter = store.services->timeline.count(incident.id).value();
        QCOMPARE(entriesAfter, entriesBefore + (step == 2 ? 1 : 0));
    }

    void feedSeesOtherConnectionsCommits()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        // A second, independent owner of the same file: what another process does.
        Result<std::shared_ptr<Database>> other = Database::open(store.path);
        QVERIFY(other);
        Services otherServices(other.value(), &store.clock, QStringLiteral("Sam"));

        QSignalSpy spy(&store.services->feed(), &ChangeFeed::changed);
        store.services->feed().start(20);
        QVERIFY(otherServices.timeline.log(test::noteFor(incident.id, QStringLiteral("Logged from elsewhere"))));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 2000);
        const QList<Change> changes = spy.at(0).at(0).value<QList<Change>>();
        QCOMPARE(changes.constFirst().entity, Entity::Timeline);
        const TimelineEntry entry = store.services->timeline.entry(changes.constFirst().entityId).value();
        QCOMPARE(entry.text, QStringLiteral("Logged from elsewhere"));
        QCOMPARE(entry.author, QStringLiteral("Sam"));
    }
};

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
