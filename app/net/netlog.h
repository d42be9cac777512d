#pragma once

#include <QLoggingCategory>

// Outbound and inbound network traffic. Never log a webhook URL as it is: use
// maskWebhookUrl() or redactSecrets() (secretmask.h).
Q_DECLARE_LOGGING_CATEGORY(lcNet)
