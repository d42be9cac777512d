#include "domain/briefing.h"

#include <QDateTime>
#include <QTest>

using namespace sitrep;

namespace {

constexpr qint64 minute = 60 * 1000;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

SnapshotCard cardOf(const char *text, const char *owner = "", const char *state = "", const char *tag = "",
                    const char *answer = "")
{
    return SnapshotCard{QUuid::createUuid(), QString::fromUtf8(text), QString::fromUtf8(owner),
                        QString::fromUtf8(state), QString::fromUtf8(answer), QString::fromUtf8(tag)};
}

const qint64 madeAt = utcMs("2026-11-25T09:10:00Z");
const qint64 now = utcMs("2026-11-25T09:40:00Z");

Estimate usualEstimate()
{
    return Estimate{30 * minute, 90 * minute, Confidence::Medium, QStringLiteral("a similar rollback took 40 min"),
                    madeAt};
}

// Line `index` of the briefing: 0 heading, 1 known, 2 unknown, 3 plan, 4 estimate.
QString line(const BoardSnapshot &board, int index, qint64 at = now)
{
    return composeBriefing(board, QStringLiteral("Checkout down"), at, true).split(QLatin1Char('\n')).value(index);
}

} // namespace

// "Brief the room": the board read out as plain sentences.
class TestBriefing : public QObject
{
    Q_OBJECT

private slots:
    void emptyBoard();
    void fullBoard();
    void plan_data();
    void plan();
    void estimate_data();
    void estimate();
};

void TestBriefing::emptyBoard()
{
    QCOMPARE(composeBriefing(BoardSnapshot(), QStringLiteral("  "), now, true),
             QStringLiteral("Briefing as of 09:40 UTC.\n"
                            "What we know: Nothing confirmed yet.\n"
                            "What we don't know yet: No open questions.\n"
                            "What we are doing: No steps planned yet.\n"
                            "Estimate: none given yet."));
}

void TestBriefing::fullBoard()
{
    BoardSnapshot board;
    board.known = {cardOf("Checkout returns 502 for 80% of users", "Eve"),
                   cardOf("Is the payments DB healthy?", "Ben", "answered", "", "Yes, replication lag is normal")};
    board.unknown = {cardOf("Which deploy introduced it?", "Ana", "open"),
                     cardOf("  Check   canary thresholds "),
                     cardOf("A stale answered question", "", "answered")};
    board.plan = {cardOf("Watch checkout error rate", "Cy", "todo", "verify"),
                  cardOf("Roll back deploy 4812", "Ana", "doing", "contain"),
                  cardOf("Patch the query.", "Dee", "todo", "fix"),
                  cardOf("Restart pods", "", "done", "contain"),
                  cardOf("Fail over to the other region", "", "abandoned", "contain"),
                  cardOf("Page the DBA", "", "doing"),
                  cardOf("Shed load", "", "doing", "contain")};
    board.estimate = usualEstimate();

    QCOMPARE(composeBriefing(board, QStringLiteral("Checkout down"), now, true),
             QStringLiteral("Checkout down — briefing as of 09:40 UTC.\n"
                            "What we know: Checkout returns 502 for 80% of users. "
                            "Is the payments DB healthy? — Yes, replication lag is normal.\n"
                            "What we don't know yet: Which deploy introduced it (Ana)? Check canary thresholds.\n"
                            "What we are doing: Roll back deploy 4812 (Ana). Shed load. Page the DBA. "
                            "Next: Patch the query (Dee). Watch checkout error rate (Cy).\n"
                            "Estimate: 30–90 min (09:40–10:40 UTC), medium confidence — "
                            "a similar rollback took 40 min."));
}

void TestBriefing::plan_data()
{
    QTest::addColumn<QList<SnapshotCard>>("steps");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing planned") << QList<SnapshotCard>() << QStringLiteral("What we are doing: No steps planned yet.");
    QTest::newRow("only finished steps") << QList<SnapshotCard>{cardOf("Restart pods", "", "done"),
                                                                cardOf("Fail over", "", "abandoned")}
                                         << QStringLiteral("What we are doing: No steps planned yet.");
    QTest::newRow("only to do") << QList<SnapshotCard>{cardOf("Verify", "", "todo", "verify"),
                                                       cardOf("Roll back", "Ana", "todo", "contain")}
                                << QStringLiteral("What we are doing: Nothing under way yet. Next: Roll back (Ana). Verify.");
    QTest::newRow("only in progress") << QList<SnapshotCard>{cardOf("Roll back", "Ana", "doing")}
                                      << QStringLiteral("What we are doing: Roll back (Ana).");
    QTest::newRow("no state reads as to do") << QList<SnapshotCard>{cardOf("Roll back")}
                                             << QStringLiteral("What we are doing: Nothing under way yet. Next: Roll back.");
    QTest::newRow("blank card left out") << QList<SnapshotCard>{cardOf("  ", "Ana", "doing"), cardOf("Roll back", "", "doing")}
                                         << QStringLiteral("What we are doing: Roll back.");
    QTest::newRow("percent signs survive") << QList<SnapshotCard>{cardOf("Cap traffic at 50%1", "", "doing"),
                                                                  cardOf("Then %2", "", "todo")}
                                           << QStringLiteral("What we are doing: Cap traffic at 50%1. Next: Then %2.");
}

void TestBriefing::plan()
{
    QFETCH(QList<SnapshotCard>, steps);
    QFETCH(QString, expected);
    BoardSnapshot board;
    board.plan = steps;
    QCOMPARE(line(board, 3), expected);
}

void TestBriefing::estimate_data()
{
    QTest::addColumn<Estimate>("estimate");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<QString>("expected");

    const QString usual = QStringLiteral("Estimate: 30–90 min (09:40–10:40 UTC), medium confidence — "
                                         "a similar rollback took 40 min.");
    QTest::newRow("within the window") << usualEstimate() << now << usual;
    QTest::newRow("at the window's end") << usualEstimate() << madeAt + 90 * minute << usual;
    QTest::newRow("window passed")
        << usualEstimate() << madeAt + 90 * minute + 1
        << usual + QStringLiteral(" That window has passed: the estimate needs revising.");
    QTest::newRow("no basis") << Estimate{45 * minute, 45 * minute, Confidence::High, QStringLiteral(" "), madeAt}
                              << now << QStringLiteral("Estimate: 45 min (09:55 UTC), high confidence.");
    QTest::newRow("basis ending in a question")
        << Estimate{2 * 60 * minute, 4 * 60 * minute, Confidence::Low, QStringLiteral("if the restore works?"), madeAt}
        << now << QStringLiteral("Estimate: 2–4 h (11:10–13:10 UTC), low confidence — if the restore works?");
}

void TestBriefing::estimate()
{
    QFETCH(Estimate, estimate);
    QFETCH(qint64, at);
    QFETCH(QString, expected);
    BoardSnapshot board;
    board.estimate = estimate;
    QCOMPARE(line(board, 4, at), expected);
}

QTEST_GUILESS_MAIN(TestBriefing)
#include "tst_briefing.moc"
