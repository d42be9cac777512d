#include "runbook.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>

namespace sitrep {

namespace {

constexpr qint64 secondMs = 1000;
constexpr qint64 minuteMs = 60 * secondMs;
constexpr qint64 hourMs = 60 * minuteMs;

// The short forms people type, used on export so that bundled runbooks stay readable.
QString roleHint(Role role)
{
    switch (role) {
    case Role::Commander: return QStringLiteral("commander");
    case Role::Communications: return QStringLiteral("comms");
    case Role::Operations: return QStringLiteral("ops");
    case Role::Scribe: return QStringLiteral("scribe");
    case Role::SubjectExpert: return QStringLiteral("sme");
    case Role::CustomerLiaison: return QStringLiteral("liaison");
    }
    return {};
}

QString rightTrimmed(const QString &s)
{
    qsizetype end = s.size();
    while (end > 0 && s.at(end - 1).isSpace())
        --end;
    return s.left(end);
}

// Columns of leading whitespace; a tab advances to the next multiple of 4.
int indentOf(const QString &line)
{
    int col = 0;
    for (const QChar c : line) {
        if (c == QLatin1Char(' '))
            ++col;
        else if (c == QLatin1Char('\t'))
            col += 4 - col % 4;
        else
            break;
    }
    return col;
}

const QRegularExpression &bulletRe()
{
    static const QRegularExpression re(QStringLiteral(R"(^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$)"));
    return re;
}

// An optional closing run of #s on a heading ("## Contain ##"): decoration, not title.
const QRegularExpression &closingHashes()
{
    static const QRegularExpression re(QStringLiteral(R"((^|\s)#+$)"));
    return re;
}

QString headingLine(int level, const QString &title)
{
    const QString hashes(qBound(1, level, 6), QLatin1Char('#'));
    if (title.isEmpty())
        return hashes;
    // A title that itself ends in " #" needs a closing run, or reading it back would eat its end.
    const bool needsClosing = closingHashes().match(title).hasMatch();
    return hashes + QLatin1Char(' ') + title + (needsClosing ? QStringLiteral(" #") : QString());
}

// A link in a step: a Markdown link or a bare http(s) URL. Spans are opaque to hint scanning.
struct LinkSpan
{
    qsizetype start = 0;
    qsizetype end = 0;
    bool markdown = false;
    QString label;
    QString url;
};

QList<LinkSpan> findLinkSpans(const QString &raw)
{
    static const QRegularExpression markdownRe(QStringLiteral(R"(\[([^\[\]]*)\]\(([^()\s]+)\))"));
    static const QRegularExpression bareRe(QStringLiteral(R"(https?://[^\s<>\[\]]+)"));
    QList<LinkSpan> spans;
    auto overlaps = [&spans](qsizetype start, qsizetype end) {
        return std::any_of(spans.cbegin(), spans.cend(),
                           [=](const LinkSpan &s) { return start < s.end && s.start < end; });
    };
    for (auto it = markdownRe.globalMatch(raw); it.hasNext();) {
        const auto m = it.next();
        QString label = m.captured(1).simplified();
        const QString url = m.captured(2);
        spans.append({m.capturedStart(), m.capturedEnd(), true, label.isEmpty() ? url : label, url});
    }
    for (auto it = bareRe.globalMatch(raw); it.hasNext();) {
        const auto m = it.next();
        QString url = m.captured(0);
        // Sentence punctuation and an unbalanced closing parenthesis belong to the text.
        while (!url.isEmpty()) {
            const QChar last = url.back();
            const qsizetype opens = url.count(QLatin1Char('('));
            const qsizetype closes = url.count(QLatin1Char(')'));
            const bool unbalanced = last == QLatin1Char(')') && closes > opens;
            if (!QStringLiteral(".,;:!?'\"").contains(last) && !unbalanced)
                break;
            url.chop(1);
        }
        const qsizetype start = m.capturedStart();
        if (url.size() > url.indexOf(QLatin1String("://")) + 3 && !overlaps(start, start + url.size()))
            spans.append({start, start + url.size(), false, QString(), url});
    }
    std::sort(spans.begin(), spans.end(), [](const LinkSpan &a, const LinkSpan &b) { return a.start < b.start; });
    return spans;
}

// The mutable state of one parse; the public function is a thin wrapper.
class Parser
{
public:
    RunbookParseResult run(const QStringList &lines, const QString &fallbackName);

private:
    struct PendingItem
    {
        QString raw;
        int line = 0;
        int indent = 0; // columns; turned into a depth only if the step is kept
        bool checked = false;
    };

    void warn(int line, const QString &message) { m_result.warnings.append({line, message}); }
    void handleLine(int number, const QString &line);
    bool handleHeading(int number, const QString &line);
    bool handleItem(int number, const QString &line);
    int depthFor(int number, int indent);
    void flushItem();
    void flushNotes();
    RunbookItem makeItem(const PendingItem &pending);

