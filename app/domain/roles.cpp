#include "roles.h"

#include <QCoreApplication>

namespace sitrep {

QList<Role> allRoles()
{
    return {Role::Commander, Role::Communications, Role::Operations,
            Role::Scribe,    Role::SubjectExpert,  Role::CustomerLiaison};
}

QString roleKey(Role role)
{
    switch (role) {
    case Role::Commander: return QStringLiteral("commander");
    case Role::Communications: return QStringLiteral("communications");
    case Role::Operations: return QStringLiteral("operations");
    case Role::Scribe: return QStringLiteral("scribe");
    case Role::SubjectExpert: return QStringLiteral("subject-expert");
    case Role::CustomerLiaison: return QStringLiteral("customer-liaison");
    }
    return {};
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Commander: return QCoreApplication::translate("Role", "Incident commander");
    case Role::Communications: return QCoreApplication::translate("Role", "Communications lead");
    case Role::Operations: return QCoreApplication::translate("Role", "Operations lead");
    case Role::Scribe: return QCoreApplication::translate("Role", "Scribe");
    case Role::SubjectExpert: return QCoreApplication::translate("Role", "Subject expert");
    case Role::CustomerLiaison: return QCoreApplication::translate("Role", "Customer liaison");
    }
    return {};
}

std::optional<Role> parseRole(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (Role r : allRoles()) {
        if (roleKey(r) == t)
            return r;
    }
    if (t == QLatin1String("ic") || t == QLatin1String("lead"))
        return Role::Commander;
    if (t == QLatin1String("comms") || t == QLatin1String("cl"))
        return Role::Communications;
    if (t == QLatin1String("ops") || t == QLatin1String("ol"))
        return Role::Operations;
    if (t == QLatin1String("sme") || t == QLatin1String("expert"))
        return Role::SubjectExpert;
    if (t == QLatin1String("liaison") || t == QLatin1String("customer"))
        return Role::CustomerLiaison;
    return std::nullopt;
}

} // namespace sitrep
