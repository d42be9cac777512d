#include "domain/quickentry.h"

#include <QStringList>
#include <QTest>

using namespace sitrep;

namespace {

constexpr qint64 min = 60 * 1000;
constexpr qint64 hour = 60 * min;

QString actionName(QuickAction action)
{
    switch (action) {
    case QuickAction::LogEntry: return QStringLiteral("log");
    case QuickAction::AddSituation: return QStringLiteral("situation");
    case QuickAction::SetStatus: return QStringLiteral("status");
    case QuickAction::SetSeverity: return QStringLiteral("severity");
    case QuickAction::AssignRole: return QStringLiteral("role");
    case QuickAction::Milestone: return QStringLiteral("milestone");
    case QuickAction::Estimate: return QStringLiteral("estimate");
    case QuickAction::Invalid: return QStringLiteral("invalid");
    }
    return QStringLiteral("?");
}

// The payload fields that only some actions set, in one comparable line, so a row states
// exactly what it expects and a stray field set by mistake fails the row.
QString payload(const QuickEntry &e)
{
    QStringList parts;
    if (e.column)
        parts << QStringLiteral("column=") + situationColumnKey(*e.column);
    if (e.status)
        parts << QStringLiteral("status=") + statusKey(*e.status);
    if (e.severity)
        parts << QStringLiteral("sev=%1").arg(severityNumber(*e.severity));
    if (e.role)
        parts << QStringLiteral("role=") + roleKey(*e.role);
    if (!e.person.isEmpty())
        parts << QStringLiteral("person=") + e.person;
    if (e.milestone)
        parts << QStringLiteral("milestone=") + milestoneKey(*e.milestone);
    if (e.lowMs != 0 || e.highMs != 0)
        parts << QStringLiteral("range=%1..%2").arg(e.lowMs).arg(e.highMs);
    return parts.join(QLatin1Char(' '));
}

QString range(qint64 low, qint64 high)
{
    return QStringLiteral("column=estimate range=%1..%2").arg(low).arg(high);
}

} // namespace

// The one-line entry box grammar: symbols, slash commands, escapes and every malformed form.
class TestQuickEntry : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void everyKindByName();
};