    RunbookParseResult m_result;
    Runbook m_runbook;
    bool m_sawHeading = false;
    int m_section = -1; // index into m_runbook.sections; -1 while in the description
    QStringList m_notes;
    std::optional<PendingItem> m_pending;
    QList<int> m_indents; // indentation of each open nesting level in the current section
    QChar m_fenceChar;    // null when not inside a ``` or ~~~ block
    int m_fenceLength = 0;
    int m_fenceLine = 0;
};

RunbookParseResult Parser::run(const QStringList &lines, const QString &fallbackName)
{
    for (int i = 0; i < lines.size(); ++i)
        handleLine(i + 1, lines.at(i));
    if (!m_fenceChar.isNull()) {
        warn(m_fenceLine, QCoreApplication::translate("Runbook", "This code block is never closed; it was closed at the end"));
        m_notes.append(QString(m_fenceLength, m_fenceChar));
    }
    flushItem();
    flushNotes();
    if (m_runbook.name.isEmpty())
        m_runbook.name = fallbackName.trimmed();
    if (m_runbook.name.isEmpty())
        m_runbook.name = QCoreApplication::translate("Runbook", "Untitled runbook");
    if (m_runbook.itemCount() == 0) {
        m_result.error = QCoreApplication::translate(
            "Runbook", "No steps found: a runbook needs at least one task line like \"- [ ] Confirm the outage\".");
        return m_result;
    }
    m_result.runbook = m_runbook;
    return m_result;
}

void Parser::handleLine(int number, const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty())
        flushItem(); // a blank line ends a step; what follows cannot continue it

