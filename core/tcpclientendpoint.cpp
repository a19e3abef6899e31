#include "tcpclientendpoint.h"

#include "eventlog.h"

#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#endif

namespace SockPlay {

namespace {
constexpr qint64 ReadBufferBytes = 256 * 1024; // see tcpserverendpoint.cpp
} // namespace

TcpClientEndpoint::TcpClientEndpoint(EventLog *log, QObject *parent)
    : TcpClientEndpoint(QStringLiteral("client"), log, parent)
{
}

TcpClientEndpoint::TcpClientEndpoint(const QString &name, EventLog *log, QObject *parent)
    : Endpoint(name, log, parent)
{
}

TcpClientEndpoint::~TcpClientEndpoint()
{
    if (m_socket)
        m_socket->disconnect(this);
}

Result TcpClientEndpoint::start(const EndpointConfig &config)
{
    if (m_socket)
        stop();
    clearError();
    resetCounters();
    setConfig(config);

    QString host = config.host.trimmed();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty()) {
        return refuse(QStringLiteral("no host given — type a name or an address such as 127.0.0.1"));
    }
    if (config.port == 0) {
        return refuse(QStringLiteral("port 0 cannot be connected to — use the server's port (1–65535)"));
    }

    m_socket = new QTcpSocket(this);
    m_socket->setReadBufferSize(ReadBufferBytes);
    m_closingByUs = false;
    m_peerClosedLogged = false;
    m_info = ConnectionInfo{};
    m_info.id = nextConnectionId();
    m_peerText = (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(config.port);

    connect(m_socket, &QTcpSocket::stateChanged, this,
            [this](QAbstractSocket::SocketState s) { onStateChanged(int(s)); });
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpClientEndpoint::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 bytes) { emit bytesWritten(m_info.id, bytes); });
    connect(m_socket, &QTcpSocket::disconnected, this, &TcpClientEndpoint::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError e) { onError(int(e)); });

    logEvent(EventKind::Created, m_info.id, m_peerText, {}, 0, QStringLiteral("TCP client socket"));
    m_socket->connectToHost(host, config.port);
    return Result::success();
}

void TcpClientEndpoint::onStateChanged(int socketState)
{
    switch (QAbstractSocket::SocketState(socketState)) {
    case QAbstractSocket::HostLookupState:
        // Qt passes through this state for address literals too; only a name is looked up.
        if (!QHostAddress(m_socket->peerName()).isNull())
            break;
        setState(EndpointState::LookingUp);
        logEvent(EventKind::LookingUp, m_info.id, m_peerText, {}, 0,
                 QStringLiteral("resolving %1").arg(config().host));
        break;
    case QAbstractSocket::ConnectingState: {
        setState(EndpointState::Connecting);
        // After the lookup the peer is a concrete address (Qt tries each in turn).
        if (!m_socket->peerAddress().isNull())
            m_peerText = formatAddress(m_socket->peerAddress(), config().port);
        logEvent(EventKind::Connecting, m_info.id, m_peerText, {}, 0, QStringLiteral("SYN sent, waiting for the handshake"));
        break;
    }
    case QAbstractSocket::ConnectedState:
        m_info.peerAddress = m_socket->peerAddress();
        m_info.peerPort = m_socket->peerPort();
        m_info.localAddress = m_socket->localAddress();
        m_info.localPort = m_socket->localPort();
        m_info.connectedSince = QDateTime::currentDateTime();
        m_peerText = m_info.peerText();
        setState(EndpointState::Active);
        logEvent(EventKind::Connected, m_info.id, m_peerText, {}, 0,
                 QStringLiteral("from %1").arg(formatAddress(m_info.localAddress, m_info.localPort)));
        emit connectionOpened(m_info.id);
        break;
    case QAbstractSocket::ClosingState:
        setState(EndpointState::Closing);
        break;
    case QAbstractSocket::UnconnectedState:
        // A connect that failed never emits disconnected(); tidy up, but only
        // after errorOccurred, which Qt emits after this signal when every
        // address was refused (and before it when the lookup failed).
        if (m_info.connectedSince.isNull()) {
            QMetaObject::invokeMethod(this, [this, socket = m_socket] {
                if (m_socket == socket)
                    discardSocket();
            }, Qt::QueuedConnection);
        }
        break;
    case QAbstractSocket::BoundState:
    case QAbstractSocket::ListeningState:
        break;
    }
}

