#include "domain/runbook.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace sitrep;

namespace {

// A one-string picture of a parsed runbook, so table rows can say exactly what they expect and a
// failure shows the difference.
QString outline(const Runbook &rb)
{
    QStringList out;
    out << QStringLiteral("name: ") + rb.name;
    if (!rb.description.isEmpty())
        out << QStringLiteral("desc: ") + QString(rb.description).replace(QLatin1Char('\n'), QLatin1Char('|'));
    for (const RunbookSection &s : rb.sections) {
        out << (s.level == 0 ? QStringLiteral("(top)") : QString(s.level, QLatin1Char('#')) + QLatin1Char(' ') + s.title);
        if (!s.notes.isEmpty())
            out << QStringLiteral("notes: ") + QString(s.notes).replace(QLatin1Char('\n'), QLatin1Char('|'));
        for (const RunbookItem &i : s.items) {
            QString line = QString(2 * i.depth, QLatin1Char(' ')) + (i.checked ? QStringLiteral("[x] ") : QStringLiteral("[ ] "))
                           + i.text;
            if (i.ownerRole)
                line += QStringLiteral(" @") + roleKey(*i.ownerRole);
            if (i.timeBoxMs)
                line += QStringLiteral(" ~") + QString::number(*i.timeBoxMs / 1000) + QLatin1Char('s');
            if (!i.link.isEmpty())
                line += QStringLiteral(" <") + i.link + QLatin1Char('>')
                        + (i.linkText.isEmpty() ? QString() : QStringLiteral("=") + i.linkText);
            out << line;
        }
    }
    return out.join(QLatin1Char('\n'));
}

QList<int> warningLines(const RunbookParseResult &r)
{
    QList<int> lines;
    for (const RunbookWarning &w : r.warnings)
        lines << w.line;
    return lines;
}

QByteArray readSource(const QString &relative)
{
    QFile f(QStringLiteral(SITREP_SOURCE_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

const QStringList bundledNames = {QStringLiteral("first-response"), QStringLiteral("contain-and-mitigate"),
                                  QStringLiteral("communicate"), QStringLiteral("recover-and-verify"),
                                  QStringLiteral("post-incident-review")};

} // namespace

class TestRunbook : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void refusesInvalidUtf8NamingTheLine();
    void refusesOversizedInputSayingTheSize();
    void acceptsInputOfExactlyTheLimit();
    void warningNamesTheLine();
    void roundTrip_data() { parse_data(); }
    void roundTrip();
    void roundTripOfTokenSoup();
    void canonicalIsFixedPoint_data();
    void canonicalIsFixedPoint();
    void bundledRunbook_data();
    void bundledRunbook();
    void firstResponseStartsByConfirmingTheOutage();
    void timeBox_data();
    void timeBox();
    void formatTimeBox_data();
    void formatTimeBox();
};

void TestRunbook::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected"); // an outline, or "ERROR:" and a part of the message
    QTest::addColumn<QList<int>>("warnings");

    // --- shapes
    QTest::newRow("one step, no heading uses the fallback name")
        << QByteArray("- [ ] one") << QStringLiteral("name: Fallback\n(top)\n[ ] one") << QList<int>{};
    QTest::newRow("title, description, steps under the title")
        << QByteArray("# First response\n\nIntro line.\nSecond line.\n\n- [ ] Step")
        << QStringLiteral("name: First response\ndesc: Intro line.|Second line.\n(top)\n[ ] Step") << QList<int>{};
    QTest::newRow("sections")
        << QByteArray("# R\n## Assess\n- [ ] a\n## Act\n- [ ] b\n- [ ] c")
        << QStringLiteral("name: R\n## Assess\n[ ] a\n## Act\n[ ] b\n[ ] c") << QList<int>{};
    QTest::newRow("a second # heading is a section")
        << QByteArray("# R\n- [ ] a\n# Later\n- [ ] b") << QStringLiteral("name: R\n(top)\n[ ] a\n# Later\n[ ] b")
        << QList<int>{};
    QTest::newRow("first heading ## means no title")
        << QByteArray("## A\n- [ ] a\n# B\n- [ ] b") << QStringLiteral("name: Fallback\n## A\n[ ] a\n# B\n[ ] b")
        << QList<int>{};
    QTest::newRow("steps before the title join the top block")
        << QByteArray("- [ ] early\n# Title\n- [ ] late") << QStringLiteral("name: Title\n(top)\n[ ] early\n[ ] late")
        << QList<int>{};
    QTest::newRow("heading closing hashes are decoration")
        << QByteArray("## Contain ##\n- [ ] a\n### C#\n- [ ] b")
        << QStringLiteral("name: Fallback\n## Contain\n[ ] a\n### C#\n[ ] b") << QList<int>{};
    QTest::newRow("empty heading warns") << QByteArray("- [ ] a\n##\n- [ ] b")
                                         << QStringLiteral("name: Fallback\n(top)\n[ ] a\n## \n[ ] b") << QList<int>{2};
    QTest::newRow("hashtag is not a heading")
        << QByteArray("#tag\n- [ ] a") << QStringLiteral("name: Fallback\ndesc: #tag\n(top)\n[ ] a") << QList<int>{};
    QTest::newRow("star, plus, numbered and checked")
        << QByteArray("* [x] done\n* [X] Done too\n+ [ ] plus\n1. [ ] numbered\n2) [ ] other")
        << QStringLiteral("name: Fallback\n(top)\n[x] done\n[x] Done too\n[ ] plus\n[ ] numbered\n[ ] other") << QList<int>{};

    // --- hints
    QTest::newRow("owner at the end") << QByteArray("- [ ] Tell the client @comms")
                                      << QStringLiteral("name: Fallback\n(top)\n[ ] Tell the client @communications")
                                      << QList<int>{};
    QTest::newRow("owner in the middle is lifted out") << QByteArray("- [ ] Ask @ops to check")
                                                       << QStringLiteral("name: Fallback\n(top)\n[ ] Ask to check @operations")
                                                       << QList<int>{};
    QTest::newRow("owner by key with a hyphen") << QByteArray("- [ ] Call @customer-liaison.")
                                                << QStringLiteral("name: Fallback\n(top)\n[ ] Call . @customer-liaison")
                                                << QList<int>{};
    QTest::newRow("unknown @word stays as text with a warning")
        << QByteArray("- [ ] ok\n- [ ] Ping @everyone now") << QStringLiteral("name: Fallback\n(top)\n[ ] ok\n[ ] Ping @everyone now")
        << QList<int>{2};
    QTest::newRow("e-mail address is not an owner") << QByteArray("- [ ] Mail oncall@example.com")
                                                    << QStringLiteral("name: Fallback\n(top)\n[ ] Mail oncall@example.com")
                                                    << QList<int>{};
    QTest::newRow("second owner dropped with a warning") << QByteArray("- [ ] Do it @ops @comms")
                                                         << QStringLiteral("name: Fallback\n(top)\n[ ] Do it @operations")
                                                         << QList<int>{1};
    QTest::newRow("time-boxes in m, h, s and compound")
        << QByteArray("- [ ] a (5m)\n- [ ] b (1h)\n- [ ] c (90s)\n- [ ] d (1h30m)")
        << QStringLiteral("name: Fallback\n(top)\n[ ] a ~300s\n[ ] b ~3600s\n[ ] c ~90s\n[ ] d ~5400s") << QList<int>{};
    QTest::newRow("time-box in the middle") << QByteArray("- [ ] Wait (5m) for the replica")
                                            << QStringLiteral("name: Fallback\n(top)\n[ ] Wait for the replica ~300s")
                                            << QList<int>{};
    QTest::newRow("zero time-box stays as text") << QByteArray("- [ ] Now (0m)")
                                                 << QStringLiteral("name: Fallback\n(top)\n[ ] Now (0m)") << QList<int>{1};
    QTest::newRow("parenthesis that is not a time-box") << QByteArray("- [ ] Wait (about 5 minutes) or (5 m)")
                                                        << QStringLiteral("name: Fallback\n(top)\n[ ] Wait (about 5 minutes) or (5 m)")
                                                        << QList<int>{};
    QTest::newRow("second time-box dropped") << QByteArray("- [ ] a (5m) b (10m)")
                                             << QStringLiteral("name: Fallback\n(top)\n[ ] a b ~300s") << QList<int>{1};
    QTest::newRow("all hints together") << QByteArray("- [ ] Post on [the status page](https://status.example.com) @comms (10m)")
                                        << QStringLiteral("name: Fallback\n(top)\n[ ] Post on the status page @communications ~600s "
                                                          "<https://status.example.com>=the status page")
                                        << QList<int>{};
    QTest::newRow("markdown link keeps its words in the text")
        << QByteArray("- [ ] Open the [dashboard](https://grafana.example.com/d/db) now")
        << QStringLiteral("name: Fallback\n(top)\n[ ] Open the dashboard now <https://grafana.example.com/d/db>=dashboard")
        << QList<int>{};
    QTest::newRow("bare URL stays in the text") << QByteArray("- [ ] Check https://status.example.com.")
                                                << QStringLiteral("name: Fallback\n(top)\n[ ] Check https://status.example.com. "
                                                                  "<https://status.example.com>")
                                                << QList<int>{};
    QTest::newRow("bare URL in parentheses") << QByteArray("- [ ] See the page (https://status.example.com/a)")
                                             << QStringLiteral("name: Fallback\n(top)\n[ ] See the page (https://status.example.com/a) "
                                                               "<https://status.example.com/a>")
                                             << QList<int>{};
    QTest::newRow("hints inside link text are text") << QByteArray("- [ ] See [ask @ops (5m)](https://x.example) @comms")
                                                     << QStringLiteral("name: Fallback\n(top)\n[ ] See ask @ops (5m) @communications "
                                                                       "<https://x.example>=ask @ops (5m)")
                                                     << QList<int>{};
    QTest::newRow("empty link text uses the URL") << QByteArray("- [ ] See [](https://x.example)")
                                                  << QStringLiteral("name: Fallback\n(top)\n[ ] See https://x.example "
                                                                    "<https://x.example>=https://x.example")
                                                  << QList<int>{};
    QTest::newRow("relative link") << QByteArray("- [ ] Follow [the database runbook](db.md)")
                                   << QStringLiteral("name: Fallback\n(top)\n[ ] Follow the database runbook <db.md>=the database runbook")
                                   << QList<int>{};
    QTest::newRow("only the first link is the step's link")
        << QByteArray("- [ ] [a](https://a.example) then [b](https://b.example)")
        << QStringLiteral("name: Fallback\n(top)\n[ ] a then [b](https://b.example) <https://a.example>=a") << QList<int>{};

    // --- nesting
    QTest::newRow("nesting by two spaces") << QByteArray("- [ ] a\n  - [ ] b\n    - [ ] c\n- [ ] d")
                                           << QStringLiteral("name: Fallback\n(top)\n[ ] a\n  [ ] b\n    [ ] c\n[ ] d") << QList<int>{};
    QTest::newRow("nesting by four spaces") << QByteArray("- [ ] a\n    - [ ] b\n        - [ ] c\n    - [ ] d")
                                            << QStringLiteral("name: Fallback\n(top)\n[ ] a\n  [ ] b\n    [ ] c\n  [ ] d") << QList<int>{};
    QTest::newRow("nesting by tabs") << QByteArray("- [ ] a\n\t- [ ] b\n\t\t- [ ] c\n  \t- [ ] d")
                                     << QStringLiteral("name: Fallback\n(top)\n[ ] a\n  [ ] b\n    [ ] c\n  [ ] d") << QList<int>{};
    QTest::newRow("three spaces is one level") << QByteArray("- [ ] a\n   - [ ] b\n- [ ] c")
                                               << QStringLiteral("name: Fallback\n(top)\n[ ] a\n  [ ] b\n[ ] c") << QList<int>{};
    QTest::newRow("indent between two levels warns")
        << QByteArray("- [ ] a\n    - [ ] b\n  - [ ] c") << QStringLiteral("name: Fallback\n(top)\n[ ] a\n  [ ] b\n  [ ] c")
        << QList<int>{3};
    QTest::newRow("a deep jump is one level") << QByteArray("- [ ] a\n        - [ ] b")
                                              << QStringLiteral("name: Fallback\n(top)\n[ ] a\n  [ ] b") << QList<int>{};
    QTest::newRow("indented first step is top level") << QByteArray("  - [ ] a\n    - [ ] b\n- [ ] c")
                                                      << QStringLiteral("name: Fallback\n(top)\n[ ] a\n  [ ] b\n[ ] c") << QList<int>{};
    QTest::newRow("nesting restarts in each section")
        << QByteArray("## A\n- [ ] a\n  - [ ] b\n## B\n  - [ ] c") << QStringLiteral("name: Fallback\n## A\n[ ] a\n  [ ] b\n## B\n[ ] c")
        << QList<int>{};

    // --- whitespace and encoding
    QTest::newRow("CRLF and trailing spaces") << QByteArray("# T  \r\n\r\n- [ ] a   \r\n  - [ ] b\t\r\n")
                                              << QStringLiteral("name: T\n(top)\n[ ] a\n  [ ] b") << QList<int>{};
    QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF# T\n- [ ] a") << QStringLiteral("name: T\n(top)\n[ ] a")
                                     << QList<int>{};
    QTest::newRow("non-ASCII text") << QByteArray("# Erste Schritte\n- [ ] Störung bestätigen (5m)")
                                    << QString::fromUtf8("name: Erste Schritte\n(top)\n[ ] Störung bestätigen ~300s") << QList<int>{};

    // --- malformed steps
    QTest::newRow("unclosed bracket is an unchecked step") << QByteArray("- [ step")
                                                           << QStringLiteral("name: Fallback\n(top)\n[ ] step") << QList<int>{1};
    QTest::newRow("unclosed checked bracket") << QByteArray("- [x step") << QStringLiteral("name: Fallback\n(top)\n[x] step")
                                              << QList<int>{1};
    QTest::newRow("squashed checkboxes") << QByteArray("- []step\n- [x]done\n- [ x ] spaced")
                                         << QStringLiteral("name: Fallback\n(top)\n[ ] step\n[x] done\n[x] spaced") << QList<int>{1, 2, 3};
    QTest::newRow("bracketed word is a note") << QByteArray("- [docs] see the wiki\n- [ ] real")
                                              << QStringLiteral("name: Fallback\ndesc: - [docs] see the wiki\n(top)\n[ ] real")
                                              << QList<int>{};
    QTest::newRow("bullet that starts with a link is a note")
        << QByteArray("- [ ] real\n\n- [wiki](https://w.example) has more")
        << QStringLiteral("name: Fallback\ndesc: - [wiki](https://w.example) has more\n(top)\n[ ] real") << QList<int>{};
    QTest::newRow("plain bullets are notes") << QByteArray("## S\n- just a bullet\n- [ ] real\n  - a sub-bullet")
                                             << QStringLiteral("name: Fallback\n## S\nnotes: - just a bullet||  - a sub-bullet\n[ ] real")
                                             << QList<int>{};
    QTest::newRow("empty step left out") << QByteArray("- [ ]\n- [ ] real") << QStringLiteral("name: Fallback\n(top)\n[ ] real")
                                         << QList<int>{1};
    QTest::newRow("dropped step makes no untitled section") << QByteArray("- [ ]\n## A\n- [ ] a")
                                                            << QStringLiteral("name: Fallback\n## A\n[ ] a") << QList<int>{1};
    QTest::newRow("step of hints only left out") << QByteArray("- [ ] @comms (5m)\n- [ ] real")
                                                 << QStringLiteral("name: Fallback\n(top)\n[ ] real") << QList<int>{1};
    QTest::newRow("continuation line joins the step")
        << QByteArray("- [ ] Roll back\n  the last deploy (10m)\n- [ ] next")
        << QStringLiteral("name: Fallback\n(top)\n[ ] Roll back the last deploy ~600s\n[ ] next") << QList<int>{};
    QTest::newRow("unindented line after a step is a note")
        << QByteArray("## S\n- [ ] a\nA paragraph.") << QStringLiteral("name: Fallback\n## S\nnotes: A paragraph.\n[ ] a") << QList<int>{};

    // --- notes and code
    QTest::newRow("paragraphs kept as notes, blank runs collapsed")
        << QByteArray("## S\n\nFirst para\nline two\n\n\n\nSecond para\n\n- [ ] a\n\nAfter the steps\n")
        << QStringLiteral("name: Fallback\n## S\nnotes: First para|line two||Second para||After the steps\n[ ] a") << QList<int>{};
    QTest::newRow("fenced code keeps task lines and headings as notes")
        << QByteArray("## S\n```sh\n- [ ] not a step\n# not a heading\n```\n- [ ] real")
        << QStringLiteral("name: Fallback\n## S\nnotes: ```sh|- [ ] not a step|# not a heading|```\n[ ] real") << QList<int>{};
    QTest::newRow("unclosed fence is closed at the end")
        << QByteArray("- [ ] real\n## S\n~~~~\nkubectl get pods") << QStringLiteral("name: Fallback\n(top)\n[ ] real\n## S\nnotes: ~~~~|kubectl get pods|~~~~")
        << QList<int>{3};

    // --- refused
    QTest::newRow("no steps at all") << QByteArray("# Title\n\nJust words.\n- a bullet\n") << QStringLiteral("ERROR:No steps")
                                     << QList<int>{};
    QTest::newRow("empty input") << QByteArray() << QStringLiteral("ERROR:No steps") << QList<int>{};
    QTest::newRow("only malformed bullets that are notes") << QByteArray("- [docs] x\n- [") << QStringLiteral("ERROR:No steps")
                                                           << QList<int>{};
    QTest::newRow("invalid UTF-8 on line 3") << QByteArray("# T\n- [ ] a\n- [ ] b\xC3\x28\n- [ ] c")
                                             << QStringLiteral("ERROR:Line 3 is not valid UTF-8") << QList<int>{};
    QTest::newRow("overlong UTF-8 encoding") << QByteArray("- [ ] \xC0\xAF") << QStringLiteral("ERROR:Line 1 is not valid UTF-8")
                                             << QList<int>{};
    QTest::newRow("over 1 MiB") << QByteArray(maxRunbookBytes + 1, 'a') << QStringLiteral("ERROR:1048577 bytes") << QList<int>{};
}

void TestRunbook::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QFETCH(QList<int>, warnings);

