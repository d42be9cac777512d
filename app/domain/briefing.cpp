#include "briefing.h"

#include "estimate.h"
#include "plansteps.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>

namespace sitrep {

namespace {

// "10:05 CET": a briefing is spoken, seconds only get in the way.
QString spokenClock(qint64 ms, bool utc)
{
    QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    if (!utc)
        t = t.toLocalTime();
    return t.toString(QStringLiteral("HH:mm")) + QLatin1Char(' ')
        + (utc ? QStringLiteral("UTC") : t.timeZoneAbbreviation());
}

// A card someone added and never filled in says nothing; reading out "." helps nobody.
bool isBlank(const QString &text)
{
    return text.trimmed().isEmpty();
}

bool endsSentence(const QString &text)
{
    return text.endsWith(QLatin1Char('.')) || text.endsWith(QLatin1Char('!')) || text.endsWith(QLatin1Char('?'))
        || text.endsWith(QChar(0x2026));
}

// The text as one sentence, with the owner in brackets before the final punctuation:
// "Roll back deploy 4812 (Ana)." or "Why did the queue back up (Ben)?"
QString sentence(const QString &text, const QString &owner = QString())
{
    QString body = text.simplified();
    QString end = QStringLiteral(".");
    if (endsSentence(body)) {
        end = body.right(1);
        body.chop(1);
    }
    if (!owner.trimmed().isEmpty())
        body += QStringLiteral(" (") + owner.simplified() + QLatin1Char(')');
    return body + end;
}

QString knownPart(const QList<SnapshotCard> &known)
{
    QStringList lines;
    for (const SnapshotCard &c : known) {
        if (isBlank(c.text) && isBlank(c.answer))
            continue;
        if (isBlank(c.answer))
            lines << sentence(c.text);
        else
            lines << c.text.simplified() + QStringLiteral(" — ") + sentence(c.answer);
    }
    if (lines.isEmpty())
        lines << QCoreApplication::translate("Briefing", "Nothing confirmed yet.");
    return QCoreApplication::translate("Briefing", "What we know: %1").arg(lines.join(QLatin1Char(' ')));
}

QString unknownPart(const QList<SnapshotCard> &unknown)
{
    QStringList lines;
    for (const SnapshotCard &c : unknown) {
        // An unknown with no state yet is open; anything answered has left this column.
        const QString state = c.state.trimmed();
        if (!isBlank(c.text) && (state.isEmpty() || parseUnknownState(state) == UnknownState::Open))
            lines << sentence(c.text, c.owner);
    }
    if (lines.isEmpty())
        lines << QCoreApplication::translate("Briefing", "No open questions.");
    return QCoreApplication::translate("Briefing", "What we don't know yet: %1").arg(lines.join(QLatin1Char(' ')));
}

QString planPart(const QList<SnapshotCard> &plan)
{
    // Keep the board position with each card so ties within a tag keep the board's order.
    struct Step
    {
        PlanTag tag;
        int position;
        const SnapshotCard *card;
    };
    QList<Step> doing;
    QList<Step> todo;
    for (qsizetype i = 0; i < plan.size(); ++i) {
        const SnapshotCard &c = plan.at(i);
        if (isBlank(c.text))
            continue;
        const Step step{parsePlanTag(c.tag).value_or(PlanTag::None), int(i), &c};
        // A step with no recognised state has not been started: read it out as to do.
        const PlanState state = parsePlanState(c.state).value_or(PlanState::Todo);
        if (state == PlanState::Doing)
            doing << step;
        else if (state == PlanState::Todo)
            todo << step;
    }
    const auto order = [](const Step &a, const Step &b) {
        return planStepLessThan(a.tag, a.position, b.tag, b.position);
    };
    std::stable_sort(doing.begin(), doing.end(), order);
    std::stable_sort(todo.begin(), todo.end(), order);

    const auto read = [](const QList<Step> &steps) {
        QStringList lines;
        for (const Step &s : steps)
            lines << sentence(s.card->text, s.card->owner);
        return lines.join(QLatin1Char(' '));
    };

    QString text;
    if (doing.isEmpty() && todo.isEmpty())
        text = QCoreApplication::translate("Briefing", "No steps planned yet.");
    else if (todo.isEmpty())
        text = read(doing);
    else if (doing.isEmpty())
        text = QCoreApplication::translate("Briefing", "Nothing under way yet. Next: %1").arg(read(todo));
    else
        text = QCoreApplication::translate("Briefing", "%1 Next: %2").arg(read(doing), read(todo));
    return QCoreApplication::translate("Briefing", "What we are doing: %1").arg(text);
}

QString estimatePart(const std::optional<Estimate> &estimate, qint64 nowMs, bool utc)
{
    if (!estimate)
        return QCoreApplication::translate("Briefing", "Estimate: none given yet.");
    const QString range = formatEstimateRange(estimate->lowMs, estimate->highMs);
    const QString window = formatEstimateWindow(*estimate, utc);
    const QString confidence = confidencePhrase(estimate->confidence);
    QString text;
    if (estimate->basis.trimmed().isEmpty()) {
        text = QCoreApplication::translate("Briefing", "Estimate: %1 (%2), %3.").arg(range, window, confidence);
    } else {
        text = QCoreApplication::translate("Briefing", "Estimate: %1 (%2), %3 — %4")
                   .arg(range, window, confidence, sentence(estimate->basis));
    }
    // A window already behind us is worse than no estimate: say so rather than repeat it.
    if (nowMs > estimate->madeAt + estimate->highMs) {
        text += QLatin1Char(' ')
            + QCoreApplication::translate("Briefing", "That window has passed: the estimate needs revising.");
    }
    return text;
}

} // namespace

QString composeBriefing(const BoardSnapshot &board, const QString &incidentTitle, qint64 nowMs, bool utc)
{
    const QString title = incidentTitle.simplified();
    const QString clock = spokenClock(nowMs, utc);
    const QString heading = title.isEmpty()
        ? QCoreApplication::translate("Briefing", "Briefing as of %1.").arg(clock)
        : QCoreApplication::translate("Briefing", "%1 — briefing as of %2.").arg(title, clock);
    const QStringList parts = {heading, knownPart(board.known), unknownPart(board.unknown),
                               planPart(board.plan), estimatePart(board.estimate, nowMs, utc)};
    return parts.join(QLatin1Char('\n'));
}

} // namespace sitrep
