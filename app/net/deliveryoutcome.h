#pragma once

#include "chatpayload.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace sitrep {

// Why a request got no HTTP answer at all; the sender maps QNetworkReply errors onto these.
enum class NetworkFailure { None, Timeout, ConnectionRefused, HostNotFound, Other };

// What one delivery attempt of a stakeholder update came to, and what to tell the person
// who pressed Send.
struct DeliveryOutcome
{
    enum Verdict { Delivered, RetryLater, Failed };

    Verdict verdict = Failed;
    std::optional<qint64> retryAfterMs; // only for RetryLater, when the service said how long
    QString reason;                     // translated, one sentence, safe to show and to log
};

// Reads a Retry-After header: delay-seconds ("30") or an HTTP-date (IMF-fixdate, RFC 850 or
// asctime). A date in the past means "now" (0). Anything else is nullopt.
std::optional<qint64> parseRetryAfter(const QByteArray &header, qint64 nowMs);

// Classifies a webhook answer. httpStatus 0 means no answer; `failure` then says why.
// Services report some errors in odd places (Teams connectors put throttling in a 200 body,
// Mattermost answers 501 when webhooks are switched off), and this is where that is known.
DeliveryOutcome classifyResponse(ChannelKind kind, int httpStatus, const QByteArray &body,
                                 const QByteArray &retryAfterHeader, NetworkFailure failure,
                                 qint64 nowMs);

// How often and how patiently a failed delivery is retried. Deterministic, no jitter: a war
// room sends a handful of messages, not enough to stampede a service.
struct RetryPolicy
{
    int maxAttempts = 5; // including the first
    qint64 baseDelayMs = 2000;
    qint64 maxDelayMs = 5 * 60 * 1000;

    // Delay before the next try after attempt number `attempt` (1-based) failed: base, doubled
    // per attempt, capped. A longer Retry-After from the service wins over the cap.
    qint64 delayForAttempt(int attempt, std::optional<qint64> retryAfterMs = std::nullopt) const;
    // Whether another try is allowed after `attemptsMade` attempts.
    bool mayRetry(int attemptsMade) const { return attemptsMade < maxAttempts; }
};

} // namespace sitrep
