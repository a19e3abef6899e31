#include "ladder_p.h"
// The ladder's datagrams: each matched to its arrival by path and content,
// reordered and duplicated ones said so, lost ones only on evidence (see the
// rules in ladder.h).

#include "simulatedlink.h"

#include <algorithm>
#include <cstring>

namespace SockPlay {

using namespace LadderDetail;

namespace {

/// Arrivals remembered per path, for a duplicate's second copy to find its original
/// (the link releases the copy right after it).
constexpr size_t RecentArrivals = 16;

/// Whether two previews agree as far as both go: the follower cuts payloads
/// and an old event may have lost its payload; compare what there is.
bool samePreview(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    return n == 0 || std::memcmp(a.constData(), b.constData(), size_t(n)) == 0;
}

bool sameDatagram(const Ladder::Arrow &arrow, const Event &event)
{
    return arrow.byteCount == event.byteCount && samePreview(arrow.preview, event.payload);
}

} // namespace

void Ladder::onDatagramSent(const Event &event, bool automatic)
{
    m_udpEndpoints.insert(event.endpointId(), true);
    const int lane = endpointLane(event);
    Arrow arrow;
    arrow.from = lane;
    arrow.startNs = arrow.endNs = relative(event);
    arrow.kind = ArrowKind::Datagram;
    arrow.flags = automatic ? Automatic : 0;
    arrow.byteCount = event.byteCount;
    arrow.sequence = event.sequence;
    arrow.preview = event.payload;
    const EventSource *s = event.source.data();
    const int to = s ? lookUp(m_udpBound, s->peerAddress, s->peerPort) : -1;
    DatagramPath *path = to >= 0 ? &m_datagramPaths[pairKey(to, s->localPort)] : nullptr;
    if (SimulatedLink::isCopy(event.detail)) {
        // Duplicated on send: the link sent the copy right after its original.
        arrow.flags |= Duplicate;
        if (path && !path->pending.empty()) {
            const Arrow *original = arrowBySerial(path->pending.back().serial);
            if (original && sameDatagram(*original, event))
                arrow.copyOf = original->sequence;
        }
    }
    if (!path) {
        arrow.to = peerLane(event.peerText());
        addArrow(std::move(arrow));
        return;
    }
    arrow.to = to;
    arrow.flags |= InFlight;
    const qint64 start = arrow.startNs;
    const quint64 serial = addArrow(std::move(arrow));
    path->pending.push_back({serial, path->arrivals});
    if (path->pending.size() > size_t(MaxPendingPerPath)) {
        // No longer matched: whatever arrives now is not this one as far as we can tell.
        if (Arrow *oldest = arrowBySerial(path->pending.front().serial); oldest && oldest->has(InFlight))
            oldest->flags = quint8((oldest->flags & ~InFlight) | Lost);
        path->pending.pop_front();
        if (path->presumed > 0)
            --path->presumed;
    }
    m_datagramsInFlight.push_back({serial, start});
    if (m_datagramsInFlight.size() > size_t(m_maxArrows))
        m_datagramsInFlight.pop_front();
}

quint64 Ladder::takePending(DatagramPath &path, const Event &event)
{
    // The oldest of the same size whose preview agrees (UDP keeps a
    // datagram's bytes together: another size, or a preview that differs,
    // is another datagram).
    for (auto it = path.pending.begin(); it != path.pending.end(); ++it) {
        if (it->serial == 0)
            continue;
        const Arrow *arrow = arrowBySerial(it->serial);
        if (!arrow) {
            it->serial = 0; // dropped from the ladder (maxArrows)
            continue;
        }
        if (!sameDatagram(*arrow, event))
            continue;
        const quint64 taken = std::exchange(it->serial, 0);
        while (!path.pending.empty() && path.pending.front().serial == 0) {
            path.pending.pop_front();
            if (path.presumed > 0)
                --path.presumed;
        }
        return taken;
    }
    return 0;
}

void Ladder::presumeOvertakenLost(DatagramPath &path)
{
    // Both rules grow with the send order: the presumed lost are a prefix,
    // so each pending datagram is looked at here once it is past it.
    while (path.presumed < path.pending.size()) {
        const DatagramPath::Pending &pending = path.pending[path.presumed];
        if (Arrow *arrow = arrowBySerial(pending.serial); arrow && arrow->has(InFlight)) {
            if (path.arrivals - pending.arrivalsAtSend <= quint64(OvertakenLostAfter))
                break;
            arrow->flags = quint8((arrow->flags & ~InFlight) | Lost);
        }
        ++path.presumed;
    }
}

void Ladder::onDatagramReceived(const Event &event)
{
    m_udpEndpoints.insert(event.endpointId(), true);
    const int lane = endpointLane(event);
    const qint64 t = relative(event);
    const EventSource *s = event.source.data();
    DatagramPath *path = nullptr;
    if (s) {
        if (m_lanes.at(lane).address.isEmpty())
            m_lanes[lane].address = event.localText();
        remember(m_udpBound, s->localAddress, s->localPort, lane);
        if (auto it = m_datagramPaths.find(pairKey(lane, s->peerPort)); it != m_datagramPaths.end())
            path = &*it;
    }
    if (SimulatedLink::isCopy(event.detail)) {
        onDuplicateArrived(path, lane, t, event);
        return;
    }
    quint64 serial = 0;
    if (path) {
        ++path->arrivals;
        serial = takePending(*path, event);
        if (Arrow *arrow = arrowBySerial(serial)) {
            // In flight, or presumed lost and here after all.
            arrow->flags &= ~(InFlight | Lost);
            arrow->endNs = t;
            arrow->endSequence = event.sequence;
            arrow->chunks = 1;
            if (path->newestArrived > arrow->sequence)
                arrow->flags |= Reordered;
            else
                path->newestArrived = arrow->sequence;
        }
        presumeOvertakenLost(*path);
    }
    if (serial == 0) {
        const int from = s ? lookUp(m_udpBound, s->peerAddress, s->peerPort) : -1;
        serial = addArrow(readAt(ArrowKind::Datagram, from >= 0 && from != lane ? from : peerLane(event.peerText()),
                                 lane, t, event));
    }
    if (path) {
        path->recent.push_back(serial);
        if (path->recent.size() > RecentArrivals)
            path->recent.pop_front();
    }
}

void Ladder::onDuplicateArrived(DatagramPath *path, int lane, qint64 t, const Event &event)
{
    // Duplicated on receive: the same datagram again, not another one's arrival.
    int from = -1;
    quint64 copyOf = 0;
    quint8 automatic = 0;
    if (path) {
        for (auto it = path->recent.crbegin(); it != path->recent.crend(); ++it) {
            if (const Arrow *original = arrowBySerial(*it); original && sameDatagram(*original, event)) {
                from = original->from;
                copyOf = original->sequence;
                automatic = original->flags & Automatic;
                break;
            }
        }
    }
    if (from < 0) {
        const EventSource *s = event.source.data();
        const int bound = s ? lookUp(m_udpBound, s->peerAddress, s->peerPort) : -1;
        from = bound >= 0 && bound != lane ? bound : peerLane(event.peerText());
    }
    Arrow copy = readAt(ArrowKind::Datagram, from, lane, t, event);
    copy.flags = quint8(Duplicate | automatic);
    copy.copyOf = copyOf;
    addArrow(std::move(copy));
}

void Ladder::onSimulatedDrop(const Event &event)
{
    // On receive: the sender's arrow, pending on this socket, ends here in
    // a cross. On send (no such arrow): a new arrow that never gets far.
    m_udpEndpoints.insert(event.endpointId(), true);
    const int lane = endpointLane(event);
    const qint64 t = relative(event);
    const EventSource *s = event.source.data();
    if (s) {
        if (auto path = m_datagramPaths.find(pairKey(lane, s->peerPort)); path != m_datagramPaths.end()) {
            if (Arrow *arrow = arrowBySerial(takePending(*path, event))) {
                arrow->flags = quint8((arrow->flags & ~InFlight) | Lost | Simulated);
                arrow->endNs = t;
                arrow->endSequence = event.sequence;
                return;
            }
        }
    }
    Arrow arrow;
    arrow.from = lane;
    const int to = s ? lookUp(m_udpBound, s->peerAddress, s->peerPort) : -1;
    arrow.to = to >= 0 ? to : peerLane(event.peerText());
    arrow.startNs = arrow.endNs = t;
    arrow.kind = ArrowKind::Datagram;
    arrow.flags = Lost | Simulated;
    arrow.byteCount = event.byteCount;
    arrow.sequence = event.sequence;
    arrow.preview = event.payload;
    addArrow(std::move(arrow));
}

void Ladder::expireDatagrams(qint64 nowNs)
{
    // Presumed lost, not forgotten: its path still matches it if it arrives.
    while (!m_datagramsInFlight.empty() && m_datagramsInFlight.front().startNs + DatagramLostAfterNs < nowNs) {
        if (Arrow *arrow = arrowBySerial(m_datagramsInFlight.front().serial); arrow && arrow->has(InFlight))
            arrow->flags = quint8((arrow->flags & ~InFlight) | Lost);
        m_datagramsInFlight.pop_front();
    }
}

} // namespace SockPlay
