#include "boardinput.h"

#include "duration.h"
#include "timeformat.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BoardInput", text);
}

// The prefix of a marker word ("box:"), matched without regard to case; its value follows.
bool takeMarker(const QString &word, QLatin1String marker, QString *value)
{
    if (!word.startsWith(marker, Qt::CaseInsensitive))
        return false;
    *value = word.mid(marker.size());
    return true;
}

Result<QList<qint64>> parseCardNumbers(const QString &value)
{
    QList<qint64> ids;
    const QStringList parts = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString part : parts) {
        if (part.startsWith(QLatin1Char('#')))
            part.remove(0, 1);
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (!ok || id <= 0)
            return invalid(tr("answers: \"%1\" is not a card number; list them like answers:12,13").arg(value));
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return invalid(tr("answers: name the unknowns by card number, like answers:12,13"));
    return ids;
}

// One end of an estimate range, refused with a message naming the end and the value.
Result<qint64> parseEnd(const QString &word, bool isLow)
{
    if (word.startsWith(QLatin1Char('-')) || word.startsWith(QChar(0x2212)))
        return invalid(isLow ? tr("The low end \"%1\" is negative: an estimate counts forward from now").arg(word)
                             : tr("The high end \"%1\" is negative: an estimate counts forward from now").arg(word));
    const std::optional<qint64> ms = parseDurationMs(word);
    if (!ms)
        return invalid(isLow ? tr("The low end \"%1\" is not a duration; use 30m, 2h, 1h30m or minutes").arg(word)
                             : tr("The high end \"%1\" is not a duration; use 30m, 2h, 1h30m or minutes").arg(word));
    return *ms;
}

} // namespace

Result<CardDraft> parseCardText(const QString &line, qint64 nowMs)
{
    CardDraft draft;
    QString body = line;
    // The back-out step runs to the end of the line: it is a sentence, not a word.
    static const QRegularExpression undoMarker(QStringLiteral("(^|\\s)(undo|back-?out):"),
                                               QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch undo = undoMarker.match(body);
    if (undo.hasMatch()) {
        draft.backOut = body.mid(undo.capturedEnd()).simplified();
        body.truncate(undo.capturedStart());
        if (draft.backOut.isEmpty())
            return invalid(tr("undo: write how to back out of the step after \"undo:\""));
    }

    QStringList words;
    const QStringList all = body.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : all) {
        QString value;
        if (word.size() > 1 && word.startsWith(QLatin1Char('@'))) {
            draft.owner = word.mid(1).replace(QLatin1Char('_'), QLatin1Char(' '));
        } else if (word.size() > 1 && word.startsWith(QLatin1Char('#'))
                   && parsePlanTag(word.mid(1)).value_or(PlanTag::None) != PlanTag::None) {
            draft.tag = *parsePlanTag(word.mid(1));
        } else if (word.compare(QLatin1String("!risky"), Qt::CaseInsensitive) == 0) {
            draft.risky = true;
        } else if (takeMarker(word, QLatin1String("box:"), &value)) {
            const std::optional<qint64> ms = parseDurationMs(value);
            if (!ms || *ms <= 0)
                return invalid(tr("box: \"%1\" is not a time-box; use a duration like box:10m").arg(value));
            draft.timeBoxMs = ms;
        } else if (takeMarker(word, QLatin1String("by:"), &value)) {
            const std::optional<qint64> at = parseIsoTime(value, nowMs);
            if (!at)
                return invalid(tr("by: \"%1\" is not a time; use by:09:30 or by:2026-11-25T09:30:00Z").arg(value));
            draft.needBy = at;
        } else if (takeMarker(word, QLatin1String("answers:"), &value)) {
            const Result<QList<qint64>> ids = parseCardNumbers(value);
            if (!ids)
                return ids.error();
            draft.answers = ids.value();
        } else {
            words.append(word);
        }
    }
    draft.text = words.join(QLatin1Char(' '));
    if (draft.text.isEmpty())
        return invalid(tr("The card is empty: type what we know, what we don't, or the step."));
    return draft;
}

