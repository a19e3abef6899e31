#include "udpendpoint.h"

#include "eventlog.h"

#include <QHostInfo>
#include <QNetworkDatagram>
#include <QUdpSocket>

namespace SockPlay {

namespace {
// Datagrams handled per readyRead before yielding to the event loop, so a
// flood of datagrams cannot starve the rest of the application.
constexpr int MaxDatagramsPerWakeUp = 256;
// Senders remembered as connections; the oldest is forgotten past this.
constexpr int MaxPeersRemembered = 4096;
} // namespace

UdpEndpoint::UdpEndpoint(EventLog *log, QObject *parent)
    : UdpEndpoint(QStringLiteral("udp"), log, parent)
{
}

UdpEndpoint::UdpEndpoint(const QString &name, EventLog *log, QObject *parent)
    : Endpoint(name, log, parent)
{
}

UdpEndpoint::~UdpEndpoint()
{
    if (m_socket)
        m_socket->disconnect(this);
}

Result UdpEndpoint::start(const EndpointConfig &config)
{
    if (m_socket)
        stop();
    clearError();
    resetCounters();
    setConfig(config);
    m_idByPeer.clear();
    m_peers.clear();
    m_order.clear();
    m_lastSenderId = 0;

    const QHostAddress address = parseBindAddress(config.host);
    if (address.isNull()) {
        return refuse(QStringLiteral("“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::")
                        .arg(config.host));
    }
    m_socket = new QUdpSocket(this);
    logEvent(EventKind::Created, 0, {}, {}, 0, QStringLiteral("UDP socket"));
    // DontShareAddress: a second socket on the same port must fail, not silently share it.
    if (!m_socket->bind(address, config.port, QAbstractSocket::DontShareAddress)) {
        const QString message = describeSocketError(m_socket->errorString(), m_socket->error(), config.port);
        delete m_socket;
        m_socket = nullptr;
        return refuse(QStringLiteral("cannot bind %1: %2").arg(formatAddress(address, config.port), message));
    }
    connect(m_socket, &QUdpSocket::readyRead, this, &UdpEndpoint::onReadyRead);
    connect(m_socket, &QUdpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        reportError(describeSocketError(m_socket->errorString(), error, 0));
    });
    logEvent(EventKind::Bound, 0, {}, {}, 0,
             QStringLiteral("receiving datagrams from anyone%1")
                 .arg(config.port == 0 ? QStringLiteral("; port 0 asked: the system chose %1").arg(m_socket->localPort())
                                       : QString()));
    setState(EndpointState::Active);
    return Result::success();
}

void UdpEndpoint::stop()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->close();
    logEvent(EventKind::Closed, 0, {}, {}, 0,
             QStringLiteral("socket closed; %1 bytes in, %2 out").arg(bytesIn()).arg(bytesOut()));
    m_socket->deleteLater();
    m_socket = nullptr;
    setState(EndpointState::Idle);
}

int UdpEndpoint::peerId(const QString &key, const QHostAddress &address, quint16 port, bool *created)
{
    *created = false;
    if (const auto it = m_idByPeer.constFind(key); it != m_idByPeer.constEnd())
        return *it;
    if (m_order.size() >= MaxPeersRemembered) {
        const int oldest = m_order.takeFirst();
        m_idByPeer.remove(m_peers.value(oldest).peerText());
        m_peers.remove(oldest);
        emit connectionClosed(oldest);
    }
    ConnectionInfo info;
    info.id = nextConnectionId();
    info.peerAddress = address;
    info.peerPort = port;
    info.localAddress = m_socket->localAddress();
    info.localPort = m_socket->localPort();
    info.connectedSince = QDateTime::currentDateTime();
    m_idByPeer.insert(key, info.id);
    m_peers.insert(info.id, info);
    m_order.append(info.id);
    *created = true;
    return info.id;
}

void UdpEndpoint::onReadyRead()
{
    for (int n = 0; m_socket && m_socket->hasPendingDatagrams(); ++n) {
        if (n == MaxDatagramsPerWakeUp) {
            QMetaObject::invokeMethod(this, &UdpEndpoint::onReadyRead, Qt::QueuedConnection);
            return;
        }
        const QNetworkDatagram datagram = m_socket->receiveDatagram();
        if (!datagram.isValid())
            break;
        const QHostAddress sender = datagram.senderAddress();
        const quint16 senderPort = quint16(datagram.senderPort());
        const QString peer = formatAddress(sender, senderPort); // the key and the log's text
        bool created = false;
        const int id = peerId(peer, sender, senderPort, &created);
        ConnectionInfo &info = m_peers[id];
        const QByteArray bytes = datagram.data();
        info.bytesIn += bytes.size();
        ++info.messagesIn;
        countIn(bytes.size());
        m_lastSenderId = id;
        logEvent(EventKind::DatagramReceived, id, peer, bytes, bytes.size(),
                 created ? QStringLiteral("first datagram from this sender") : QString());
        if (created)
            emit connectionOpened(id);
        if (config().echo)
            sendToAddress(info.peerAddress, info.peerPort, bytes);
        emit dataReceived(id, bytes);
    }
}

