// The sitrep-incident interchange format against real stores: an export imported elsewhere is
// the same incident to the last field; imported twice, it becomes a second incident with ids of
// its own; every kind of bad file is refused with its JSON path and the store left as it was.
#include "support/richincident.h"

#include "services/interchangejson.h"
#include "store/changelogrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QtTest>

using namespace sitrep;

namespace {

// Every UUID replaced by its order of first appearance: two documents equal under this have
// the same content and the same references between their parts, whatever their ids.
QString canonicalIds(const QByteArray &json)
{
    static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    QString text = QString::fromUtf8(json);
    QHash<QString, int> seen;
    QString out;
    qsizetype last = 0;
    for (auto it = uuid.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString id = m.captured();
        if (!seen.contains(id))
            seen.insert(id, int(seen.size()));
        out += QStringLiteral("<id%1>").arg(seen.value(id));
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

int rowCount(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// What a refused import must leave as it was.
struct StoreState
{
    QList<int> counts;
    qint64 lastSeq = 0;
    friend bool operator==(const StoreState &, const StoreState &) = default;
};

StoreState stateOf(test::TestStore &store)
{
    const QSqlDatabase db = store.db->connection();
    StoreState s;
    for (const char *table : {"incidents", "incident_roles", "timeline_entries", "timeline_edits", "situation_items",
                              "estimates", "board_events", "checklists", "checklist_items", "update_audiences",
                              "stakeholder_updates", "postmortems", "action_items", "milestone_edits"})
        s.counts << rowCount(db, QString::fromLatin1(table));
    s.lastSeq = ChangeLogRepository(db).lastSeq();
    return s;
}

void compareEntries(const QList<TimelineEntry> &a, const QList<TimelineEntry> &b)
{
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const TimelineEntry &x = a.at(i);
        const TimelineEntry &y = b.at(i);
        QCOMPARE(y.uuid, x.uuid);
        QCOMPARE(y.at, x.at);
        QCOMPARE(y.kind, x.kind);
        QCOMPARE(y.author, x.author);
        QCOMPARE(y.text, x.text);
        QCOMPARE(y.source, x.source);
        QCOMPARE(y.pinned, x.pinned);
        QCOMPARE(y.internal, x.internal);
        QCOMPARE(y.retractedAt, x.retractedAt);
        QCOMPARE(y.retractReason, x.retractReason);
        QCOMPARE(y.createdAt, x.createdAt);
    }
}

void compareIncidents(const Incident &x, const Incident &y)
{
    QCOMPARE(y.uuid, x.uuid);
    QCOMPARE(y.title, x.title);
    QCOMPARE(y.severity, x.severity);
    QCOMPARE(y.status, x.status);
    QCOMPARE(y.impact, x.impact);
    for (Milestone m : allMilestones())
        QCOMPARE(y.milestone(m), x.milestone(m));
    QCOMPARE(y.deadlineAt, x.deadlineAt);
    QCOMPARE(y.costPerMinuteCents, x.costPerMinuteCents);
    QCOMPARE(y.drill, x.drill);
    QCOMPARE(y.updatedAt, x.updatedAt);
    QCOMPARE(y.roles.size(), x.roles.size());
    for (qsizetype i = 0; i < x.roles.size(); ++i) {
        QCOMPARE(y.roles.at(i).role, x.roles.at(i).role);
        QCOMPARE(y.roles.at(i).person, x.roles.at(i).person);
    }
}

// Sets the value at a path like {"timeline", 2, "kind"} in a JSON document.
QJsonValue setAt(QJsonValue node, QVariantList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QVariant key = path.takeFirst();
    if (key.typeId() == QMetaType::QString) {
        QJsonObject o = node.toObject();
        o.insert(key.toString(), setAt(o.value(key.toString()), path, value));
        return o;
    }
    QJsonArray a = node.toArray();
    a.replace(key.toInt(), setAt(a.at(key.toInt()), path, value));
    return a;
}

QJsonValue valueAt(QJsonValue node, const QVariantList &path)
{
    for (const QVariant &key : path)
        node = key.typeId() == QMetaType::QString ? node.toObject().value(key.toString()) : node.toArray().at(key.toInt());
    return node;
}

} // namespace

class TestInterchange : public QObject
{
    Q_OBJECT

    QByteArray m_rich; // the rich incident, exported once

private Q_SLOTS:
    void initTestCase()
    {
        test::TestStore source;
        const qint64 id = test::writeRichIncident(source);
        m_rich = source.services->interchange.exportJson(id).value();
        QVERIFY(m_rich.startsWith("{\n  \"format\": \"sitrep-incident\",\n  \"version\": 1,"));
    }

    void roundTripReproducesEveryField()
    {
        test::TestStore a;
        const qint64 id = test::writeRichIncident(a);
        const QByteArray exported = a.services->interchange.exportJson(id).value();

        test::TestStore b(QStringLiteral("other.db"));
        b.clock.setNow(a.clock.nowMs());
        const Result<Incident> imported = b.services->interchange.importJson(exported);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));

        // The same document back out, byte for byte: every field the format carries survived.
        QCOMPARE(QString::fromUtf8(b.services->interchange.exportJson(imported->id).value()), QString::fromUtf8(exported));

        // And through the services each view reads, field by field.
        Services &x = *a.services;
        Services &y = *b.services;
        const qint64 jd = imported->id;
        compareIncidents(x.incidents.find(id).value(), y.incidents.find(jd).value());
        const int count = x.timeline.count(id).value();
        QVERIFY(count > 30);
        compareEntries(x.timeline.page(id, 0, count).value(), y.timeline.page(jd, 0, count).value());
        const QList<TimelineEntry> entries = x.timeline.page(id, 0, count).value();
        const QList<TimelineEntry> copies = y.timeline.page(jd, 0, count).value();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QList<TimelineEdit> e1 = x.timeline.edits(entries.at(i).id).value();
            const QList<TimelineEdit> e2 = y.timeline.edits(copies.at(i).id).value();
            QCOMPARE(e2.size(), e1.size());
            for (qsizetype k = 0; k < e1.size(); ++k) {
                QCOMPARE(e2.at(k).oldText, e1.at(k).oldText);
                QCOMPARE(e2.at(k).newText, e1.at(k).newText);
                QCOMPARE(e2.at(k).editedAt, e1.at(k).editedAt);
                QCOMPARE(e2.at(k).editor, e1.at(k).editor);
            }
        }
        QCOMPARE(y.incidents.milestoneEdits(jd).value().size(), x.incidents.milestoneEdits(id).value().size());

