#include "deliveryoutcome.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sitrep {

namespace {

constexpr int kSnippetLimit = 160;

QString serviceName(ChannelKind kind)
{
    switch (kind) {
    case ChannelKind::Slack: return QStringLiteral("Slack");
    case ChannelKind::Mattermost: return QStringLiteral("Mattermost");
    case ChannelKind::Teams:
    case ChannelKind::TeamsWorkflow: return QStringLiteral("Microsoft Teams");
    case ChannelKind::Clipboard:
    case ChannelKind::Email: break;
    }
    return QCoreApplication::translate("DeliveryOutcome", "The service");
}

// A short, single-line piece of a response body fit for a message; HTML error pages say
// nothing a person can use, so they are dropped.
QString bodySnippet(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body).simplified();
    if (text.isEmpty() || text.startsWith(QLatin1Char('<')))
        return {};
    if (text.size() > kSnippetLimit)
        return text.left(kSnippetLimit - 1) + QStringLiteral("\u2026");
    return text;
}

// Error text from a JSON error body: Mattermost's {"id", "message"} and the
// {"error": {"code", "message"}} shape Power Automate answers with.
std::optional<QString> jsonErrorMessage(const QByteArray &body, QString *id)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return std::nullopt;
    QJsonObject object = doc.object();
    if (object.value(QStringLiteral("error")).isObject())
        object = object.value(QStringLiteral("error")).toObject();
    const QString message = object.value(QStringLiteral("message")).toString().simplified();
    if (message.isEmpty())
        return std::nullopt;
    const QJsonValue code = object.contains(QStringLiteral("id")) ? object.value(QStringLiteral("id"))
                                                                  : object.value(QStringLiteral("code"));
    *id = code.toString();
    return message.left(kSnippetLimit);
}

// Slack answers errors as a bare lower_snake_case code.
std::optional<QString> slackReason(const QString &code)
{
    auto tr = [&code](const char *text) { return QCoreApplication::translate("DeliveryOutcome", text).arg(code); };
    if (code == QLatin1String("invalid_payload"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "Slack rejected the message format (%1)"));
    if (code == QLatin1String("invalid_blocks") || code == QLatin1String("invalid_blocks_format"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "Slack rejected the message layout (%1)"));
    if (code == QLatin1String("missing_text_or_fallback_or_attachments") || code == QLatin1String("no_text"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "Slack found no text in the message (%1)"));
    if (code == QLatin1String("user_not_found"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "The Slack user this webhook posts to does not exist (%1)"));
    if (code == QLatin1String("channel_not_found"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "The Slack channel of this webhook was not found (%1): it was deleted or made private"));
    if (code == QLatin1String("channel_is_archived"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "The Slack channel of this webhook is archived (%1): unarchive it or use a webhook for another channel"));
    if (code == QLatin1String("action_prohibited"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "A Slack admin has restricted what this webhook may post (%1)"));
    if (code == QLatin1String("posting_to_general_channel_denied"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "Only Slack admins may post to this channel (%1)"));
    if (code == QLatin1String("invalid_token"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "The Slack webhook token is invalid or was revoked (%1): create a new webhook"));
    if (code == QLatin1String("no_service"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "The Slack webhook URL is no longer valid (%1): it was removed or disabled"));
    if (code == QLatin1String("no_team") || code == QLatin1String("team_disabled"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "The Slack workspace of this webhook was not found or is disabled (%1)"));
    if (code == QLatin1String("rollup_error"))
        return tr(QT_TRANSLATE_NOOP("DeliveryOutcome", "Slack had an internal error (%1)"));
    return std::nullopt;
}

