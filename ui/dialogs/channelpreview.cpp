#include "channelpreview.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sitrep {

namespace {

enum class Markup { Slack, Markdown };

QString tr(const char *text)
{
    return QCoreApplication::translate("ChannelPreview", text);
}

QString field(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// Inline markup of one line to HTML. Slack text arrives with &, <, > already escaped (which
// HTML reads the same way); Markdown text arrives raw with backslash escapes.
QString inlineHtml(Markup markup, const QString &line)
{
    QString text = line;
    if (markup == Markup::Slack) {
        // <!date^1750164300^{date_short_pretty} {time}|2025-06-17 12:45 UTC>: show the fallback.
        static const QRegularExpression date(QStringLiteral("<!date\\^[^|>]*\\|([^>]*)>"));
        text.replace(date, QStringLiteral("\\1"));
    } else {
        text = text.toHtmlEscaped();
    }
    QString out;
    bool bold = false;
    bool italic = false;
    // Slack formats only at word edges: the underscores of "db_primary_01" stay as typed.
    auto midWord = [&text](qsizetype i) {
        return i > 0 && i + 1 < text.size() && text.at(i - 1).isLetterOrNumber() && text.at(i + 1).isLetterOrNumber();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (markup == Markup::Slack && (c == QLatin1Char('*') || c == QLatin1Char('_')) && midWord(i)) {
            out += c;
            continue;
        }
        if (markup == Markup::Markdown && c == QLatin1Char('\\') && i + 1 < text.size() && text.at(i + 1).isPunct()) {
            out += text.at(++i);
        } else if (markup == Markup::Markdown && c == QLatin1Char('*') && text.mid(i, 2) == QLatin1String("**")) {
            out += bold ? QStringLiteral("</b>") : QStringLiteral("<b>");
            bold = !bold;
            ++i;
        } else if (markup == Markup::Slack && c == QLatin1Char('*')) {
            out += bold ? QStringLiteral("</b>") : QStringLiteral("<b>");
            bold = !bold;
        } else if (c == QLatin1Char('_')) {
            out += italic ? QStringLiteral("</i>") : QStringLiteral("<i>");
            italic = !italic;
        } else {
            out += c;
        }
    }
    if (bold)
        out += QStringLiteral("</b>");
    if (italic)
        out += QStringLiteral("</i>");
    return out;
}

// Paragraphs, bullet lists ("- " or "• ") and Markdown headings ("#### ").
QString blockHtml(Markup markup, const QString &text)
{
    QString out;
    bool inList = false;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList paragraph;
    auto flushParagraph = [&] {
        if (!paragraph.isEmpty())
            out += QStringLiteral("<p>") + paragraph.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
        paragraph.clear();
    };
    for (const QString &line : lines) {
        const bool bullet = line.startsWith(QLatin1String("- ")) || line.startsWith(QStringLiteral("\u2022 "));
        if (bullet) {
            flushParagraph();
            if (!inList)
                out += QStringLiteral("<ul>");
            inList = true;
            out += QStringLiteral("<li>") + inlineHtml(markup, line.mid(2)) + QStringLiteral("</li>");
            continue;
        }
        if (inList) {
            out += QStringLiteral("</ul>");
            inList = false;
        }
        if (line.trimmed().isEmpty()) {
            flushParagraph();
        } else if (markup == Markup::Markdown && line.startsWith(QLatin1String("#### "))) {
            flushParagraph();
            out += QStringLiteral("<h4>") + inlineHtml(markup, line.mid(5)) + QStringLiteral("</h4>");
        } else {
            paragraph.append(inlineHtml(markup, line));
        }
    }
    if (inList)
        out += QStringLiteral("</ul>");
    flushParagraph();
    return out;
}

QString factsHtml(const QList<QPair<QString, QString>> &facts, Markup markup)
{
    if (facts.isEmpty())
        return {};
    QString out = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    for (const auto &[name, value] : facts) {
        out += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                   .arg(name.toHtmlEscaped(), inlineHtml(markup, value));
    }
    return out + QStringLiteral("</table>");
}

// A card with a coloured bar down its left side, the way chat services set messages apart.
QString card(const QString &accent, const QString &service, const QString &content)
{
    return QStringLiteral("<p style=\"color:#607d8b\">%1</p>"
                          "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                          "<td width=\"5\" bgcolor=\"%2\"></td>"
                          "<td bgcolor=\"#f5f5f5\" style=\"padding: 8px\">%3</td></tr></table>")
        .arg(service.toHtmlEscaped(), accent, content);
}

QString slackHtml(const QJsonObject &o)
{
    QString content;
    const QJsonArray blocks = o.value(QStringLiteral("blocks")).toArray();
    for (const QJsonValue &v : blocks) {
        const QJsonObject b = v.toObject();
        const QString type = field(b, "type");
        if (type == QLatin1String("header")) {
            content += QStringLiteral("<h3>") + field(b.value(QStringLiteral("text")).toObject(), "text").toHtmlEscaped()
                + QStringLiteral("</h3>");
        } else if (type == QLatin1String("context")) {
            for (const QJsonValue &e : b.value(QStringLiteral("elements")).toArray())
                content += QStringLiteral("<p style=\"color:#616161\">") + inlineHtml(Markup::Slack, field(e.toObject(), "text"))
                    + QStringLiteral("</p>");
        } else if (b.contains(QStringLiteral("fields"))) {
            content += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\"><tr>");
            for (const QJsonValue &f : b.value(QStringLiteral("fields")).toArray())
                content += QStringLiteral("<td>") + blockHtml(Markup::Slack, field(f.toObject(), "text")) + QStringLiteral("</td>");
            content += QStringLiteral("</tr></table>");
        } else {
            content += blockHtml(Markup::Slack, field(b.value(QStringLiteral("text")).toObject(), "text"));
        }
    }
    return card(QStringLiteral("#4a154b"), tr("Slack"), content);
}

QString teamsCardHtml(const QJsonObject &o)
{
    QString content;
    const QJsonArray sections = o.value(QStringLiteral("sections")).toArray();
    for (const QJsonValue &v : sections) {
        const QJsonObject s = v.toObject();
        if (s.contains(QStringLiteral("activityTitle")))
            content += QStringLiteral("<h3>") + field(s, "activityTitle").toHtmlEscaped() + QStringLiteral("</h3>");
        if (s.contains(QStringLiteral("activitySubtitle")))
            content += QStringLiteral("<p>") + field(s, "activitySubtitle").toHtmlEscaped() + QStringLiteral("</p>");
        QList<QPair<QString, QString>> facts;
        for (const QJsonValue &f : s.value(QStringLiteral("facts")).toArray())
            facts.append({field(f.toObject(), "name"), field(f.toObject(), "value")});
        content += factsHtml(facts, Markup::Markdown);
        if (s.contains(QStringLiteral("text")))
            content += blockHtml(Markup::Markdown, field(s, "text"));
    }
    return card(QLatin1Char('#') + field(o, "themeColor"), tr("Microsoft Teams (connector card)"), content);
}

QString teamsWorkflowHtml(const QJsonObject &o)
{
    QString content;
    const QJsonObject adaptive = o.value(QStringLiteral("attachments")).toArray().at(0).toObject()
                                     .value(QStringLiteral("content")).toObject();
    const QJsonArray body = adaptive.value(QStringLiteral("body")).toArray();
    for (const QJsonValue &v : body) {
        const QJsonObject b = v.toObject();
        if (field(b, "type") == QLatin1String("FactSet")) {
            QList<QPair<QString, QString>> facts;
            for (const QJsonValue &f : b.value(QStringLiteral("facts")).toArray())
                facts.append({field(f.toObject(), "title"), field(f.toObject(), "value")});
            content += factsHtml(facts, Markup::Markdown);
        } else if (field(b, "size") == QLatin1String("Large")) {
            content += QStringLiteral("<h3>") + inlineHtml(Markup::Markdown, field(b, "text")) + QStringLiteral("</h3>");
        } else {
            content += blockHtml(Markup::Markdown, field(b, "text"));
        }
    }
    return card(QStringLiteral("#5b5fc7"), tr("Microsoft Teams (Workflows, Adaptive Card)"), content);
}

} // namespace

