// The situation board on the command line: known, unknown, plan, answer, estimate, board.
#include "boardtext.h"
#include "commandrunner.h"
#include "commands.h"

#include "domain/duration.h"
#include "services/services.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

// Service errors carry the reason; the command name says where it came from.
int failWith(CommandRunner &runner, const QString &command, const Error &error)
{
    return runner.fail(exitCodeFor(error.kind), command + QStringLiteral(": ") + error.message);
}

// The card number ITEM ("12" or "#12") of a card on this incident's board.
std::optional<qint64> resolveCard(CommandRunner &runner, const QString &command, const Incident &incident,
                                  const QString &text, int *exitCode)
{
    QString digits = text.trimmed();
    if (digits.startsWith(QLatin1Char('#')))
        digits.remove(0, 1);
    bool ok = false;
    const qint64 id = digits.toLongLong(&ok);
    if (!ok || id <= 0) {
        *exitCode = runner.fail(ExitCode::Usage, tr("%1: ITEM \"%2\" is not a card number; `sitrep board ID` lists them")
                                                     .arg(command, text));
        return std::nullopt;
    }
    const Result<SituationItem> item = runner.services()->situation.item(id);
    if (!item || item->incidentId != incident.id) {
        *exitCode = runner.fail(ExitCode::NotFound, tr("%1: there is no card %2 on the board of \"%3\"")
                                                        .arg(command, QString::number(id), incident.title));
        return std::nullopt;
    }
    return id;
}

int addCard(CommandRunner &runner, const QStringList &args, SituationColumn column)
{
    const QString name = situationColumnKey(column);
    CommandArguments a(name, synopsisOf(name));
    a.parser().addOption({QStringLiteral("owner"),
                          column == SituationColumn::Known ? tr("Who it came from.") : tr("Who owns it."), tr("NAME")});
    if (column == SituationColumn::Unknown)
        a.parser().addOption({QStringLiteral("need-by"), tr("When the answer is needed."), tr("ISO8601")});
    if (column == SituationColumn::Plan) {
        a.parser().addOptions({{QStringLiteral("tag"), tr("contain, fix or verify."), tr("TAG")},
                               {QStringLiteral("risky"), tr("The step cannot start without a back-out step.")},
                               {QStringLiteral("back-out"), tr("How to undo the step."), tr("TEXT")},
                               {QStringLiteral("time-box"), tr("Check back after this long, e.g. 10m."), tr("DURATION")}});
    }
    if (const auto exit = a.parse(runner, args, 2, -1))
        return *exit;
    CardDraft draft;
    draft.text = a.positional().mid(1).join(QLatin1Char(' ')).simplified();
    draft.owner = a.value(QStringLiteral("owner"));
    if (draft.text.isEmpty())
        return runner.fail(ExitCode::Usage, tr("%1: the card TEXT is empty").arg(name));
    int exit = 0;
    if (column == SituationColumn::Unknown
        && !parseTimeOption(runner, QStringLiteral("need-by"), a.value(QStringLiteral("need-by")), &draft.needBy, &exit))
        return exit;
    if (column == SituationColumn::Plan) {
        if (a.isSet(QStringLiteral("tag"))) {
            const std::optional<PlanTag> tag = parsePlanTag(a.value(QStringLiteral("tag")));
            if (!tag || a.value(QStringLiteral("tag")).trimmed().isEmpty())
                return runner.fail(ExitCode::Usage, tr("%1: --tag \"%2\" is not a tag; use contain, fix or verify")
                                                        .arg(name, a.value(QStringLiteral("tag"))));
            draft.tag = *tag;
        }
        draft.risky = a.isSet(QStringLiteral("risky"));
        draft.backOut = a.value(QStringLiteral("back-out"));
        if (a.isSet(QStringLiteral("time-box"))) {
            const std::optional<qint64> box = parseDurationMs(a.value(QStringLiteral("time-box")));
            if (!box || *box <= 0)
                return runner.fail(ExitCode::Usage, tr("%1: --time-box \"%2\" is not a duration; use 10m, 1h or 1h30m")
                                                        .arg(name, a.value(QStringLiteral("time-box"))));
            draft.timeBoxMs = box;
        }
    }
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    const Result<SituationItem> added =
        runner.services()->situation.addCard(incident->id, column, draft, EntrySource::CommandLine);
    if (!added)
        return failWith(runner, name, added.error());
    runner.out() << added->id << Qt::endl;
    return int(ExitCode::Ok);
}

} // namespace

int runKnown(CommandRunner &runner, const QStringList &args)
{
    return addCard(runner, args, SituationColumn::Known);
}

int runUnknown(CommandRunner &runner, const QStringList &args)
{
    return addCard(runner, args, SituationColumn::Unknown);
}

int runPlan(CommandRunner &runner, const QStringList &args)
{
    return addCard(runner, args, SituationColumn::Plan);
}