// What the service itself said, in words, when it said anything useful.
QString serviceMessage(ChannelKind kind, int status, const QByteArray &body)
{
    const QString service = serviceName(kind);
    QString id;
    if (const std::optional<QString> message = jsonErrorMessage(body, &id)) {
        if (id.isEmpty())
            return QCoreApplication::translate("DeliveryOutcome", "%1 refused the message: %2").arg(service, *message);
        return QCoreApplication::translate("DeliveryOutcome", "%1 refused the message: %2 (%3)").arg(service, *message, id);
    }
    const QString snippet = bodySnippet(body);
    static const QRegularExpression slackCode(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (kind == ChannelKind::Slack && slackCode.match(snippet).hasMatch()) {
        if (const std::optional<QString> reason = slackReason(snippet))
            return *reason;
        return QCoreApplication::translate("DeliveryOutcome", "Slack refused the message (HTTP %1: %2)").arg(status).arg(snippet);
    }
    if (status == 400 && !snippet.isEmpty())
        return QCoreApplication::translate("DeliveryOutcome", "%1 rejected the message format: %2").arg(service, snippet);
    return {};
}

// The generic explanation of a status, for when the body says nothing useful.
QString statusReason(ChannelKind kind, int status)
{
    const QString service = serviceName(kind);
    switch (status) {
    case 400: return QCoreApplication::translate("DeliveryOutcome", "%1 rejected the message format (HTTP 400)").arg(service);
    case 401:
    case 403:
        return QCoreApplication::translate("DeliveryOutcome", "%1 refused the webhook (HTTP %2): its token was revoked or lacks permission")
            .arg(service).arg(status);
    case 404:
        return QCoreApplication::translate("DeliveryOutcome", "The %1 webhook URL was not found (HTTP 404): it was removed or mistyped").arg(service);
    case 410:
        return QCoreApplication::translate("DeliveryOutcome", "The %1 webhook no longer exists (HTTP 410 Gone): create a new one and update this channel")
            .arg(service);
    case 413: return QCoreApplication::translate("DeliveryOutcome", "The message is too large for %1 (HTTP 413): shorten it").arg(service);
    case 429: return QCoreApplication::translate("DeliveryOutcome", "%1 is rate limiting this webhook (HTTP 429)").arg(service);
    case 501: return QCoreApplication::translate("DeliveryOutcome", "%1 does not accept webhooks here (HTTP 501)").arg(service);
    default: break;
    }
    if (status >= 500)
        return QCoreApplication::translate("DeliveryOutcome", "%1 had a server error (HTTP %2)").arg(service).arg(status);
    if (status >= 300 && status < 400)
        return QCoreApplication::translate("DeliveryOutcome", "The %1 webhook URL redirects elsewhere (HTTP %2): update it").arg(service).arg(status);
    return QCoreApplication::translate("DeliveryOutcome", "%1 refused the message (HTTP %2)").arg(service).arg(status);
}

DeliveryOutcome networkOutcome(ChannelKind kind, NetworkFailure failure)
{
    // Every one of these can be the war room's own network blinking, so they are retried;
    // the retry budget turns a persistent one into a failure.
    const QString service = serviceName(kind);
    DeliveryOutcome outcome{DeliveryOutcome::RetryLater, std::nullopt, {}};
    switch (failure) {
    case NetworkFailure::Timeout:
        outcome.reason = QCoreApplication::translate("DeliveryOutcome", "%1 did not answer in time").arg(service);
        break;
    case NetworkFailure::ConnectionRefused:
        outcome.reason = QCoreApplication::translate("DeliveryOutcome", "The connection to %1 was refused").arg(service);
        break;
    case NetworkFailure::HostNotFound:
        outcome.reason = QCoreApplication::translate("DeliveryOutcome", "The webhook host name could not be found: check the URL and the network");
        break;
    case NetworkFailure::None:
    case NetworkFailure::Other:
        outcome.reason = QCoreApplication::translate("DeliveryOutcome", "The message could not reach %1 (network error)").arg(service);
        break;
    }
    return outcome;
}

int monthNumber(const QString &name)
{
    static const QStringList months{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
                                    QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
                                    QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    return static_cast<int>(months.indexOf(name.toLower())) + 1;
}

// RFC 9110 section 5.6.7: senders use IMF-fixdate; recipients also accept RFC 850 and asctime.
// Parsed by hand because QDateTime's RFC 2822 reader refuses "GMT" in Qt 6.4.
std::optional<qint64> parseHttpDate(const QString &text)
{
    static const QRegularExpression imf(QStringLiteral(R"(^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    static const QRegularExpression rfc850(QStringLiteral(R"(^[A-Za-z]+, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    static const QRegularExpression asctime(QStringLiteral(R"(^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$)"));
    int day = 0, month = 0, year = 0;
    int timeAt = 4; // index of the hour capture
    QRegularExpressionMatch m = imf.match(text);
    if (m.hasMatch()) {
        day = m.captured(1).toInt();
        month = monthNumber(m.captured(2));
        year = m.captured(3).toInt();
    } else if ((m = rfc850.match(text)).hasMatch()) {
        day = m.captured(1).toInt();
        month = monthNumber(m.captured(2));
        year = 1900 + m.captured(3).toInt();
        if (year < 1970) // a two-digit year is read in the century that makes it recent
            year += 100;
    } else if ((m = asctime.match(text)).hasMatch()) {
        month = monthNumber(m.captured(1));
        day = m.captured(2).toInt();
        year = m.captured(6).toInt();
        timeAt = 3;
    } else {
        return std::nullopt;
    }
    const QTime time(m.captured(timeAt).toInt(), m.captured(timeAt + 1).toInt(), m.captured(timeAt + 2).toInt());
    const QDate date(year, month, day);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QDateTime at(date, time, Qt::UTC);
    if (!at.isValid())
        return std::nullopt;
    return at.toMSecsSinceEpoch();
}

} // namespace

std::optional<qint64> parseRetryAfter(const QByteArray &header, qint64 nowMs)
{
    const QString text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    static const QRegularExpression seconds(QStringLiteral("^\\d{1,9}$"));
    if (seconds.match(text).hasMatch())
        return text.toLongLong() * 1000;
    const std::optional<qint64> at = parseHttpDate(text);
    if (!at)
        return std::nullopt;
    return std::max<qint64>(0, *at - nowMs);
}

DeliveryOutcome classifyResponse(ChannelKind kind, int httpStatus, const QByteArray &body,
                                 const QByteArray &retryAfterHeader, NetworkFailure failure, qint64 nowMs)
{
    if (httpStatus <= 0)
        return networkOutcome(kind, failure);

    const QString service = serviceName(kind);
    const int status = httpStatus;
    if (status == 408 || status == 429 || (status >= 500 && status != 501)) {
        QString reason = serviceMessage(kind, status, body);
        if (reason.isEmpty())
            reason = statusReason(kind, status);
        return {DeliveryOutcome::RetryLater, parseRetryAfter(retryAfterHeader, nowMs), reason};
    }

    if (status >= 200 && status < 300) {
        // Legacy Teams connectors answer 200 and put the real status in the text:
        // "Microsoft Teams endpoint returned HTTP error 429".
        static const QRegularExpression teamsError(QStringLiteral("HTTP error (\\d{3})"));
        const QRegularExpressionMatch m = teamsError.match(QString::fromUtf8(body));
        if ((kind == ChannelKind::Teams || kind == ChannelKind::TeamsWorkflow) && m.hasMatch()) {
            const int inner = m.captured(1).toInt();
            if (inner == 429) {
                return {DeliveryOutcome::RetryLater, parseRetryAfter(retryAfterHeader, nowMs),
                        QCoreApplication::translate("DeliveryOutcome", "Microsoft Teams is throttling this webhook (HTTP 429 reported in the answer)")};
            }
            if (inner >= 500 || inner == 408)
                return {DeliveryOutcome::RetryLater, std::nullopt, statusReason(kind, inner)};
            return {DeliveryOutcome::Failed, std::nullopt, statusReason(kind, inner)};
        }
        return {DeliveryOutcome::Delivered, std::nullopt,
                QCoreApplication::translate("DeliveryOutcome", "%1 accepted the message").arg(service)};
    }

    // Everything else is the service saying no; sending the same thing again will not help.
    QString reason = serviceMessage(kind, status, body);
    if (reason.isEmpty())
        reason = statusReason(kind, status);
    return {DeliveryOutcome::Failed, std::nullopt, reason};
}

qint64 RetryPolicy::delayForAttempt(int attempt, std::optional<qint64> retryAfterMs) const
{
    qint64 delay = std::max<qint64>(0, baseDelayMs);
    for (int i = 1; i < attempt && delay < maxDelayMs; ++i)
        delay *= 2;
    delay = std::min(delay, maxDelayMs);
    if (retryAfterMs && *retryAfterMs > delay)
        delay = *retryAfterMs;
    return delay;
}

} // namespace sitrep