    const RunbookParseResult r = parseRunbookMarkdown(input, QStringLiteral("Fallback"));
    if (expected.startsWith(QLatin1String("ERROR:"))) {
        QVERIFY2(!r.ok(), qPrintable(r.ok() ? outline(*r.runbook) : QString()));
        QVERIFY2(r.error.contains(expected.mid(6)), qPrintable(r.error));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.error.isEmpty());
    QCOMPARE(outline(*r.runbook), expected);
    QCOMPARE(warningLines(r), warnings);
}

void TestRunbook::refusesInvalidUtf8NamingTheLine()
{
    const RunbookParseResult r = parseRunbookMarkdown(QByteArray("# T\r\n\r\n- [ ] fine\r\n- [ ] caf\xE9\r\n"), QString());
    QVERIFY(!r.ok());
    QCOMPARE(r.errorLine, 4);
    QVERIFY2(r.error.contains(QLatin1String("Line 4")), qPrintable(r.error));
}

void TestRunbook::refusesOversizedInputSayingTheSize()
{
    QByteArray big = "# Big\n- [ ] step\n";
    big += QByteArray(2 * 1024 * 1024, ' ');
    const RunbookParseResult r = parseRunbookMarkdown(big, QString());
    QVERIFY(!r.ok());
    QCOMPARE(r.errorLine, 0);
    QVERIFY2(r.error.contains(QString::number(big.size())), qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("1 MiB")), qPrintable(r.error));
}

