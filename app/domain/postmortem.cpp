#include "postmortem.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Postmortem", text);
}

template <typename Enum>
std::optional<Enum> parseKey(const QString &key, const QList<Enum> &all, QString (*keyOf)(Enum))
{
    const QString k = key.trimmed().toLower();
    for (Enum e : all) {
        if (keyOf(e) == k)
            return e;
    }
    return std::nullopt;
}

// One section of the review: its label and how to read it. The order is the report's.
struct Section
{
    const char *label;
    QString Postmortem::*text = nullptr;
};

} // namespace

QString reviewStatusKey(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Draft: return QStringLiteral("draft");
    case ReviewStatus::InReview: return QStringLiteral("in-review");
    case ReviewStatus::Final: return QStringLiteral("final");
    }
    return {};
}

QString reviewStatusLabel(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Draft: return tr("Draft");
    case ReviewStatus::InReview: return tr("In review");
    case ReviewStatus::Final: return tr("Final");
    }
    return {};
}

QList<ReviewStatus> allReviewStatuses()
{
    return {ReviewStatus::Draft, ReviewStatus::InReview, ReviewStatus::Final};
}

std::optional<ReviewStatus> parseReviewStatus(const QString &key)
{
    return parseKey(key, allReviewStatuses(), reviewStatusKey);
}

QString actionKindKey(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Prevent: return QStringLiteral("prevent");
    case ActionKind::Mitigate: return QStringLiteral("mitigate");
    case ActionKind::Detect: return QStringLiteral("detect");
    case ActionKind::Repair: return QStringLiteral("repair");
    }
    return {};
}

QString actionKindLabel(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Prevent: return tr("Prevent");
    case ActionKind::Mitigate: return tr("Mitigate");
    case ActionKind::Detect: return tr("Detect");
    case ActionKind::Repair: return tr("Repair");
    }
    return {};
}

QList<ActionKind> allActionKinds()
{
    return {ActionKind::Prevent, ActionKind::Mitigate, ActionKind::Detect, ActionKind::Repair};
}

std::optional<ActionKind> parseActionKind(const QString &key)
{
    return parseKey(key, allActionKinds(), actionKindKey);
}

QString actionStateKey(ActionState state)
{
    switch (state) {
    case ActionState::Open: return QStringLiteral("open");
    case ActionState::InProgress: return QStringLiteral("in-progress");
    case ActionState::Done: return QStringLiteral("done");
    case ActionState::WontDo: return QStringLiteral("wont-do");
    }
    return {};
}

QString actionStateLabel(ActionState state)
{
    switch (state) {
    case ActionState::Open: return tr("Open");
    case ActionState::InProgress: return tr("In progress");
    case ActionState::Done: return tr("Done");
    case ActionState::WontDo: return tr("Won't do");
    }
    return {};
}

QList<ActionState> allActionStates()
{
    return {ActionState::Open, ActionState::InProgress, ActionState::Done, ActionState::WontDo};
}

std::optional<ActionState> parseActionState(const QString &key)
{
    return parseKey(key, allActionStates(), actionStateKey);
}

QString priorityLabel(int priority)
{
    return QStringLiteral("P%1").arg(priority);
}

std::optional<int> parsePriority(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('p'), Qt::CaseInsensitive))
        t = t.mid(1);
    bool ok = false;
    const int p = t.toInt(&ok);
    if (!ok || p < kHighestPriority || p > kLowestPriority)
        return std::nullopt;
    return p;
}

bool Postmortem::sameContent(const Postmortem &o) const
{
    return changedPostmortemSections(*this, o).isEmpty();
}

QStringList changedPostmortemSections(const Postmortem &a, const Postmortem &b)
{
    QStringList changed;
    if (a.owner != b.owner || a.status != b.status)
        changed << tr("review");
    if (a.summary != b.summary)
        changed << tr("summary");
    if (a.affectedCount != b.affectedCount || a.affectedUnit != b.affectedUnit
        || a.supportRequests != b.supportRequests || a.costCents != b.costCents)
        changed << tr("impact");
    static const Section sections[] = {
        {QT_TRANSLATE_NOOP("Postmortem", "detection"), &Postmortem::detection},
        {QT_TRANSLATE_NOOP("Postmortem", "response and recovery"), &Postmortem::response},
        {QT_TRANSLATE_NOOP("Postmortem", "root causes"), &Postmortem::rootCauses},
        {QT_TRANSLATE_NOOP("Postmortem", "trigger"), &Postmortem::trigger},
    };
    for (const Section &s : sections) {
        if (a.*(s.text) != b.*(s.text))
            changed << tr(s.label);
    }
    if (a.fiveWhys != b.fiveWhys)
        changed << tr("five whys");
    static const Section lessons[] = {
        {QT_TRANSLATE_NOOP("Postmortem", "what went well"), &Postmortem::wentWell},
        {QT_TRANSLATE_NOOP("Postmortem", "what went poorly"), &Postmortem::wentPoorly},
        {QT_TRANSLATE_NOOP("Postmortem", "where we got lucky"), &Postmortem::gotLucky},
        {QT_TRANSLATE_NOOP("Postmortem", "lessons learned"), &Postmortem::lessons},
    };
    for (const Section &s : lessons) {
        if (a.*(s.text) != b.*(s.text))
            changed << tr(s.label);
    }
    return changed;
}

