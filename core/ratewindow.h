#pragma once

#include <QtGlobal>

#include <array>

namespace SockPlay {

struct ConnectionInfo;

/// One stats tick of the session, as the connections' rates see it: its
/// number (1, 2, 3, ... since the session started), when it happened, and
/// when the tick RateWindow::Ticks earlier happened (the session's start for
/// the first ticks), on the session's monotonic clock.
struct RateTick
{
    qint64 number = 0;
    qint64 nowNs = 0;
    qint64 windowStartNs = 0;
};

/// A connection's rates: the change of its counters over the last
/// RateWindow::Ticks stats ticks (one second), divided by the time those
/// ticks took: the same definition as the endpoint's RateMeter, so a burst
/// shows for a second and then falls back to exactly 0.
///
/// Small (four samples of four counters, no allocation) and only fed while
/// something moves: the endpoint samples a connection at every tick from the
/// one after it counted bytes until sample() returns false. It stops then
/// because the four slots hold equal counters; while it rests its counters
/// do not change, so the slots still hold its counters at the ticks it
/// missed, and a burst after a long pause reads as bytes per the last
/// second, not per the pause.
class RateWindow
{
public:
    /// Ticks per window: with the session's 250 ms ticks, one second.
    static constexpr int Ticks = 4;

    /// Records the counters of info at this tick and fills its rates in.
    /// Returns false when the rates are all exactly 0: the counters did not
    /// change over the window, and the connection can rest until it counts
    /// again.
    bool sample(const RateTick &tick, ConnectionInfo &info);

private:
    struct Counters
    {
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        qint64 messagesIn = 0;
        qint64 messagesOut = 0;
    };
    /// The counters at the last Ticks ticks, slot tick % Ticks: the slot a
    /// tick writes is the one that held the counters Ticks ticks before it.
    /// Zeros at first: a new connection's past.
    std::array<Counters, Ticks> m_counters{};
};

} // namespace SockPlay
