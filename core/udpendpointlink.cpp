#include "udpendpoint.h"
// The simulated link's side of UdpEndpoint: what it does to each datagram,
// between the program and the socket (see SimulatedLink).

#include "eventlog.h"
#include "udppeer.h"

namespace SockPlay {

namespace {
/// A held datagram's tag: the Connection::Origin of one going out, or this
/// bit for one that came in (the link may change sides while it holds some).
constexpr quint8 IncomingTag = 0x80;
} // namespace

bool UdpEndpoint::linkSend(UdpPeer *peer, const QByteArray &bytes, Connection::Origin origin)
{
    if (!m_simLink.onSend)
        return false;
    const SimulatedLink::Decision decision = m_simLink.link->decide();
    if (decision.drop) {
        logSimulatedDrop(peer->source(), bytes, SimulatedLink::dropDetail());
        return true;
    }
    SimulatedLink::Datagram datagram{bytes, peer->address(), peer->port(), quint8(origin), decision.delayMs, false};
    passDecided(std::move(datagram), decision.duplicate);
    return true;
}

void UdpEndpoint::linkReceive(const QByteArray &bytes, const QHostAddress &sender, quint16 senderPort)
{
    const SimulatedLink::Decision decision = m_simLink.link->decide();
    if (decision.drop) {
        logSimulatedDrop(sourceFor(sender, senderPort), bytes, SimulatedLink::dropDetail());
        return;
    }
    if (!m_simLink.link->delays() && !decision.duplicate) {
        receiveNow(bytes, sender, senderPort); // the common case of a loss-only link: no copy of anything
        return;
    }
    SimulatedLink::Datagram datagram{bytes, sender, senderPort, IncomingTag, decision.delayMs, false};
    passDecided(std::move(datagram), decision.duplicate);
}

void UdpEndpoint::passDecided(SimulatedLink::Datagram &&datagram, bool duplicate)
{
    if (duplicate) {
        SimulatedLink::Datagram copy = datagram;
        copy.copy = true;
        pass(std::move(datagram));
        pass(std::move(copy));
    } else {
        pass(std::move(datagram));
    }
}

EventSourcePtr UdpEndpoint::sourceFor(const QHostAddress &address, quint16 port) const
{
    // A sender is not made a peer for a datagram that never arrived; the event still names it.
    if (const UdpPeer *peer = peerFor(address, port))
        return peer->source();
    return makeEventSource(id(), 0, name(), localAddress(), localPort(), address, port);
}

void UdpEndpoint::pass(SimulatedLink::Datagram &&datagram)
{
    const QByteArray bytes = datagram.bytes; // shared, not copied
    const QHostAddress address = datagram.address;
    const quint16 port = datagram.port;
    if (!passThroughLink(std::move(datagram)))
        logSimulatedDrop(sourceFor(address, port), bytes, SimulatedLink::overflowDetail());
}

void UdpEndpoint::release(SimulatedLink::Datagram &&datagram)
{
    if (!m_socket)
        return;
    const QString detail = SimulatedLink::detailFor(datagram.delayMs, datagram.copy);
    if (datagram.tag & IncomingTag) {
        receiveNow(datagram.bytes, datagram.address, datagram.port, detail);
        return;
    }
    // The peer may have been forgotten while its datagram was held: it is seen again.
    UdpPeer *peer = peerFor(datagram.address, datagram.port);
    if (!peer)
        peer = addPeer(datagram.address, datagram.port);
    peer->transmitNow(datagram.bytes, Connection::Origin(datagram.tag), detail);
}

void UdpEndpoint::logSimulatedDrop(const EventSourcePtr &source, const QByteArray &bytes, const QString &detail)
{
    log()->append(EventKind::SimulatedDrop, source, bytes, bytes.size(), -1, detail);
}

} // namespace SockPlay
