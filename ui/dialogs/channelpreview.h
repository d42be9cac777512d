#pragma once

#include "net/chatpayload.h"

#include <QByteArray>
#include <QString>

namespace sitrep {

// The composer's preview of one channel: drawn from the very payload that will be sent, so
// what the lead sees cannot drift from what goes out. An approximation of each service's look
// (headline, fields, body with its bold, italics and lists), not a copy of its styling.
QString channelPreviewHtml(ChannelKind kind, const QByteArray &payload, const QString &recipients, const QString &subject);

// The payload exactly as it goes on the wire, JSON indented for reading.
QString rawPayloadText(ChannelKind kind, const QByteArray &payload);

} // namespace sitrep
