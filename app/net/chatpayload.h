#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace sitrep {

// Where a stakeholder update goes. Teams has two kinds because Microsoft has two webhook
// products that take different bodies: the legacy Office 365 connector wants a MessageCard,
// a Workflows (Power Automate) webhook wants an Adaptive Card wrapped in a message.
enum class ChannelKind { Clipboard, Email, Slack, Mattermost, Teams, TeamsWorkflow };

QString channelKindKey(ChannelKind kind);   // stored form: "teams-workflow"
QString channelKindLabel(ChannelKind kind); // shown form: "Microsoft Teams (Workflows)"
std::optional<ChannelKind> parseChannelKind(const QString &key);
QList<ChannelKind> allChannelKinds();
// True for the kinds that are delivered by POSTing buildChatPayload() to a webhook URL.
bool isWebhookChannel(ChannelKind kind);
// The Content-Type that goes with buildChatPayload() for this kind.
QByteArray chatPayloadContentType(ChannelKind kind);

// One stakeholder update as the composer hands it over: already worded, not yet formatted.
struct UpdateMessage
{
    QString incidentTitle;
    QString severityLabel; // "SEV1"; also picks the card colour
    QString statusLabel;   // "Investigating"
    QString audience;      // who it is for; shown when not empty
    QString body;          // plain text: paragraphs split by blank lines, "- " bullet lines
    std::optional<qint64> nextUpdateAt; // UTC ms
    bool drill = false;
};

// "[DRILL] SEV1 – Checkout errors": the first line of every format.
QString updateHeadline(const UpdateMessage &message);
// "[DRILL] SEV1 – Checkout errors: Investigating": e-mail subject and notification text.
QString updateSubject(const UpdateMessage &message);
// The whole update as plain text, for the clipboard and e-mail bodies.
QString updatePlainText(const UpdateMessage &message);

// The request body for the kind, in the format its service documents (JSON for the chat
// services, UTF-8 plain text for Clipboard and Email). User text is escaped for the target's
// markup, so a title like "A & B <x>" arrives as typed.
QByteArray buildChatPayload(ChannelKind kind, const UpdateMessage &message);

// A mailto: URL (RFC 6068) with every header value percent-encoded and line breaks as %0D%0A.
// Empty recipients are skipped; a URL with no recipient still opens a draft.
QUrl buildMailto(const QStringList &recipients, const QString &subject, const QString &body);

} // namespace sitrep
