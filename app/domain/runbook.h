#pragma once

#include "roles.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

// One step of a runbook, with the hints written inside it lifted out. `text` is the step as a
// person reads it: the owner and time-box tokens removed, a Markdown link replaced by its text.
struct RunbookItem
{
    QString text;
    int depth = 0;                 // 0 = top level; each nesting level adds one
    std::optional<Role> ownerRole; // from "@comms", "@ops", ...
    std::optional<qint64> timeBoxMs; // from "(5m)", "(1h)", "(90s)"
    QString link;                  // the URL of the step's first link, if any
    QString linkText;              // the link's words as they appear in `text`; empty for a bare URL
    bool checked = false;

    friend bool operator==(const RunbookItem &, const RunbookItem &) = default;
};

// A heading and what sits under it. Level 0 is the untitled block of steps that precede the
// first section heading (only ever the first section); 1-6 are `#` to `######`.
struct RunbookSection
{
    QString title;
    int level = 2;
    QString notes; // non-step lines, kept so that export round-trips; lines joined by '\n'
    QList<RunbookItem> items;

    friend bool operator==(const RunbookSection &, const RunbookSection &) = default;
};

// A runbook template: a Markdown task list that becomes an incident's checklist.
struct Runbook
{
    QString name;
    QString description; // the lines before the first section heading that are not steps
    QList<RunbookSection> sections;

    int itemCount() const;
    friend bool operator==(const Runbook &, const Runbook &) = default;
};

// Something the parser tolerated but the author should look at, with its 1-based line.
struct RunbookWarning
{
    int line = 0;
    QString message;

    QString toString() const; // "Line 12: ..."
    friend bool operator==(const RunbookWarning &, const RunbookWarning &) = default;
};

struct RunbookParseResult
{
    std::optional<Runbook> runbook; // empty when refused
    QString error;                  // why it was refused, naming the line when there is one
    int errorLine = 0;              // 0 when the problem is the whole document
    QList<RunbookWarning> warnings;

    bool ok() const { return runbook.has_value(); }
};

// Runbooks larger than this are refused: a template is a page, not a log file.
constexpr qsizetype maxRunbookBytes = 1024 * 1024;

// Reads a runbook. The name is the document's first heading when that is a `# ` heading,
// otherwise fallbackName. Refuses input over maxRunbookBytes, invalid UTF-8 and documents with
// no steps; everything else is read as sensibly as possible with a warning naming the line.
//
// Tolerated and how:
// - CRLF, trailing spaces, a UTF-8 byte-order mark: ignored.
// - Indentation by 2 or 4 spaces or tabs (a tab counts to the next multiple of 4): a step
//   indented deeper than the one above is its sub-step; one indented between two outer levels
//   becomes a sub-step of the nearer outer step, with a warning.
// - An unclosed or squashed checkbox ("- [ step", "- [x step", "- []step", "- [x]step") is read
//   as a step (checked when it carries an x) with a warning: losing a step from a checklist at
//   3 a.m. is worse than a slightly odd one. "- [docs](url)" and other bullets are notes.
// - A second owner or time-box in one step is dropped with a warning (only one of each can
//   survive a round trip); an unknown @word stays in the text with a warning.
// - An unclosed ``` fence is closed at the end of the document with a warning.
RunbookParseResult parseRunbookMarkdown(const QByteArray &utf8, const QString &fallbackName);

// Writes a runbook in the canonical form: "# name", description, then each section's heading,
// notes and steps ("- [ ] text @comms (5m)", two spaces per depth), blocks separated by one
// blank line, ending in a newline. parse(export(parse(x))) == parse(x) for any x, and
// export(parse(x)) == x when x is already canonical.
QString runbookToMarkdown(const Runbook &runbook);

// The compact duration form of time-boxes and drill offsets: "90s", "5m", "1h", "1h30m".
// Lower-case units h, m, s, largest first, each at most once; no spaces, no bare numbers.
std::optional<qint64> parseTimeBox(const QString &text);
// The canonical form: the largest single unit that is exact ("90s", "90m", "2h"); whole seconds.
QString formatTimeBox(qint64 ms);

} // namespace sitrep
