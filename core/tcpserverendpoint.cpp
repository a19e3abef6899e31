#include "tcpserverendpoint.h"

#include "eventlog.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace SockPlay {

namespace {
// Bytes a socket may buffer from the kernel before we read them. Bounded, so
// a peer flooding us (or an echo whose peer does not drain) cannot grow memory:
// once full, Qt stops reading and TCP's own flow control slows the peer down.
constexpr qint64 ReadBufferBytes = 256 * 1024;
} // namespace

TcpServerEndpoint::TcpServerEndpoint(EventLog *log, QObject *parent)
    : TcpServerEndpoint(QStringLiteral("server"), log, parent)
{
}

TcpServerEndpoint::TcpServerEndpoint(const QString &name, EventLog *log, QObject *parent)
    : Endpoint(name, log, parent)
{
}

TcpServerEndpoint::~TcpServerEndpoint()
{
    // Closing sockets during destruction must not call back into a half-destroyed object.
    for (Peer &peer : m_peers)
        peer.socket->disconnect(this);
}

Result TcpServerEndpoint::start(const EndpointConfig &config)
{
    if (state() != EndpointState::Idle)
        stop();
    clearError();
    resetCounters();
    setConfig(config);

    const QHostAddress address = parseBindAddress(config.host);
    if (address.isNull()) {
        const QString message = QStringLiteral("“%1” is not an address to listen on — use 127.0.0.1, ::1, 0.0.0.0 or ::")
                                    .arg(config.host);
        return refuse(message);
    }

    m_server = new QTcpServer(this);
    m_server->setListenBacklogSize(config.listenBacklog);
    m_server->setMaxPendingConnections(config.listenBacklog);
    logEvent(EventKind::Created, 0, {}, {}, 0, QStringLiteral("TCP server socket"));
    if (!m_server->listen(address, config.port)) {
        const QString message = describeSocketError(m_server->errorString(), m_server->serverError(), config.port);
        delete m_server;
        m_server = nullptr;
        return refuse(QStringLiteral("cannot listen on %1: %2").arg(formatAddress(address, config.port), message));
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &TcpServerEndpoint::onNewConnection);
    logEvent(EventKind::Bound, 0, {}, {}, 0,
             config.port == 0 ? QStringLiteral("port 0 asked: the system chose %1").arg(m_server->serverPort())
                              : QString());
    logEvent(EventKind::Listening, 0, {}, {}, 0,
             QStringLiteral("backlog %1, up to %2 clients%3")
                 .arg(config.listenBacklog)
                 .arg(config.maxConnections)
                 .arg(config.echo ? QStringLiteral(", echo on") : QString()));
    setState(EndpointState::Active);
    return Result::success();
}

void TcpServerEndpoint::stop()
{
    if (!m_server)
        return;
    const QList<int> ids = m_order;
    for (int id : ids)
        disconnectConnection(id);
    m_server->close();
    m_server->deleteLater();
    m_server = nullptr;
    logEvent(EventKind::Stopped, 0, {}, {}, 0, QStringLiteral("no longer listening"));
    setState(EndpointState::Idle);
}

void TcpServerEndpoint::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        const QString peerText = formatAddress(socket->peerAddress(), socket->peerPort());
        if (m_peers.size() >= config().maxConnections) {
            logEvent(EventKind::Info, 0, peerText, {}, 0,
                     QStringLiteral("turned away: the limit of %1 clients is reached").arg(config().maxConnections));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        const int id = nextConnectionId();
        socket->setParent(this);
        socket->setReadBufferSize(ReadBufferBytes);

        Peer peer;
        peer.socket = socket;
        peer.peerText = peerText;
        peer.info.id = id;
        peer.info.peerAddress = socket->peerAddress();
        peer.info.peerPort = socket->peerPort();
        peer.info.localAddress = socket->localAddress();
        peer.info.localPort = socket->localPort();
        peer.info.connectedSince = QDateTime::currentDateTime();
        m_peers.insert(id, peer);
        m_order.append(id);

        connect(socket, &QTcpSocket::readyRead, this, [this, id] { readFrom(id); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, id](qint64 bytes) {
            // Backpressure: resume reading once the echo's outgoing queue drained.
            const auto it = m_peers.constFind(id);
            if (it != m_peers.constEnd() && it->socket->bytesAvailable() > 0
                && it->socket->bytesToWrite() < config().maxPendingWriteBytes)
                readFrom(id);
            emit bytesWritten(id, bytes);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { onDisconnected(id); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, id] { onSocketError(id); });

        logEvent(EventKind::Accepted, id, peerText, {}, 0,
                 QStringLiteral("connection #%1, %2 connected").arg(id).arg(m_peers.size()));
        emit connectionOpened(id);
        // Data may have arrived with the handshake already.
        if (socket->bytesAvailable() > 0)
            readFrom(id);
    }
}

