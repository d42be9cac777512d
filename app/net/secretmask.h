#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace sitrep {

// Webhook URLs are bearer secrets: whoever has one can post as us. These keep them out of
// the settings dialog, the timeline, logs and reports, while leaving enough to tell them apart.

// "https://hooks.slack.com/services/T00…/••••": scheme, host, a non-secret leading path word
// and the first three characters of the next segment. Never user info, the rest of the path,
// the query (where Teams Workflows keep their signature) or the fragment.
QString maskWebhookUrl(const QUrl &url);

// Replaces every appearance of the given URLs in `text` (whole, encoded or decoded, or just
// their secret path, path segments, query values and password) with a masked form.
QString redactSecrets(const QString &text, const QList<QUrl> &secrets);

} // namespace sitrep
