#include "endpointcapabilities.h"

#include "udpendpoint.h"

namespace SockPlay {

EndpointCapabilities endpointCapabilities(Transport transport, Role role, bool udpRelay)
{
    EndpointCapabilities capabilities;
    if (udpRelay) {
        // Datagrams both ways; its clients are peers seen, as a UDP socket's are.
        capabilities.datagram = true;
        capabilities.listens = true;
        return capabilities;
    }
    // DTLS: datagrams, but each client's association opens (handshake) and closes (close_notify).
    capabilities.hasConnections =
        isStreamTransport(transport) || transport == Transport::WebSocket || transport == Transport::Dtls;
    // Only TCP says "done sending" and keeps receiving. TLS: QSslSocket cannot
    // send close_notify and keep receiving, it closes both ways. A relay: a FIN
    // from either side closes both (Qt reads an end of stream as the end).
    capabilities.canHalfClose = transport == Transport::Tcp;
    capabilities.datagram = transport == Transport::Udp || transport == Transport::Dtls;
    // A serial endpoint only ever opens its device (a client of it).
    capabilities.hasTarget = role == Role::Client || transport == Transport::Serial;
    capabilities.listens = role == Role::Server && transport != Transport::Serial;
    capabilities.peersRemembered = transport == Transport::Udp ? UdpEndpoint::MaxPeersRemembered : 0;
    capabilities.wholeMessages = transport == Transport::WebSocket;
    capabilities.multicast = transport == Transport::Udp;
    return capabilities;
}

} // namespace SockPlay
