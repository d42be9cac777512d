#pragma once

#include "domain/incident.h"
#include "domain/stakeholderupdate.h"
#include "net/chatpayload.h"

namespace sitrep {

// The message every channel's payload is built from, as the update's audience reads it.
UpdateMessage updateMessageFor(const Incident &incident, const Audience &audience, UpdateKind kind, const QString &body,
                               std::optional<qint64> nextUpdateAt);

// The communication entry written when an update is sent: audience, channels, delivery state,
// the promised next time, then the body. Never a target: webhook URLs are secrets.
QString sentEntryText(const StakeholderUpdate &update, const QList<OutboxMessage> &messages);
// The entry written once every message of an update has settled: delivered where, failed
// where and why.
QString settledEntryText(const StakeholderUpdate &update, const QList<OutboxMessage> &messages);

} // namespace sitrep
