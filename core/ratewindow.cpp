#include "ratewindow.h"

#include "endpointtypes.h"

namespace SockPlay {

bool RateWindow::sample(const RateTick &tick, ConnectionInfo &info)
{
    Counters &then = m_counters[size_t(tick.number % Ticks)]; // the counters Ticks ticks ago
    const double seconds = double(qMax<qint64>(tick.nowNs - tick.windowStartNs, 1)) / 1e9;
    info.bytesInPerSecond = double(info.bytesIn - then.bytesIn) / seconds;
    info.bytesOutPerSecond = double(info.bytesOut - then.bytesOut) / seconds;
    info.messagesInPerSecond = double(info.messagesIn - then.messagesIn) / seconds;
    info.messagesOutPerSecond = double(info.messagesOut - then.messagesOut) / seconds;
    const bool moving = info.bytesIn != then.bytesIn || info.bytesOut != then.bytesOut
        || info.messagesIn != then.messagesIn || info.messagesOut != then.messagesOut;
    then = {info.bytesIn, info.bytesOut, info.messagesIn, info.messagesOut};
    return moving;
}

} // namespace SockPlay