void TcpServerEndpoint::readFrom(int connectionId)
{
    auto it = m_peers.find(connectionId);
    if (it == m_peers.end())
        return;
    QTcpSocket *socket = it->socket;
    const bool echo = config().echo;
    if (echo && socket->bytesToWrite() >= config().maxPendingWriteBytes)
        return; // resumed from bytesWritten
    const QByteArray bytes = socket->readAll();
    if (bytes.isEmpty())
        return;
    it->info.bytesIn += bytes.size();
    ++it->info.messagesIn;
    countIn(bytes.size());
    logEvent(EventKind::Received, connectionId, it->peerText, bytes);
    if (echo)
        writeTo(*it, bytes);
    emit dataReceived(connectionId, bytes);
}

void TcpServerEndpoint::writeTo(Peer &peer, const QByteArray &bytes)
{
    const qint64 written = peer.socket->write(bytes);
    // Hand the bytes to the kernel now: if the peer half-closes right after
    // sending (nc -N, socat), Qt drops the socket on end-of-stream and, with
    // it, whatever still waited in its write buffer — an echo would be lost.
    peer.socket->flush();
    if (written < 0) {
        reportError(QStringLiteral("cannot send: %1").arg(peer.socket->errorString()), peer.info.id, peer.peerText);
        return;
    }
    peer.info.bytesOut += written;
    ++peer.info.messagesOut;
    countOut(written);
    logEvent(EventKind::Sent, peer.info.id, peer.peerText, bytes);
}

Result TcpServerEndpoint::send(int connectionId, const QByteArray &bytes)
{
    if (!m_server)
        return refuse(QStringLiteral("the server is not started"));
    if (connectionId == AllConnections) {
        if (m_order.isEmpty())
            return refuse(QStringLiteral("no client is connected"));
        for (int id : std::as_const(m_order))
            writeTo(m_peers[id], bytes);
        return Result::success();
    }
    auto it = m_peers.find(connectionId);
    if (it == m_peers.end())
        return refuse(QStringLiteral("connection #%1 is not open").arg(connectionId));
    writeTo(*it, bytes);
    return Result::success();
}

Result TcpServerEndpoint::disconnectConnection(int connectionId)
{
    auto it = m_peers.find(connectionId);
    if (it == m_peers.end())
        return refuse(QStringLiteral("connection #%1 is not open").arg(connectionId));
    it->closingByUs = true;
    // disconnectFromHost() sends what is still queued, then FIN; the
    // disconnected signal (perhaps right away) removes the peer.
    it->socket->disconnectFromHost();
    return Result::success();
}

void TcpServerEndpoint::onSocketError(int connectionId)
{
    auto it = m_peers.find(connectionId);
    if (it == m_peers.end())
        return;
    const QAbstractSocket::SocketError error = it->socket->error();
    // The peer closing is a lifecycle step, reported by onDisconnected.
    if (error == QAbstractSocket::RemoteHostClosedError)
        return;
    reportError(describeSocketError(it->socket->errorString(), error, 0), connectionId, it->peerText);
}

void TcpServerEndpoint::onDisconnected(int connectionId)
{
    auto it = m_peers.find(connectionId);
    if (it == m_peers.end())
        return;
    Peer peer = *it;
    // Whatever arrived just before the FIN is still ours to log.
    if (peer.socket->bytesAvailable() > 0) {
        readFrom(connectionId);
        peer = m_peers.value(connectionId);
    }
    m_peers.remove(connectionId);
    m_order.removeOne(connectionId);
    const QString totals = QStringLiteral("%1 bytes in, %2 out").arg(peer.info.bytesIn).arg(peer.info.bytesOut);
    logEvent(peer.closingByUs ? EventKind::Closed : EventKind::PeerClosed, connectionId, peer.peerText, {}, 0,
             peer.closingByUs ? QStringLiteral("closed by us; %1").arg(totals)
                              : QStringLiteral("the client closed the connection; %1").arg(totals));
    peer.socket->disconnect(this);
    peer.socket->deleteLater();
    emit connectionClosed(connectionId);
}

QHostAddress TcpServerEndpoint::localAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 TcpServerEndpoint::localPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

qint64 TcpServerEndpoint::pendingWriteBytes() const
{
    qint64 pending = 0;
    for (const Peer &peer : m_peers)
        pending += peer.socket->bytesToWrite();
    return pending;
}

QList<ConnectionInfo> TcpServerEndpoint::connections() const
{
    QList<ConnectionInfo> list;
    list.reserve(m_order.size());
    for (int id : m_order)
        list.append(m_peers.value(id).info);
    return list;
}

} // namespace SockPlay
