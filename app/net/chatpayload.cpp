#include "chatpayload.h"

#include "domain/severity.h"
#include "domain/timeformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sitrep {

namespace {

// Slack refuses a header over 150 characters and a section text over 3000.
constexpr int kSlackHeaderLimit = 150;
constexpr int kSlackSectionLimit = 3000;

// The markup families the targets speak; each wants its own escaping and line breaks.
enum class Flavor { Plain, Slack, Markdown, TeamsCard };

struct BodyLine
{
    bool bullet = false;
    QString text;
};
using Paragraph = QList<BodyLine>;

QList<Paragraph> parseBody(const QString &body)
{
    QString text = body;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QList<Paragraph> paragraphs;
    Paragraph current;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            if (!current.isEmpty())
                paragraphs.append(current);
            current.clear();
            continue;
        }
        const bool bullet = line.startsWith(QLatin1String("- ")) || line.startsWith(QLatin1String("* "))
            || line.startsWith(QStringLiteral("\u2022 "));
        current.append({bullet, bullet ? line.mid(2).trimmed() : line});
    }
    if (!current.isEmpty())
        paragraphs.append(current);
    return paragraphs;
}

// Slack mrkdwn: only these three are control characters; everything else shows as typed.
QString escapeSlack(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    out.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    out.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return out;
}