void TestRunbook::acceptsInputOfExactlyTheLimit()
{
    QByteArray doc = "# Big\n- [ ] step\n";
    doc += QByteArray(maxRunbookBytes - doc.size(), ' ');
    QCOMPARE(doc.size(), maxRunbookBytes);
    const RunbookParseResult r = parseRunbookMarkdown(doc, QString());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.runbook->itemCount(), 1);
}

void TestRunbook::warningNamesTheLine()
{
    const RunbookParseResult r = parseRunbookMarkdown("# T\n\n- [ ] a\n- [ step\n", QString());
    QVERIFY(r.ok());
    QCOMPARE(r.warnings.size(), 1);
    QCOMPARE(r.warnings.first().line, 4);
    QVERIFY2(r.warnings.first().toString().startsWith(QLatin1String("Line 4: ")), qPrintable(r.warnings.first().toString()));
    QVERIFY2(r.warnings.first().message.contains(QLatin1String("[ step")), qPrintable(r.warnings.first().message));
}

void TestRunbook::roundTrip()
{
    QFETCH(QByteArray, input);
    const RunbookParseResult first = parseRunbookMarkdown(input, QStringLiteral("Fallback"));
    if (!first.ok())
        return; // refused inputs have nothing to round-trip
    const QString exported = runbookToMarkdown(*first.runbook);
    const RunbookParseResult second = parseRunbookMarkdown(exported.toUtf8(), QStringLiteral("Other fallback"));
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(outline(*second.runbook), outline(*first.runbook));
    QVERIFY(*second.runbook == *first.runbook);
    // The canonical form is stable from then on.
    QCOMPARE(runbookToMarkdown(*second.runbook), exported);
}

