#include "tcpconnection.h"

#include "endpoint.h"
#include "epolleventdispatcher.h"
#include "eventlog.h"
#include "tlscontext.h"
#include "tlshandshake.h"

#include <QSslSocket>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#endif

namespace SockPlay {

TcpConnection::TcpConnection(Endpoint *endpoint, int id, QTcpSocket *socket, std::shared_ptr<const TlsContext> tls)
    : Connection(endpoint, id, false)
    , m_socket(socket)
    , m_peerName(QStringLiteral("client"))
    , m_tls(std::move(tls))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(ReadBufferBytes);
    applyNoDelay();
    setAddresses(socket->localAddress(), socket->localPort(), socket->peerAddress(), socket->peerPort());
    watchSocket();
    // TLS: open once encrypted (startServerEncryption()).
    if (m_tls)
        watchTls();
    else
        setState(State::Open);
}

TcpConnection::TcpConnection(Endpoint *endpoint, int id, std::shared_ptr<const TlsContext> tls)
    : Connection(endpoint, id, false)
    , m_socket(tls ? new QSslSocket(this) : new QTcpSocket(this))
    , m_peerName(QStringLiteral("server"))
    , m_tls(std::move(tls))
{
    m_socket->setReadBufferSize(ReadBufferBytes);
    watchSocket();
    if (m_tls)
        watchTls();
}

TcpConnection::~TcpConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void TcpConnection::watchSocket()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpConnection::readFromSocket);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 bytes) {
        wrote(bytes);
        // Backpressure: reading resumes once the automatic writers' queue drained.
        if (m_readingPaused && !isBackpressured())
            readFromSocket();
    });
    connect(m_socket, &QTcpSocket::stateChanged, this,
            [this](QAbstractSocket::SocketState state) { onSocketState(int(state)); });
    connect(m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) { onError(int(error)); });
}

void TcpConnection::connectTo(const QString &host, quint16 port)
{
    m_host = unbracketHost(host);
    m_port = port;
    // Until the name is looked up and the handshake done, the peer is what the user typed.
    setSource(makeEventSource(endpoint()->id(), id(), endpoint()->name(), {}, 0, {}, 0,
                              hostPortText(m_host, port)));
    setState(State::Connecting);
    // socket() needs the address family the lookup finds: for a name, Qt
    // looks it up first and makes the socket after (logged on ConnectingState).
    if (!QHostAddress(m_host).isNull())
        logEvent(EventKind::Created, socketText());
    m_socket->connectToHost(m_host, port);
}

void TcpConnection::onSocketState(int socketState)
{
    switch (QAbstractSocket::SocketState(socketState)) {
    case QAbstractSocket::HostLookupState:
        // Qt passes through this state for address literals too; only a name is looked up.
        if (!QHostAddress(m_host).isNull())
            break;
        setState(State::LookingUp);
        logEvent(EventKind::LookingUp, QStringLiteral("resolving %1").arg(m_host));
        break;
    case QAbstractSocket::ConnectingState:
        // The name is looked up: now there is an address family to make the socket for.
        if (state() == State::LookingUp)
            logEvent(EventKind::Created, socketText());
        setState(State::Connecting);
        // After the lookup the peer is a concrete address (Qt tries each in turn).
        if (!m_socket->peerAddress().isNull())
            setSource(makeEventSource(endpoint()->id(), id(), endpoint()->name(), {}, 0, m_socket->peerAddress(), m_port));
        logEvent(EventKind::Connecting, QStringLiteral("SYN sent, waiting for the handshake"));
        break;
    case QAbstractSocket::ConnectedState:
        // An accepted socket is open already. A QSslSocket knows its local
        // address only after this signal: TLS waits for connected() (watchTls()).
        if (state() == State::Open || m_tls)
            break;
        onTcpConnected();
        break;
    case QAbstractSocket::ClosingState:
        if (state() == State::Open)
            setState(State::Closing);
        break;
    case QAbstractSocket::UnconnectedState:
        // TLS: the handshake failed or the peer left; TlsHandshake ends the connection.
        if (isHandshaking())
            break;
        // A connect that failed never emits disconnected(); the error (which
        // Qt emits after this when every address was refused, before it when
        // the lookup failed) is logged first, then the connection is over.
        if (state() == State::LookingUp || state() == State::Connecting)
            QTimer::singleShot(0, this, [this] { finishQuietly(); });
        // Qt emits disconnected() right after this, for a socket that was
        // connected: handled here, one signal connection fewer per client.
        else if (state() == State::Open || state() == State::Closing)
            onDisconnected();
        break;
    case QAbstractSocket::BoundState:
    case QAbstractSocket::ListeningState:
        break;
    }
}

