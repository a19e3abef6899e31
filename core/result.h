#pragma once

#include <QString>

namespace SockPlay {

/// Result of an operation that can fail: false plus a message for the user.
struct Result
{
    bool ok = true;
    QString error;

    static Result success() { return {}; }
    static Result failure(const QString &message) { return {false, message}; }
    explicit operator bool() const { return ok; }
};

} // namespace SockPlay