void TestRunbook::roundTripOfTokenSoup()
{
    // Hints, links and brackets thrown together at random (fixed seed, so a failure reproduces).
    const QStringList prefixes = {QStringLiteral("- [ ] "), QStringLiteral("- [x] "), QStringLiteral("  - [ ] "),
                                  QStringLiteral("\t* [ ] "), QStringLiteral("- [ "),  QStringLiteral("- []"),
                                  QStringLiteral("## "),      QStringLiteral("    "),  QStringLiteral(""),
                                  QStringLiteral("1. [ ] "),  QStringLiteral("```"),   QStringLiteral("- "),
                                  QStringLiteral("      - [ ] "), QStringLiteral("# ")};
    const QStringList tokens = {QStringLiteral("word"),  QStringLiteral("@ops"),        QStringLiteral("@comms"),
                                QStringLiteral("@nobody"), QStringLiteral("(5m)"),     QStringLiteral("(0m)"),
                                QStringLiteral("(1h30m)"), QStringLiteral("[docs](https://d.example/x)"),
                                QStringLiteral("https://b.example/y"), QStringLiteral("[ask @ops](u.md)"),
                                QStringLiteral("["), QStringLiteral("]"), QStringLiteral("("), QStringLiteral(")"),
                                QStringLiteral("docs"), QStringLiteral("x@y.z"), QStringLiteral("[](https://e.example)"),
                                QStringLiteral("#"), QStringLiteral("`"), QStringLiteral("ask"), QStringLiteral("@"),
                                QStringLiteral("~~~"), QStringLiteral("(90s)"), QStringLiteral("docs docs"),
                                QStringLiteral("[l](http://a.example/c)."), QStringLiteral("http://a.example/(c)"),
                                QStringLiteral("@customer-liaison"), QStringLiteral("\t- [x]")};
    QRandomGenerator rng(20251125);
    int parsed = 0;
    for (int doc = 0; doc < 400; ++doc) {
        QStringList lines;
        const int lineCount = 1 + int(rng.bounded(8));
        for (int l = 0; l < lineCount; ++l) {
            QString line = prefixes.at(rng.bounded(int(prefixes.size())));
            const int tokenCount = int(rng.bounded(6));
            for (int t = 0; t < tokenCount; ++t)
                line += (t ? QStringLiteral(" ") : QString()) + tokens.at(rng.bounded(int(tokens.size())));
            lines << line;
        }
        const QByteArray input = lines.join(QLatin1Char('\n')).toUtf8();
        const RunbookParseResult first = parseRunbookMarkdown(input, QStringLiteral("Soup"));
        if (!first.ok())
            continue; // no steps survived; refusing is the right answer
        ++parsed;
        const QString exported = runbookToMarkdown(*first.runbook);
        const RunbookParseResult second = parseRunbookMarkdown(exported.toUtf8(), QStringLiteral("Soup"));
        QVERIFY2(second.ok(), input.constData());
        if (!(*second.runbook == *first.runbook))
            QCOMPARE(outline(*second.runbook) + QStringLiteral("\n-- from --\n") + QString::fromUtf8(input),
                     outline(*first.runbook) + QStringLiteral("\n-- from --\n") + QString::fromUtf8(input));
        QVERIFY(*second.runbook == *first.runbook);
        QCOMPARE(runbookToMarkdown(*second.runbook), exported);
    }
    QVERIFY2(parsed > 200, qPrintable(QString::number(parsed))); // the soup really exercised the parser
}

