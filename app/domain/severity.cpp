#include "severity.h"

#include <QCoreApplication>

namespace sitrep {

int severityNumber(Severity severity)
{
    return static_cast<int>(severity);
}

QString severityLabel(Severity severity)
{
    return QStringLiteral("SEV%1").arg(severityNumber(severity));
}

QString severityDescription(Severity severity)
{
    switch (severity) {
    case Severity::Sev1:
        return QCoreApplication::translate("Severity", "Critical: the service is down or data is at risk for many customers");
    case Severity::Sev2:
        return QCoreApplication::translate("Severity", "Major: a core function is broken or badly degraded for many");
    case Severity::Sev3:
        return QCoreApplication::translate("Severity", "Minor: partial degradation, a workaround exists");
    case Severity::Sev4:
        return QCoreApplication::translate("Severity", "Low: cosmetic or internal, no customer impact yet");
    }
    return {};
}

std::optional<Severity> severityFromNumber(int number)
{
    if (number < 1 || number > 4)
        return std::nullopt;
    return static_cast<Severity>(number);
}

std::optional<Severity> parseSeverity(const QString &text)
{
    QString t = text.trimmed().toLower();
    if (t.startsWith(QLatin1String("sev")))
        t = t.mid(3);
    bool ok = false;
    const int n = t.toInt(&ok);
    if (!ok || t.size() != 1)
        return std::nullopt;
    return severityFromNumber(n);
}

} // namespace sitrep