    if (!m_fenceChar.isNull()) {
        if (trimmed.startsWith(QString(m_fenceLength, m_fenceChar))
            && trimmed.count(m_fenceChar) == trimmed.size())
            m_fenceChar = QChar();
        m_notes.append(line);
        return;
    }
    if (trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~"))) {
        flushItem();
        m_fenceChar = trimmed.at(0);
        m_fenceLength = int(std::find_if(trimmed.cbegin(), trimmed.cend(), [this](QChar c) { return c != m_fenceChar; })
                            - trimmed.cbegin());
        m_fenceLine = number;
        m_notes.append(line);
        return;
    }
    if (handleHeading(number, line) || handleItem(number, line))
        return;
    // An indented line right under a step continues it, as Markdown reads it; a plain bullet
    // there is a note of its own.
    if (m_pending && !trimmed.isEmpty() && indentOf(line) > 0 && !bulletRe().match(line).hasMatch()) {
        m_pending->raw += QLatin1Char(' ') + trimmed;
        return;
    }
    flushItem();
    m_notes.append(line);
}

bool Parser::handleHeading(int number, const QString &line)
{
    if (indentOf(line) > 3)
        return false;
    const QString t = line.trimmed();
    int level = 0;
    while (level < t.size() && t.at(level) == QLatin1Char('#'))
        ++level;
    if (level == 0 || level > 6 || (level < t.size() && !t.at(level).isSpace()))
        return false;
    QString title = t.mid(level).trimmed();
    title = title.remove(closingHashes()).trimmed();

    flushItem();
    flushNotes();
    if (title.isEmpty())
        warn(number, QCoreApplication::translate("Runbook", "Empty heading"));
    if (!m_sawHeading && level == 1) {
        m_runbook.name = title;
    } else {
        m_runbook.sections.append({title, level, QString(), {}});
        m_section = int(m_runbook.sections.size()) - 1;
        m_indents.clear();
    }
    m_sawHeading = true;
    return true;
}

bool Parser::handleItem(int number, const QString &line)
{
    static const QRegularExpression validRe(QStringLiteral(R"(^\[([ xX])\](?:[ \t]+(.*))?$)"));
    static const QRegularExpression linkFirstRe(QStringLiteral(R"(^\[[^\[\]]*\]\()"));
    static const QRegularExpression squashedRe(QStringLiteral(R"(^\[[ \t]*([xX]?)[ \t]*\][ \t]*(.*)$)"));
    static const QRegularExpression unclosedRe(QStringLiteral(R"(^\[[ \t]*([xX])?[ \t]+([^\]]*)$)"));

    const auto bullet = bulletRe().match(line);
    if (!bullet.hasMatch())
        return false;
    const QString rest = bullet.captured(1);
    QRegularExpressionMatch box = validRe.match(rest);
    if (!box.hasMatch()) {
        if (linkFirstRe.match(rest).hasMatch())
            return false;
        box = squashedRe.match(rest);
        if (!box.hasMatch())
            box = unclosedRe.match(rest);
        if (!box.hasMatch())
            return false;
        warn(number, QCoreApplication::translate("Runbook", "Malformed checkbox in \"%1\"; read as a step (write \"- [ ] step\")")
                         .arg(rest.left(40)));
    }
    flushItem();
    flushNotes();
    m_pending = PendingItem{box.captured(2), number, indentOf(line), !box.captured(1).trimmed().isEmpty()};
    return true;
}

int Parser::depthFor(int number, int indent)
{
    if (m_indents.isEmpty()) {
        m_indents.append(indent);
        return 0;
    }
    if (indent > m_indents.last()) {
        m_indents.append(indent);
        return int(m_indents.size()) - 1;
    }
    while (m_indents.size() > 1 && indent < m_indents.last())
        m_indents.removeLast();
    if (indent > m_indents.last()) {
        // Between two levels (e.g. 2 spaces under 0 and 4): the nearer outer step owns it.
        m_indents.append(indent);
        const int depth = int(m_indents.size()) - 1;
        warn(number, QCoreApplication::translate("Runbook", "Indentation does not line up with the steps above; read as depth %1")
                         .arg(depth));
        return depth;
    }
    if (indent < m_indents.last())
        m_indents.last() = indent; // shallower than the section's first step: top level
    return int(m_indents.size()) - 1;
}

void Parser::flushItem()
{
    if (!m_pending)
        return;
    const PendingItem pending = *m_pending;
    m_pending.reset();
    RunbookItem item = makeItem(pending);
    if (item.text.isEmpty()) {
        warn(pending.line, QCoreApplication::translate("Runbook", "A step with no text was left out"));
        return;
    }
    // Only kept steps set nesting levels, so a step is never deeper than its predecessor + 1.
    item.depth = depthFor(pending.line, pending.indent);
    // Steps before any section heading form an untitled first section, made only once it has one.
    if (m_section < 0 && m_runbook.sections.isEmpty())
        m_runbook.sections.append({QString(), 0, QString(), {}});
    m_runbook.sections[m_section < 0 ? 0 : m_section].items.append(item);
}

void Parser::flushNotes()
{
    QStringList kept;
    for (const QString &line : std::as_const(m_notes)) {
        const QString l = rightTrimmed(line);
        if (l.isEmpty() && (kept.isEmpty() || kept.last().isEmpty()))
            continue;
        kept.append(l);
    }
    while (!kept.isEmpty() && kept.last().isEmpty())
        kept.removeLast();
    m_notes.clear();
    if (kept.isEmpty())
        return;
    QString &target = m_section < 0 ? m_runbook.description : m_runbook.sections[m_section].notes;
    if (!target.isEmpty())
        target += QStringLiteral("\n\n");
    target += kept.join(QLatin1Char('\n'));
}

RunbookItem Parser::makeItem(const PendingItem &pending)
{
    static const QRegularExpression roleRe(QStringLiteral(R"((?<!\S)@([A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?))"));
    static const QRegularExpression timeBoxRe(QStringLiteral(R"((?<!\S)\(((?:\d+[hms])+)\))"));

    const QString &raw = pending.raw;
    RunbookItem item;
    item.checked = pending.checked;

    const QList<LinkSpan> spans = findLinkSpans(raw);
    auto inSpan = [&spans](qsizetype pos) {
        return std::any_of(spans.cbegin(), spans.cend(), [=](const LinkSpan &s) { return pos >= s.start && pos < s.end; });
    };
    QList<bool> removed(raw.size(), false);
    auto remove = [&removed](const QRegularExpressionMatch &m) {
        std::fill(removed.begin() + m.capturedStart(), removed.begin() + m.capturedEnd(), true);
    };

    for (auto it = roleRe.globalMatch(raw); it.hasNext();) {
        const auto m = it.next();
        if (inSpan(m.capturedStart()))
            continue;
        const auto role = parseRole(m.captured(1));
        if (!role) {
            warn(pending.line, QCoreApplication::translate("Runbook", "\"@%1\" is not a role (try @commander, @comms, @ops, "
                                                                      "@scribe, @sme, @liaison); kept as text").arg(m.captured(1)));
            continue;
        }
        if (item.ownerRole)
            warn(pending.line, QCoreApplication::translate("Runbook", "A second owner \"@%1\" was dropped; a step has one owner")
                                   .arg(m.captured(1)));
        else
            item.ownerRole = role;
        remove(m);
    }
    for (auto it = timeBoxRe.globalMatch(raw); it.hasNext();) {
        const auto m = it.next();
        if (inSpan(m.capturedStart()))
            continue;
        const auto ms = parseTimeBox(m.captured(1));
        if (!ms || *ms <= 0) {
            warn(pending.line, QCoreApplication::translate("Runbook", "\"(%1)\" is not a usable time-box; kept as text").arg(m.captured(1)));
            continue;
        }
        if (item.timeBoxMs)
            warn(pending.line, QCoreApplication::translate("Runbook", "A second time-box \"(%1)\" was dropped").arg(m.captured(1)));
        else
            item.timeBoxMs = ms;
        remove(m);
    }

    QString text;
    for (qsizetype i = 0; i < raw.size();) {
        if (!spans.isEmpty() && i == spans.first().start) {
            const LinkSpan &link = spans.first();
            text += link.markdown ? link.label : link.url;
            item.link = link.url;
            item.linkText = link.label;
            i = link.end;
            continue;
        }
        if (!removed.at(i))
            text += raw.at(i);
        ++i;
    }
    item.text = text.simplified();
    return item;
}

QString itemToMarkdown(const RunbookItem &item)
{
    QString body = item.text;
    if (!item.link.isEmpty()) {
        const qsizetype at = item.linkText.isEmpty() ? -1 : body.indexOf(item.linkText);
        const QString markdown = QLatin1Char('[') + item.linkText + QStringLiteral("](") + item.link + QLatin1Char(')');
        if (at >= 0)
            body.replace(at, item.linkText.size(), markdown);
        else if (item.linkText.isEmpty() && !body.contains(item.link))
            body += QLatin1Char(' ') + item.link;
        else if (!item.linkText.isEmpty())
            body += QLatin1Char(' ') + markdown;
    }
    if (item.ownerRole)
        body += QStringLiteral(" @") + roleHint(*item.ownerRole);
    if (item.timeBoxMs)
        body += QStringLiteral(" (") + formatTimeBox(*item.timeBoxMs) + QLatin1Char(')');
    return QString(2 * item.depth, QLatin1Char(' ')) + (item.checked ? QStringLiteral("- [x] ") : QStringLiteral("- [ ] "))
           + body.trimmed();
}

} // namespace

