#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace sitrep {

// The people an incident needs, by job. Subject experts may be several; the others are one each.
enum class Role { Commander, Communications, Operations, Scribe, SubjectExpert, CustomerLiaison };

QString roleKey(Role role);   // stored form: "commander"
QString roleLabel(Role role); // shown form: "Incident commander"
// Accepts the stored key and the short forms people type: ic, comms, ops, sme, liaison.
std::optional<Role> parseRole(const QString &text);
QList<Role> allRoles();

struct RoleAssignment
{
    Role role = Role::Commander;
    QString person;
};

} // namespace sitrep
