#include "udppeer.h"

#include "udpendpoint.h"

#include <QUdpSocket>

namespace SockPlay {

UdpPeer::UdpPeer(UdpEndpoint *endpoint, int id, const QHostAddress &address, quint16 port)
    : Connection(endpoint, id, true)
    , m_udp(endpoint)
{
    setAddresses(endpoint->localAddress(), endpoint->localPort(), address, port);
    setState(State::Open);
}

bool UdpPeer::divert(const QByteArray &bytes, Origin origin, const QString &detail)
{
    Q_UNUSED(detail) // a UDP socket's sends carry none of their own
    return m_udp->linkSend(this, bytes, origin);
}

void UdpPeer::transmitNow(const QByteArray &datagram, Origin origin, const QString &detail)
{
    if (transmit(datagram) < 0) {
        reportError(QStringLiteral("cannot send to %1: %2").arg(source()->peerText, transmitErrorString()));
        return;
    }
    accountSent(datagram, origin, detail);
}

qint64 UdpPeer::transmit(const QByteArray &bytes)
{
    return m_udp->writeDatagram(bytes, address(), port());
}

QString UdpPeer::transmitErrorString() const
{
    return m_udp->writeErrorText(port());
}

Result UdpPeer::close()
{
    finish(EventKind::Note, QStringLiteral("forgot this peer (UDP has no connection to close)"));
    return Result::success();
}

void UdpPeer::closeNow()
{
    finishQuietly(); // the socket's own Closed event says it all
}

} // namespace SockPlay