void TcpClientEndpoint::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    m_info.bytesIn += bytes.size();
    ++m_info.messagesIn;
    countIn(bytes.size());
    logEvent(EventKind::Received, m_info.id, m_peerText, bytes);
    emit dataReceived(m_info.id, bytes);
}

Result TcpClientEndpoint::send(int /*connectionId*/, const QByteArray &bytes)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return refuse(QStringLiteral("not connected — connect to a server first"));
    const qint64 written = m_socket->write(bytes);
    if (written < 0) {
        return refuse(QStringLiteral("cannot send: %1").arg(m_socket->errorString()), m_info.id, m_peerText);
    }
    m_info.bytesOut += written;
    ++m_info.messagesOut;
    countOut(written);
    logEvent(EventKind::Sent, m_info.id, m_peerText, bytes);
    return Result::success();
}

Result TcpClientEndpoint::shutdownWrite()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return Result::failure(QStringLiteral("not connected")); // nothing left to half-close
#ifdef Q_OS_UNIX
    // Qt has no half-close; queued bytes go out first, then FIN via shutdown(2).
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0 && ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR) == 0) {
        logEvent(EventKind::Info, m_info.id, m_peerText, {}, 0,
                 QStringLiteral("done sending (FIN sent); still receiving"));
        return Result::success();
    }
    if (m_socket->bytesToWrite() > 0) {
        // Try again after the next write; that call re-arms itself if bytes remain.
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { shutdownWrite(); }, Qt::SingleShotConnection);
        return Result::success();
    }
    return refuse(QStringLiteral("cannot half-close: %1").arg(QString::fromLocal8Bit(strerror(errno))));
#else
    return refuse(QStringLiteral("half-close is not supported on this platform"));
#endif
}

Result TcpClientEndpoint::disconnectConnection(int /*connectionId*/)
{
    stop();
    return Result::success();
}

void TcpClientEndpoint::stop()
{
    if (!m_socket)
        return;
    m_closingByUs = true;
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        // Queued bytes go out first; onDisconnected (now or later) logs and cleans up.
        m_socket->disconnectFromHost();
        return;
    }
    // Looking up or connecting: give up.
    m_socket->disconnect(this);
    m_socket->abort();
    logEvent(EventKind::Closed, m_info.id, m_peerText, {}, 0, QStringLiteral("gave up before connecting"));
    discardSocket();
}

void TcpClientEndpoint::onDisconnected()
{
    if (!m_socket)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    discardSocket();
    const QString totals = QStringLiteral("%1 bytes in, %2 out").arg(m_info.bytesIn).arg(m_info.bytesOut);
    if (m_closingByUs)
        logEvent(EventKind::Closed, m_info.id, m_peerText, {}, 0, QStringLiteral("closed by us; %1").arg(totals));
    else
        logEvent(EventKind::PeerClosed, m_info.id, m_peerText, {}, 0,
                 QStringLiteral("the server closed the connection; %1").arg(totals));
    emit connectionClosed(m_info.id);
}

void TcpClientEndpoint::onError(int socketError)
{
    if (!m_socket)
        return;
    const auto error = QAbstractSocket::SocketError(socketError);
    // The peer closing is a lifecycle step, logged by onDisconnected.
    if (error == QAbstractSocket::RemoteHostClosedError)
        return;
    const QString message = describeSocketError(m_socket->errorString(), error, config().port);
    const bool connected = m_socket->state() == QAbstractSocket::ConnectedState;
    reportError(message, m_info.id, m_peerText);
    // A failure before the connection existed leaves nothing to disconnect.
    if (!connected && m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
        discardSocket();
}

void TcpClientEndpoint::discardSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->deleteLater();
    setState(EndpointState::Idle);
}

QHostAddress TcpClientEndpoint::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 TcpClientEndpoint::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

qint64 TcpClientEndpoint::pendingWriteBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

QList<ConnectionInfo> TcpClientEndpoint::connections() const
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        return {m_info};
    return {};
}

} // namespace SockPlay
