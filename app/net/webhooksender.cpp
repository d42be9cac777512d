#include "webhooksender.h"

#include "netlog.h"
#include "secretmask.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace sitrep {

namespace {

NetworkFailure failureOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError: return NetworkFailure::None;
    case QNetworkReply::ConnectionRefusedError: return NetworkFailure::ConnectionRefused;
    case QNetworkReply::HostNotFoundError: return NetworkFailure::HostNotFound;
    case QNetworkReply::TimeoutError: return NetworkFailure::Timeout;
    default: return NetworkFailure::Other;
    }
}

} // namespace

WebhookSender::WebhookSender(QNetworkAccessManager *network, const Clock &clock, QObject *parent)
    : QObject(parent), m_network(network), m_clock(clock)
{
}

WebhookSender::~WebhookSender()
{
    abortAll();
}

void WebhookSender::post(qint64 token, ChannelKind kind, const QUrl &url, const QByteArray &payload)
{
    if (!m_network) {
        // Reported asynchronously like every other outcome, so callers have one path.
        QTimer::singleShot(0, this, [this, token, kind] {
            Q_EMIT finished(token, classifyResponse(kind, 0, {}, {}, NetworkFailure::Other, m_clock.nowMs()), 0);
        });
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, chatPayloadContentType(kind));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Sitrep/" SITREP_VERSION));
    // A webhook that moved is reported, not followed: following would post the update
    // somewhere nobody configured.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    QNetworkReply *reply = m_network->post(request, payload);
    m_pending.insert(reply, Pending{token, kind, url, false});
    qCInfo(lcNet).noquote() << "posting" << payload.size() << "bytes to" << channelKindKey(kind) << maskWebhookUrl(url);

    // Our own timer rather than QNetworkRequest::setTransferTimeout: it tells a timeout apart
    // from any other abort, and "did not answer in time" is what the person needs to read.
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [this, reply] {
        auto it = m_pending.find(reply);
        if (it != m_pending.end())
            it->timedOut = true;
        reply->abort();
    });
    timer->start(m_timeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void WebhookSender::abortAll()
{
    const QList<QNetworkReply *> replies = m_pending.keys();
    m_pending.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void WebhookSender::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_pending.constFind(reply);
    if (it == m_pending.cend())
        return;
    const Pending pending = *it;
    m_pending.erase(it);

    int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    NetworkFailure failure = NetworkFailure::None;
    if (pending.timedOut) {
        status = 0;
        failure = NetworkFailure::Timeout;
    } else if (status <= 0) {
        failure = failureOf(reply->error());
        if (failure == NetworkFailure::None)
            failure = NetworkFailure::Other;
    }
    const QByteArray body = status > 0 ? reply->read(maxAnswerBytes) : QByteArray();
    const DeliveryOutcome outcome =
        classifyResponse(pending.kind, status, body, reply->rawHeader(QByteArrayLiteral("Retry-After")), failure, m_clock.nowMs());
    if (failure != NetworkFailure::None) {
        // errorString() quotes the URL; only its redacted form may reach a log.
        qCInfo(lcNet).noquote() << channelKindKey(pending.kind) << "network error:"
                                << redactSecrets(reply->errorString(), {pending.url});
    }
    qCInfo(lcNet).noquote() << channelKindKey(pending.kind) << maskWebhookUrl(pending.url) << "answered" << status << "-"
                            << outcome.reason;
    Q_EMIT finished(pending.token, outcome, status);
}

} // namespace sitrep