int Runbook::itemCount() const
{
    int n = 0;
    for (const RunbookSection &s : sections)
        n += int(s.items.size());
    return n;
}

QString RunbookWarning::toString() const
{
    return QCoreApplication::translate("Runbook", "Line %1: %2").arg(line).arg(message);
}

RunbookParseResult parseRunbookMarkdown(const QByteArray &utf8, const QString &fallbackName)
{
    RunbookParseResult result;
    if (utf8.size() > maxRunbookBytes) {
        result.error = QCoreApplication::translate("Runbook", "The runbook is %1 bytes; runbooks are limited to %2 bytes (1 MiB).")
                           .arg(utf8.size())
                           .arg(maxRunbookBytes);
        return result;
    }
    // '\n' never occurs inside a UTF-8 sequence, so splitting bytes first lets us name the line.
    const QList<QByteArray> rawLines = utf8.split('\n');
    QStringList lines;
    lines.reserve(rawLines.size());
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        // Stateless: a sequence cut off at the end of a line is an error, not state kept for later.
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        QString line = decoder.decode(rawLines.at(i));
        if (decoder.hasError()) {
            result.errorLine = int(i) + 1;
            result.error = QCoreApplication::translate("Runbook", "Line %1 is not valid UTF-8; save the runbook as UTF-8.")
                               .arg(result.errorLine);
            return result;
        }
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        lines.append(rightTrimmed(line));
    }
    return Parser().run(lines, fallbackName);
}

QString runbookToMarkdown(const Runbook &runbook)
{
    QStringList blocks;
    blocks.append(headingLine(1, runbook.name));
    if (!runbook.description.isEmpty())
        blocks.append(runbook.description);
    for (const RunbookSection &section : runbook.sections) {
        if (section.level > 0)
            blocks.append(headingLine(section.level, section.title));
        if (!section.notes.isEmpty())
            blocks.append(section.notes);
        QStringList items;
        for (const RunbookItem &item : section.items)
            items.append(itemToMarkdown(item));
        if (!items.isEmpty())
            blocks.append(items.join(QLatin1Char('\n')));
    }
    return blocks.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

std::optional<qint64> parseTimeBox(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$)"));
    const auto m = re.match(text);
    if (text.isEmpty() || !m.hasMatch())
        return std::nullopt;
    return m.captured(1).toLongLong() * hourMs + m.captured(2).toLongLong() * minuteMs
           + m.captured(3).toLongLong() * secondMs;
}

QString formatTimeBox(qint64 ms)
{
    const qint64 s = ms / secondMs;
    if (s != 0 && s % 3600 == 0)
        return QString::number(s / 3600) + QLatin1Char('h');
    if (s != 0 && s % 60 == 0)
        return QString::number(s / 60) + QLatin1Char('m');
    return QString::number(s) + QLatin1Char('s');
}

} // namespace sitrep