void TestQuickEntry::parse_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("pinned");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fields");

    const QString none;
    auto row = [](const char *name, const char *line, const char *action, const char *kind, bool pinned,
                  const QString &text, const QString &fields) {
        QTest::newRow(name) << QString::fromUtf8(line) << QString::fromUtf8(action) << QString::fromUtf8(kind)
                            << pinned << text << fields;
    };

    // Plain text and the symbol prefixes.
    row("plain note", "db latency back to normal", "log", "note", false, QStringLiteral("db latency back to normal"), none);
    row("note is trimmed", "   checking dashboards \t", "log", "note", false, QStringLiteral("checking dashboards"), none);
    row("decision", "!roll back to 4.2", "log", "decision", false, QStringLiteral("roll back to 4.2"), none);
    row("decision with space", "!  roll back", "log", "decision", false, QStringLiteral("roll back"), none);
    row("action", "> restarted api-3", "log", "action", false, QStringLiteral("restarted api-3"), none);
    row("unknown", "? is the replica lagging", "situation", "situation", false, QStringLiteral("is the replica lagging"),
        QStringLiteral("column=unknown"));
    row("known", "+ only EU customers affected", "situation", "situation", false, QStringLiteral("only EU customers affected"),
        QStringLiteral("column=known"));
    row("plan", "~drain eu-west", "situation", "situation", false, QStringLiteral("drain eu-west"), QStringLiteral("column=plan"));
    row("symbol inside text is text", "error rate > 5%!", "log", "note", false, QStringLiteral("error rate > 5%!"), none);
    row("question mark at the end is a note", "why is it slow?", "log", "note", false, QStringLiteral("why is it slow?"), none);
    row("double symbol keeps the second", "!!", "log", "decision", false, QStringLiteral("!"), none);
    row("unicode text", "Zürich DC: Störung", "log", "note", false, QStringLiteral("Zürich DC: Störung"), none);

    // Pinning.
    row("pinned note", "*customer escalation from ACME", "log", "note", true, QStringLiteral("customer escalation from ACME"), none);
    row("pinned decision", "*! roll back", "log", "decision", true, QStringLiteral("roll back"), none);
    row("pinned with space", "* !roll back", "log", "decision", true, QStringLiteral("roll back"), none);
    row("pinned action", "*>failover done", "log", "action", true, QStringLiteral("failover done"), none);
    row("pinned unknown", "*? root cause", "situation", "situation", true, QStringLiteral("root cause"),
        QStringLiteral("column=unknown"));
    row("pinned status", "*/status mitigated", "status", "status", true, none, QStringLiteral("status=mitigated"));
    row("second star is text", "**bold**", "log", "note", true, QStringLiteral("*bold**"), none);

    // Escapes.
    row("escaped bang", "\\!text", "log", "note", false, QStringLiteral("!text"), none);
    row("escaped slash", "\\/var/log is full", "log", "note", false, QStringLiteral("/var/log is full"), none);
    row("escaped star", "\\*not pinned", "log", "note", false, QStringLiteral("*not pinned"), none);
    row("escaped question", "\\?", "log", "note", false, QStringLiteral("?"), none);
    row("escaped backslash", "\\\\server\\share", "log", "note", false, QStringLiteral("\\server\\share"), none);
    row("pinned escape", "*\\!important", "log", "note", true, QStringLiteral("!important"), none);
    row("backslash before a letter stays", "\\n is not a newline", "log", "note", false,
        QStringLiteral("\\n is not a newline"), none);

    // /status
    row("status", "/status mitigated", "status", "status", false, none, QStringLiteral("status=mitigated"));
    row("status any case", "/STATUS Identified", "status", "status", false, none, QStringLiteral("status=identified"));
    row("status with note", "/status resolved  error rate at baseline", "status", "status", false,
        QStringLiteral("error rate at baseline"), QStringLiteral("status=resolved"));
    row("status back to investigating", "/status investigating", "status", "status", false, none,
        QStringLiteral("status=investigating"));
    row("status tab separated", "/status\tclosed", "status", "status", false, none, QStringLiteral("status=closed"));

    // /sev
    row("sev number", "/sev 1", "severity", "status", false, none, QStringLiteral("sev=1"));
    row("sev label", "/sev SEV2", "severity", "status", false, none, QStringLiteral("sev=2"));
    row("sev lower label", "/sev sev4", "severity", "status", false, none, QStringLiteral("sev=4"));
    row("sev with note", "/sev 2 contained to one region", "severity", "status", false,
        QStringLiteral("contained to one region"), QStringLiteral("sev=2"));

    // /role
    row("role ic", "/role ic Dana Smith", "role", "status", false, none,
        QStringLiteral("role=commander person=Dana Smith"));
    row("role comms", "/role comms Lee", "role", "status", false, none, QStringLiteral("role=communications person=Lee"));
    row("role full key", "/role subject-expert Ana Lima", "role", "status", false, none,
        QStringLiteral("role=subject-expert person=Ana Lima"));
    row("role person spaces collapse", "/role ops   Kim   Park ", "role", "status", false, none,
        QStringLiteral("role=operations person=Kim Park"));

    // /kind
    row("kind alert", "/kind alert p99 > 2s on checkout", "log", "alert", false, QStringLiteral("p99 > 2s on checkout"), none);
    row("kind communication", "/kind Communication status page updated", "log", "communication", false,
        QStringLiteral("status page updated"), none);
    row("kind pinned", "*/kind decision freeze deploys", "log", "decision", true, QStringLiteral("freeze deploys"), none);

    // Milestones.
    row("ack", "/ack", "milestone", "status", false, none, QStringLiteral("milestone=acknowledged"));
    row("ack with note", "/ack paged by phone", "milestone", "status", false, QStringLiteral("paged by phone"),
        QStringLiteral("milestone=acknowledged"));
    row("detected", "/detected", "milestone", "status", false, none, QStringLiteral("milestone=detected"));
    row("detected any case", "  /Detected  ", "milestone", "status", false, none, QStringLiteral("milestone=detected"));

    // /estimate
    row("estimate", "/estimate 30m 2h", "estimate", "situation", false, none, range(30 * min, 2 * hour));
    row("estimate with basis", "/estimate 1h30m 4h  if the restore is clean", "estimate", "situation", false,
        QStringLiteral("if the restore is clean"), range(90 * min, 4 * hour));
    row("estimate bare minutes", "/estimate 45 90", "estimate", "situation", false, none, range(45 * min, 90 * min));
    row("estimate seconds and days", "/estimate 45s 1d", "estimate", "situation", false, none, range(45 * 1000, 24 * hour));
    row("estimate equal ends", "/estimate 1h 60m", "estimate", "situation", false, none, range(hour, hour));
}

void TestQuickEntry::parse()
{
    QFETCH(QString, line);
    QFETCH(QString, action);
    QFETCH(QString, kind);
    QFETCH(bool, pinned);
    QFETCH(QString, text);
    QFETCH(QString, fields);

    const QuickEntry e = parseQuickEntry(line);
    QCOMPARE(e.error, QString());
    QVERIFY(e.isValid());
    QCOMPARE(actionName(e.action), action);
    QCOMPARE(entryKindKey(e.kind), kind);
    QCOMPARE(e.pinned, pinned);
    QCOMPARE(e.text, text);
    QCOMPARE(payload(e), fields);
}