void TcpConnection::onTcpConnected()
{
    // Before any byte goes out (Qt keeps no option for a socket it has not made yet).
    applyNoDelay();
    setAddresses(m_socket->localAddress(), m_socket->localPort(), m_socket->peerAddress(), m_socket->peerPort());
    logEvent(EventKind::Connected, QStringLiteral("from %1").arg(source()->localText));
    if (m_tls)
        startClientEncryption(); // open once encrypted
    else
        setState(State::Open);
}

void TcpConnection::readFromSocket()
{
    while (m_socket && m_socket->bytesAvailable() > 0) {
        if (isBackpressured()) {
            m_readingPaused = true; // resumed from bytesWritten
            return;
        }
        m_readingPaused = false;
        // Qt reads whatever the kernel has into one fresh chunk of its read
        // buffer; asking for exactly that much hands the chunk over without a
        // copy (QIODevice::read(qint64)), and the socket keeps no buffer
        // while it is idle. Otherwise read() copies, which is still correct.
        const qint64 available = std::min<qint64>(m_socket->bytesAvailable(), ReadBufferBytes);
        QByteArray chunk = m_socket->read(available);
        if (chunk.isEmpty())
            return;
        // The chunk may have room for 16 KiB around a 64-byte message; what
        // is kept or queued for writing must not carry that slack. Shrinking
        // is a realloc in place, not a copy.
        if (chunk.capacity() > 2 * chunk.size())
            chunk.squeeze();
        deliver(chunk);
    }
}

qint64 TcpConnection::transmit(const QByteArray &bytes)
{
    if (!m_socket)
        return -1;
#ifdef Q_OS_UNIX
    // Nothing queued: straight to the kernel, which usually takes it all.
    // Only what it does not take waits in Qt's write buffer (whose chunks,
    // once allocated, stay with the socket: 32 KiB for every client that
    // was ever sent a byte).
    // Not for TLS: its bytes must go through the encryption.
    if (!m_tls && m_socket->bytesToWrite() == 0 && m_socket->state() == QAbstractSocket::ConnectedState && !bytes.isEmpty()) {
        const ssize_t sent = ::send(int(m_socket->socketDescriptor()), bytes.constData(), size_t(bytes.size()),
                                    MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent == bytes.size()) {
            wrote(sent);
            return sent;
        }
        if (sent > 0) {
            wrote(sent);
            // The kernel is full: Qt writes the rest when it has room. (A
            // flush() here would only try again now, and meet a reset that
            // came meanwhile inside this send, before its Sent event.)
            m_socket->write(bytes.constData() + sent, bytes.size() - sent);
            return bytes.size();
        }
        // EAGAIN: Qt queues it and waits for the socket to be writable; an
        // error: Qt meets it again and reports it the usual way.
    }
#endif
    const qint64 written = m_socket->write(bytes);
    // Hand the bytes to the kernel now: if the peer half-closes right after
    // sending (nc -N, socat), Qt drops the socket on end-of-stream and, with
    // it, whatever still waited in its write buffer — a reply would be lost.
    m_socket->flush();
    return written;
}

QString TcpConnection::transmitErrorString() const
{
    return m_socket ? m_socket->errorString() : QStringLiteral("the connection is closed");
}

qint64 TcpConnection::pendingWriteBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void TcpConnection::resumeReading()
{
    if (m_readingPaused && !isBackpressured())
        readFromSocket();
}

