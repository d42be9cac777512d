#include "quickentry.h"

#include "duration.h"

#include <QCoreApplication>
#include <QStringList>

namespace sitrep {

namespace {

QuickEntry invalid(const QString &message)
{
    QuickEntry e;
    e.action = QuickAction::Invalid;
    e.error = message;
    return e;
}

QuickEntry logEntry(EntryKind kind, const QString &text)
{
    QuickEntry e;
    e.action = QuickAction::LogEntry;
    e.kind = kind;
    e.text = text;
    return e;
}

QuickEntry situation(SituationColumn column, const QString &text)
{
    QuickEntry e;
    e.action = QuickAction::AddSituation;
    e.kind = EntryKind::Situation;
    e.column = column;
    e.text = text;
    return e;
}

// Changes to the incident itself record a status-kind entry; `note` goes with it.
QuickEntry incidentChange(QuickAction action, const QString &note)
{
    QuickEntry e;
    e.action = action;
    e.kind = EntryKind::Status;
    e.text = note;
    return e;
}

// The first whitespace-separated word, and the rest trimmed.
struct Split
{
    QString word;
    QString rest;
};

Split splitFirstWord(const QString &text)
{
    const QString t = text.trimmed();
    qsizetype end = 0;
    while (end < t.size() && !t.at(end).isSpace())
        ++end;
    return {t.left(end), t.mid(end).trimmed()};
}

bool isPrefixSymbol(QChar c)
{
    return QStringLiteral("*!>?+~/\\").contains(c);
}

QString keyList(const QStringList &keys)
{
    return keys.join(QStringLiteral(", "));
}

QString statusKeys()
{
    QStringList keys;
    for (Status s : allStatuses())
        keys << statusKey(s);
    return keyList(keys);
}

QString entryKindKeys()
{
    QStringList keys;
    for (EntryKind k : allEntryKinds())
        keys << entryKindKey(k);
    return keyList(keys);
}

// The short forms parseRole accepts, which is what people type.
QString roleKeys()
{
    return QStringLiteral("ic, comms, ops, scribe, sme, liaison");
}

QuickEntry parseSymbol(QChar symbol, const QString &text)
{
    switch (symbol.unicode()) {
    case u'!':
        if (text.isEmpty())
            return invalid(QCoreApplication::translate("QuickEntry", "Nothing after \"!\": type the decision"));
        return logEntry(EntryKind::Decision, text);
    case u'>':
        if (text.isEmpty())
            return invalid(QCoreApplication::translate("QuickEntry", "Nothing after \">\": type the action taken"));
        return logEntry(EntryKind::Action, text);
    case u'?':
        if (text.isEmpty())
            return invalid(QCoreApplication::translate("QuickEntry", "Nothing after \"?\": type what we don't know yet"));
        return situation(SituationColumn::Unknown, text);
    case u'+':
        if (text.isEmpty())
            return invalid(QCoreApplication::translate("QuickEntry", "Nothing after \"+\": type what we know"));
        return situation(SituationColumn::Known, text);
    case u'~':
        if (text.isEmpty())
            return invalid(QCoreApplication::translate("QuickEntry", "Nothing after \"~\": type the plan step"));
        return situation(SituationColumn::Plan, text);
    default:
        break;
    }
    // Not reached: the caller passes only the five symbols above.
    return logEntry(EntryKind::Note, QString(symbol) + text);
}

QuickEntry parseStatusCommand(const QString &args)
{
    const Split s = splitFirstWord(args);
    if (s.word.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "Missing status after /status: use one of %1")
                           .arg(statusKeys()));
    const auto status = parseStatus(s.word);
    if (!status)
        return invalid(QCoreApplication::translate("QuickEntry", "Unknown status \"%1\": use one of %2")
                           .arg(s.word, statusKeys()));
    QuickEntry e = incidentChange(QuickAction::SetStatus, s.rest);
    e.status = status;
    return e;
}

QuickEntry parseSeverityCommand(const QString &args)
{
    const Split s = splitFirstWord(args);
    if (s.word.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "Missing severity after /sev: use 1-4 or SEV1-SEV4"));
    const auto severity = parseSeverity(s.word);
    if (!severity)
        return invalid(QCoreApplication::translate("QuickEntry", "Severity must be 1-4 (or SEV1-SEV4), not \"%1\"")
                           .arg(s.word));
    QuickEntry e = incidentChange(QuickAction::SetSeverity, s.rest);
    e.severity = severity;
    return e;
}

QuickEntry parseRoleCommand(const QString &args)
{
    const Split s = splitFirstWord(args);
    if (s.word.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "Missing role after /role: use one of %1, then the person")
                           .arg(roleKeys()));
    const auto role = parseRole(s.word);
    if (!role)
        return invalid(QCoreApplication::translate("QuickEntry", "Unknown role \"%1\": use one of %2")
                           .arg(s.word, roleKeys()));
    if (s.rest.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "Missing person for /role %1: type who takes it, e.g. /role %1 Dana Smith")
                           .arg(s.word));
    QuickEntry e = incidentChange(QuickAction::AssignRole, QString());
    e.role = role;
    e.person = s.rest.simplified();
    return e;
}