void TestRunbook::canonicalIsFixedPoint_data()
{
    QTest::addColumn<QString>("canonical");
    QTest::newRow("top block only") << QStringLiteral("# R\n\n- [ ] a\n");
    QTest::newRow("description, sections, notes, nesting")
        << QStringLiteral("# R\n\nWhat this is for.\n\nSecond paragraph.\n\n- [ ] top\n\n## Assess\n\nRead this first.\n\n"
                          "- [ ] Confirm the outage @ops (3m)\n  - [x] Reproduce it from outside\n    - [ ] Deeper (90s)\n\n"
                          "# Level one\n\n### Empty section\n\n## Links\n\n- [ ] Open the [dashboard](https://g.example/d) @comms (1h)\n"
                          "- [ ] Check https://status.example.com\n");
    QTest::newRow("every role short form")
        << QStringLiteral("# R\n\n- [ ] a @commander\n- [ ] b @comms\n- [ ] c @ops\n- [ ] d @scribe\n- [ ] e @sme\n- [ ] f @liaison\n");
    QTest::newRow("code block in notes") << QStringLiteral("# R\n\n## S\n\n```sh\nkubectl rollout undo deploy/api\n```\n\n- [ ] a\n");
}

void TestRunbook::canonicalIsFixedPoint()
{
    QFETCH(QString, canonical);
    const RunbookParseResult r = parseRunbookMarkdown(canonical.toUtf8(), QString());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.warnings.isEmpty());
    QCOMPARE(runbookToMarkdown(*r.runbook), canonical);
}

