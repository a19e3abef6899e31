#include "udprelayendpoint.h"
// The simulated link's side of UdpRelayEndpoint: it sits on the relay's
// side to the target of every association ("send": what goes to the target,
// "receive": what comes back from it). One SimulatedLink for the endpoint,
// so one seed decides for every association and one bound holds for all.

#include "eventlog.h"
#include "relayconversation.h"
#include "udprelaytargetside.h"

namespace SockPlay {

namespace {
/// A held datagram's tag: the Connection::Origin of one going out, plus
/// these bits: it came in from the target, or it is relayed from the client.
constexpr quint8 IncomingTag = 0x80;
constexpr quint8 RelayedTag = 0x40;
constexpr quint8 OriginBits = 0x0f;

/// What the link did, then what the relay did ("delayed 20 ms by the
/// simulated link; relayed from #1"): a duplicate's copy starts with the
/// link's words, as the ladder reads them.
QString joined(const QString &linkDetail, const QString &relayDetail)
{
    if (linkDetail.isEmpty())
        return relayDetail;
    return relayDetail.isEmpty() ? linkDetail : linkDetail + QStringLiteral("; ") + relayDetail;
}
} // namespace

bool UdpRelayEndpoint::linkSend(UdpRelayTargetSide *side, const QByteArray &bytes, Connection::Origin origin,
                                bool relayed)
{
    if (!m_simLink.onSend)
        return false;
    const SimulatedLink::Decision decision = m_simLink.link->decide();
    if (decision.drop) {
        log()->append(EventKind::SimulatedDrop, side->source(), bytes, bytes.size(), -1, SimulatedLink::dropDetail());
        return true;
    }
    SimulatedLink::Datagram datagram{bytes, side->clientAddress(), side->clientPort(),
                                     quint8(quint8(origin) | (relayed ? RelayedTag : 0)), decision.delayMs, false};
    passDecided(std::move(datagram), decision.duplicate, side->source());
    return true;
}

bool UdpRelayEndpoint::linkReceive(UdpRelayTargetSide *side, const QByteArray &bytes)
{
    if (!m_simLink.onReceive)
        return false;
    const SimulatedLink::Decision decision = m_simLink.link->decide();
    if (decision.drop) {
        log()->append(EventKind::SimulatedDrop, side->source(), bytes, bytes.size(), -1, SimulatedLink::dropDetail());
        return true;
    }
    if (!m_simLink.link->delays() && !decision.duplicate)
        return false; // the caller delivers it now: no copy of anything
    SimulatedLink::Datagram datagram{bytes, side->clientAddress(), side->clientPort(), IncomingTag, decision.delayMs,
                                     false};
    passDecided(std::move(datagram), decision.duplicate, side->source());
    return true;
}

void UdpRelayEndpoint::passDecided(SimulatedLink::Datagram &&datagram, bool duplicate, const EventSourcePtr &source)
{
    if (duplicate) {
        SimulatedLink::Datagram copy = datagram;
        copy.copy = true;
        pass(std::move(datagram), source);
        pass(std::move(copy), source);
    } else {
        pass(std::move(datagram), source);
    }
}

void UdpRelayEndpoint::pass(SimulatedLink::Datagram &&datagram, const EventSourcePtr &source)
{
    const QByteArray bytes = datagram.bytes; // shared, not copied
    if (!passThroughLink(std::move(datagram)))
        log()->append(EventKind::SimulatedDrop, source, bytes, bytes.size(), -1, SimulatedLink::overflowDetail());
}

void UdpRelayEndpoint::release(SimulatedLink::Datagram &&datagram)
{
    if (!m_socket)
        return;
    // The association may have ended while its datagram was held (a new one
    // of the same client takes it: the same path).
    const RelayConversation *conversation = m_byClient.value(ClientKey{datagram.address, datagram.port});
    auto *side = conversation ? static_cast<UdpRelayTargetSide *>(conversation->target()) : nullptr;
    if (!side || !side->isOpen()) {
        logEvent(EventKind::Note, QStringLiteral("a datagram the simulated link held for client %1 is discarded: its "
                                                 "association ended")
                                      .arg(formatAddress(datagram.address, datagram.port)));
        return;
    }
    const QString linkDetail = SimulatedLink::detailFor(datagram.delayMs, datagram.copy);
    if (datagram.tag & IncomingTag) {
        side->receiveNow(datagram.bytes, linkDetail);
        return;
    }
    side->transmitNow(datagram.bytes, Connection::Origin(datagram.tag & OriginBits),
                      joined(linkDetail, datagram.tag & RelayedTag ? side->relayedDetail() : QString()));
}

} // namespace SockPlay
