// Stakeholder updates on a real store: the rhythm's arithmetic, the all-clear and who is owed
// it, drafts that outlive the process, audiences started from the default channels, and every
// refusal naming what was wrong while leaving the store as it was.
#include "support/teststore.h"

#include "services/cadencesettings.h"

#include <QSettings>
#include <QSqlQuery>
#include <QtTest>

using namespace sitrep;
using test::kT0;

Q_DECLARE_METATYPE(sitrep::Severity)

namespace {

constexpr qint64 kMinute = 60 * 1000;

struct Sent
{
    qint64 atMinute = 0;
    qint64 statedNextMinute = -1; // minutes after it was sent; -1 leaves it to the rhythm
};

int rowCount(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// Every audience gets the clipboard, so sending needs no network.
Audience audienceWithClipboard(test::TestStore &store, qint64 incidentId, const QString &name)
{
    const Audience a = store.services->audiences.findAudience(incidentId, name).value();
    if (store.services->audiences.channels(a.id).value().isEmpty())
        (void)store.services->audiences.addChannel(a.id, ChannelKind::Clipboard, QString()).value();
    return a;
}

Result<SentUpdate> sendTo(test::TestStore &store, qint64 incidentId, const Audience &audience, UpdateKind kind = UpdateKind::Update,
                          std::optional<qint64> next = std::nullopt, const QString &body = QStringLiteral("Still on it."))
{
    SendRequest r;
    r.incidentId = incidentId;
    r.audienceId = audience.id;
    r.kind = kind;
    r.body = body;
    r.nextUpdateAt = next;
    return store.services->updates.send(r);
}

QStringList audienceNames(const QList<Audience> &audiences)
{
    QStringList names;
    for (const Audience &a : audiences)
        names.append(a.name);
    return names;
}

QStringList timelineTexts(test::TestStore &store, qint64 incidentId)
{
    QStringList texts;
    const QList<TimelineEntry> entries = store.services->timeline.page(incidentId, 0, 1000).value();
    for (const TimelineEntry &e : entries)
        texts.append(e.text);
    return texts;
}

} // namespace

Q_DECLARE_METATYPE(Sent)

class TestUpdateService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { QSettings().remove(QStringLiteral("updates")); }

    void cadence_data()
    {
        QTest::addColumn<Severity>("severity");
        QTest::addColumn<QList<Sent>>("sent");
        QTest::addColumn<qint64>("dueMinute"); // after declaring; -1: no rhythm

        QTest::newRow("SEV1 nothing sent: declared + 15") << Severity::Sev1 << QList<Sent>{} << qint64(15);
        QTest::newRow("SEV2 nothing sent: declared + 30") << Severity::Sev2 << QList<Sent>{} << qint64(30);
        QTest::newRow("SEV3 after an update at 10: + 60") << Severity::Sev3 << QList<Sent>{{10, -1}} << qint64(70);
        QTest::newRow("SEV4 has no rhythm") << Severity::Sev4 << QList<Sent>{{5, -1}} << qint64(-1);
        QTest::newRow("SEV4 keeps a stated time") << Severity::Sev4 << QList<Sent>{{5, 45}} << qint64(50);
        QTest::newRow("stated later than the rhythm wins") << Severity::Sev1 << QList<Sent>{{0, 40}} << qint64(40);
        QTest::newRow("stated earlier than the rhythm wins") << Severity::Sev1 << QList<Sent>{{0, 5}} << qint64(5);
        QTest::newRow("next update without a promise: rhythm again") << Severity::Sev1 << QList<Sent>{{0, 40}, {10, -1}}
                                                                      << qint64(25);
        QTest::newRow("the last update counts") << Severity::Sev2 << QList<Sent>{{3, -1}, {20, -1}} << qint64(50);
    }

