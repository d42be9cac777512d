#include "cadencesettings.h"

#include <QSettings>

namespace sitrep {

namespace {

constexpr qint64 kMinute = 60 * 1000;

QString keyFor(int severity)
{
    return QStringLiteral("updates/cadence/sev%1").arg(severity);
}

std::optional<qint64> *slot(CadencePolicy &policy, int severity)
{
    switch (severity) {
    case 1: return &policy.sev1Ms;
    case 2: return &policy.sev2Ms;
    case 3: return &policy.sev3Ms;
    default: return &policy.sev4Ms;
    }
}

} // namespace

CadencePolicy loadCadencePolicy(const QSettings &settings)
{
    CadencePolicy policy;
    for (int severity = 1; severity <= 4; ++severity) {
        const QVariant value = settings.value(keyFor(severity));
        if (!value.isValid())
            continue;
        bool ok = false;
        const int minutes = value.toInt(&ok);
        // A hand-edited setting that is not a number keeps the default rather than silencing
        // the rhythm.
        if (!ok || minutes < 0)
            continue;
        *slot(policy, severity) = minutes == 0 ? std::nullopt : std::optional<qint64>(minutes * kMinute);
    }
    return policy;
}

void saveCadencePolicy(QSettings &settings, const CadencePolicy &policy)
{
    CadencePolicy copy = policy;
    for (int severity = 1; severity <= 4; ++severity) {
        const std::optional<qint64> interval = *slot(copy, severity);
        settings.setValue(keyFor(severity), interval && *interval > 0 ? int(*interval / kMinute) : 0);
    }
}

} // namespace sitrep