// CommonMark backslash escapes, so "db_primary_01" or "*" in plain text is not read as markup.
QString escapeMarkdown(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool markup = QStringLiteral("\\`*_~[]").contains(c);
        const bool lineStart = i == 0 && QStringLiteral("#>+").contains(c);
        if (markup || lineStart)
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString escapeFor(Flavor flavor, const QString &text)
{
    switch (flavor) {
    case Flavor::Plain: return text;
    case Flavor::Slack: return escapeSlack(text);
    case Flavor::Markdown:
    case Flavor::TeamsCard: return escapeMarkdown(text);
    }
    return text;
}

// Renders one paragraph. Markdown needs a blank line after a list, or the next line is folded
// into the last item; Teams connector cards drop single line breaks outside lists.
QString renderParagraph(Flavor flavor, const Paragraph &paragraph)
{
    QString out;
    bool previousBullet = false;
    for (qsizetype i = 0; i < paragraph.size(); ++i) {
        const BodyLine &line = paragraph.at(i);
        if (i > 0) {
            if (flavor == Flavor::Markdown && previousBullet && !line.bullet)
                out += QLatin1String("\n\n");
            else if (flavor == Flavor::TeamsCard && !(previousBullet && line.bullet))
                out += QLatin1String("\n\n");
            else
                out += QLatin1Char('\n');
        }
        if (line.bullet)
            out += flavor == Flavor::Slack ? QStringLiteral("\u2022 ") : QStringLiteral("- "); // mrkdwn has no lists
        out += escapeFor(flavor, line.text);
        previousBullet = line.bullet;
    }
    return out;
}

QStringList renderBody(Flavor flavor, const QString &body)
{
    QStringList out;
    const QList<Paragraph> paragraphs = parseBody(body);
    for (const Paragraph &p : paragraphs)
        out.append(renderParagraph(flavor, p));
    return out;
}

// Packs paragraphs into pieces of at most `limit` characters without losing any text. A cut
// inside a paragraph prefers a line break, and never splits an "&amp;" or a surrogate pair.
QStringList chunkText(const QStringList &paragraphs, qsizetype limit)
{
    const QString joiner = QStringLiteral("\n\n");
    QStringList chunks;
    QString current;
    for (QString p : paragraphs) {
        while (p.size() > limit) {
            if (!current.isEmpty())
                chunks.append(current);
            current.clear();
            qsizetype cut = p.lastIndexOf(QLatin1Char('\n'), limit - 1);
            if (cut <= 0) {
                cut = limit;
                const qsizetype amp = p.lastIndexOf(QLatin1Char('&'), cut - 1);
                if (amp > cut - 6 && p.indexOf(QLatin1Char(';'), amp) >= cut)
                    cut = amp;
                if (p.at(cut - 1).isHighSurrogate())
                    --cut;
            }
            chunks.append(p.left(cut));
            p = p.mid(p.at(cut) == QLatin1Char('\n') ? cut + 1 : cut);
        }
        if (current.isEmpty())
            current = p;
        else if (current.size() + joiner.size() + p.size() <= limit)
            current += joiner + p;
        else {
            chunks.append(current);
            current = p;
        }
    }
    if (!current.isEmpty())
        chunks.append(current);
    return chunks;
}

QString nextUpdateText(const UpdateMessage &m)
{
    return m.nextUpdateAt ? formatDateTime(*m.nextUpdateAt, true) : QString();
}

QString drillNote()
{
    return QCoreApplication::translate("ChatPayload", "This is a drill, not a real incident.");
}

// The headline in the target's markup. "[DRILL]" is ours and stays literal; escaping it would
// put backslashes in the raw text that other tools (and people reading logs) see.
QString headlineFor(Flavor flavor, const UpdateMessage &m)
{
    UpdateMessage plain = m;
    plain.drill = false;
    const QString prefix = m.drill ? QStringLiteral("[DRILL] ") : QString();
    return prefix + escapeFor(flavor, updateHeadline(plain));
}

QString statusTitle() { return QCoreApplication::translate("ChatPayload", "Status"); }
QString nextUpdateTitle() { return QCoreApplication::translate("ChatPayload", "Next update"); }
QString audienceTitle() { return QCoreApplication::translate("ChatPayload", "Audience"); }

// MessageCard themeColor: hex without '#', hottest for SEV1 so the colour bar reads at a glance.
QString severityColor(const QString &severityLabel)
{
    const std::optional<Severity> severity = parseSeverity(severityLabel);
    if (!severity)
        return QStringLiteral("808080");
    switch (*severity) {
    case Severity::Sev1: return QStringLiteral("D00000");
    case Severity::Sev2: return QStringLiteral("E8590C");
    case Severity::Sev3: return QStringLiteral("F2B600");
    case Severity::Sev4: return QStringLiteral("2F6FB3");
    }
    return QStringLiteral("808080");
}

QJsonObject slackText(const QString &type, const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("text"), text}};
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray slackPayload(const UpdateMessage &m)
{
    QString notification = escapeSlack(updateSubject(m));
    if (m.nextUpdateAt)
        notification = QCoreApplication::translate("ChatPayload", "%1. Next update: %2").arg(notification, nextUpdateText(m));

    QJsonArray blocks;
    QString header = updateHeadline(m);
    if (header.size() > kSlackHeaderLimit)
        header = header.left(kSlackHeaderLimit - 1) + QStringLiteral("\u2026");
    QJsonObject headerText = slackText(QStringLiteral("plain_text"), header);
    headerText.insert(QStringLiteral("emoji"), true);
    blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("header")}, {QStringLiteral("text"), headerText}});
    if (m.drill) {
        const QJsonArray elements{slackText(QStringLiteral("mrkdwn"), escapeSlack(drillNote()))};
        blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("context")}, {QStringLiteral("elements"), elements}});
    }

    QJsonArray fields;
    auto addField = [&fields](const QString &title, const QString &value) {
        fields.append(slackText(QStringLiteral("mrkdwn"), QStringLiteral("*%1:*\n%2").arg(escapeSlack(title), value)));
    };
    if (!m.statusLabel.isEmpty())
        addField(statusTitle(), escapeSlack(m.statusLabel));
    if (m.nextUpdateAt) {
        // Slack shows the date token in each reader's own time zone; the fallback is UTC.
        addField(nextUpdateTitle(), QStringLiteral("<!date^%1^{date_short_pretty} {time}|%2>")
                                        .arg(*m.nextUpdateAt / 1000)
                                        .arg(escapeSlack(nextUpdateText(m))));
    }
    if (!m.audience.isEmpty())
        addField(audienceTitle(), escapeSlack(m.audience));
    if (!fields.isEmpty())
        blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("section")}, {QStringLiteral("fields"), fields}});

    const QStringList chunks = chunkText(renderBody(Flavor::Slack, m.body), kSlackSectionLimit);
    for (const QString &chunk : chunks) {
        blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
                                  {QStringLiteral("text"), slackText(QStringLiteral("mrkdwn"), chunk)}});
    }
    return toJson(QJsonObject{{QStringLiteral("text"), notification}, {QStringLiteral("blocks"), blocks}});
}

QByteArray mattermostPayload(const UpdateMessage &m)
{
    QStringList lines{QStringLiteral("#### ") + headlineFor(Flavor::Markdown, m)};
    if (m.drill)
        lines.append(QLatin1Char('_') + escapeMarkdown(drillNote()) + QLatin1Char('_'));
    auto addLine = [&lines](const QString &title, const QString &value) {
        if (!value.isEmpty())
            lines.append(QStringLiteral("**%1:** %2").arg(escapeMarkdown(title), escapeMarkdown(value)));
    };
    addLine(statusTitle(), m.statusLabel);
    addLine(nextUpdateTitle(), nextUpdateText(m));
    addLine(audienceTitle(), m.audience);
    QString text = lines.join(QLatin1Char('\n'));
    const QStringList body = renderBody(Flavor::Markdown, m.body);
    if (!body.isEmpty())
        text += QStringLiteral("\n\n") + body.join(QStringLiteral("\n\n"));
    return toJson(QJsonObject{{QStringLiteral("text"), text}});
}