        const QList<SituationItem> items = x.situation.items(id).value();
        const QList<SituationItem> itemCopies = y.situation.items(jd).value();
        QCOMPARE(itemCopies.size(), items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            const SituationItem &p = items.at(i);
            const SituationItem &q = itemCopies.at(i);
            QCOMPARE(q.uuid, p.uuid);
            QCOMPARE(q.column, p.column);
            QCOMPARE(q.text, p.text);
            QCOMPARE(q.owner, p.owner);
            QCOMPARE(q.state, p.state);
            QCOMPARE(q.position, p.position);
            QCOMPARE(q.createdAt, p.createdAt);
            QCOMPARE(q.updatedAt, p.updatedAt);
            QCOMPARE(q.knownAt, p.knownAt);
            QCOMPARE(q.answer, p.answer);
            QCOMPARE(q.needBy, p.needBy);
            QCOMPARE(q.tag, p.tag);
            QCOMPARE(q.risky, p.risky);
            QCOMPARE(q.backOut, p.backOut);
            QCOMPARE(q.timeBoxMs, p.timeBoxMs);
            QCOMPARE(q.boxStartedAt, p.boxStartedAt);
            QCOMPARE(q.answers.size(), p.answers.size());
        }
        QCOMPARE(y.situation.estimates(jd).value(), x.situation.estimates(id).value());
        // What was known when: the board's history replays to the same board at every moment.
        const Incident incident = x.incidents.find(id).value();
        for (qint64 t = incident.startedAt; t <= a.clock.nowMs(); t += 60'000)
            QCOMPARE(y.situation.boardAsOf(jd, t).value(), x.situation.boardAsOf(id, t).value());
        QCOMPARE(y.situation.estimateReview(jd).value().revisions.size(),
                 x.situation.estimateReview(id).value().revisions.size());

        const QList<Checklist> lists = x.checklists.checklists(id).value();
        const QList<Checklist> listCopies = y.checklists.checklists(jd).value();
        QCOMPARE(listCopies.size(), lists.size());
        for (qsizetype i = 0; i < lists.size(); ++i) {
            QCOMPARE(listCopies.at(i).uuid, lists.at(i).uuid);
            QCOMPARE(listCopies.at(i).name, lists.at(i).name);
            QCOMPARE(listCopies.at(i).runbookSlug, lists.at(i).runbookSlug);
            QCOMPARE(listCopies.at(i).attachedAt, lists.at(i).attachedAt);
            QCOMPARE(listCopies.at(i).items.size(), lists.at(i).items.size());
            for (qsizetype k = 0; k < lists.at(i).items.size(); ++k) {
                const ChecklistItem &p = lists.at(i).items.at(k);
                const ChecklistItem &q = listCopies.at(i).items.at(k);
                QCOMPARE(q.uuid, p.uuid);
                QCOMPARE(q.text, p.text);
                QCOMPARE(q.section, p.section);
                QCOMPARE(q.depth, p.depth);
                QCOMPARE(q.state, p.state);
                QCOMPARE(q.doneBy, p.doneBy);
                QCOMPARE(q.doneAt, p.doneAt);
                QCOMPARE(q.skipReason, p.skipReason);
                QCOMPARE(q.ownerRole, p.ownerRole);
                QCOMPARE(q.timeBoxMs, p.timeBoxMs);
                QCOMPARE(q.link, p.link);
            }
        }
        const QList<StakeholderUpdate> updates = x.updates.updates(id).value();
        const QList<StakeholderUpdate> updateCopies = y.updates.updates(jd).value();
        QCOMPARE(updateCopies.size(), updates.size());
        QVERIFY(!updates.isEmpty());
        for (qsizetype i = 0; i < updates.size(); ++i) {
            QCOMPARE(updateCopies.at(i).uuid, updates.at(i).uuid);
            QCOMPARE(updateCopies.at(i).body, updates.at(i).body);
            QCOMPARE(updateCopies.at(i).audienceName, updates.at(i).audienceName);
            QCOMPARE(updateCopies.at(i).sentAt, updates.at(i).sentAt);
            QCOMPARE(updateCopies.at(i).nextUpdateAt, updates.at(i).nextUpdateAt);
            QCOMPARE(updateCopies.at(i).kind, updates.at(i).kind);
        }
        QCOMPARE(y.updates.allClear(jd).value().dismissed, x.updates.allClear(id).value().dismissed);

        Postmortem p = x.postmortems.postmortem(id).value();
        Postmortem q = y.postmortems.postmortem(jd).value();
        QVERIFY(p.isStored());
        q.id = p.id;
        q.incidentId = p.incidentId;
        QCOMPARE(q, p);
        QList<ActionItem> actions = x.postmortems.actionItems(id).value();
        QList<ActionItem> actionCopies = y.postmortems.actionItems(jd).value();
        QCOMPARE(actionCopies.size(), 4);
        for (qsizetype i = 0; i < actions.size(); ++i) {
            actionCopies[i].id = actions.at(i).id;
            actionCopies[i].incidentId = actions.at(i).incidentId;
            QCOMPARE(actionCopies.at(i), actions.at(i));
        }
    }

