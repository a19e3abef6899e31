// The ladder's openings: a TCP server listening, a client's handshake
// (SYN, SYN-ACK, ACK) from its Connecting and Connected, a server's accept()
// of our client or of a peer that is not ours (another translation unit of
// Ladder; the matching of both sides is attach() and link() in ladder.cpp).

#include "ladder_p.h"

namespace SockPlay {

using namespace LadderDetail;

void Ladder::onListening(const Event &event)
{
    const int lane = endpointLane(event);
    m_servers.insert(event.endpointId(), true);
    if (!event.source)
        return;
    m_lanes[lane].address = event.localText();
    m_udpBound.remove(addressKey(event.source->localAddress, event.source->localPort));
    m_udpBound.remove(anyKey(event.source->localPort));
    remember(m_listening, event.source->localAddress, event.source->localPort, lane);
}

void Ladder::onConnecting(const Event &event)
{
    Conn &conn = connOf(event);
    const qint64 t = relative(event);
    const auto [address, port] = targetOf(event);
    if (conn.target.isEmpty() && port != 0) {
        conn.target = addressKey(address, port);
        ++m_connectingTo[conn.target];
    }
    const int listening = lookUp(m_listening, address, port);
    conn.foreign = listening < 0;
    conn.fallbackLane = listening >= 0 ? listening : peerLane(event.peerText());
    Arrow syn;
    syn.from = conn.lane;
    syn.to = conn.fallbackLane;
    syn.startNs = syn.endNs = t;
    syn.kind = ArrowKind::Syn;
    syn.flags = Kernel;
    syn.sequence = event.sequence;
    addArrow(std::move(syn));
}

void Ladder::onConnected(const Event &event)
{
    if (openDevice(event))
        return;
    // Now the client's own address is known: it can be matched.
    Conn &conn = connOf(event);
    attach(conn, event);
    if (!conn.target.isEmpty()) {
        if (--m_connectingTo[conn.target] <= 0)
            m_connectingTo.remove(conn.target);
        conn.target.clear();
    }
    if (conn.fallbackLane < 0 && !conn.mirror) {
        const auto [address, port] = targetOf(event);
        const int listening = lookUp(m_listening, address, port);
        conn.foreign = listening < 0;
        conn.fallbackLane = listening >= 0 ? listening : peerLane(event.peerText());
    }
    m_lanes[conn.lane].address = event.localText();
    const qint64 t = relative(event);
    Arrow synAck;
    synAck.from = conn.fallbackLane >= 0 ? conn.fallbackLane : farLane(conn);
    synAck.to = conn.lane;
    synAck.startNs = synAck.endNs = t;
    synAck.kind = ArrowKind::SynAck;
    synAck.flags = Kernel;
    synAck.sequence = event.sequence;
    addArrow(std::move(synAck));
    Arrow ack;
    ack.from = conn.lane;
    ack.to = farLane(conn);
    ack.startNs = ack.endNs = t;
    ack.kind = ArrowKind::Ack;
    ack.flags = Kernel;
    ack.sequence = event.sequence;
    if (conn.mirror)
        ack.endSequence = conn.mirror->openSequence;
    const quint64 serial = addArrow(std::move(ack));
    if (!conn.mirror && !conn.foreign)
        conn.ackSerial = serial; // the server accepts it later
}

void Ladder::onAccepted(const Event &event)
{
    m_servers.insert(event.endpointId(), true);
    const int listening = endpointLane(event);
    Conn &conn = connOf(event); // linked here if our client's Connected came first (its ACK ends here)
    const qint64 t = relative(event);
    conn.fallbackLane = listening;
    if (conn.mirror)
        return;
    if (m_connectingTo.value(event.localText()) > 0
        || (event.source && m_connectingTo.value(addressKey(event.source->localAddress, event.source->localPort)) > 0))
        return; // one of our clients, whose Connected is still to come: it draws the handshake
    // A peer that is not ours: the whole handshake happened in the kernel before accept().
    conn.foreign = true;
    const int peer = peerLane(event.peerText());
    conn.fallbackLane = peer;
    const struct
    {
        int from, to;
        ArrowKind kind;
    } steps[] = {{peer, listening, ArrowKind::Syn}, {listening, peer, ArrowKind::SynAck}, {peer, conn.lane, ArrowKind::Ack}};
    for (const auto &step : steps) {
        Arrow arrow;
        arrow.from = step.from;
        arrow.to = step.to;
        arrow.startNs = arrow.endNs = t;
        arrow.kind = step.kind;
        arrow.flags = Kernel;
        arrow.sequence = event.sequence;
        addArrow(std::move(arrow));
    }
}

} // namespace SockPlay