QString formatDurationInput(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("0m");
    static constexpr struct
    {
        qint64 ms;
        char16_t letter;
    } units[] = {{24LL * 3600 * 1000, u'd'}, {3600LL * 1000, u'h'}, {60LL * 1000, u'm'}, {1000, u's'}};
    QString out;
    qint64 rest = ms;
    for (const auto &u : units) {
        if (rest >= u.ms) {
            out += QString::number(rest / u.ms) + QChar(u.letter);
            rest %= u.ms;
        }
    }
    return out.isEmpty() ? QStringLiteral("1s") : out;
}

QString formatCardText(const CardDraft &draft, bool utc)
{
    QStringList parts{draft.text};
    if (!draft.owner.isEmpty())
        parts << QStringLiteral("@") + QString(draft.owner).replace(QLatin1Char(' '), QLatin1Char('_'));
    if (draft.tag != PlanTag::None)
        parts << QStringLiteral("#") + planTagKey(draft.tag);
    if (draft.risky)
        parts << QStringLiteral("!risky");
    if (draft.timeBoxMs)
        parts << QStringLiteral("box:") + formatDurationInput(*draft.timeBoxMs);
    if (draft.needBy)
        parts << QStringLiteral("by:") + formatIsoTime(*draft.needBy, utc);
    if (!draft.answers.isEmpty()) {
        QStringList ids;
        for (qint64 id : draft.answers)
            ids << QString::number(id);
        parts << QStringLiteral("answers:") + ids.join(QLatin1Char(','));
    }
    if (!draft.backOut.isEmpty())
        parts << QStringLiteral("undo: ") + draft.backOut;
    return parts.join(QLatin1Char(' '));
}

CardDraft draftOf(const SituationItem &item)
{
    CardDraft d;
    d.text = item.text;
    d.owner = item.owner;
    d.needBy = item.needBy;
    d.tag = parsePlanTag(item.tag).value_or(PlanTag::None);
    d.risky = item.risky;
    d.backOut = item.backOut;
    d.timeBoxMs = item.timeBoxMs;
    d.answers = item.answers;
    return d;
}

Result<EstimateDraft> parseEstimateInput(const QString &line)
{
    QStringList words = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return invalid(tr("Type the estimate as a range: low and high, e.g. 30m 2h"));
    // "30m-2h" and "30–90" carry both ends in one word.
    static const QRegularExpression dash(QStringLiteral("^([^-–]+)[-–]([^-–]+)$"));
    const QRegularExpressionMatch joined = dash.match(words.constFirst());
    if (joined.hasMatch()) {
        words.removeFirst();
        words.prepend(joined.captured(2));
        words.prepend(joined.captured(1));
    }
    if (words.size() < 2)
        return invalid(tr("An estimate is a range, never a single number: add the high end, e.g. %1 2h")
                           .arg(words.constFirst()));
    const Result<qint64> low = parseEnd(words.at(0), true);
    if (!low)
        return low.error();
    const Result<qint64> high = parseEnd(words.at(1), false);
    if (!high)
        return high.error();
    EstimateDraft draft;
    draft.lowMs = low.value();
    draft.highMs = high.value();
    if (const std::optional<QString> problem = validateEstimate(draft.lowMs, draft.highMs))
        return invalid(*problem);
    words.remove(0, 2);
    if (!words.isEmpty()) {
        QString word = words.constFirst().toLower();
        if (word.startsWith(QLatin1String("conf:")))
            word = word.mid(5);
        if (word == QLatin1String("med"))
            word = QStringLiteral("medium");
        if (const std::optional<Confidence> c = parseConfidence(word)) {
            draft.confidence = c;
            words.removeFirst();
        } else if (words.constFirst().startsWith(QLatin1String("conf:"), Qt::CaseInsensitive)) {
            return invalid(tr("\"%1\" is not a confidence; use low, medium or high").arg(words.constFirst()));
        }
    }
    draft.basis = words.join(QLatin1Char(' '));
    return draft;
}

} // namespace sitrep
