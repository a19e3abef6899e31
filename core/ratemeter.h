#pragma once

#include "endpointtypes.h"

#include <array>

namespace SockPlay {

/// Rates per second from a series of counter samples: the change over the
/// last second (or since the oldest sample, when younger), so a burst shows
/// for a second and then fades to 0.
class RateMeter
{
public:
    /// Records the counters at nowNs and fills their rates in.
    void sample(qint64 nowNs, EndpointStats &stats);
    void reset() { m_count = 0; }

private:
    struct Sample
    {
        qint64 timeNs = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        qint64 messagesIn = 0;
        qint64 messagesOut = 0;
    };
    static constexpr int Samples = 16;
    std::array<Sample, Samples> m_samples{};
    int m_next = 0;
    int m_count = 0;
};

} // namespace SockPlay