    void importIntoTheSameStoreMakesACopyWithNewIds()
    {
        test::TestStore store;
        const qint64 id = test::writeRichIncident(store);
        const QByteArray first = store.services->interchange.exportJson(id).value();
        const StoreState before = stateOf(store);

        const Result<Incident> copy = store.services->interchange.importJson(first);
        QVERIFY2(copy, qPrintable(copy ? QString() : copy.error().message));
        QVERIFY(copy->id != id);
        QVERIFY(copy->uuid != store.services->incidents.find(id)->uuid);
        QCOMPARE(copy->title, store.services->incidents.find(id)->title);
        const QByteArray second = store.services->interchange.exportJson(copy->id).value();
        // Same content and structure; no id shared with the original.
        QCOMPARE(canonicalIds(second), canonicalIds(first));
        static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        QSet<QString> firstIds;
        for (auto it = uuid.globalMatch(QString::fromUtf8(first)); it.hasNext();)
            firstIds.insert(it.next().captured());
        for (auto it = uuid.globalMatch(QString::fromUtf8(second)); it.hasNext();)
            QVERIFY(!firstIds.contains(it.next().captured()));

        // One more of everything, and the change log says so.
        const StoreState after = stateOf(store);
        QCOMPARE(after.counts.at(0), before.counts.at(0) + 1);
        QVERIFY(after.lastSeq > before.lastSeq);
        QCOMPARE(store.services->incidents.list().value().size(), 2);
    }