Result UdpEndpoint::sendToAddress(const QHostAddress &address, quint16 port, const QByteArray &bytes)
{
    if (!m_socket)
        return refuse(QStringLiteral("the UDP socket is not open"));
    const QString peer = formatAddress(address, port);
    const qint64 written = m_socket->writeDatagram(bytes, address, port);
    bool created = false;
    const int id = peerId(peer, address, port, &created);
    if (created)
        emit connectionOpened(id);
    if (written < 0) {
        const QString message = QStringLiteral("cannot send to %1: %2")
                                    .arg(peer, describeSocketError(m_socket->errorString(), m_socket->error(), port));
        return refuse(message, id, peer);
    }
    ConnectionInfo &info = m_peers[id];
    info.bytesOut += written;
    ++info.messagesOut;
    countOut(written);
    logEvent(EventKind::DatagramSent, id, peer, bytes);
    return Result::success();
}

Result UdpEndpoint::sendTo(const QString &host, quint16 port, const QByteArray &bytes)
{
    if (!m_socket)
        return refuse(QStringLiteral("the UDP socket is not open"));
    if (port == 0)
        return refuse(QStringLiteral("port 0 cannot be sent to — use the receiver's port (1–65535)"));
    QString name = host.trimmed();
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    if (name.isEmpty())
        return refuse(QStringLiteral("no host given — type a name or an address such as 127.0.0.1"));
    const QHostAddress address(name);
    if (!address.isNull())
        return sendToAddress(address, port, bytes);

    // A name: resolve without blocking, then send to its first address.
    logEvent(EventKind::LookingUp, 0, name + u':' + QString::number(port), {}, 0,
             QStringLiteral("resolving %1").arg(name));
    QHostInfo::lookupHost(name, this, [this, name, port, bytes](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            reportError(QStringLiteral("cannot send to %1: %2")
                            .arg(name, describeSocketError(info.errorString(), QAbstractSocket::HostNotFoundError, port)));
            return;
        }
        sendToAddress(info.addresses().constFirst(), port, bytes);
    });
    return Result::success();
}

Result UdpEndpoint::send(int connectionId, const QByteArray &bytes)
{
    if (!m_socket)
        return refuse(QStringLiteral("the UDP socket is not open"));
    if (connectionId == AllConnections) {
        if (m_order.isEmpty())
            return refuse(QStringLiteral("no peer yet — nobody has sent a datagram here"));
        const QList<int> ids = m_order;
        Result result;
        for (int id : ids) {
            const ConnectionInfo info = m_peers.value(id);
            if (const Result r = sendToAddress(info.peerAddress, info.peerPort, bytes); !r)
                result = r;
        }
        return result;
    }
    const auto it = m_peers.constFind(connectionId);
    if (it == m_peers.constEnd())
        return refuse(QStringLiteral("peer #%1 is not known").arg(connectionId));
    return sendToAddress(it->peerAddress, it->peerPort, bytes);
}

Result UdpEndpoint::replyToLast(const QByteArray &bytes)
{
    if (m_lastSenderId == 0 || !m_peers.contains(m_lastSenderId))
        return refuse(QStringLiteral("nobody has sent a datagram yet"));
    return send(m_lastSenderId, bytes);
}

Result UdpEndpoint::disconnectConnection(int connectionId)
{
    const auto it = m_peers.constFind(connectionId);
    if (it == m_peers.constEnd())
        return refuse(QStringLiteral("peer #%1 is not known").arg(connectionId));
    const QString peer = it->peerText();
    logEvent(EventKind::Info, connectionId, peer, {}, 0,
             QStringLiteral("forgot this peer (UDP has no connection to close)"));
    m_idByPeer.remove(peer);
    m_peers.remove(connectionId);
    m_order.removeOne(connectionId);
    if (m_lastSenderId == connectionId)
        m_lastSenderId = 0;
    emit connectionClosed(connectionId);
    return Result::success();
}

QHostAddress UdpEndpoint::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 UdpEndpoint::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

QList<ConnectionInfo> UdpEndpoint::connections() const
{
    QList<ConnectionInfo> list;
    list.reserve(m_order.size());
    for (int id : m_order)
        list.append(m_peers.value(id));
    return list;
}

} // namespace SockPlay
