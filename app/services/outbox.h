#pragma once

#include "updateservice.h"

#include "net/deliveryoutcome.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace sitrep {

class WebhookSender;

// Delivers what UpdateService queued: claims due messages from the store, posts them through
// the WebhookSender (or hands clipboard and e-mail messages to the local delivery), and
// records each attempt. Retries follow the RetryPolicy on "retry later" answers, with the
// service's Retry-After when it gave one. Everything it knows lives in the store, so a
// restart carries on where the last run stopped and never sends a delivered message again.
class Outbox final : public QObject
{
    Q_OBJECT

public:
    // Delivers a clipboard or e-mail message on this desk. Without one (the command line) such
    // messages fail with a reason saying the window is needed.
    using LocalDelivery = std::function<DeliveryOutcome(const OutboxMessage &message)>;

    Outbox(UpdateService &updates, WebhookSender &sender, const Clock &clock, QObject *parent = nullptr);
    ~Outbox() override;
    Q_DISABLE_COPY_MOVE(Outbox)

    void setLocalDelivery(LocalDelivery delivery) { m_local = std::move(delivery); }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }

    // Starts delivering, beginning with whatever an earlier run left queued or half-sent, and
    // wakes by itself when the next retry falls due.
    void start();
    // Sends everything due now. Harmless at any time; tests call it after moving the clock.
    void pump();
    int inFlight() const { return int(m_inFlight.size()); }

    // How long a claim on a message lasts: longer than the sender's timeout, so a live sender
    // keeps its message and a crashed one's message is taken over soon after.
    qint64 leaseMs() const;

Q_SIGNALS:
    // One attempt was recorded; `message` is the state it left the message in.
    void attempted(const sitrep::OutboxMessage &message);
    void failed(const QString &problem); // the store could not record

private:
    void deliverLocally(const OutboxMessage &message, qint64 startedAt);
    void onSent(qint64 messageId, const DeliveryOutcome &outcome, int httpStatus);
    void record(qint64 messageId, qint64 startedAt, int attempts, DeliveryOutcome outcome, int httpStatus);
    void scheduleWake();

    struct InFlight
    {
        qint64 startedAt = 0;
        int attempts = 0;
    };

    UpdateService &m_updates;
    WebhookSender &m_sender;
    const Clock &m_clock;
    LocalDelivery m_local;
    RetryPolicy m_policy;
    QHash<qint64, InFlight> m_inFlight;
    QTimer m_wake;
    bool m_started = false;
    qint64 m_startedAt = 0;
};

} // namespace sitrep

Q_DECLARE_METATYPE(sitrep::OutboxMessage)
