// The board "as of" a moment, rebuilt from the stored history: a scripted incident is played
// through the real store with a manual clock, the live board is captured after every step, and
// the history must give back exactly that board at exactly that moment — also after the store
// is closed and opened again. And how the estimates held up once the impact ended.
#include "support/teststore.h"

#include <QtTest>

using namespace sitrep;

namespace {

constexpr qint64 kMinute = 60'000;

// A readable form of a board, so a failure shows what differs.
QString render(const BoardSnapshot &b)
{
    const auto column = [](const QList<SnapshotCard> &cards) {
        QStringList out;
        for (const SnapshotCard &c : cards) {
            QString s = c.text;
            if (!c.owner.isEmpty())
                s += QStringLiteral(" @") + c.owner;
            if (!c.state.isEmpty())
                s += QStringLiteral(" [") + c.state + QLatin1Char(']');
            if (!c.tag.isEmpty())
                s += QStringLiteral(" #") + c.tag;
            if (!c.answer.isEmpty())
                s += QStringLiteral(" = ") + c.answer;
            out << s;
        }
        return out.join(QStringLiteral(" | "));
    };
    QString estimate = QStringLiteral("none");
    if (b.estimate) {
        estimate = QStringLiteral("%1-%2 %3 %4")
                       .arg(b.estimate->lowMs / kMinute)
                       .arg(b.estimate->highMs / kMinute)
                       .arg(confidenceKey(b.estimate->confidence), b.estimate->basis);
    }
    return QStringLiteral("known: %1\nunknown: %2\nplan: %3\nestimate: %4")
        .arg(column(b.known), column(b.unknown), column(b.plan), estimate);
}

struct Moment
{
    QString step;
    qint64 at = 0;
    BoardSnapshot board;
};

} // namespace

class TestSituationHistory : public QObject
{
    Q_OBJECT

    // Plays a whole incident, one minute per step, and returns the board after each step.
    QList<Moment> script(test::TestStore &store, qint64 incidentId)
    {
        SituationService &s = store.services->situation;
        QList<Moment> moments;
        const auto capture = [&](const QString &step) {
            moments.append({step, store.clock.nowMs(), s.board(incidentId).value()});
            store.clock.advance(kMinute);
        };
        const auto ok = [](const auto &result) {
            if (!result)
                qFatal("script step failed: %s", qPrintable(result.error().message));
            return result.value();
        };
        const SituationItem k1 = ok(s.addFromText(incidentId, SituationColumn::Known,
                                                  QStringLiteral("Checkout returns 502 for 40% @Grafana")));
        capture(QStringLiteral("first fact"));
        const SituationItem u1 = ok(s.addFromText(incidentId, SituationColumn::Unknown,
                                                  QStringLiteral("Which deploy introduced it? @Ana by:09:30")));
        const SituationItem u2 = ok(s.addFromText(incidentId, SituationColumn::Unknown,
                                                  QStringLiteral("Is the payments DB healthy? @Ben")));
        capture(QStringLiteral("two questions in one minute"));
        ok(s.estimate(incidentId, 60 * kMinute, 180 * kMinute, Confidence::Low, QStringLiteral("no idea yet")));
        const SituationItem p1 = ok(s.addFromText(incidentId, SituationColumn::Plan,
                                                  QStringLiteral("Watch checkout error rate @Cy #verify")));
        const SituationItem p2 = ok(s.addFromText(
            incidentId, SituationColumn::Plan,
            QStringLiteral("Roll back deploy 4812 @Ana #contain !risky answers:%1 undo: redeploy 4812").arg(u1.id)));
        capture(QStringLiteral("a plan and a first estimate"));
        ok(s.advancePlanStep(p2.id));
        ok(s.editFromText(k1.id, QStringLiteral("Checkout returns 502 for 80% of users @Eve")));
        capture(QStringLiteral("rollback started, fact corrected"));
        ok(s.answer(u2.id, QStringLiteral("Yes, replication lag is normal")));
        ok(s.estimate(incidentId, 30 * kMinute, 90 * kMinute, Confidence::Medium, QStringLiteral("rollback under way")));
        capture(QStringLiteral("a question answered, estimate narrowed"));
        const SituationItem scratch = ok(s.add(incidentId, SituationColumn::Known, QStringLiteral("Scratch note")));
        ok(s.remove(scratch.id));
        const SituationItem u3 = ok(s.addFromText(incidentId, SituationColumn::Unknown,
                                                  QStringLiteral("Check canary thresholds @Dee")));
        capture(QStringLiteral("added and removed in one instant"));
        ok(s.advancePlanStep(p2.id));
        ok(s.move(u3.id, SituationColumn::Plan));
        ok(s.editFromText(p1.id, QStringLiteral("Watch checkout error rate @Cy #contain")));
        capture(QStringLiteral("rollback done, a question became a step, a step re-tagged"));
        ok(s.answer(u1.id, QStringLiteral("Deploy 4812")));
        ok(s.estimate(incidentId, 10 * kMinute, 20 * kMinute, Confidence::High, QStringLiteral("caches warming")));
        ok(s.setPlanState(p1.id, PlanState::Abandoned));
        capture(QStringLiteral("the end"));
        return moments;
    }

private Q_SLOTS:
    void asOfReproducesTheScript()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const QList<Moment> moments = script(store, incident.id);
        SituationService &s = store.services->situation;