void TestQuickEntry::errors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("mentions"); // what the message must name

    auto row = [](const char *name, const char *line, QStringList mentions) {
        QTest::newRow(name) << QString::fromUtf8(line) << mentions;
    };

    row("empty", "", {QStringLiteral("Nothing to log")});
    row("blank", "  \t ", {QStringLiteral("Nothing to log")});
    row("star alone", "*", {QStringLiteral("\"*\"")});
    row("star and space", "*   ", {QStringLiteral("\"*\"")});
    row("bang alone", "!", {QStringLiteral("\"!\""), QStringLiteral("decision")});
    row("bang and spaces", "!   ", {QStringLiteral("\"!\"")});
    row("pinned bang alone", "*!", {QStringLiteral("\"!\"")});
    row("action alone", ">", {QStringLiteral("\">\"")});
    row("unknown alone", "?", {QStringLiteral("\"?\"")});
    row("known alone", "+ ", {QStringLiteral("\"+\"")});
    row("plan alone", "~", {QStringLiteral("\"~\"")});
    row("slash alone", "/", {QStringLiteral("\"/\"")});
    row("slash then space", "/ status mitigated", {QStringLiteral("\"/\"")});
    row("unknown command", "/foo", {QStringLiteral("\"/foo\""), QStringLiteral("/status")});
    row("unknown command keeps case", "/Foo bar", {QStringLiteral("\"/Foo\"")});
    row("path looks like a command", "/var/log is full", {QStringLiteral("\"/var/log\"")});
    row("status missing", "/status", {QStringLiteral("Missing status"), QStringLiteral("mitigated")});
    row("status unknown", "/status fixed", {QStringLiteral("\"fixed\""), QStringLiteral("investigating")});
    row("sev missing", "/sev", {QStringLiteral("Missing severity")});
    row("sev zero", "/sev 0", {QStringLiteral("1-4"), QStringLiteral("\"0\"")});
    row("sev five", "/sev 5", {QStringLiteral("1-4"), QStringLiteral("\"5\"")});
    row("sev word", "/sev high", {QStringLiteral("1-4"), QStringLiteral("\"high\"")});
    row("sev label out of range", "/sev SEV9", {QStringLiteral("\"SEV9\"")});
    row("role missing", "/role", {QStringLiteral("Missing role"), QStringLiteral("ic")});
    row("role unknown", "/role boss Dana", {QStringLiteral("\"boss\"")});
    row("role missing person", "/role ic", {QStringLiteral("Missing person"), QStringLiteral("/role ic")});
    row("role missing person after spaces", "/role comms   ", {QStringLiteral("Missing person")});
    row("kind missing", "/kind", {QStringLiteral("Missing kind"), QStringLiteral("alert")});
    row("kind unknown", "/kind rumour the db is down", {QStringLiteral("\"rumour\"")});
    row("kind missing text", "/kind alert", {QStringLiteral("/kind alert")});
    row("estimate missing", "/estimate", {QStringLiteral("/estimate 30m 2h")});
    row("estimate single number", "/estimate 2h", {QStringLiteral("range"), QStringLiteral("/estimate 2h")});
    row("estimate bad low", "/estimate soon 2h", {QStringLiteral("\"soon\""), QStringLiteral("duration")});
    row("estimate bad high", "/estimate 30m later", {QStringLiteral("\"later\"")});
    row("estimate negative", "/estimate -5m 2h", {QStringLiteral("\"-5m\"")});
    row("estimate low above high", "/estimate 2h 30m", {QStringLiteral("2 h"), QStringLiteral("30 min")});
    row("estimate overflow", "/estimate 1m 99999999999999999999d", {QStringLiteral("\"99999999999999999999d\"")});
}

void TestQuickEntry::errors()
{
    QFETCH(QString, line);
    QFETCH(QStringList, mentions);

    const QuickEntry e = parseQuickEntry(line);
    QCOMPARE(actionName(e.action), QStringLiteral("invalid"));
    QVERIFY(!e.isValid());
    QVERIFY(!e.error.isEmpty());
    for (const QString &m : mentions)
        QVERIFY2(e.error.contains(m), qPrintable(e.error + QStringLiteral(" -- should mention: ") + m));
    // An invalid line must not carry half a result a caller might act on.
    QCOMPARE(e.text, QString());
    QCOMPARE(e.pinned, false);
    QCOMPARE(payload(e), QString());
}

void TestQuickEntry::everyKindByName()
{
    for (EntryKind kind : allEntryKinds()) {
        const QuickEntry e = parseQuickEntry(QStringLiteral("/kind %1 text").arg(entryKindKey(kind)));
        QVERIFY2(e.isValid(), qPrintable(e.error));
        QCOMPARE(e.action, QuickAction::LogEntry);
        QCOMPARE(e.kind, kind);
        QCOMPARE(e.text, QStringLiteral("text"));
    }
}

QTEST_GUILESS_MAIN(TestQuickEntry)
#include "tst_quickentry.moc"
