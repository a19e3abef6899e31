#include "udpendpoint.h"
// The sending side of UdpEndpoint: to a host and port, to a peer, to the
// last sender, and the one write every datagram goes out through.

#include "eventlog.h"
#include "multicast.h"
#include "udppeer.h"

#include <QHostInfo>
#include <QUdpSocket>

#include <cerrno>

namespace SockPlay {

qint64 UdpEndpoint::writeDatagram(const QByteArray &bytes, const QHostAddress &address, quint16 port)
{
    if (!m_socket)
        return -1;
    m_writing = true;
    errno = 0;
    const qint64 written = m_socket->writeDatagram(bytes, address, port);
    m_writeErrno = written < 0 ? errno : 0; // Qt keeps only "Unable to send a datagram" of most
    m_writing = false;
    return written;
}

QString UdpEndpoint::writeErrorText(quint16 port) const
{
    if (!m_socket)
        return QStringLiteral("the UDP socket is closed");
#ifdef Q_OS_UNIX
    if (m_writeErrno == EACCES) {
        return Multicast::systemReason(EACCES)
            + QStringLiteral(": a broadcast address needs broadcast allowed (SO_BROADCAST; --broadcast)");
    }
    if (m_writeErrno != 0 && m_socket->error() == QAbstractSocket::NetworkError)
        return describeSocketError(Multicast::systemReason(m_writeErrno), m_socket->error(), port);
#endif
    return describeSocketError(m_socket->errorString(), m_socket->error(), port);
}

Result UdpEndpoint::sendToAddress(const QHostAddress &address, quint16 port, const QByteArray &bytes)
{
    if (!m_socket)
        return refuse(tr("the UDP socket is not open"));
    if (UdpPeer *peer = peerFor(address, port))
        return peer->send(bytes);
    // Through the link, the receiver is a peer at once: the link decides
    // whether, and when, a datagram reaches the kernel.
    if (m_simLink.onSend)
        return addPeer(address, port)->send(bytes);
    // A new receiver becomes a peer only once a datagram reached the kernel.
    if (writeDatagram(bytes, address, port) < 0) {
        const EventSourcePtr target = makeEventSource(id(), 0, name(), localAddress(), localPort(), address, port);
        return refuse(tr("cannot send to %1: %2").arg(target->peerText, writeErrorText(port)), target);
    }
    addPeer(address, port)->sentByEndpoint(bytes);
    return Result::success();
}

Result UdpEndpoint::sendTo(const QString &host, quint16 port, const QByteArray &bytes)
{
    if (!m_socket)
        return refuse(tr("the UDP socket is not open"));
    if (port == 0)
        return refuse(tr("port 0 cannot be sent to — use the receiver's port (1–65535)"));
    const QString name = unbracketHost(host);
    if (name.isEmpty())
        return refuse(tr("no host given — type a name or an address such as 127.0.0.1"));
    const QHostAddress address(name);
    if (!address.isNull())
        return sendToAddress(address, port, bytes);

    // A name: resolve without blocking, then send to its first address.
    const EventSourcePtr target = makeEventSource(id(), 0, this->name(), localAddress(), localPort(), {}, 0,
                                                  hostPortText(name, port));
    logEvent(EventKind::LookingUp, target, QStringLiteral("resolving %1").arg(name));
    QHostInfo::lookupHost(name, this, [this, name, port, bytes, target](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            reportError(QStringLiteral("cannot send to %1: %2")
                            .arg(name, describeSocketError(info.errorString(), QAbstractSocket::HostNotFoundError, port)),
                        target);
            return;
        }
        sendToAddress(info.addresses().constFirst(), port, bytes);
    });
    return Result::success();
}

Result UdpEndpoint::send(int connectionId, const QByteArray &bytes)
{
    if (!m_socket)
        return refuse(tr("the UDP socket is not open"));
    if (connectionId == AllConnections && config().role == Role::Client)
        return sendTo(config().host, config().port, bytes);
    return Endpoint::send(connectionId, bytes);
}

Result UdpEndpoint::replyToLast(const QByteArray &bytes)
{
    if (m_lastSenderId == 0 || !connection(m_lastSenderId))
        return refuse(tr("nobody has sent a datagram yet"));
    return send(m_lastSenderId, bytes);
}

} // namespace SockPlay
