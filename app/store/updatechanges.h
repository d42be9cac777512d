#pragma once

#include "change.h"

namespace sitrep::Entity {
// Change-log entities of stakeholder updates. Drafts are not announced: they are one window's
// typing, saved for the crash case, not news for other views.
inline const QString UpdateAudience = QStringLiteral("update_audience");
inline const QString UpdateChannel = QStringLiteral("update_channel");
inline const QString ChannelDefault = QStringLiteral("channel_default");
inline const QString SentUpdate = QStringLiteral("stakeholder_update");
inline const QString Outbox = QStringLiteral("outbox_message");
inline const QString AllClearDismissal = QStringLiteral("allclear_dismissal");
} // namespace sitrep::Entity
