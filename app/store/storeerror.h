#pragma once

#include <QString>
#include <stdexcept>

namespace sitrep {

// Thrown inside the store when SQL fails; services catch it, the open transaction rolls back,
// and the user sees the message. It never escapes a service.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {
    }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

} // namespace sitrep