        QVERIFY(s.boardAsOf(incident.id, test::kT0 - 1)->isEmpty());
        for (const Moment &m : moments) {
            const BoardSnapshot then = s.boardAsOf(incident.id, m.at).value();
            QVERIFY2(then == m.board, qPrintable(m.step + QStringLiteral("\nreplayed:\n") + render(then)
                                                 + QStringLiteral("\nlive:\n") + render(m.board)));
            // Anywhere inside the minute after a step, the board is still as that step left it.
            QCOMPARE(render(s.boardAsOf(incident.id, m.at + kMinute - 1).value()), render(m.board));
        }
        // The last moment is the board now.
        QCOMPARE(s.board(incident.id).value(), moments.constLast().board);

        // A history is a record: it reads the same from a store opened afresh.
        store.close();
        store.open();
        for (const Moment &m : moments)
            QCOMPARE(render(store.services->situation.boardAsOf(incident.id, m.at).value()), render(m.board));
    }

    void asOfSpotChecks()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        const QList<Moment> m = script(store, incident.id);
        const auto at = [&](int i) { return render(store.services->situation.boardAsOf(incident.id, m.at(i).at).value()); };
        QCOMPARE(at(0), QStringLiteral("known: Checkout returns 502 for 40% @Grafana\nunknown: \nplan: \nestimate: none"));
        QCOMPARE(at(2).section(QLatin1Char('\n'), 2),
                 QStringLiteral("plan: Watch checkout error rate @Cy [todo] #verify | Roll back deploy 4812 @Ana [todo] #contain\n"
                                "estimate: 60-180 low no idea yet"));
        QCOMPARE(at(4).section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("known: Checkout returns 502 for 80% of users @Eve | "
                                "Is the payments DB healthy? @Ben [answered] = Yes, replication lag is normal"));
        QCOMPARE(at(7),
                 QStringLiteral("known: Checkout returns 502 for 80% of users @Eve | "
                                "Is the payments DB healthy? @Ben [answered] = Yes, replication lag is normal | "
                                "Which deploy introduced it? @Ana [answered] = Deploy 4812\n"
                                "unknown: \n"
                                "plan: Watch checkout error rate @Cy [abandoned] #contain | Roll back deploy 4812 @Ana [done] #contain | "
                                "Check canary thresholds @Dee [todo]\n"
                                "estimate: 10-20 high caches warming"));
        // Every revision is kept, oldest first.
        QCOMPARE(store.services->situation.estimates(incident.id)->size(), 3);
        QCOMPARE(estimateRevisionsAsOf(store.services->situation.history(incident.id).value(), m.at(4).at).size(), 2);
    }

    void estimateAccuracyOnceRestored()
    {
        test::TestStore store;
        const Incident incident = store.declare();
        SituationService &s = store.services->situation;
        QVERIFY(s.estimate(incident.id, 30 * kMinute, 90 * kMinute, Confidence::Low, {}));   // made T0
        store.clock.setNow(test::kT0 + 20 * kMinute);
        QVERIFY(s.estimate(incident.id, 10 * kMinute, 20 * kMinute, Confidence::Medium, {})); // made T0+20
        store.clock.setNow(test::kT0 + 40 * kMinute);
        QVERIFY(s.estimate(incident.id, 20 * kMinute, 30 * kMinute, Confidence::High, {}));   // made T0+40

        // Nothing to grade while the impact goes on.
        EstimateReview review = s.estimateReview(incident.id).value();
        QCOMPARE(review.restoredAt, std::nullopt);
        QVERIFY(review.revisions.isEmpty());

        store.clock.setNow(test::kT0 + 55 * kMinute);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Mitigated));
        store.clock.setNow(test::kT0 + 70 * kMinute);
        QVERIFY(store.services->incidents.changeStatus(incident.id, Status::Resolved));
        review = s.estimateReview(incident.id).value();
        // Restored when the impact ended: mitigated, not resolved.
        QCOMPARE(review.restoredAt, std::optional<qint64>(test::kT0 + 55 * kMinute));
        QCOMPARE(review.revisions.size(), 3);
        QCOMPARE(review.revisions.at(0).outcome, EstimateOutcome::Inside);
        QCOMPARE(review.revisions.at(0).actualMs, 55 * kMinute);
        QCOMPARE(review.revisions.at(0).missedByMs, 0);
        QCOMPARE(review.revisions.at(1).outcome, EstimateOutcome::Late);
        QCOMPARE(review.revisions.at(1).actualMs, 35 * kMinute);
        QCOMPARE(review.revisions.at(1).missedByMs, 15 * kMinute);
        QCOMPARE(review.revisions.at(2).outcome, EstimateOutcome::Early);
        QCOMPARE(review.revisions.at(2).actualMs, 15 * kMinute);
        QCOMPARE(review.revisions.at(2).missedByMs, 5 * kMinute);
    }

    void olderStoresKeepTheirCardsInHistory()
    {
        // A card written before the board kept a history (schema 1 fixture) is in the as-of view.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        QVERIFY(QFile::copy(QStringLiteral(SITREP_SOURCE_DIR "/tests/data/stores/schema1.db"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        Result<std::shared_ptr<Database>> db = Database::open(path);
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        ManualClock clock(test::kT0 + 24 * 60 * kMinute);
        Services services(db.value(), &clock, QStringLiteral("Dana"));
        const Incident incident = services.incidents.resolve(QStringLiteral("6f1c2d3e-0000-4000-8000-000000000001")).value();
        const QList<SituationItem> cards = services.situation.items(incident.id).value();
        QCOMPARE(cards.size(), 1);
        const BoardSnapshot before = services.situation.boardAsOf(incident.id, cards.constFirst().createdAt - 1).value();
        const BoardSnapshot after = services.situation.boardAsOf(incident.id, cards.constFirst().createdAt).value();
        QVERIFY(before.isEmpty());
        QCOMPARE(after.unknown.size(), 1);
        QCOMPARE(after.unknown.constFirst().text, QStringLiteral("Why did the disk fill?"));
        QCOMPARE(after.unknown.constFirst().uuid, cards.constFirst().uuid);
    }
};

QTEST_GUILESS_MAIN(TestSituationHistory)
#include "tst_situationhistory.moc"
