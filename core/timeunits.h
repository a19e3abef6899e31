#pragma once

#include <QtGlobal>

namespace SockPlay {

/// Nanoseconds in a millisecond: QElapsedTimer counts in ns, timers in ms.
inline constexpr qint64 NsPerMs = 1'000'000;

} // namespace SockPlay