QuickEntry parseKindCommand(const QString &args)
{
    const Split s = splitFirstWord(args);
    if (s.word.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "Missing kind after /kind: use one of %1")
                           .arg(entryKindKeys()));
    const auto kind = parseEntryKind(s.word);
    if (!kind)
        return invalid(QCoreApplication::translate("QuickEntry", "Unknown kind \"%1\": use one of %2")
                           .arg(s.word, entryKindKeys()));
    if (s.rest.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "Nothing to log after /kind %1: type the entry's text")
                           .arg(s.word));
    return logEntry(*kind, s.rest);
}

QuickEntry parseEstimateCommand(const QString &args)
{
    const Split low = splitFirstWord(args);
    if (low.word.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "Missing estimate: type /estimate LOW HIGH, e.g. /estimate 30m 2h"));
    const auto lowMs = parseDurationMs(low.word);
    if (!lowMs)
        return invalid(QCoreApplication::translate("QuickEntry", "\"%1\" is not a duration: try 30m, 2h, 1h30m or 90 (minutes)")
                           .arg(low.word));
    const Split high = splitFirstWord(low.rest);
    // An estimate is a range, never a single number: refuse to record one.
    if (high.word.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "An estimate is a range: add the high end, e.g. /estimate %1 2h")
                           .arg(low.word));
    const auto highMs = parseDurationMs(high.word);
    if (!highMs)
        return invalid(QCoreApplication::translate("QuickEntry", "\"%1\" is not a duration: try 30m, 2h, 1h30m or 90 (minutes)")
                           .arg(high.word));
    if (*lowMs > *highMs)
        return invalid(QCoreApplication::translate("QuickEntry", "The low estimate (%1) is above the high one (%2)")
                           .arg(formatDurationShort(*lowMs), formatDurationShort(*highMs)));
    QuickEntry e;
    e.action = QuickAction::Estimate;
    e.kind = EntryKind::Situation;
    e.column = SituationColumn::Estimate;
    e.lowMs = *lowMs;
    e.highMs = *highMs;
    e.text = high.rest;
    return e;
}

QuickEntry parseCommand(const QString &body)
{
    if (body.isEmpty() || body.at(0).isSpace())
        return invalid(QCoreApplication::translate("QuickEntry", "Type a command right after \"/\", e.g. /status mitigated"));
    const Split s = splitFirstWord(body);
    const QString command = s.word.toLower();
    if (command == QLatin1String("status"))
        return parseStatusCommand(s.rest);
    if (command == QLatin1String("sev"))
        return parseSeverityCommand(s.rest);
    if (command == QLatin1String("role"))
        return parseRoleCommand(s.rest);
    if (command == QLatin1String("kind"))
        return parseKindCommand(s.rest);
    if (command == QLatin1String("ack") || command == QLatin1String("detected")) {
        QuickEntry e = incidentChange(QuickAction::Milestone, s.rest);
        e.milestone = command == QLatin1String("ack") ? Milestone::Acknowledged : Milestone::Detected;
        return e;
    }
    if (command == QLatin1String("estimate"))
        return parseEstimateCommand(s.rest);
    return invalid(QCoreApplication::translate("QuickEntry", "Unknown command \"/%1\": use /status, /sev, /role, /kind, /ack, /detected or /estimate")
                       .arg(s.word));
}

} // namespace

QuickEntry parseQuickEntry(const QString &line)
{
    QString rest = line.trimmed();
    if (rest.isEmpty())
        return invalid(QCoreApplication::translate("QuickEntry", "Nothing to log: type a note, or a command such as /status mitigated"));

    bool pinned = false;
    if (rest.startsWith(QLatin1Char('*'))) {
        pinned = true;
        rest = rest.mid(1).trimmed();
        if (rest.isEmpty())
            return invalid(QCoreApplication::translate("QuickEntry", "Nothing after \"*\": type the entry to pin"));
    }

    QuickEntry e;
    const QChar first = rest.at(0);
    if (first == QLatin1Char('\\') && rest.size() > 1 && isPrefixSymbol(rest.at(1))) {
        // The backslash only escapes; what follows is logged exactly as typed.
        e = logEntry(EntryKind::Note, rest.mid(1));
    } else if (first == QLatin1Char('/')) {
        e = parseCommand(rest.mid(1));
    } else if (QStringLiteral("!>?+~").contains(first)) {
        e = parseSymbol(first, rest.mid(1).trimmed());
    } else {
        e = logEntry(EntryKind::Note, rest);
    }
    if (e.isValid())
        e.pinned = pinned;
    return e;
}

} // namespace sitrep