QString channelPreviewHtml(ChannelKind kind, const QByteArray &payload, const QString &recipients, const QString &subject)
{
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    switch (kind) {
    case ChannelKind::Slack: return slackHtml(o);
    case ChannelKind::Mattermost:
        return card(QStringLiteral("#1e325c"), tr("Mattermost"), blockHtml(Markup::Markdown, field(o, "text")));
    case ChannelKind::Teams: return teamsCardHtml(o);
    case ChannelKind::TeamsWorkflow: return teamsWorkflowHtml(o);
    case ChannelKind::Email:
        return QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4</p><pre style=\"white-space: pre-wrap\">%5</pre>")
            .arg(tr("To:"), recipients.toHtmlEscaped(), tr("Subject:"), subject.toHtmlEscaped(),
                 QString::fromUtf8(payload).toHtmlEscaped());
    case ChannelKind::Clipboard:
        return QStringLiteral("<pre style=\"white-space: pre-wrap\">%1</pre>").arg(QString::fromUtf8(payload).toHtmlEscaped());
    }
    return {};
}

QString rawPayloadText(ChannelKind kind, const QByteArray &payload)
{
    if (!isWebhookChannel(kind))
        return QString::fromUtf8(payload);
    return QString::fromUtf8(QJsonDocument::fromJson(payload).toJson(QJsonDocument::Indented));
}

} // namespace sitrep
