#include "ratemeter.h"

namespace SockPlay {

void RateMeter::sample(qint64 nowNs, EndpointStats &stats)
{
    constexpr qint64 windowNs = 1000000000;
    // The newest sample at least a second old, or the oldest one kept.
    const Sample *base = nullptr;
    for (int i = 1; i <= m_count; ++i) {
        const Sample &s = m_samples[size_t((m_next - i + Samples) % Samples)];
        base = &s;
        if (nowNs - s.timeNs >= windowNs)
            break;
    }
    if (base && nowNs > base->timeNs) {
        const double seconds = double(nowNs - base->timeNs) / 1e9;
        stats.bytesInPerSecond = double(stats.bytesIn - base->bytesIn) / seconds;
        stats.bytesOutPerSecond = double(stats.bytesOut - base->bytesOut) / seconds;
        stats.messagesInPerSecond = double(stats.messagesIn - base->messagesIn) / seconds;
        stats.messagesOutPerSecond = double(stats.messagesOut - base->messagesOut) / seconds;
    } else {
        stats.bytesInPerSecond = stats.bytesOutPerSecond = 0;
        stats.messagesInPerSecond = stats.messagesOutPerSecond = 0;
    }
    m_samples[size_t(m_next)] = {nowNs, stats.bytesIn, stats.bytesOut, stats.messagesIn, stats.messagesOut};
    m_next = (m_next + 1) % Samples;
    m_count = qMin(m_count + 1, Samples);
}

} // namespace SockPlay