QByteArray teamsMessageCardPayload(const UpdateMessage &m)
{
    QJsonArray facts;
    auto addFact = [&facts](const QString &name, const QString &value) {
        if (!value.isEmpty())
            facts.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), escapeMarkdown(value)}});
    };
    addFact(nextUpdateTitle(), nextUpdateText(m));
    addFact(audienceTitle(), m.audience);

    // Titles and subtitles are not formatted by Teams, so they carry the text as typed.
    QJsonObject summary{{QStringLiteral("activityTitle"), updateHeadline(m)}, {QStringLiteral("markdown"), true}};
    if (!m.statusLabel.isEmpty())
        summary.insert(QStringLiteral("activitySubtitle"), QStringLiteral("%1: %2").arg(statusTitle(), m.statusLabel));
    if (!facts.isEmpty())
        summary.insert(QStringLiteral("facts"), facts);
    QJsonArray sections{summary};

    QStringList body = renderBody(Flavor::TeamsCard, m.body);
    if (m.drill)
        body.prepend(QLatin1Char('_') + escapeMarkdown(drillNote()) + QLatin1Char('_'));
    if (!body.isEmpty()) {
        sections.append(QJsonObject{{QStringLiteral("text"), body.join(QStringLiteral("\n\n"))},
                                    {QStringLiteral("markdown"), true}});
    }
    return toJson(QJsonObject{{QStringLiteral("@type"), QStringLiteral("MessageCard")},
                              {QStringLiteral("@context"), QStringLiteral("http://schema.org/extensions")},
                              {QStringLiteral("themeColor"), severityColor(m.severityLabel)},
                              {QStringLiteral("summary"), updateSubject(m)},
                              {QStringLiteral("sections"), sections}});
}

QJsonObject textBlock(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("TextBlock")},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("wrap"), true}};
}

QByteArray teamsWorkflowPayload(const UpdateMessage &m)
{
    QJsonObject title = textBlock(headlineFor(Flavor::Markdown, m));
    title.insert(QStringLiteral("size"), QStringLiteral("Large"));
    title.insert(QStringLiteral("weight"), QStringLiteral("Bolder"));
    QJsonArray body{title};
    if (m.drill)
        body.append(textBlock(QLatin1Char('_') + escapeMarkdown(drillNote()) + QLatin1Char('_')));

    QJsonArray facts;
    auto addFact = [&facts](const QString &name, const QString &value) {
        if (!value.isEmpty())
            facts.append(QJsonObject{{QStringLiteral("title"), name}, {QStringLiteral("value"), escapeMarkdown(value)}});
    };
    addFact(statusTitle(), m.statusLabel);
    addFact(nextUpdateTitle(), nextUpdateText(m));
    addFact(audienceTitle(), m.audience);
    if (!facts.isEmpty())
        body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("FactSet")}, {QStringLiteral("facts"), facts}});

    const QStringList paragraphs = renderBody(Flavor::Markdown, m.body);
    for (const QString &p : paragraphs)
        body.append(textBlock(p));

    // Version 1.2 is the newest every Teams client renders.
    const QJsonObject card{{QStringLiteral("$schema"), QStringLiteral("http://adaptivecards.io/schemas/adaptive-card.json")},
                           {QStringLiteral("type"), QStringLiteral("AdaptiveCard")},
                           {QStringLiteral("version"), QStringLiteral("1.2")},
                           {QStringLiteral("body"), body}};
    const QJsonObject attachment{{QStringLiteral("contentType"), QStringLiteral("application/vnd.microsoft.card.adaptive")},
                                 {QStringLiteral("contentUrl"), QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("content"), card}};
    return toJson(QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                              {QStringLiteral("attachments"), QJsonArray{attachment}}});
}

} // namespace

QString channelKindKey(ChannelKind kind)
{
    switch (kind) {
    case ChannelKind::Clipboard: return QStringLiteral("clipboard");
    case ChannelKind::Email: return QStringLiteral("email");
    case ChannelKind::Slack: return QStringLiteral("slack");
    case ChannelKind::Mattermost: return QStringLiteral("mattermost");
    case ChannelKind::Teams: return QStringLiteral("teams");
    case ChannelKind::TeamsWorkflow: return QStringLiteral("teams-workflow");
    }
    return {};
}

