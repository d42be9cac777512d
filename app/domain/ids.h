#pragma once

#include <QString>
#include <QUuid>

namespace sitrep {

// The UUID as Sitrep writes it everywhere: lower case, no braces.
inline QString uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace sitrep