void TestRunbook::bundledRunbook_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : bundledNames)
        QTest::newRow(qPrintable(name)) << name;
}

void TestRunbook::bundledRunbook()
{
    QFETCH(QString, name);
    const QByteArray source = readSource(QStringLiteral("resources/runbooks/") + name + QStringLiteral(".md"));
    QVERIFY2(!source.isEmpty(), qPrintable(name));
    const RunbookParseResult r = parseRunbookMarkdown(source, name);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.value(0).toString()));
    const Runbook &rb = *r.runbook;
    QVERIFY(rb.name != name); // the title comes from the heading, not the fallback
    QVERIFY(!rb.description.isEmpty());
    QVERIFY2(rb.itemCount() >= 8 && rb.itemCount() <= 20, qPrintable(QString::number(rb.itemCount())));
    int owned = 0;
    for (const RunbookSection &s : rb.sections) {
        QVERIFY(!s.title.isEmpty());
        for (const RunbookItem &i : s.items)
            owned += i.ownerRole ? 1 : 0;
    }
    QCOMPARE(owned, rb.itemCount()); // every step says who does it
    // Bundled files are canonical: exporting gives back the file, byte for byte.
    QCOMPARE(runbookToMarkdown(rb), QString::fromUtf8(source));
    const RunbookParseResult again = parseRunbookMarkdown(runbookToMarkdown(rb).toUtf8(), name);
    QVERIFY(again.ok() && *again.runbook == rb);
}