    void importAnnouncesTheNewIncident()
    {
        test::TestStore store;
        QSignalSpy spy(&store.services->feed(), &ChangeFeed::changed);
        const Result<Incident> imported = store.services->interchange.importJson(m_rich);
        QVERIFY(imported);
        QCOMPARE(spy.count(), 1);
        const QList<Change> changes = spy.at(0).at(0).value<QList<Change>>();
        QCOMPARE(changes.first().entity, Entity::Incident);
        QCOMPARE(changes.first().operation, Operation::Insert);
        QCOMPARE(changes.first().entityId, imported->id);
    }

    void minimalHandWrittenFileImports()
    {
        test::TestStore store;
        const QByteArray json = R"({
          "format": "sitrep-incident", "version": 1,
          "incident": {"title": "Queue stalled", "severity": 3, "status": "resolved", "impact": "Emails late",
                       "milestones": {"started": "2026-11-25T08:00:00+01:00", "resolved": "2026-11-25T08:30:00+01:00"},
                       "roles": [{"role": "commander", "person": "Ana"}]},
          "timeline": [{"at": "2026-11-25T07:05:00Z", "kind": "alert", "text": "Queue depth 10k"},
                       {"at": "2026-11-25T07:10:00.250Z", "kind": "decision", "text": "Restart workers", "author": "Ana",
                        "pinned": true}]
        })";
        const Result<Incident> imported = store.services->interchange.importJson(json);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        QCOMPARE(imported->severity, Severity::Sev3);
        QCOMPARE(imported->startedAt, QDateTime(QDate(2026, 11, 25), QTime(7, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(imported->declaredAt, imported->startedAt);
        QCOMPARE(imported->roles.size(), 1);
        const QList<TimelineEntry> entries = store.services->timeline.page(imported->id, 0, 10).value();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).at % 1000, 250);
        QCOMPARE(entries.at(1).pinned, true);
        QCOMPARE(entries.at(0).source, EntrySource::Import);
    }

    void documentedExampleImports()
    {
        // The example in docs/interchange.md is a file people copy: it must import as shown.
        QFile doc(QStringLiteral(SITREP_SOURCE_DIR "/docs/interchange.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        const qsizetype start = text.indexOf(QStringLiteral("```json\n"));
        const qsizetype end = text.indexOf(QStringLiteral("\n```"), start + 8);
        QVERIFY(start > 0 && end > start);
        test::TestStore store;
        const Result<Incident> imported = store.services->interchange.importJson(text.mid(start + 8, end - start - 8).toUtf8());
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
        QCOMPARE(imported->uuid, QUuid(QStringLiteral("5a8e2f0c-1b7d-4c3e-9f21-6d4b8a0c7e13")));
        QCOMPARE(store.services->timeline.pinned(imported->id)->size(), 2);
        QCOMPARE(store.services->postmortems.actionItems(imported->id)->size(), 2);
        QCOMPARE(store.services->postmortems.postmortem(imported->id)->affectedCount, std::optional<qint64>(3200));
        const Result<BoardSnapshot> board = store.services->situation.boardAsOf(imported->id, imported->mitigatedAt.value());
        QCOMPARE(board->known.size(), 1);
        QVERIFY(board->estimate.has_value());
    }

    void malformedImportIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");  // the start of the message: the JSON path or the position
        QTest::addColumn<QString>("reason"); // a word of the reason

        const QJsonObject base = QJsonDocument::fromJson(m_rich).object();
        auto with = [&base](const QVariantList &path, const QJsonValue &value) {
            return QJsonDocument(setAt(base, path, value).toObject()).toJson();
        };
        const QString firstId = valueAt(base, {QStringLiteral("timeline"), 1, QStringLiteral("id")}).toString();

        QTest::newRow("truncated file") << m_rich.left(m_rich.size() / 2) << QStringLiteral("line ")
                                        << QStringLiteral("truncated");
        QTest::newRow("empty file") << QByteArray("  \n") << QStringLiteral("$") << QStringLiteral("empty");
        QTest::newRow("not JSON") << QByteArray("{\"format\": sitrep}") << QStringLiteral("line 1, column")
                                  << QStringLiteral("not JSON");
        QTest::newRow("top level is an array") << QByteArray("[1, 2]") << QStringLiteral("$") << QStringLiteral("array");
        QTest::newRow("different format") << with({QStringLiteral("format")}, QStringLiteral("pagerduty-incident"))
                                          << QStringLiteral("$.format") << QStringLiteral("pagerduty-incident");
        QTest::newRow("format missing") << QByteArray("{\"version\": 1}") << QStringLiteral("$.format")
                                        << QStringLiteral("missing");
        QTest::newRow("newer version") << with({QStringLiteral("version")}, 2) << QStringLiteral("$.version")
                                       << QStringLiteral("newer");
        QTest::newRow("version as text") << with({QStringLiteral("version")}, QStringLiteral("1"))
                                         << QStringLiteral("$.version") << QStringLiteral("string");
        QTest::newRow("incident missing") << QByteArray(R"({"format": "sitrep-incident", "version": 1})")
                                          << QStringLiteral("$.incident") << QStringLiteral("missing");
        QTest::newRow("severity of the wrong type")
            << with({QStringLiteral("incident"), QStringLiteral("severity")}, QStringLiteral("high"))
            << QStringLiteral("$.incident.severity") << QStringLiteral("string");
        QTest::newRow("severity out of range") << with({QStringLiteral("incident"), QStringLiteral("severity")}, 7)
                                               << QStringLiteral("$.incident.severity") << QStringLiteral("range");
        QTest::newRow("timeline not an array") << with({QStringLiteral("timeline")}, QStringLiteral("lots"))
                                               << QStringLiteral("$.timeline") << QStringLiteral("array");
        QTest::newRow("pinned of the wrong type")
            << with({QStringLiteral("timeline"), 0, QStringLiteral("pinned")}, QStringLiteral("yes"))
            << QStringLiteral("$.timeline[0].pinned") << QStringLiteral("true or false");
        QTest::newRow("unknown kind") << with({QStringLiteral("timeline"), 2, QStringLiteral("kind")}, QStringLiteral("explosion"))
                                      << QStringLiteral("$.timeline[2].kind") << QStringLiteral("explosion");
        QTest::newRow("unknown status") << with({QStringLiteral("incident"), QStringLiteral("status")}, QStringLiteral("on fire"))
                                        << QStringLiteral("$.incident.status") << QStringLiteral("on fire");
        QTest::newRow("unknown board column")
            << with({QStringLiteral("situation"), 0, QStringLiteral("column")}, QStringLiteral("maybe"))
            << QStringLiteral("$.situation[0].column") << QStringLiteral("maybe");
        QTest::newRow("unknown action state")
            << with({QStringLiteral("actionItems"), 0, QStringLiteral("state")}, QStringLiteral("someday"))
            << QStringLiteral("$.actionItems[0].state") << QStringLiteral("someday");
        QTest::newRow("time without offset")
            << with({QStringLiteral("timeline"), 1, QStringLiteral("at")}, QStringLiteral("2026-11-25T08:45:00"))
            << QStringLiteral("$.timeline[1].at") << QStringLiteral("offset");
        QTest::newRow("time before 1970")
            << with({QStringLiteral("timeline"), 1, QStringLiteral("at")}, QStringLiteral("1969-12-31T23:59:59Z"))
            << QStringLiteral("$.timeline[1].at") << QStringLiteral("1970");
        QTest::newRow("time past 9999")
            << with({QStringLiteral("timeline"), 1, QStringLiteral("at")}, QStringLiteral("10000-01-01T00:00:00Z"))
            << QStringLiteral("$.timeline[1].at") << QStringLiteral("9999");
        QTest::newRow("impossible date")
            << with({QStringLiteral("incident"), QStringLiteral("milestones"), QStringLiteral("resolved")},
                    QStringLiteral("2026-02-30T10:00:00Z"))
            << QStringLiteral("$.incident.milestones.resolved") << QStringLiteral("ISO 8601");
        QTest::newRow("milestones out of order")
            << with({QStringLiteral("incident"), QStringLiteral("milestones"), QStringLiteral("detected")},
                    QStringLiteral("2020-01-01T00:00:00Z"))
            << QStringLiteral("$.incident.milestones.") << QStringLiteral("out of order");
        QTest::newRow("started missing")
            << with({QStringLiteral("incident"), QStringLiteral("milestones"), QStringLiteral("started")}, QJsonValue())
            << QStringLiteral("$.incident.milestones.started") << QStringLiteral("required");
        QTest::newRow("duplicate entry ids") << with({QStringLiteral("timeline"), 3, QStringLiteral("id")}, firstId)
                                             << QStringLiteral("$.timeline[3].id") << QStringLiteral("$.timeline[1].id");
        QTest::newRow("id that is not a UUID") << with({QStringLiteral("timeline"), 0, QStringLiteral("id")}, QStringLiteral("e-1"))
                                               << QStringLiteral("$.timeline[0].id") << QStringLiteral("UUID");
        QTest::newRow("empty entry text") << with({QStringLiteral("timeline"), 0, QStringLiteral("text")}, QStringLiteral("  "))
                                          << QStringLiteral("$.timeline[0].text") << QStringLiteral("empty");
        QTest::newRow("an entry of 100,001 characters")
            << with({QStringLiteral("timeline"), 0, QStringLiteral("text")}, QString(100'001, QLatin1Char('x')))
            << QStringLiteral("$.timeline[0].text") << QStringLiteral("100000");
        QTest::newRow("a string of 30 MB")
            << with({QStringLiteral("postmortem"), QStringLiteral("summary")}, QString(30'000'000, QLatin1Char('y')))
            << QStringLiteral("$.postmortem.summary") << QStringLiteral("30000000");
        QByteArray invalidUtf8 = m_rich;
        invalidUtf8.insert(invalidUtf8.indexOf("\"title\": \"") + 10, "\xff\xfe");
        QTest::newRow("invalid UTF-8") << invalidUtf8 << QStringLiteral("line ") << QStringLiteral("UTF-8");
        QByteArray overlong = m_rich;
        overlong.insert(overlong.indexOf("\"title\": \"") + 10, "\xc0\xaf");
        QTest::newRow("overlong UTF-8") << overlong << QStringLiteral("line ") << QStringLiteral("UTF-8");
        QTest::newRow("update to an unknown audience")
            << with({QStringLiteral("updates"), 0, QStringLiteral("audience")}, QStringLiteral("00000000-0000-4000-8000-000000000000"))
            << QStringLiteral("$.updates[0].audience") << QStringLiteral("audience");
        QTest::newRow("board change naming no estimate")
            << [&] {
                   const QJsonArray history = base.value(QStringLiteral("boardHistory")).toArray();
                   for (qsizetype n = 0; n < history.size(); ++n) {
                       if (history.at(n).toObject().value(QStringLiteral("kind")) == QLatin1String("estimated"))
                           return with({QStringLiteral("boardHistory"), int(n), QStringLiteral("estimate")}, QJsonValue());
                   }
                   return QByteArray();
               }()
            << QStringLiteral("$.boardHistory[") << QStringLiteral("estimate");
        QTest::newRow("action item with a bad due date")
            << with({QStringLiteral("actionItems"), 0, QStringLiteral("due")}, QStringLiteral("next week"))
            << QStringLiteral("$.actionItems[0].due") << QStringLiteral("next week");
        QTest::newRow("roles of the wrong type")
            << with({QStringLiteral("incident"), QStringLiteral("roles")}, QJsonObject{{QStringLiteral("ic"), QStringLiteral("Ana")}})
            << QStringLiteral("$.incident.roles") << QStringLiteral("array");
    }

    void malformedImportIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, reason);
        QVERIFY(!json.isEmpty());
        test::TestStore store;
        store.declare();
        const StoreState before = stateOf(store);

        const Result<Incident> imported = store.services->interchange.importJson(json);
        if (!imported)
            qInfo("%s", qPrintable(imported.error().message.left(200)));
        QVERIFY(!imported);
        QCOMPARE(imported.error().kind, ErrorKind::Invalid);
        const QString message = imported.error().message;
        QVERIFY2(message.startsWith(where), qPrintable(message.left(300)));
        QVERIFY2(message.contains(reason), qPrintable(message.left(300)));
        QVERIFY2(message.size() < 400, "a refusal names the problem; it does not echo the input");
        QCOMPARE(stateOf(store), before);
    }

    void failureWhileWritingLeavesNothing()
    {
        test::TestStore store;
        test::writeRichIncident(store);
        const StoreState before = stateOf(store);
        // The last thing an import writes fails inside SQLite, after everything else was written.
        QSqlQuery q(store.db->connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER fail_actions BEFORE INSERT ON action_items "
                                      "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
        const Result<Incident> imported = store.services->interchange.importJson(m_rich);
        QVERIFY(!imported);
        QCOMPARE(imported.error().kind, ErrorKind::Store);
        QCOMPARE(stateOf(store), before);
    }

    void importFileNamesTheFile()
    {
        test::TestStore store;
        const QString missing = store.dir.filePath(QStringLiteral("nope.json"));
        const Result<Incident> absent = store.services->interchange.importFile(missing);
        QVERIFY(!absent);
        QCOMPARE(absent.error().kind, ErrorKind::NotFound);
        QVERIFY(absent.error().message.contains(QStringLiteral("nope.json")));

        const QString bad = store.dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "sitrep-incident", "version": 9})");
        f.close();
        const Result<Incident> refused = store.services->interchange.importFile(bad);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(bad + QStringLiteral(": $.version")), qPrintable(refused.error().message));
    }

    void timesParseExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: refused
        const qint64 t = QDateTime(QDate(2026, 11, 25), QTime(8, 45), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("Z") << QStringLiteral("2026-11-25T08:45:00Z") << t;
        QTest::newRow("milliseconds") << QStringLiteral("2026-11-25T08:45:00.123Z") << t + 123;
        QTest::newRow("plus one hour") << QStringLiteral("2026-11-25T09:45:00+01:00") << t;
        QTest::newRow("minus, no colon") << QStringLiteral("2026-11-25T03:45:00-0500") << t;
        QTest::newRow("no seconds") << QStringLiteral("2026-11-25T08:45Z") << t;
        QTest::newRow("no offset") << QStringLiteral("2026-11-25T08:45:00") << qint64(-1);
        QTest::newRow("date only") << QStringLiteral("2026-11-25") << qint64(-1);
        QTest::newRow("offset past 18 h") << QStringLiteral("2026-11-25T08:45:00+19:00") << qint64(-1);
        QTest::newRow("hour 24") << QStringLiteral("2026-11-25T24:00:00Z") << qint64(-1);
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z") << qint64(0);
    }

    void timesParseExactly()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const std::optional<qint64> parsed = parseInterchangeTime(text);
        QCOMPARE(parsed.value_or(-1), ms);
        if (parsed)
            QCOMPARE(parseInterchangeTime(interchangeTime(*parsed)), parsed);
    }
};

QTEST_GUILESS_MAIN(TestInterchange)
#include "tst_interchange.moc"
