#pragma once

#include "chatpayload.h"
#include "deliveryoutcome.h"

#include "domain/clock.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace sitrep {

// Posts one chat payload to one incoming webhook and says what came of it, in words a person
// understands. One attempt per post(): retrying is the outbox's business. The network access
// manager is handed in, so tests and the command line choose their own.
class WebhookSender final : public QObject
{
    Q_OBJECT

public:
    WebhookSender(QNetworkAccessManager *network, const Clock &clock, QObject *parent = nullptr);
    ~WebhookSender() override;
    Q_DISABLE_COPY_MOVE(WebhookSender)

    // How long an answer may take before the attempt counts as timed out.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    // Starts the POST; finished() follows exactly once for this token, unless abortAll() or the
    // sender's destruction comes first.
    void post(qint64 token, ChannelKind kind, const QUrl &url, const QByteArray &payload);
    int inFlight() const { return int(m_pending.size()); }
    // Drops every request in flight without a finished() for them.
    void abortAll();

    static constexpr int defaultTimeoutMs = 15'000;
    // A service's answer is read up to this size: enough for any error text.
    static constexpr qint64 maxAnswerBytes = 64 * 1024;

Q_SIGNALS:
    void finished(qint64 token, const sitrep::DeliveryOutcome &outcome, int httpStatus);

private:
    struct Pending
    {
        qint64 token = 0;
        ChannelKind kind = ChannelKind::Slack;
        QUrl url;
        bool timedOut = false;
    };

    void onReplyFinished(QNetworkReply *reply);

    QPointer<QNetworkAccessManager> m_network;
    const Clock &m_clock;
    int m_timeoutMs = defaultTimeoutMs;
    QHash<QNetworkReply *, Pending> m_pending;
};

} // namespace sitrep

Q_DECLARE_METATYPE(sitrep::DeliveryOutcome)
