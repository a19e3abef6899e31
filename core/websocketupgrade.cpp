// WebSocketConnection on a server, before the upgrade: (wss://) the TLS
// handshake, then the accepted connection's request line is checked here (a
// peer that sends no HTTP at all, or asks for another path, is refused at
// once), then Qt's handshaker reads the whole request and answers it. And
// the upgrade's note, on both sides.

#include "websocketconnection.h"

#include "endpoint.h"
#include "payloadcodec.h"
#include "tlscontext.h"
#include "tlshandshake.h"
#include "websockettext.h"

#include <QNetworkRequest>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QWebSocketServer>

namespace SockPlay {

WebSocketConnection::WebSocketConnection(Endpoint *endpoint, int id, QTcpSocket *socket, QWebSocketServer *handshaker,
                                         std::shared_ptr<const TlsContext> tls)
    : Connection(endpoint, id, false)
    , m_tcp(socket)
    , m_handshaker(handshaker)
    , m_upgradeTimer(new QTimer(this))
{
    setWholeMessages();
    m_userKind = endpoint->config().binaryMessages ? Kind::Binary : Kind::Text;
    socket->setParent(this);
    socket->setReadBufferSize(ReadBufferBytes);
    setAddresses(socket->localAddress(), socket->localPort(), socket->peerAddress(), socket->peerPort());
    setState(State::Connecting);
    connect(socket, &QTcpSocket::disconnected, this, &WebSocketConnection::onTcpDisconnected);
    m_upgradeTimer->setSingleShot(true);
    connect(m_upgradeTimer, &QTimer::timeout, this, [this] {
        refuseRequest(QStringLiteral("no WebSocket upgrade within %1 s: closed").arg(UpgradeTimeoutMs / 1000));
    });
    if (!tls) {
        awaitRequest();
        return;
    }
    // wss://: the TLS handshake first, logged as for any TLS connection;
    // the request then arrives decrypted (a QSslSocket reads only those).
    m_tlsHandshake = new TlsHandshake(this, static_cast<QSslSocket *>(socket), std::move(tls));
    connect(m_tlsHandshake, &TlsHandshake::secured, this, &WebSocketConnection::awaitRequest);
    connect(m_tlsHandshake, &TlsHandshake::failed, this, [this](EventKind kind, const QString &detail) {
        if (m_tcp) {
            m_tcp->disconnect(this);
            m_tcp->abort();
        }
        finish(kind, detail);
    });
    // Queued: the endpoint logs the accept first.
    QMetaObject::invokeMethod(m_tlsHandshake, &TlsHandshake::startServer, Qt::QueuedConnection);
}

void WebSocketConnection::awaitRequest()
{
    if (!m_tcp)
        return;
    connect(m_tcp, &QTcpSocket::readyRead, this, &WebSocketConnection::checkRequest);
    m_upgradeTimer->start(UpgradeTimeoutMs);
    // Bytes that came with the accept (or the handshake) have no readyRead of their own.
    QMetaObject::invokeMethod(this, &WebSocketConnection::checkRequest, Qt::QueuedConnection);
}

void WebSocketConnection::watchTransport(std::shared_ptr<const TlsContext> tls)
{
    // QWebSocket tells only when the upgrade is done; its TCP (or TLS)
    // socket, a child it made in open(), tells when TCP connected and when
    // TLS secured it, so that the log (and the ladder) has each step in turn.
    auto *transport = m_socket->findChild<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    if (!transport)
        return; // the upgrade's connected() logs Connected
    connect(transport, &QTcpSocket::connected, this, [this, transport] {
        m_transportConnected = true;
        setAddresses(transport->localAddress(), transport->localPort(), transport->peerAddress(), transport->peerPort());
        logEvent(EventKind::Connected,
                 QStringLiteral("from %1; %2").arg(source()->localText,
                                                   endpoint()->config().secure
                                                       ? QStringLiteral("the TLS handshake next, then the HTTP upgrade")
                                                       : QStringLiteral("the HTTP upgrade request next")));
    });
    auto *ssl = qobject_cast<QSslSocket *>(transport);
    if (ssl && tls) {
        m_tlsHandshake = new TlsHandshake(this, ssl, std::move(tls));
        m_tlsHandshake->observe(); // QWebSocket drives it; it is logged as a TLS client's
    }
}

void WebSocketConnection::abandonTls()
{
    if (m_tlsHandshake)
        m_tlsHandshake->abandon();
}

void WebSocketConnection::checkRequest()
{
    if (!m_tcp || m_handedOver || state() != State::Connecting)
        return;
    const QByteArray head = m_tcp->peek(MaxRequestLineBytes);
    if (head.isEmpty())
        return;
    static const QByteArray get = QByteArrayLiteral("GET ");
    if (!get.startsWith(head.left(get.size()))) {
        const QString shown = PayloadCodec::renderText(head.left(40)) + (head.size() > 40 ? QStringLiteral("…") : QString());
        refuseRequest(QStringLiteral("not a WebSocket upgrade: the peer sent “%1” instead of an HTTP GET request; closed")
                          .arg(shown));
        return;
    }
    const qsizetype end = head.indexOf('\n');
    if (end < 0) {
        if (head.size() >= MaxRequestLineBytes)
            refuseRequest(QStringLiteral("the request line is longer than %1 bytes; closed").arg(MaxRequestLineBytes));
        return; // the rest of the line is still on its way
    }
    QByteArray line = head.left(end);
    if (line.endsWith('\r'))
        line.chop(1);
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
        refuseRequest(QStringLiteral("not an HTTP/1.1 request line: “%1”; answered 400 Bad Request")
                          .arg(PayloadCodec::renderText(line.left(200))),
                      QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return;
    }
    m_requestLine = line;
    const QByteArray target = parts.at(1);
    const qsizetype query = target.indexOf('?');
    const QString path = QString::fromLatin1(query < 0 ? target : target.left(query));
    const QString served = endpoint()->config().path.isEmpty() ? QStringLiteral("/") : endpoint()->config().path;
    if (path != served) {
        refuseRequest(QStringLiteral("%1: answered 404 Not Found (this server serves %2)")
                          .arg(QString::fromLatin1(line), served),
                      QByteArrayLiteral("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return;
    }
    // Qt reads the whole request from here (nothing was taken: only peeked)
    // and answers it: 101 and a WebSocket (the endpoint calls upgraded()), or
    // it closes the connection.
    m_handedOver = true;
    disconnect(m_tcp, &QTcpSocket::readyRead, this, &WebSocketConnection::checkRequest);
    m_handshaker->handleConnection(m_tcp);
}

void WebSocketConnection::refuseRequest(const QString &reason, const QByteArray &response)
{
    if (!m_tcp || state() != State::Connecting)
        return;
    m_upgradeTimer->stop();
    reportError(reason);
    // The socket says its last words on its own, owned by the endpoint
    // until it is closed; for us the connection ends now.
    QTcpSocket *socket = m_tcp;
    m_tcp = nullptr;
    socket->disconnect(this);
    socket->setParent(endpoint());
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (!response.isEmpty())
        socket->write(response);
    socket->disconnectFromHost();
    finish(EventKind::Closed, QStringLiteral("closed by us: no WebSocket upgrade; %1").arg(totalsText()));
}

void WebSocketConnection::onTcpDisconnected()
{
    if (state() != State::Connecting || !m_tcp)
        return;
    if (m_tlsHandshake && m_tlsHandshake->isRunning())
        return; // TlsHandshake says why and ends the connection
    m_upgradeTimer->stop();
    const bool peerLeft = m_tcp->error() == QAbstractSocket::RemoteHostClosedError;
    if (m_handedOver && !peerLeft) {
        // Qt closes a request it cannot upgrade without a word to anyone.
        reportError(QStringLiteral("upgrade refused: “%1” is not a valid WebSocket upgrade request (no Upgrade: "
                                   "websocket, Sec-WebSocket-Key or version 13?); closed")
                        .arg(QString::fromLatin1(m_requestLine)));
        finish(EventKind::Closed, QStringLiteral("closed by us: the upgrade failed; %1").arg(totalsText()));
        return;
    }
    finish(EventKind::PeerClosed,
           QStringLiteral("the client closed the connection before the upgrade; %1").arg(totalsText()));
}

void WebSocketConnection::upgraded(QWebSocket *socket)
{
    m_upgradeTimer->stop();
    if (m_tcp)
        m_tcp->disconnect(this); // Qt's WebSocket reads it now
    m_socket = socket;
    socket->setParent(this);
    applyLimits();
    watchSocket();
    watchControlFrames();
    logEvent(EventKind::Note, upgradeText());
    setState(State::Open);
}

bool WebSocketConnection::isPeerOf(const QWebSocket *socket) const
{
    return m_tcp && !m_socket && socket->peerPort() == m_tcp->peerPort()
        && socket->peerAddress() == m_tcp->peerAddress();
}

QString WebSocketConnection::upgradeText() const
{
    const EndpointConfig &config = endpoint()->config();
    const bool server = config.role == Role::Server;
    const QString requestLine = server ? QString::fromLatin1(m_requestLine)
                                       : QStringLiteral("GET %1 HTTP/1.1").arg(m_socket->requestUrl().toString(
                                             QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded));
    const QStringList offered = server ? m_socket->handshakeOptions().subprotocols() : config.subprotocols;
    QString text = WebSocketText::upgradeNotePrefix() + QStringLiteral("%1 → 101 Switching Protocols").arg(requestLine);
    if (!offered.isEmpty()) {
        text += m_socket->subprotocol().isEmpty()
            ? QStringLiteral("; no subprotocol chosen (offered: %1)").arg(WebSocketText::subprotocolsText(offered))
            : QStringLiteral("; subprotocol “%1” (offered: %2)")
                  .arg(m_socket->subprotocol(), WebSocketText::subprotocolsText(offered));
    }
    // The headers beyond the handshake's own: what a test or an application added.
    static const QList<QByteArray> handshakeHeaders = {"host", "upgrade", "connection", "sec-websocket-key",
                                                        "sec-websocket-version", "sec-websocket-protocol",
                                                        "sec-websocket-extensions"};
    const QNetworkRequest request = m_socket->request();
    QStringList headers;
    for (const QByteArray &name : request.rawHeaderList()) {
        if (!handshakeHeaders.contains(name.toLower()))
            headers.append(QString::fromLatin1(name + ": " + request.rawHeader(name)));
    }
    if (!headers.isEmpty())
        text += (server ? QStringLiteral("; request headers: ") : QStringLiteral("; headers sent: "))
            + headers.join(QStringLiteral(", "));
    return text;
}

} // namespace SockPlay
