#pragma once

#include "connection.h"

namespace SockPlay {

class UdpRelayEndpoint;

/// A client of a UDP relay: a "connection" in the pipeline's sense only (a
/// peer of the relay's listening socket, as UdpPeer is of a UDP socket).
/// Open from its first datagram until its association ends; what the relay
/// sends it goes out through the listening socket.
class UdpRelayClientSide final : public Connection
{
    Q_OBJECT
public:
    UdpRelayClientSide(UdpRelayEndpoint *relay, int id, const QHostAddress &address, quint16 port);

    /// A datagram from this client, through the pipeline.
    void receive(const QByteArray &datagram) { deliver(datagram); }

    /// Ends the association on this side (UDP sends the client nothing).
    Result close() override;
    void closeNow() override;

protected:
    qint64 transmit(const QByteArray &bytes) override;
    QString transmitErrorString() const override;

private:
    UdpRelayEndpoint *const m_relay;
};

} // namespace SockPlay
