// The text an update starts from, per audience, filled from the incident and its board.
#include "domain/updatetemplate.h"

#include <QtTest>

using namespace sitrep;

Q_DECLARE_METATYPE(sitrep::AudienceTemplate)
Q_DECLARE_METATYPE(sitrep::Status)

namespace {

// 2026-11-25T08:45:00Z
constexpr qint64 kT0 = 1'795'596'300'000;
constexpr qint64 kMinute = 60 * 1000;

SituationItem card(SituationColumn column, const QString &text, const QString &state = {}, const QString &owner = {},
                   qint64 updatedAt = kT0)
{
    SituationItem i;
    i.column = column;
    i.text = text;
    i.state = state;
    i.owner = owner;
    i.updatedAt = updatedAt;
    return i;
}

Incident incident(Status status = Status::Identified)
{
    Incident i;
    i.title = QStringLiteral("Checkout is down");
    i.impact = QStringLiteral("No customer can pay");
    i.status = status;
    i.startedAt = kT0;
    return i;
}

QList<SituationItem> board()
{
    return {card(SituationColumn::Known, QStringLiteral("Primary DB disk is full"), {}, QStringLiteral("Sam")),
            card(SituationColumn::Unknown, QStringLiteral("Why did the alert not fire?"), QStringLiteral("open"), QStringLiteral("Kim")),
            card(SituationColumn::Unknown, QStringLiteral("Is the replica healthy?"), QStringLiteral("answered")),
            card(SituationColumn::Plan, QStringLiteral("Fail over to the replica"), QStringLiteral("doing"), QStringLiteral("Lee")),
            card(SituationColumn::Plan, QStringLiteral("Free disk space"), QStringLiteral("todo")),
            card(SituationColumn::Plan, QStringLiteral("Page the DBA"), QStringLiteral("done")),
            card(SituationColumn::Plan, QStringLiteral("Restart everything"), QStringLiteral("abandoned")),
            card(SituationColumn::Estimate, QStringLiteral("1–2 h"), {}, {}, kT0),
            card(SituationColumn::Estimate, QStringLiteral("30–90 min, medium confidence"), {}, {}, kT0 + kMinute)};
}

} // namespace

class TestUpdateTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void factsSortTheBoard()
    {
        const UpdateFacts f = updateFactsFrom(incident(), board(), true);
        QCOMPARE(f.known, (QStringList{QStringLiteral("Primary DB disk is full (Sam)"), QStringLiteral("Is the replica healthy?")}));
        QCOMPARE(f.unknown, QStringList{QStringLiteral("Why did the alert not fire? (Kim)")});
        QCOMPARE(f.doing, QStringList{QStringLiteral("Fail over to the replica (Lee)")});
        QCOMPARE(f.next, QStringList{QStringLiteral("Free disk space")});
        QCOMPARE(f.done, QStringList{QStringLiteral("Page the DBA")});
        QCOMPARE(f.estimate, QStringLiteral("30–90 min, medium confidence")); // the newest revision
        const UpdateFacts anonymous = updateFactsFrom(incident(), board(), false);
        QCOMPARE(anonymous.doing, QStringList{QStringLiteral("Fail over to the replica")});
    }

    void respondersGetEverything()
    {
        const QString body = composeUpdateBody(AudienceTemplate::Responders, updateFactsFrom(incident(), board(), true));
        QCOMPARE(body, QStringLiteral("Impact: No customer can pay\n\n"
                                      "What we know:\n- Primary DB disk is full (Sam)\n- Is the replica healthy?\n\n"
                                      "What we are doing:\n- Fail over to the replica (Lee)\n\n"
                                      "Next:\n- Free disk space\n\n"
                                      "What we don't know yet:\n- Why did the alert not fire? (Kim)\n\n"
                                      "Estimate to restore: 30–90 min, medium confidence"));
    }

    void emptyBoardStillSaysSomething()
    {
        Incident i = incident(Status::Investigating);
        i.impact.clear();
        const QString body = composeUpdateBody(AudienceTemplate::Custom, updateFactsFrom(i, {}, true));
        QCOMPARE(body, QStringLiteral("Impact: being assessed.\n\n"
                                      "What we know: nothing confirmed yet.\n\n"
                                      "What we are doing: no step in progress.\n\n"
                                      "What we don't know yet: no open questions.\n\n"
                                      "Estimate to restore: not yet known; we will give a range as soon as we have one."));
    }

    void executivesGetTheGist()
    {
        QList<SituationItem> items;
        for (int n = 1; n <= 5; ++n)
            items.append(card(SituationColumn::Plan, QStringLiteral("Step %1").arg(n), QStringLiteral("doing"), QStringLiteral("Lee")));
        const QString body = composeUpdateBody(AudienceTemplate::Executives, updateFactsFrom(incident(), items, true));
        QCOMPARE(body, QStringLiteral("Impact: No customer can pay\n\n"
                                      "What we are doing:\n- Step 1 (Lee)\n- Step 2 (Lee)\n- Step 3 (Lee)\n- and 2 more\n\n"
                                      "Estimate to restore: not yet known; we will give a range as soon as we have one."));
    }

    void customersGetPlainWords_data()
    {
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("opening");
        QTest::newRow("investigating") << Status::Investigating << QStringLiteral("We are aware of a problem and are investigating it.");
        QTest::newRow("identified") << Status::Identified << QStringLiteral("We have found the cause and are working on a fix.");
        QTest::newRow("mitigated") << Status::Mitigated << QStringLiteral("A fix is in place and we are watching to make sure it holds.");
    }

    void customersGetPlainWords()
    {
        QFETCH(Status, status);
        QFETCH(QString, opening);
        const QString body = composeUpdateBody(AudienceTemplate::Customers, updateFactsFrom(incident(status), board(), false));
        QCOMPARE(body, opening + QStringLiteral("\n\nAffected: No customer can pay\n\n"
                                                "We expect service to be back within 30–90 min, medium confidence.\n\n"
                                                "We are sorry for the disruption."));
        QVERIFY(!body.contains(QStringLiteral("Sam")));
        QVERIFY(!body.contains(QStringLiteral("alert")));
    }

    void allClear_data()
    {
        QTest::addColumn<AudienceTemplate>("audience");
        QTest::addColumn<QString>("expected");
        QTest::newRow("responders")
            << AudienceTemplate::Responders
            << QStringLiteral("Resolved. The impact lasted from 2026-11-25 08:45 UTC to 09:50:00 UTC (1h 05m 00s).\n\n"
                              "What happened: No customer can pay\n\n"
                              "What was done:\n- Page the DBA\n\n"
                              "What happens next:\n- We keep watching for a recurrence.\n"
                              "- A post-incident review will follow, with its actions and owners.");
        QTest::newRow("customers")
            << AudienceTemplate::Customers
            << QStringLiteral("The problem is resolved and service is working normally again.\n\n"
                              "What happened: No customer can pay, from 2026-11-25 08:45 UTC to 09:50:00 UTC (1h 05m 00s).\n\n"
                              "We will look into why it happened and what we change so it does not happen again. "
                              "Thank you for your patience.");
    }

    void allClear()
    {
        QFETCH(AudienceTemplate, audience);
        QFETCH(QString, expected);
        Incident i = incident(Status::Resolved);
        i.resolvedAt = kT0 + 65 * kMinute;
        QCOMPARE(composeAllClearBody(audience, updateFactsFrom(i, board(), false), true), expected);
    }
};

QTEST_GUILESS_MAIN(TestUpdateTemplate)
#include "tst_updatetemplate.moc"
