#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace sitrep {

// Why an operation did not happen. The kinds map onto the command line's exit codes.
enum class ErrorKind {
    Invalid,  // the request itself was wrong: bad value, refused transition
    NotFound, // the thing named does not exist (or the id is ambiguous)
    Store     // the store could not do it: disk, lock, corruption
};

struct Error
{
    ErrorKind kind = ErrorKind::Invalid;
    QString message; // names what was wrong, for a person
};

// A value or the reason there is none. Services return these instead of throwing.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    // A temporary gives its value away rather than a reference into itself, so that
    // `for (auto &x : service.list().value())` does not iterate a destroyed list.
    T value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

struct Done
{
};

using Outcome = Result<Done>;

inline Error invalid(const QString &message) { return {ErrorKind::Invalid, message}; }
inline Error notFound(const QString &message) { return {ErrorKind::NotFound, message}; }
inline Error storeFailure(const QString &message) { return {ErrorKind::Store, message}; }

} // namespace sitrep
