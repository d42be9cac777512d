#include "outbox.h"

#include "net/netlog.h"
#include "net/webhooksender.h"

#include <QUrl>

namespace sitrep {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Outbox", text);
}

// Messages taken per look; the rest follow at once on the next wake.
constexpr int kBatch = 20;
// Even with nothing to do, look again now and then: a clock jump or another process may have
// changed what is due.
constexpr int kMaxSleepMs = 60'000;
constexpr int kMinSleepMs = 50;

DeliveryOutcome noWindow(ChannelKind kind)
{
    DeliveryOutcome o;
    o.verdict = DeliveryOutcome::Failed;
    o.reason = kind == ChannelKind::Email
        ? tr("E-mail opens in your mail program, which needs the Sitrep window: send this update from there")
        : tr("The clipboard needs the Sitrep window: send this update from there");
    return o;
}

} // namespace

Outbox::Outbox(UpdateService &updates, WebhookSender &sender, const Clock &clock, QObject *parent)
    : QObject(parent), m_updates(updates), m_sender(sender), m_clock(clock)
{
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &Outbox::pump);
    connect(&m_sender, &WebhookSender::finished, this, &Outbox::onSent);
}

Outbox::~Outbox()
{
    // Quitting mid-send: the claims go back to the queue so the next run sends them at once
    // instead of waiting for the lease to run out.
    if (m_inFlight.isEmpty())
        return;
    m_sender.disconnect(this);
    m_sender.abortAll();
    const QList<qint64> ids = m_inFlight.keys();
    for (qint64 id : ids) {
        if (const Outcome released = m_updates.release(id); !released)
            qCWarning(lcNet).noquote() << "could not put message" << id << "back in the queue:" << released.error().message;
    }
}

qint64 Outbox::leaseMs() const
{
    return qint64(m_sender.timeoutMs()) + 30'000;
}

void Outbox::start()
{
    m_started = true;
    m_startedAt = m_clock.nowMs();
    pump();
}

void Outbox::pump()
{
    const Result<QList<OutboxMessage>> claimed = m_updates.claimDue(leaseMs(), kBatch, m_inFlight.keys());
    if (!claimed) {
        Q_EMIT failed(claimed.error().message);
        scheduleWake();
        return;
    }
    const qint64 now = m_clock.nowMs();
    for (const OutboxMessage &m : claimed.value()) {
        if (!isWebhookChannel(m.kind)) {
            deliverLocally(m, now);
            continue;
        }
        if (m.target.isEmpty()) {
            DeliveryOutcome gone;
            gone.reason = tr("The channel was removed before the message went out");
            record(m.id, now, m.attempts, gone, 0);
            continue;
        }
        m_inFlight.insert(m.id, InFlight{now, m.attempts});
        m_sender.post(m.id, m.kind, QUrl(m.target), m.payload);
    }
    scheduleWake();
}

void Outbox::deliverLocally(const OutboxMessage &message, qint64 startedAt)
{
    // A mail program that pops up by itself when Sitrep starts, for an update written before
    // a crash, would be a surprise at the worst moment; the lead sends it again on purpose.
    if (message.kind == ChannelKind::Email && m_started && message.nextAttemptAt.value_or(message.createdAt) < m_startedAt) {
        DeliveryOutcome stale;
        stale.reason = tr("Sitrep closed before the mail program opened this e-mail: use Send again to open it now");
        record(message.id, startedAt, message.attempts, stale, 0);
        return;
    }
    const DeliveryOutcome outcome = m_local ? m_local(message) : noWindow(message.kind);
    record(message.id, startedAt, message.attempts, outcome, 0);
}

void Outbox::onSent(qint64 messageId, const DeliveryOutcome &outcome, int httpStatus)
{
    const auto it = m_inFlight.constFind(messageId);
    if (it == m_inFlight.cend())
        return;
    const InFlight sent = *it;
    m_inFlight.erase(it);
    record(messageId, sent.startedAt, sent.attempts, outcome, httpStatus);
}

void Outbox::record(qint64 messageId, qint64 startedAt, int attempts, DeliveryOutcome outcome, int httpStatus)
{
    std::optional<qint64> retryAt;
    if (outcome.verdict == DeliveryOutcome::RetryLater) {
        if (m_policy.mayRetry(attempts)) {
            retryAt = m_clock.nowMs() + m_policy.delayForAttempt(attempts, outcome.retryAfterMs);
        } else {
            outcome.verdict = DeliveryOutcome::Failed;
            outcome.reason = QCoreApplication::translate("Outbox", "%1 (gave up after %n attempts)", nullptr, attempts)
                                 .arg(outcome.reason);
        }
    }
    const Result<OutboxMessage> recorded = m_updates.recordAttempt(messageId, startedAt, outcome, httpStatus, retryAt);
    if (!recorded)
        Q_EMIT failed(recorded.error().message);
    else
        Q_EMIT attempted(recorded.value());
    scheduleWake();
}

void Outbox::scheduleWake()
{
    if (!m_started)
        return;
    const Result<std::optional<qint64>> next = m_updates.nextWakeAt();
    if (!next || !next.value()) {
        m_wake.start(kMaxSleepMs);
        return;
    }
    const qint64 delay = *next.value() - m_clock.nowMs();
    m_wake.start(int(std::clamp<qint64>(delay, kMinSleepMs, kMaxSleepMs)));
}

} // namespace sitrep