std::optional<QString> validatePostmortem(const Postmortem &p)
{
    if (p.owner.size() > kMaxShortText)
        return tr("The review owner is %1 characters long; keep it under %2.").arg(p.owner.size()).arg(kMaxShortText);
    if (p.affectedUnit.size() > kMaxShortText)
        return tr("What was counted as affected is %1 characters long; keep it under %2.")
            .arg(p.affectedUnit.size())
            .arg(kMaxShortText);
    if (p.affectedCount && *p.affectedCount < 0)
        return tr("The number affected cannot be negative.");
    if (p.supportRequests && *p.supportRequests < 0)
        return tr("The number of support requests cannot be negative.");
    if (p.costCents && *p.costCents < 0)
        return tr("The cost cannot be negative.");
    const std::pair<const char *, const QString *> texts[] = {
        {QT_TRANSLATE_NOOP("Postmortem", "The executive summary"), &p.summary},
        {QT_TRANSLATE_NOOP("Postmortem", "Detection"), &p.detection},
        {QT_TRANSLATE_NOOP("Postmortem", "Response and recovery"), &p.response},
        {QT_TRANSLATE_NOOP("Postmortem", "Root causes"), &p.rootCauses},
        {QT_TRANSLATE_NOOP("Postmortem", "The trigger"), &p.trigger},
        {QT_TRANSLATE_NOOP("Postmortem", "What went well"), &p.wentWell},
        {QT_TRANSLATE_NOOP("Postmortem", "What went poorly"), &p.wentPoorly},
        {QT_TRANSLATE_NOOP("Postmortem", "Where we got lucky"), &p.gotLucky},
        {QT_TRANSLATE_NOOP("Postmortem", "Lessons learned"), &p.lessons},
    };
    for (const auto &[label, text] : texts) {
        if (text->size() > kMaxPostmortemText)
            return tr("%1 is %2 characters long; keep it under %3.")
                .arg(tr(label))
                .arg(text->size())
                .arg(kMaxPostmortemText);
    }
    if (p.fiveWhys.size() > kMaxFiveWhys)
        return tr("There are %1 whys; keep it to %2.").arg(p.fiveWhys.size()).arg(kMaxFiveWhys);
    for (int i = 0; i < p.fiveWhys.size(); ++i) {
        if (p.fiveWhys.at(i).size() > kMaxShortText * 4)
            return tr("Why #%1 is %2 characters long; keep it under %3.")
                .arg(i + 1)
                .arg(p.fiveWhys.at(i).size())
                .arg(kMaxShortText * 4);
        if (p.fiveWhys.at(i).contains(QLatin1Char('\n')))
            return tr("Why #%1 must be one line.").arg(i + 1);
    }
    return std::nullopt;
}

std::optional<QString> validateActionItem(const ActionItem &item)
{
    if (item.text.trimmed().isEmpty())
        return tr("The action item needs a text saying what will be done.");
    if (item.text.size() > kMaxShortText * 4)
        return tr("The action item is %1 characters long; keep it under %2.").arg(item.text.size()).arg(kMaxShortText * 4);
    if (item.owner.size() > kMaxShortText)
        return tr("The owner is %1 characters long; keep it under %2.").arg(item.owner.size()).arg(kMaxShortText);
    if (item.priority < kHighestPriority || item.priority > kLowestPriority)
        return tr("Priority %1 is not one of P1 to P4.").arg(item.priority);
    const QString tracker = item.tracker.trimmed();
    if (!tracker.isEmpty()) {
        static const QRegularExpression key(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*-?[0-9]+$|^#[0-9]+$"));
        const QUrl url(tracker, QUrl::StrictMode);
        const bool web = url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
                         && !url.host().isEmpty();
        if (!web && !key.match(tracker).hasMatch())
            return tr("The tracker link \"%1\" is neither an http(s) link nor a ticket key like OPS-123.")
                .arg(tracker.left(80));
        if (tracker.size() > 2000)
            return tr("The tracker link is %1 characters long; keep it under 2000.").arg(tracker.size());
    }
    return std::nullopt;
}

QStringList sectionPoints(const QString &text)
{
    QStringList points;
    static const QRegularExpression marker(QStringLiteral("^(?:[-*•]|\\d+[.)])\\s+"));
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        line.remove(marker);
        if (!line.isEmpty())
            points << line;
    }
    return points;
}

QString dueDateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

std::optional<QDate> parseDueDate(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QDate();
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(t).hasMatch())
        return std::nullopt;
    const QDate d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid() || d.year() < 1970)
        return std::nullopt;
    return d;
}

} // namespace sitrep