void TestRunbook::firstResponseStartsByConfirmingTheOutage()
{
    const RunbookParseResult r = parseRunbookMarkdown(readSource(QStringLiteral("resources/runbooks/first-response.md")), QString());
    QVERIFY(r.ok());
    const RunbookItem &first = r.runbook->sections.first().items.first();
    QVERIFY2(first.text.startsWith(QLatin1String("Confirm the outage")), qPrintable(first.text));
    QCOMPARE(first.ownerRole, std::optional<Role>(Role::Operations));
    QCOMPARE(first.timeBoxMs, std::optional<qint64>(3 * 60 * 1000));
}

void TestRunbook::timeBox_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms"); // -1: refused
    QTest::newRow("seconds") << QStringLiteral("90s") << qint64(90'000);
    QTest::newRow("minutes") << QStringLiteral("5m") << qint64(300'000);
    QTest::newRow("hours") << QStringLiteral("1h") << qint64(3'600'000);
    QTest::newRow("compound") << QStringLiteral("1h30m") << qint64(5'400'000);
    QTest::newRow("all units") << QStringLiteral("1h2m3s") << qint64(3'723'000);
    QTest::newRow("zero") << QStringLiteral("0s") << qint64(0);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("bare number") << QStringLiteral("5") << qint64(-1);
    QTest::newRow("words") << QStringLiteral("5 minutes") << qint64(-1);
    QTest::newRow("space inside") << QStringLiteral("5 m") << qint64(-1);
    QTest::newRow("upper case") << QStringLiteral("5M") << qint64(-1);
    QTest::newRow("wrong order") << QStringLiteral("5m1h") << qint64(-1);
    QTest::newRow("unit twice") << QStringLiteral("1m1m") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5m") << qint64(-1);
    QTest::newRow("days are not time-boxes") << QStringLiteral("1d") << qint64(-1);
    QTest::newRow("too many digits") << QStringLiteral("1234567h") << qint64(-1);
}

void TestRunbook::timeBox()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const auto parsed = parseTimeBox(text);
    QCOMPARE(parsed.has_value(), ms >= 0);
    if (parsed)
        QCOMPARE(*parsed, ms);
}

void TestRunbook::formatTimeBox_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << qint64(45'000) << QStringLiteral("45s");
    QTest::newRow("90 seconds stay seconds") << qint64(90'000) << QStringLiteral("90s");
    QTest::newRow("minutes") << qint64(300'000) << QStringLiteral("5m");
    QTest::newRow("90 minutes") << qint64(5'400'000) << QStringLiteral("90m");
    QTest::newRow("hours") << qint64(7'200'000) << QStringLiteral("2h");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0s");
    QTest::newRow("sub-second part dropped") << qint64(1'500) << QStringLiteral("1s");
}

void TestRunbook::formatTimeBox()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(sitrep::formatTimeBox(ms), text);
    if (ms % 1000 == 0)
        QCOMPARE(parseTimeBox(text), std::optional<qint64>(ms));
}

QTEST_GUILESS_MAIN(TestRunbook)
#include "tst_runbook.moc"