int runAnswer(CommandRunner &runner, const QStringList &args)
{
    const QString name = QStringLiteral("answer");
    CommandArguments a(name, synopsisOf(name));
    if (const auto exit = a.parse(runner, args, 3, -1))
        return *exit;
    const QString text = a.positional().mid(2).join(QLatin1Char(' ')).simplified();
    if (text.isEmpty())
        return runner.fail(ExitCode::Usage, tr("answer: the answer TEXT is empty"));
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    const std::optional<qint64> card = resolveCard(runner, name, *incident, a.positional().at(1), &exit);
    if (!card)
        return exit;
    const Result<SituationItem> answered = runner.services()->situation.answer(*card, text, EntrySource::CommandLine);
    if (!answered)
        return failWith(runner, name, answered.error());
    return int(ExitCode::Ok);
}

int runEstimate(CommandRunner &runner, const QStringList &args)
{
    const QString name = QStringLiteral("estimate");
    // "-5m" would otherwise read as an unknown option; say what it is instead.
    static const QRegularExpression negative(QStringLiteral("^[-−]\\d"));
    for (const QString &arg : args) {
        if (negative.match(arg).hasMatch())
            return runner.fail(ExitCode::Usage,
                               tr("estimate: \"%1\" is negative: an estimate counts forward from now").arg(arg));
    }
    CommandArguments a(name, synopsisOf(name));
    a.parser().addOptions({{QStringLiteral("confidence"), tr("low, medium or high (default: as before, else medium)."),
                            tr("LEVEL")},
                           {QStringLiteral("basis"), tr("Why we think so, in one line."), tr("TEXT")}});
    if (const auto exit = a.parse(runner, args, 3, 3))
        return *exit;
    const QStringList p = a.positional();
    const std::optional<qint64> low = parseDurationMs(p.at(1));
    if (!low)
        return runner.fail(ExitCode::Usage, tr("estimate: LOW \"%1\" is not a duration; use 30m, 2h, 1h30m or minutes")
                                                .arg(p.at(1)));
    const std::optional<qint64> high = parseDurationMs(p.at(2));
    if (!high)
        return runner.fail(ExitCode::Usage, tr("estimate: HIGH \"%1\" is not a duration; use 30m, 2h, 1h30m or minutes")
                                                .arg(p.at(2)));
    if (const std::optional<QString> problem = validateEstimate(*low, *high))
        return runner.fail(ExitCode::Usage, tr("estimate: %1 %2: %3").arg(p.at(1), p.at(2), *problem));
    std::optional<Confidence> confidence;
    if (a.isSet(QStringLiteral("confidence"))) {
        confidence = parseConfidence(a.value(QStringLiteral("confidence")));
        if (!confidence)
            return runner.fail(ExitCode::Usage, tr("estimate: --confidence \"%1\" is not a confidence; use low, "
                                                   "medium or high").arg(a.value(QStringLiteral("confidence"))));
    }
    int exit = 0;
    const std::optional<Incident> incident = resolveIncident(runner, p.constFirst(), &exit);
    if (!incident)
        return exit;
    SituationService &situation = runner.services()->situation;
    if (!confidence) {
        const Result<std::optional<Estimate>> previous = situation.currentEstimate(incident->id);
        confidence = previous && previous.value() ? previous.value()->confidence : Confidence::Medium;
    }
    const Result<Estimate> made = situation.estimate(incident->id, *low, *high, *confidence,
                                                     a.value(QStringLiteral("basis")), EntrySource::CommandLine);
    if (!made)
        return failWith(runner, name, made.error());
    runner.out() << formatEstimate(made.value(), false) << QStringLiteral(", ") << confidencePhrase(made->confidence)
                 << Qt::endl;
    return int(ExitCode::Ok);
}

int runBoard(CommandRunner &runner, const QStringList &args)
{
    const QString name = QStringLiteral("board");
    CommandArguments a(name, synopsisOf(name));
    a.parser().addOption({QStringLiteral("as-of"), tr("Show the board as it stood then."), tr("ISO8601")});
    if (const auto exit = a.parse(runner, args, 1, 1))
        return *exit;
    std::optional<qint64> asOf;
    int exit = 0;
    if (!parseTimeOption(runner, QStringLiteral("as-of"), a.value(QStringLiteral("as-of")), &asOf, &exit))
        return exit;
    const std::optional<Incident> incident = resolveIncident(runner, a.positional().constFirst(), &exit);
    if (!incident)
        return exit;
    SituationService &situation = runner.services()->situation;
    const Result<BoardSnapshot> snapshot = asOf ? situation.boardAsOf(incident->id, *asOf) : situation.board(incident->id);
    if (!snapshot)
        return failWith(runner, name, snapshot.error());
    const Result<QList<SituationItem>> cards = situation.items(incident->id);
    const Result<QList<Estimate>> revisions = situation.estimates(incident->id);
    const Result<EstimateReview> review = situation.estimateReview(incident->id);
    if (!cards || !revisions || !review)
        return failWith(runner, name, !cards ? cards.error() : !revisions ? revisions.error() : review.error());

    BoardText text;
    text.title = incident->title;
    text.board = snapshot.value();
    text.asOf = asOf;
    text.nowMs = runner.clock().nowMs();
    text.cards = cards.value();
    int made = 0;
    for (const Estimate &e : revisions.value())
        made += !asOf || e.madeAt <= *asOf ? 1 : 0;
    text.estimateRevisions = made;
    text.review = asOf ? nullptr : &review.value();
    runner.out() << formatBoardText(text);
    runner.out().flush();
    return int(ExitCode::Ok);
}

} // namespace sitrep