    void cadence()
    {
        QFETCH(Severity, severity);
        QFETCH(QList<Sent>, sent);
        QFETCH(qint64, dueMinute);
        test::TestStore store;
        const Incident incident = store.declare(QStringLiteral("Checkout is down"), severity);
        const Audience responders = audienceWithClipboard(store, incident.id, QStringLiteral("responders"));
        for (const Sent &s : sent) {
            store.clock.setNow(kT0 + s.atMinute * kMinute);
            const std::optional<qint64> next = s.statedNextMinute < 0 ? std::nullopt
                                                                     : std::optional<qint64>(store.clock.nowMs() + s.statedNextMinute * kMinute);
            const Result<SentUpdate> r = sendTo(store, incident.id, responders, UpdateKind::Update, next);
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QCOMPARE(r->update.nextStated, next.has_value());
        }
        const CadenceInfo info = store.services->updates.cadence(incident.id).value();
        QVERIFY(info.active);
        QCOMPARE(info.dueAt.value_or(-1), dueMinute < 0 ? -1 : kT0 + dueMinute * kMinute);
        if (!sent.isEmpty())
            QCOMPARE(info.lastUpdateAt.value_or(0), kT0 + sent.constLast().atMinute * kMinute);
    }

    void resolvedIncidentOwesNoRhythm()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Resolved));
        const CadenceInfo info = store.services->updates.cadence(incident.id).value();
        QVERIFY(!info.active);
        QVERIFY(!info.dueAt);
    }

    void rhythmComesFromTheSettings()
    {
        QSettings settings;
        CadencePolicy policy;
        policy.sev1Ms = 5 * kMinute;
        policy.sev4Ms = 120 * kMinute;
        saveCadencePolicy(settings, policy);
        settings.setValue(QStringLiteral("updates/cadence/sev2"), QStringLiteral("often")); // hand-edited nonsense
        settings.sync();
        const CadencePolicy loaded = loadCadencePolicy(settings);
        QCOMPARE(loaded.sev1Ms.value_or(0), 5 * kMinute);
        QCOMPARE(loaded.sev2Ms.value_or(0), 30 * kMinute); // the default stays
        QCOMPARE(loaded.sev4Ms.value_or(0), 120 * kMinute);

        test::TestStore store; // its services read the settings
        const Incident incident = store.declare();
        QCOMPARE(store.services->updates.cadence(incident.id).value().dueAt.value_or(0), kT0 + 5 * kMinute);
    }

    void updateNamesItsAudienceChannelsAndBody()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Audience customers = audienceWithClipboard(store, incident.id, QStringLiteral("Customers"));
        QVERIFY(store.services->audiences.addChannel(customers.id, ChannelKind::Email, QStringLiteral("a@example.com, b@example.com")));
        const Result<SentUpdate> sent = sendTo(store, incident.id, customers, UpdateKind::Update, kT0 + 30 * kMinute,
                                               QStringLiteral("  We are on it.  "));
        QVERIFY(sent);
        QCOMPARE(sent->update.body, QStringLiteral("We are on it."));
        QCOMPARE(sent->update.audienceName, QStringLiteral("customers"));
        QCOMPARE(sent->messages.size(), 2);
        QCOMPARE(sent->messages.at(1).subject, QStringLiteral("SEV1 – Checkout is down: Investigating"));
        const QStringList timeline = timelineTexts(store, incident.id);
        QCOMPARE(timeline.constLast(),
                 QStringLiteral("Update to customers via Clipboard, E-mail — queued; next update by 09:15:00 UTC.\n\nWe are on it."));
        QVERIFY2(timeline.contains(QStringLiteral("Updates to customers also go to E-mail (a@example.com, b@example.com)")),
                 qPrintable(timeline.join(QLatin1Char('\n'))));
    }

    void refusalsNameTheProblemAndStoreNothing_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<qint64>("nextOffsetMs"); // 0: none
        QTest::addColumn<bool>("withChannel");
        QTest::addColumn<bool>("allClear");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty body") << QStringLiteral(" \n ") << qint64(0) << true << false << QStringLiteral("The update is empty");
        QTest::newRow("too long") << QString(kMaxUpdateBody + 1, QLatin1Char('x')) << qint64(0) << true << false
                                  << QStringLiteral("is 10001 characters long; keep it under 10000");
        QTest::newRow("next in the past") << QStringLiteral("x") << qint64(-kMinute) << true << false
                                          << QStringLiteral("The next update time 08:44:00 UTC is not in the future.");
        QTest::newRow("next next month") << QStringLiteral("x") << qint64(8 * 24 * 60 * kMinute) << true << false
                                         << QStringLiteral("more than a week away");
        QTest::newRow("no channel") << QStringLiteral("x") << qint64(0) << false << false
                                    << QStringLiteral("The audience \"executives\" has no channel to send to");
        QTest::newRow("all-clear before resolving") << QStringLiteral("x") << qint64(0) << true << true
                                                    << QStringLiteral("The all-clear is for a resolved incident; this one is Investigating.");
    }

    void refusalsNameTheProblemAndStoreNothing()
    {
        QFETCH(QString, body);
        QFETCH(qint64, nextOffsetMs);
        QFETCH(bool, withChannel);
        QFETCH(bool, allClear);
        QFETCH(QString, message);
        test::TestStore store;
        const Incident incident = store.declare();
        const Audience executives = withChannel ? audienceWithClipboard(store, incident.id, QStringLiteral("executives"))
                                                : store.services->audiences.findAudience(incident.id, QStringLiteral("executives")).value();
        const QSqlDatabase db = store.db->connection();
        const int entries = rowCount(db, QStringLiteral("timeline_entries"));
        const int changes = rowCount(db, QStringLiteral("change_log"));
        const Result<SentUpdate> sent = sendTo(store, incident.id, executives, allClear ? UpdateKind::AllClear : UpdateKind::Update,
                                               nextOffsetMs ? std::optional<qint64>(kT0 + nextOffsetMs) : std::nullopt, body);
        QVERIFY(!sent);
        QCOMPARE(sent.error().kind, ErrorKind::Invalid);
        QVERIFY2(sent.error().message.contains(message), qPrintable(sent.error().message));
        QCOMPARE(rowCount(db, QStringLiteral("stakeholder_updates")), 0);
        QCOMPARE(rowCount(db, QStringLiteral("outbox_messages")), 0);
        QCOMPARE(rowCount(db, QStringLiteral("timeline_entries")), entries);
        QCOMPARE(rowCount(db, QStringLiteral("change_log")), changes);
    }

    void badTargetsAreRefusedWithoutRepeatingTheSecret_data()
    {
        QTest::addColumn<ChannelKind>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("slack over ftp") << ChannelKind::Slack << QStringLiteral("ftp://hooks.slack.com/services/T0/B0/secretsecretsecret")
                                        << QStringLiteral("The Slack webhook URL must start with https://.");
        QTest::newRow("teams no host") << ChannelKind::Teams << QStringLiteral("https:///webhookb2/secretsecretsecret")
                                       << QStringLiteral("is not a valid URL");
        QTest::newRow("mattermost empty") << ChannelKind::Mattermost << QString()
                                          << QStringLiteral("A Mattermost channel needs its incoming-webhook URL.");
        QTest::newRow("email without at") << ChannelKind::Email << QStringLiteral("ops.example.com")
                                          << QStringLiteral("\"ops.example.com\" is not an e-mail address.");
        QTest::newRow("clipboard with a target") << ChannelKind::Clipboard << QStringLiteral("x")
                                                 << QStringLiteral("The clipboard takes no target.");
    }

    void badTargetsAreRefusedWithoutRepeatingTheSecret()
    {
        QFETCH(ChannelKind, kind);
        QFETCH(QString, target);
        QFETCH(QString, message);
        test::TestStore store;
        const Incident incident = store.declare();
        const Audience a = store.services->audiences.findAudience(incident.id, QStringLiteral("responders")).value();
        const Result<Channel> added = store.services->audiences.addChannel(a.id, kind, target);
        QVERIFY(!added);
        QVERIFY2(added.error().message.contains(message), qPrintable(added.error().message));
        QVERIFY(!added.error().message.contains(QStringLiteral("secretsecret")));
        QVERIFY(store.services->audiences.channels(a.id).value().isEmpty());
        QVERIFY(!store.services->audiences.addDefaultChannel(QStringLiteral("responders"), kind, target));
        QVERIFY(store.services->audiences.defaultChannels().value().isEmpty());
    }

    void audiencesStartFromTheDefaults()
    {
        test::TestStore store;
        const QString url = QStringLiteral("https://hooks.slack.com/services/T0123ABCD/B0456EFGH/Zq8secretsecretsecret42");
        QVERIFY(store.services->audiences.addDefaultChannel(QStringLiteral("Customers"), ChannelKind::Slack, url));
        QVERIFY(store.services->audiences.addDefaultChannel(QStringLiteral("partners"), ChannelKind::Email, QStringLiteral("p@example.com")));
        QVERIFY(store.services->audiences.addDefaultChannel(QStringLiteral("PARTNERS"), ChannelKind::Clipboard, QString()));
        const QList<DefaultChannel> defaults = store.services->audiences.defaultChannels().value();
        QCOMPARE(defaults.size(), 3);
        QCOMPARE(defaults.at(0).audience, QStringLiteral("customers"));
        QCOMPARE(defaults.at(2).audience, QStringLiteral("partners")); // one spelling per audience

        const Incident incident = store.declare();
        QVERIFY(store.services->audiences.audiences(incident.id).value().isEmpty());
        const QList<Audience> audiences = store.services->audiences.ensureAudiences(incident.id).value();
        QCOMPARE(audienceNames(audiences),
                 (QStringList{QStringLiteral("responders"), QStringLiteral("executives"), QStringLiteral("customers"),
                              QStringLiteral("partners")}));
        QCOMPARE(audiences.at(2).templateKind, AudienceTemplate::Customers);
        QCOMPARE(audiences.at(3).templateKind, AudienceTemplate::Custom);
        QCOMPARE(store.services->audiences.channels(audiences.at(2).id).value().constFirst().target, url);
        QCOMPARE(store.services->audiences.channels(audiences.at(3).id).value().size(), 2);
        // Once: asking again changes nothing.
        QCOMPARE(store.services->audiences.ensureAudiences(incident.id).value().size(), 4);
        const QStringList timeline = timelineTexts(store, incident.id);
        QCOMPARE(timeline.count(QStringLiteral("Stakeholder audiences: responders (no channel yet); executives (no channel yet); "
                                               "customers (Slack); partners (E-mail (p@example.com), Clipboard)")),
                 1);
        QVERIFY(!timeline.join(QLatin1Char('\n')).contains(QStringLiteral("Zq8secret")));

        const Result<Audience> missing = store.services->audiences.findAudience(incident.id, QStringLiteral("board"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QCOMPARE(missing.error().message, QStringLiteral("There is no audience \"board\" for this incident; there are: responders, "
                                                         "executives, customers, partners."));
    }

    void allClearIsOwedToEveryoneWhoHeardFromUs()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Audience responders = audienceWithClipboard(store, incident.id, QStringLiteral("responders"));
        const Audience customers = audienceWithClipboard(store, incident.id, QStringLiteral("customers"));
        audienceWithClipboard(store, incident.id, QStringLiteral("executives"));
        QVERIFY(sendTo(store, incident.id, responders));
        QVERIFY(sendTo(store, incident.id, customers));
        QVERIFY(sendTo(store, incident.id, responders));
        QVERIFY(!store.services->updates.allClear(incident.id).value().pending); // still open

        store.clock.advance(30 * kMinute);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Resolved));
        AllClearStatus status = store.services->updates.allClear(incident.id).value();
        QVERIFY(status.pending);
        QCOMPARE(status.resolvedAt.value_or(0), kT0 + 30 * kMinute);
        QCOMPARE(audienceNames(status.audiences), (QStringList{QStringLiteral("responders"), QStringLiteral("customers")}));

        const Result<SentUpdate> toResponders = sendTo(store, incident.id, responders, UpdateKind::AllClear);
        QVERIFY(toResponders);
        QVERIFY(!toResponders->update.nextUpdateAt); // the all-clear promises nothing more
        QVERIFY(!toResponders->messages.constFirst().payload.contains("Next update"));
        status = store.services->updates.allClear(incident.id).value();
        QVERIFY(status.pending);
        QCOMPARE(audienceNames(status.audiences), QStringList{QStringLiteral("customers")});
        QVERIFY(sendTo(store, incident.id, customers, UpdateKind::AllClear));
        QVERIFY(!store.services->updates.allClear(incident.id).value().pending);
        QVERIFY(timelineTexts(store, incident.id).constLast().startsWith(QStringLiteral("All-clear to customers via Clipboard — queued.")));

    }

    void allClearMayBeDismissedWithAReason()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Audience responders = audienceWithClipboard(store, incident.id, QStringLiteral("responders"));
        QVERIFY(sendTo(store, incident.id, responders));
        const Outcome early = store.services->updates.dismissAllClear(incident.id, QStringLiteral("no"));
        QVERIFY(!early);
        QCOMPARE(early.error().message, QStringLiteral("The incident is Investigating; the all-clear comes after it is resolved."));
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Resolved));
        const Outcome empty = store.services->updates.dismissAllClear(incident.id, QStringLiteral("   "));
        QVERIFY(!empty);
        QCOMPARE(empty.error().message, QStringLiteral("Say why the all-clear is not sent: the record keeps the reason."));
        QVERIFY(store.services->updates.allClear(incident.id).value().pending);
        QVERIFY(store.services->updates.dismissAllClear(incident.id, QStringLiteral("Told them on the bridge call")));
        const AllClearStatus status = store.services->updates.allClear(incident.id).value();
        QVERIFY(!status.pending);
        QVERIFY(status.dismissed);
        QCOMPARE(status.dismissReason, QStringLiteral("Told them on the bridge call"));
        QCOMPARE(timelineTexts(store, incident.id).constLast(), QStringLiteral("All-clear not sent: Told them on the bridge call"));
    }

    void nothingOwedWhenNobodyHeardFromUs()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Resolved));
        const AllClearStatus status = store.services->updates.allClear(incident.id).value();
        QVERIFY(!status.pending);
        QVERIFY(status.audiences.isEmpty());
    }

    void draftsOutliveTheProcess()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const Audience customers = audienceWithClipboard(store, incident.id, QStringLiteral("customers"));
        UpdateDraft d;
        d.audienceId = customers.id;
        d.body = QStringLiteral("We are aware of errors at checkout and are");
        d.nextText = QStringLiteral("30m");
        QVERIFY(store.services->updates.saveDraft(d));
        d.body += QStringLiteral(" investigating.");
        QVERIFY(store.services->updates.saveDraft(d));
        store.close(); // as if the process died
        store.open();
        const std::optional<UpdateDraft> back = store.services->updates.draft(customers.id, UpdateKind::Update).value();
        QVERIFY(back);
        QCOMPARE(back->body, QStringLiteral("We are aware of errors at checkout and are investigating."));
        QCOMPARE(back->nextText, QStringLiteral("30m"));
        QCOMPARE(back->savedAt, kT0);
        QVERIFY(!store.services->updates.draft(customers.id, UpdateKind::AllClear).value());
        // Sending it clears it; an all-clear draft is its own.
        QVERIFY(sendTo(store, incident.id, customers, UpdateKind::Update, std::nullopt, back->body));
        QVERIFY(!store.services->updates.draft(customers.id, UpdateKind::Update).value());
    }

    void templatesReadTheBoard()
    {
        test::TestStore store;
        DeclareRequest r;
        r.title = QStringLiteral("Checkout is down");
        r.severity = Severity::Sev1;
        r.impact = QStringLiteral("No customer can pay");
        const Incident incident = store.services->incidents.declare(r).value();
        QVERIFY(store.services->situation.add(incident.id, SituationColumn::Known, QStringLiteral("Primary DB disk is full"),
                                              QStringLiteral("Sam")));
        QVERIFY(store.services->situation.add(incident.id, SituationColumn::Unknown, QStringLiteral("Why did the alert not fire?")));
        const QList<Audience> audiences = store.services->audiences.ensureAudiences(incident.id).value();
        const QString responders = store.services->updates.templateBody(incident.id, audiences.at(0).id, UpdateKind::Update).value();
        QVERIFY2(responders.contains(QStringLiteral("Impact: No customer can pay")), qPrintable(responders));
        QVERIFY2(responders.contains(QStringLiteral("- Primary DB disk is full (Sam)")), qPrintable(responders));
        QVERIFY2(responders.contains(QStringLiteral("- Why did the alert not fire?")), qPrintable(responders));
        const QString customers = store.services->updates.templateBody(incident.id, audiences.at(2).id, UpdateKind::Update).value();
        QVERIFY2(!customers.contains(QStringLiteral("Sam")), qPrintable(customers));
        QVERIFY2(customers.contains(QStringLiteral("Affected: No customer can pay")), qPrintable(customers));
        const Result<QString> wrongAudience = store.services->updates.templateBody(incident.id + 1, audiences.at(0).id, UpdateKind::Update);
        QVERIFY(!wrongAudience);
        QCOMPARE(wrongAudience.error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestUpdateService)
#include "tst_updateservice.moc"
