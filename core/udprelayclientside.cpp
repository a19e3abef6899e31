#include "udprelayclientside.h"

#include "udprelayendpoint.h"

namespace SockPlay {

UdpRelayClientSide::UdpRelayClientSide(UdpRelayEndpoint *relay, int id, const QHostAddress &address, quint16 port)
    : Connection(relay, id, true)
    , m_relay(relay)
{
    setAddresses(relay->localAddress(), relay->localPort(), address, port);
    setState(State::Open);
}

qint64 UdpRelayClientSide::transmit(const QByteArray &bytes)
{
    return m_relay->writeToClient(bytes, info().peerAddress, info().peerPort);
}

QString UdpRelayClientSide::transmitErrorString() const
{
    return m_relay->writeErrorText();
}

Result UdpRelayClientSide::close()
{
    finish(EventKind::Closed,
           QStringLiteral("association ended (UDP: the client is told nothing); %1").arg(totalsText()));
    return Result::success();
}

void UdpRelayClientSide::closeNow()
{
    close();
}

} // namespace SockPlay