QString channelKindLabel(ChannelKind kind)
{
    switch (kind) {
    case ChannelKind::Clipboard: return QCoreApplication::translate("ChannelKind", "Clipboard");
    case ChannelKind::Email: return QCoreApplication::translate("ChannelKind", "E-mail");
    case ChannelKind::Slack: return QCoreApplication::translate("ChannelKind", "Slack");
    case ChannelKind::Mattermost: return QCoreApplication::translate("ChannelKind", "Mattermost");
    case ChannelKind::Teams: return QCoreApplication::translate("ChannelKind", "Microsoft Teams (connector)");
    case ChannelKind::TeamsWorkflow: return QCoreApplication::translate("ChannelKind", "Microsoft Teams (Workflows)");
    }
    return {};
}

QList<ChannelKind> allChannelKinds()
{
    return {ChannelKind::Clipboard, ChannelKind::Email,  ChannelKind::Slack,
            ChannelKind::Mattermost, ChannelKind::Teams, ChannelKind::TeamsWorkflow};
}

std::optional<ChannelKind> parseChannelKind(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (ChannelKind kind : allChannelKinds()) {
        if (channelKindKey(kind) == k)
            return kind;
    }
    return std::nullopt;
}

bool isWebhookChannel(ChannelKind kind)
{
    return kind != ChannelKind::Clipboard && kind != ChannelKind::Email;
}

QByteArray chatPayloadContentType(ChannelKind kind)
{
    return isWebhookChannel(kind) ? QByteArrayLiteral("application/json") : QByteArrayLiteral("text/plain; charset=utf-8");
}

QString updateHeadline(const UpdateMessage &message)
{
    QString headline = message.drill ? QStringLiteral("[DRILL] ") : QString();
    if (!message.severityLabel.isEmpty())
        headline += message.severityLabel + QStringLiteral(" \u2013 ");
    headline += message.incidentTitle.simplified();
    return headline;
}

QString updateSubject(const UpdateMessage &message)
{
    if (message.statusLabel.isEmpty())
        return updateHeadline(message);
    return QCoreApplication::translate("ChatPayload", "%1: %2").arg(updateHeadline(message), message.statusLabel);
}

QString updatePlainText(const UpdateMessage &message)
{
    QStringList lines{updateHeadline(message)};
    if (message.drill)
        lines.append(drillNote());
    const QString fieldPattern = QStringLiteral("%1: %2");
    if (!message.statusLabel.isEmpty())
        lines.append(fieldPattern.arg(statusTitle(), message.statusLabel));
    if (message.nextUpdateAt)
        lines.append(fieldPattern.arg(nextUpdateTitle(), nextUpdateText(message)));
    if (!message.audience.isEmpty())
        lines.append(fieldPattern.arg(audienceTitle(), message.audience));
    QString text = lines.join(QLatin1Char('\n'));
    const QStringList body = renderBody(Flavor::Plain, message.body);
    if (!body.isEmpty())
        text += QStringLiteral("\n\n") + body.join(QStringLiteral("\n\n"));
    return text;
}

QByteArray buildChatPayload(ChannelKind kind, const UpdateMessage &message)
{
    switch (kind) {
    case ChannelKind::Clipboard:
    case ChannelKind::Email: return updatePlainText(message).toUtf8();
    case ChannelKind::Slack: return slackPayload(message);
    case ChannelKind::Mattermost: return mattermostPayload(message);
    case ChannelKind::Teams: return teamsMessageCardPayload(message);
    case ChannelKind::TeamsWorkflow: return teamsWorkflowPayload(message);
    }
    return {};
}

QUrl buildMailto(const QStringList &recipients, const QString &subject, const QString &body)
{
    // Built from encoded bytes rather than QUrlQuery: QUrlQuery leaves '+' and some
    // delimiters alone, and mail clients disagree on what a bare '+' means.
    QList<QByteArray> addresses;
    for (const QString &r : recipients) {
        const QString address = r.trimmed();
        if (!address.isEmpty())
            addresses.append(QUrl::toPercentEncoding(address, "@+"));
    }
    QByteArray encoded = QByteArrayLiteral("mailto:") + addresses.join(',');

    QString oneLineSubject = subject;
    oneLineSubject.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    oneLineSubject.replace(QLatin1Char('\r'), QLatin1Char(' '));
    oneLineSubject.replace(QLatin1Char('\n'), QLatin1Char(' '));
    // RFC 6068 asks for CRLF line breaks in the body.
    QString crlfBody = body;
    crlfBody.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    crlfBody.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    crlfBody.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));

    QList<QByteArray> fields;
    if (!oneLineSubject.trimmed().isEmpty())
        fields.append(QByteArrayLiteral("subject=") + QUrl::toPercentEncoding(oneLineSubject.trimmed()));
    if (!crlfBody.isEmpty())
        fields.append(QByteArrayLiteral("body=") + QUrl::toPercentEncoding(crlfBody));
    if (!fields.isEmpty())
        encoded += '?' + fields.join('&');
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

} // namespace sitrep
