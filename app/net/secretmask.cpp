#include "secretmask.h"

#include <QUrlQuery>

#include <algorithm>

namespace sitrep {

namespace {

const QString &maskDots()
{
    static const QString dots = QStringLiteral("\u2022\u2022\u2022\u2022");
    return dots;
}

// A hint only from segments long enough that three characters give little away.
constexpr qsizetype kHintMinLength = 8;
constexpr qsizetype kHintLength = 3;
// Pieces shorter than this (ids like Slack's T0123ABCD, "manual", "invoke") are not secret on
// their own and redacting them would eat ordinary words in logs.
constexpr qsizetype kSecretPieceMinLength = 16;

// A readable route word such as "services", "hooks", "webhookb2" or "workflows", as opposed
// to an id or a token: short, letters with at most a couple of digits.
bool isPathWord(const QString &segment)
{
    if (segment.isEmpty() || segment.size() > 16)
        return false;
    int letters = 0;
    int digits = 0;
    for (QChar c : segment) {
        if (c.isDigit() && c.unicode() < 128)
            ++digits;
        else if (c.isLetter() && c.unicode() < 128)
            ++letters;
        else
            return false;
    }
    return letters >= 3 && digits <= 2;
}

bool isDefaultPort(const QUrl &url)
{
    const int port = url.port();
    return port == -1 || (port == 443 && url.scheme() == QLatin1String("https"))
        || (port == 80 && url.scheme() == QLatin1String("http"));
}

void addNeedle(QList<QPair<QString, QString>> &needles, const QString &needle, const QString &replacement)
{
    if (!needle.isEmpty())
        needles.append({needle, replacement});
}

} // namespace

QString maskWebhookUrl(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    if (!url.isValid() || url.host().isEmpty())
        return maskDots();

    QUrl origin;
    origin.setScheme(url.scheme());
    origin.setHost(url.host());
    if (!isDefaultPort(url))
        origin.setPort(url.port());
    QString out = origin.toString(QUrl::FullyEncoded);

    const QStringList segments = url.path(QUrl::FullyEncoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    qsizetype next = 0;
    if (segments.size() > 1 && isPathWord(segments.first())) {
        out += QLatin1Char('/') + segments.first();
        next = 1;
    }
    if (next < segments.size()) {
        const QString &segment = segments.at(next);
        out += QLatin1Char('/');
        if (segment.size() >= kHintMinLength)
            out += segment.left(kHintLength);
        out += QStringLiteral("\u2026");
        ++next;
    }
    if (next < segments.size() || url.hasQuery() || url.hasFragment())
        out += QLatin1Char('/') + maskDots();
    return out;
}

QString redactSecrets(const QString &text, const QList<QUrl> &secrets)
{
    QList<QPair<QString, QString>> needles;
    for (const QUrl &url : secrets) {
        if (url.isEmpty())
            continue;
        const QString masked = maskWebhookUrl(url);
        // Logs quote URLs in whichever form the writer had at hand.
        addNeedle(needles, QUrl::fromPercentEncoding(url.toEncoded()), masked);
        for (QUrl::ComponentFormattingOptions form : {QUrl::FullyEncoded, QUrl::PrettyDecoded, QUrl::FullyDecoded}) {
            // Qt refuses FullyDecoded for a whole URL (it would be ambiguous); the line above
            // covers that form.
            if (form != QUrl::FullyDecoded) {
                addNeedle(needles, url.toString(form), masked);
                addNeedle(needles, url.toString(form | QUrl::RemoveUserInfo), masked);
                addNeedle(needles, url.toString(form | QUrl::RemoveQuery | QUrl::RemoveFragment), masked);
            }
            const QString path = url.path(form);
            if (path.size() >= kSecretPieceMinLength)
                addNeedle(needles, path, QLatin1Char('/') + maskDots());
            const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            for (const QString &segment : segments) {
                if (segment.size() >= kSecretPieceMinLength)
                    addNeedle(needles, segment, maskDots());
            }
            const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(form);
            for (const auto &item : items) {
                if (item.second.size() >= kSecretPieceMinLength)
                    addNeedle(needles, item.second, maskDots());
            }
        }
        // A password of a character or two would blot out ordinary text; none is that short.
        if (url.password().size() >= 4) {
            addNeedle(needles, url.password(QUrl::FullyDecoded), maskDots());
            addNeedle(needles, url.password(QUrl::FullyEncoded), maskDots());
        }
    }
    // Longest first, so a whole URL is replaced before its pieces are.
    std::stable_sort(needles.begin(), needles.end(),
                     [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    QString out = text;
    for (const auto &[needle, replacement] : std::as_const(needles))
        out.replace(needle, replacement);
    return out;
}

} // namespace sitrep