void TcpConnection::applyNoDelay()
{
    if (endpoint()->config().noDelay)
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

Result TcpConnection::halfClose()
{
    if (!m_socket || state() != State::Open)
        return Result::failure(QStringLiteral("not connected")); // nothing left to half-close
    if (m_halfClosed)
        return Result::success();
    if (m_tls) {
        const QString message = QStringLiteral("TLS cannot half-close here: QSslSocket only closes both ways "
                                               "(close_notify, then FIN) — close the connection instead");
        reportError(message);
        return Result::failure(message);
    }
#ifdef Q_OS_UNIX
    // Qt has no half-close; queued bytes go out first, then FIN via shutdown(2).
    m_socket->flush();
    if (m_socket->bytesToWrite() > 0) {
        // Again after the next write; that call re-arms itself if bytes remain.
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { halfClose(); }, Qt::SingleShotConnection);
        return Result::success();
    }
    if (::shutdown(int(m_socket->socketDescriptor()), SHUT_WR) == 0) {
        m_halfClosed = true;
        logEvent(EventKind::HalfClosed, QStringLiteral("FIN sent; still receiving"));
        return Result::success();
    }
    const QString message = QStringLiteral("cannot half-close: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    reportError(message);
    return Result::failure(message);
#else
    const QString message = QStringLiteral("half-close is not supported on this platform");
    reportError(message);
    return Result::failure(message);
#endif
}

Result TcpConnection::close()
{
    if (!m_socket)
        return Result::success();
    switch (state()) {
    case State::LookingUp:
    case State::Connecting:
        giveUp(QStringLiteral("gave up before connecting"));
        break;
    case State::Open:
        m_closingByUs = true;
        // Queued bytes go out first; onDisconnected (when the state goes Unconnected) logs and finishes.
        m_socket->disconnectFromHost();
        break;
    case State::Closing:
        // Asked again while queued bytes wait: drop them.
        m_closingByUs = true;
        m_aborting = true;
        m_socket->abort(); // the state goes Unconnected: onDisconnected, now
        if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
        break;
    case State::Closed:
        break;
    }
    return Result::success();
}

void TcpConnection::giveUp(const QString &detail)
{
    if (m_handshake)
        m_handshake->abandon(); // TLS: no timeout for a handshake we gave up
    m_socket->disconnect(this);
    m_socket->abort();
    finish(EventKind::Closed, detail);
}

void TcpConnection::closeNow()
{
    if (!m_socket) {
        finishQuietly();
        return;
    }
    if (state() != State::Open && state() != State::Closing) {
        giveUp(QStringLiteral("gave up before connecting"));
        return;
    }
    // The socket flushes and closes on its own, owned by the endpoint until
    // it is done; for us the connection ends now.
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->setParent(endpoint());
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    finish(EventKind::Closed, QStringLiteral("closed by us (%1 stopped); %2").arg(endpoint()->name(), totalsText()));
}

void TcpConnection::onDisconnected()
{
    if (!m_socket)
        return;
    // Whatever arrived just before the FIN is still ours to log.
    if (!m_aborting && m_socket->bytesAvailable() > 0) {
        m_readingPaused = false;
        while (m_socket->bytesAvailable() > 0)
            deliver(m_socket->readAll());
    }
    QString detail;
    if (!m_closingByUs)
        detail = QStringLiteral("the %1 closed the connection; ").arg(m_peerName);
    else if (m_aborting)
        detail = QStringLiteral("closed by us, at once (queued bytes dropped); ");
    else
        detail = QStringLiteral("closed by us; ");
    if (!m_closingByUs && m_resetByPeer)
        reportError(QStringLiteral("connection reset by the peer (RST): it aborted the connection, and "
                                   "bytes it had not read are lost"));
    finish(m_closingByUs ? EventKind::Closed : EventKind::PeerClosed, detail + totalsText());
}

void TcpConnection::onError(int socketError)
{
    if (!m_socket)
        return;
    const auto error = QAbstractSocket::SocketError(socketError);
    // The peer closing is a lifecycle step, logged by onDisconnected. Qt
    // reads a reset like a FIN; the network thread's dispatcher saw the
    // difference (EPOLLERR on this socket's descriptor).
    if (isHandshaking())
        return; // TlsHandshake reports it
    if (error == QAbstractSocket::RemoteHostClosedError) {
        // TLS: the peer's close_notify. QSslSocket stops there and may never
        // see the FIN; answering with ours and closing is TLS's way.
        if (m_tls && state() == State::Open) {
            QMetaObject::invokeMethod(this, [this] {
                if (m_socket && state() == State::Open)
                    m_socket->disconnectFromHost();
            }, Qt::QueuedConnection);
            return;
        }
#ifdef Q_OS_LINUX
        m_resetByPeer = EpollEventDispatcher::activeSocketHasError();
#endif
        return;
    }
    const quint16 port = state() == State::Open ? 0 : m_port;
    reportError(describeSocketError(m_socket->errorString(), error, port));
    if (state() != State::Open && state() != State::Closing
        && m_socket->state() == QAbstractSocket::UnconnectedState)
        finishQuietly();
}

} // namespace SockPlay
