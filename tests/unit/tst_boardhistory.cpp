#include "domain/boardhistory.h"

#include <QDateTime>
#include <QStringList>
#include <QTest>

#include <algorithm>

using namespace sitrep;

namespace {

constexpr qint64 minute = 60 * 1000;
const qint64 t0 = QDateTime::fromString(QStringLiteral("2026-11-25T09:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();

QUuid card(int n)
{
    return QUuid(uint(n), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

// Card ids named for what they are in the script.
const QUuid k1 = card(1); // known: the symptom
const QUuid k2 = card(2); // known: added and removed in the same instant
const QUuid u1 = card(3); // unknown: which deploy
const QUuid u2 = card(4); // unknown: DB health
const QUuid u3 = card(5); // unknown, later moved into the plan
const QUuid p1 = card(6); // plan: verify
const QUuid p2 = card(7); // plan: contain

BoardEvent boardEvent(qint64 minutes, qint64 seq, const QUuid &uuid, BoardEventKind kind)
{
    BoardEvent e;
    e.at = t0 + minutes * minute;
    e.seq = seq;
    e.itemUuid = uuid;
    e.kind = kind;
    return e;
}

BoardEvent added(qint64 minutes, qint64 seq, const QUuid &uuid, SituationColumn column, const char *text,
                 const char *owner = "", const char *state = "", const char *tag = "")
{
    BoardEvent e = boardEvent(minutes, seq, uuid, BoardEventKind::Added);
    e.column = column;
    e.text = QString::fromUtf8(text);
    e.owner = QString::fromUtf8(owner);
    e.state = QString::fromUtf8(state);
    e.tag = QString::fromUtf8(tag);
    return e;
}

BoardEvent withText(BoardEvent e, const char *text, const char *owner = "")
{
    e.text = QString::fromUtf8(text);
    e.owner = QString::fromUtf8(owner);
    return e;
}

BoardEvent withState(BoardEvent e, const char *state)
{
    e.state = QString::fromUtf8(state);
    return e;
}

BoardEvent withAnswer(BoardEvent e, const char *answer)
{
    e.answer = QString::fromUtf8(answer);
    return e;
}

BoardEvent estimated(qint64 minutes, qint64 seq, qint64 lowMin, qint64 highMin, Confidence c, const char *basis)
{
    BoardEvent e = boardEvent(minutes, seq, QUuid(), BoardEventKind::Estimated);
    e.column = SituationColumn::Estimate;
    e.estimate = Estimate{lowMin * minute, highMin * minute, c, QString::fromUtf8(basis), e.at};
    return e;
}

// The scripted incident. Some same-instant events are listed out of sequence on purpose.
QList<BoardEvent> script()
{
    using K = BoardEventKind;
    using C = SituationColumn;
    BoardEvent moved = withState(boardEvent(8, 14, u3, K::Moved), "todo");
    moved.column = C::Plan;
    return {
        added(0, 1, k1, C::Known, "Checkout returns 502 for all users"),
        added(1, 3, u2, C::Unknown, "Is the payments DB healthy?", "Ben", "open"),
        added(1, 2, u1, C::Unknown, "Which deploy introduced it?", "Ana", "open"),
        added(2, 4, p1, C::Plan, "Watch checkout error rate", "Cy", "todo", "verify"),
        added(2, 5, p2, C::Plan, "Roll back deploy 4812", "Ana", "todo", "contain"),
        estimated(3, 6, 30, 90, Confidence::Medium, "a similar rollback took 40 min"),
        withState(boardEvent(4, 7, p2, K::StateChanged), "doing"),
        withText(boardEvent(5, 9, k1, K::Edited), "Checkout returns 502 for 80% of users", "Eve"),
        withAnswer(boardEvent(5, 8, u2, K::Answered), "Yes, replication lag is normal"),
        added(6, 10, u3, C::Unknown, "Check canary thresholds", "Dee", "open"),
        boardEvent(7, 12, k2, K::Removed),
        added(7, 11, k2, C::Known, "Scratch note"),
        withState(boardEvent(8, 13, p2, K::StateChanged), "done"),
        moved,
        estimated(9, 15, 10, 20, Confidence::High, "rollback done, caches warming"),
        withAnswer(boardEvent(9, 16, k1, K::Answered), "not an unknown: ignored"),
        withText(boardEvent(10, 17, k2, K::Edited), "ghost of a removed card"),
        withAnswer(boardEvent(10, 18, u1, K::Answered), "Deploy 4812"),
        boardEvent(11, 19, p1, K::Removed),
    };
}

QString render(const QList<SnapshotCard> &cards)
{
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
}

QString render(const std::optional<Estimate> &e)
{
    if (!e)
        return QString();
    return QStringLiteral("%1-%2 %3").arg(e->lowMs / minute).arg(e->highMs / minute).arg(confidenceKey(e->confidence));
}

} // namespace

// "As of" reconstruction: the board replayed from its history to any moment.
class TestBoardHistory : public QObject
{
    Q_OBJECT

private slots:
    void eventKindKeysRoundTrip();
    void asOf_data();
    void asOf();
    void emptyHistoryIsEmptyBoard();
    void inputOrderDoesNotMatter();
    void answeredCardKeepsItsIdentity();
    void estimateRevisions();
    void oddEventsAreIgnored();
};

void TestBoardHistory::eventKindKeysRoundTrip()
{
    QCOMPARE(allBoardEventKinds().size(), 7);
    for (BoardEventKind k : allBoardEventKinds())
        QCOMPARE(parseBoardEventKind(boardEventKindKey(k)), k);
    QCOMPARE(parseBoardEventKind(QStringLiteral("deleted")), std::nullopt);
}

void TestBoardHistory::asOf_data()
{
    QTest::addColumn<qint64>("at");
    QTest::addColumn<QString>("known");
    QTest::addColumn<QString>("unknown");
    QTest::addColumn<QString>("plan");
    QTest::addColumn<QString>("estimate");

    const QString k1First = QStringLiteral("Checkout returns 502 for all users");
    const QString k1Edited = QStringLiteral("Checkout returns 502 for 80% of users @Eve");
    const QString u2Answered = QStringLiteral("Is the payments DB healthy? @Ben [answered] = Yes, replication lag is normal");
    const QString u1Open = QStringLiteral("Which deploy introduced it? @Ana [open]");
    const QString u2Open = QStringLiteral("Is the payments DB healthy? @Ben [open]");
    const QString u3Open = QStringLiteral("Check canary thresholds @Dee [open]");
    const QString p1Todo = QStringLiteral("Watch checkout error rate @Cy [todo] #verify");
    const QString p2 = QStringLiteral("Roll back deploy 4812 @Ana [%1] #contain");
    const QString u3Plan = QStringLiteral("Check canary thresholds @Dee [todo]");
    const QString sep = QStringLiteral(" | ");
    const QString first = QStringLiteral("30-90 medium");
    const QString second = QStringLiteral("10-20 high");

    QTest::newRow("before the first event") << t0 - 1 << QString() << QString() << QString() << QString();
    QTest::newRow("at the first event") << t0 << k1First << QString() << QString() << QString();
    QTest::newRow("1 ms before the unknowns") << t0 + minute - 1 << k1First << QString() << QString() << QString();
    QTest::newRow("two unknowns in one instant, by seq") << t0 + minute << k1First << u1Open + sep + u2Open
                                                         << QString() << QString();
    QTest::newRow("plan and first estimate") << t0 + 3 * minute << k1First << u1Open + sep + u2Open
                                             << p1Todo + sep + p2.arg(QStringLiteral("todo")) << first;
    QTest::newRow("answer moves to known") << t0 + 5 * minute << k1Edited + sep + u2Answered << u1Open
                                           << p1Todo + sep + p2.arg(QStringLiteral("doing")) << first;
    QTest::newRow("just before add-and-remove") << t0 + 7 * minute - 1 << k1Edited + sep + u2Answered
                                                << u1Open + sep + u3Open
                                                << p1Todo + sep + p2.arg(QStringLiteral("doing")) << first;
    QTest::newRow("added and removed in one instant") << t0 + 7 * minute << k1Edited + sep + u2Answered
                                                      << u1Open + sep + u3Open
                                                      << p1Todo + sep + p2.arg(QStringLiteral("doing")) << first;
    QTest::newRow("unknown moved into the plan") << t0 + 8 * minute << k1Edited + sep + u2Answered << u1Open
                                                 << p1Todo + sep + p2.arg(QStringLiteral("done")) + sep + u3Plan
                                                 << first;
    QTest::newRow("revised estimate") << t0 + 9 * minute << k1Edited + sep + u2Answered << u1Open
                                      << p1Todo + sep + p2.arg(QStringLiteral("done")) + sep + u3Plan << second;
    QTest::newRow("the end") << t0 + 60 * minute
                             << k1Edited + sep + u2Answered + sep
                                    + QStringLiteral("Which deploy introduced it? @Ana [answered] = Deploy 4812")
                             << QString() << p2.arg(QStringLiteral("done")) + sep + u3Plan << second;
}

void TestBoardHistory::asOf()
{
    QFETCH(qint64, at);
    QFETCH(QString, known);
    QFETCH(QString, unknown);
    QFETCH(QString, plan);
    QFETCH(QString, estimate);

    const BoardSnapshot board = boardAsOf(script(), at);
    QCOMPARE(render(board.known), known);
    QCOMPARE(render(board.unknown), unknown);
    QCOMPARE(render(board.plan), plan);
    QCOMPARE(render(board.estimate), estimate);
}

void TestBoardHistory::emptyHistoryIsEmptyBoard()
{
    QVERIFY(boardAsOf({}, t0).isEmpty());
    QVERIFY(boardAsOf(script(), t0 - 1).isEmpty());
    QVERIFY(!boardAsOf(script(), t0).isEmpty());
}

void TestBoardHistory::inputOrderDoesNotMatter()
{
    QList<BoardEvent> reversed = script();
    std::reverse(reversed.begin(), reversed.end());
    for (qint64 m = -1; m <= 12; ++m) {
        const qint64 at = t0 + m * minute;
        QVERIFY2(boardAsOf(reversed, at) == boardAsOf(script(), at), qPrintable(QString::number(m)));
    }
}

void TestBoardHistory::answeredCardKeepsItsIdentity()
{
    const BoardSnapshot board = boardAsOf(script(), t0 + 5 * minute);
    QCOMPARE(board.known.size(), 2);
    QCOMPARE(board.known.at(1).uuid, u2);
    QCOMPARE(board.known.at(1).answer, QStringLiteral("Yes, replication lag is normal"));
    QCOMPARE(board.unknown.size(), 1);
    QCOMPARE(board.unknown.at(0).uuid, u1);
}

void TestBoardHistory::estimateRevisions()
{
    QVERIFY(estimateRevisionsAsOf(script(), t0 + 2 * minute).isEmpty());
    QCOMPARE(estimateRevisionsAsOf(script(), t0 + 8 * minute).size(), 1);
    const QList<Estimate> all = estimateRevisionsAsOf(script(), t0 + 60 * minute);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).madeAt, t0 + 3 * minute);
    QCOMPARE(all.at(0).highMs, 90 * minute);
    QCOMPARE(all.at(1).madeAt, t0 + 9 * minute);
    QCOMPARE(all.at(1).basis, QStringLiteral("rollback done, caches warming"));
    QCOMPARE(boardAsOf(script(), t0 + 60 * minute).estimate, all.at(1));
}

void TestBoardHistory::oddEventsAreIgnored()
{
    using K = BoardEventKind;
    BoardEvent movedToEstimate = boardEvent(3, 4, k1, K::Moved);
    movedToEstimate.column = SituationColumn::Estimate;
    BoardEvent emptyEstimate = boardEvent(4, 5, QUuid(), K::Estimated);
    const QList<BoardEvent> events = {
        added(0, 1, k1, SituationColumn::Known, "First"),
        added(1, 2, k1, SituationColumn::Unknown, "Duplicate add"),
        added(2, 3, k2, SituationColumn::Estimate, "A card in the estimate column"),
        movedToEstimate,
        emptyEstimate,
        withState(boardEvent(5, 6, u1, K::StateChanged), "doing"),
        boardEvent(6, 7, u1, K::Removed),
    };
    const BoardSnapshot board = boardAsOf(events, t0 + 10 * minute);
    QCOMPARE(render(board.known), QStringLiteral("First"));
    QVERIFY(board.unknown.isEmpty());
    QVERIFY(board.plan.isEmpty());
    QVERIFY(!board.estimate);
}

QTEST_GUILESS_MAIN(TestBoardHistory)
#include "tst_boardhistory.moc"
