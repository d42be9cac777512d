// The postmortem review and its action items against a real store: each change is stored with
// its timeline entry and change-log row, saving what is already stored writes nothing, and a
// refused change leaves the store as it was.
#include "support/richincident.h"

#include "store/postmortemrepository.h"

#include <QSignalSpy>
#include <QtTest>

using namespace sitrep;

class TestPostmortemService : public QObject
{
    Q_OBJECT

    static QList<TimelineEntry> entries(test::TestStore &store, qint64 id)
    {
        return store.services->timeline.page(id, 0, 1000).value();
    }

private Q_SLOTS:
    void emptyUntilWritten()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Result<Postmortem> p = store.services->postmortems.postmortem(incident.id);
        QVERIFY(p);
        QVERIFY(!p->isStored());
        QCOMPARE(p->incidentId, incident.id);
        QCOMPARE(p->status, ReviewStatus::Draft);
        QCOMPARE(store.services->postmortems.postmortem(9999).error().kind, ErrorKind::NotFound);
    }

    void saveStoresWithEntryAndChange()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const int before = entries(store, incident.id).size();
        QSignalSpy spy(&store.services->feed(), &ChangeFeed::changed);

        Postmortem edited;
        edited.summary = QStringLiteral("Checkout was down for 41 minutes.");
        edited.rootCauses = QStringLiteral("Pool size per pod.");
        edited.fiveWhys = {QStringLiteral("one"), QStringLiteral("  "), QStringLiteral("two")};
        store.clock.advance(60'000);
        const Result<Postmortem> saved = store.services->postmortems.save(incident.id, edited);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        QVERIFY(saved->isStored());
        QCOMPARE(saved->fiveWhys, (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(saved->updatedBy, QStringLiteral("Dana"));
        QCOMPARE(saved->createdAt, store.clock.nowMs());

        const QList<TimelineEntry> after = entries(store, incident.id);
        QCOMPARE(after.size(), before + 1);
        QCOMPARE(after.last().text, QStringLiteral("Postmortem edited: summary, root causes, five whys"));
        QCOMPARE(after.last().kind, EntryKind::System);
        QCOMPARE(spy.count(), 1);
        const QList<Change> changes = spy.at(0).at(0).value<QList<Change>>();
        QCOMPARE(changes.first().entity, Entity::Postmortem);
        QCOMPARE(changes.first().operation, Operation::Insert);

        // Saving the same content again writes nothing.
        const Result<Postmortem> again = store.services->postmortems.save(incident.id, saved.value());
        QVERIFY(again);
        QCOMPARE(entries(store, incident.id).size(), before + 1);
        QCOMPARE(spy.count(), 1);

        // A change to one section names that section.
        Postmortem next = saved.value();
        next.owner = QStringLiteral("Sam");
        next.status = ReviewStatus::Final;
        QVERIFY(store.services->postmortems.save(incident.id, next));
        QCOMPARE(entries(store, incident.id).last().text, QStringLiteral("Postmortem edited: review"));
        QCOMPARE(store.services->postmortems.postmortem(incident.id)->status, ReviewStatus::Final);
    }

    void refusedSaveChangesNothing_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("word");
        QTest::newRow("summary too long") << 0 << QStringLiteral("summary");
        QTest::newRow("negative count") << 1 << QStringLiteral("negative");
        QTest::newRow("a why on two lines") << 2 << QStringLiteral("one line");
        QTest::newRow("owner too long") << 3 << QStringLiteral("owner");
    }

    void refusedSaveChangesNothing()
    {
        QFETCH(int, field);
        QFETCH(QString, word);
        test::TestStore store;
        const Incident incident = store.declare();
        const int before = entries(store, incident.id).size();
        Postmortem p;
        switch (field) {
        case 0: p.summary = QString(kMaxPostmortemText + 1, QLatin1Char('x')); break;
        case 1: p.supportRequests = -3; break;
        case 2: p.fiveWhys = {QStringLiteral("a\nb")}; break;
        case 3: p.owner = QString(kMaxShortText + 1, QLatin1Char('o')); break;
        }
        const Result<Postmortem> saved = store.services->postmortems.save(incident.id, p);
        QVERIFY(!saved);
        QCOMPARE(saved.error().kind, ErrorKind::Invalid);
        QVERIFY2(saved.error().message.contains(word, Qt::CaseInsensitive), qPrintable(saved.error().message));
        QVERIFY(!store.services->postmortems.postmortem(incident.id)->isStored());
        QCOMPARE(entries(store, incident.id).size(), before);
    }

    void actionItemsLifecycle()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        PostmortemService &pm = store.services->postmortems;
        const QList<ActionItem> drafts = test::sampleActions();
        const ActionItem first = pm.addActionItem(incident.id, drafts.at(0)).value();
        const ActionItem second = pm.addActionItem(incident.id, drafts.at(1)).value();
        QCOMPARE(first.position, 0);
        QCOMPARE(second.position, 1);
        QCOMPARE(entries(store, incident.id).last().text,
                 QStringLiteral("Action item added: Alert when database connections pass 80% (Detect, P1, Marek Nowak, "
                                "due 2026-12-02)"));

        ActionItem done = first;
        done.state = ActionState::Done;
        QCOMPARE(pm.updateActionItem(done)->state, ActionState::Done);
        QVERIFY(entries(store, incident.id).last().text.endsWith(QStringLiteral("(In progress → Done)")));
        const int count = entries(store, incident.id).size();
        QVERIFY(pm.updateActionItem(done)); // unchanged: nothing written
        QCOMPARE(entries(store, incident.id).size(), count);

        ActionItem bad = second;
        bad.tracker = QStringLiteral("see the doc");
        const Result<ActionItem> refused = pm.updateActionItem(bad);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("see the doc")));
        QCOMPARE(pm.actionItem(second.id)->tracker, second.tracker);

        const Result<ActionItem> removed = pm.removeActionItem(second.id);
        QVERIFY(removed);
        QCOMPARE(removed->text, second.text);
        QCOMPARE(pm.actionItems(incident.id)->size(), 1);
        QCOMPARE(pm.removeActionItem(second.id).error().kind, ErrorKind::NotFound);
        QVERIFY(entries(store, incident.id).last().text.startsWith(QStringLiteral("Action item removed: ")));
    }

    void actionItemValidation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("priority");
        QTest::addColumn<QString>("tracker");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << QStringLiteral("Fix it") << 2 << QString() << true;
        QTest::newRow("https link") << QStringLiteral("Fix it") << 1 << QStringLiteral("https://jira.example.com/browse/OPS-1") << true;
        QTest::newRow("ticket key") << QStringLiteral("Fix it") << 4 << QStringLiteral("OPS-123") << true;
        QTest::newRow("issue number") << QStringLiteral("Fix it") << 3 << QStringLiteral("#42") << true;
        QTest::newRow("empty text") << QStringLiteral("   ") << 2 << QString() << false;
        QTest::newRow("priority 0") << QStringLiteral("Fix it") << 0 << QString() << false;
        QTest::newRow("priority 5") << QStringLiteral("Fix it") << 5 << QString() << false;
        QTest::newRow("ftp link") << QStringLiteral("Fix it") << 2 << QStringLiteral("ftp://example.com/x") << false;
        QTest::newRow("prose tracker") << QStringLiteral("Fix it") << 2 << QStringLiteral("ask Sam") << false;
    }

    void actionItemValidation()
    {
        QFETCH(QString, text);
        QFETCH(int, priority);
        QFETCH(QString, tracker);
        QFETCH(bool, ok);
        ActionItem a;
        a.text = text;
        a.priority = priority;
        a.tracker = tracker;
        QCOMPARE(!validateActionItem(a).has_value(), ok);
    }
};

QTEST_GUILESS_MAIN(TestPostmortemService)
#include "tst_postmortemservice.moc"
