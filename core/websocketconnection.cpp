#include "websocketconnection.h"

#include "address.h"
#include "endpoint.h"
#include "payloadcodec.h"
#include "tlscontext.h"
#include "tlshandshake.h"
#include "websockettext.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QNetworkRequest>
#include <QStringDecoder>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

// The server's side before the upgrade (checking the request line, handing
// the socket to Qt) is in websocketupgrade.cpp.

namespace SockPlay {

Q_LOGGING_CATEGORY(lcWebSocket, "sockplay.core.websocket")

namespace {

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder(bytes);
    return !decoder.hasError();
}

QString roundTripText(qint64 ns)
{
    return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3);
}

} // namespace

WebSocketConnection::WebSocketConnection(Endpoint *endpoint, int id)
    : Connection(endpoint, id, false)
{
    setWholeMessages();
    m_userKind = endpoint->config().binaryMessages ? Kind::Binary : Kind::Text;
}

WebSocketConnection::~WebSocketConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
    if (m_tcp)
        m_tcp->disconnect(this);
}

QString WebSocketConnection::kindName(Kind kind)
{
    return kind == Kind::Text ? QStringLiteral("text") : QStringLiteral("binary");
}

void WebSocketConnection::open(std::shared_ptr<const TlsContext> tls)
{
    const EndpointConfig &config = endpoint()->config();
    const QString url = WebSocketText::url(config);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    applyLimits();
    watchSocket();
    watchControlFrames();
    // QWebSocket hands this to the QSslSocket it makes in open(): whom to
    // trust, our client certificate, ALPN (SNI and verification: TlsHandshake).
    if (tls)
        m_socket->setSslConfiguration(tls->configuration);
    // Until it is connected, the peer is what the user typed.
    setSource(makeEventSource(endpoint()->id(), id(), endpoint()->name(), {}, 0, {}, 0,
                              hostPortText(config.host, config.port)));
    setState(State::Connecting);
    logEvent(EventKind::Created, config.secure ? QStringLiteral("WebSocket client socket (TLS over TCP)")
                                               : QStringLiteral("WebSocket client socket (over TCP)"));
    logEvent(EventKind::Connecting, QStringLiteral("%1: TCP handshake, then GET %2 asking to upgrade to WebSocket")
                                        .arg(url, config.path));

    QNetworkRequest request{QUrl(url)};
    for (const auto &[name, value] : config.headers)
        request.setRawHeader(name, value);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(config.subprotocols);
    m_socket->open(request, options);
    watchTransport(std::move(tls));
}

void WebSocketConnection::applyLimits()
{
    const qint64 limit = std::max<qint64>(1, endpoint()->config().maxMessageBytes);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limit));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limit));
    m_socket->setReadBufferSize(ReadBufferBytes);
}

void WebSocketConnection::watchSocket()
{
    connect(m_socket, &QWebSocket::connected, this, &WebSocketConnection::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketConnection::onDisconnected);
    connect(m_socket, &QWebSocket::aboutToClose, this, [this] { m_closeFrameSeen = true; });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) { onError(int(error)); });
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &message) { receive(message.toUtf8(), Kind::Text); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &message) { receive(message, Kind::Binary); });
    connect(m_socket, &QWebSocket::bytesWritten, this, &WebSocketConnection::onBytesWritten);
    connect(m_socket, &QWebSocket::pong, this, [this](quint64 elapsedMs, const QByteArray &payload) {
        // Qt measures in whole milliseconds (0 on loopback); ours in nanoseconds.
        const QString roundTrip = m_pingClock.isValid() ? roundTripText(m_pingClock.nsecsElapsed())
                                                        : QStringLiteral("%1 ms").arg(elapsedMs);
        m_pingClock.invalidate();
        logEvent(EventKind::Note, payload.isEmpty()
                     ? QStringLiteral("pong received, round trip %1").arg(roundTrip)
                     : QStringLiteral("pong received (“%1”), round trip %2")
                           .arg(PayloadCodec::renderText(payload), roundTrip));
    });
}

void WebSocketConnection::watchControlFrames()
{
    // QWebSocket answers pings and closes on protocol errors (a message over
    // the limit: 1009) by itself, and says so only to its frame reader, a
    // private child QObject. Its signals are reached through the meta-object
    // (Qt 6.4's names); without them, pings are still answered and errors
    // still close, only less is logged.
    bool found = false;
    for (QObject *child : m_socket->children()) {
        const QMetaObject *meta = child->metaObject();
        if (qstrcmp(meta->className(), "QWebSocketDataProcessor") != 0)
            continue;
        const auto hook = [&](const char *signal, const char *slot) {
            const int signalIndex = meta->indexOfSignal(signal);
            const int slotIndex = staticMetaObject.indexOfSlot(slot);
            if (signalIndex < 0 || slotIndex < 0)
                return false;
            return bool(connect(child, meta->method(signalIndex), this, staticMetaObject.method(slotIndex)));
        };
        found = hook("pingReceived(QByteArray)", "onPingReceived(QByteArray)")
            && hook("errorEncountered(QWebSocketProtocol::CloseCode,QString)",
                    "onProtocolError(QWebSocketProtocol::CloseCode,QString)");
    }
    if (!found)
        qCWarning(lcWebSocket) << "this Qt's WebSocket frame reader is not known: incoming pings and protocol "
                                  "errors are not logged";
}

void WebSocketConnection::onPingReceived(const QByteArray &payload)
{
    logEvent(EventKind::Note, payload.isEmpty()
                 ? QStringLiteral("ping received; answered with a pong")
                 : QStringLiteral("ping received (“%1”); answered with a pong").arg(PayloadCodec::renderText(payload)));
}

void WebSocketConnection::onProtocolError(QWebSocketProtocol::CloseCode code, const QString &description)
{
    // Qt has sent its close frame already; the last event waits for this (see finishClosed).
    m_protocolError = int(code);
    m_closeCode = int(code);
    m_closeReason = description;
    if (code == QWebSocketProtocol::CloseCodeTooMuchData) {
        reportError(QStringLiteral("a message over the limit of %1 bytes arrived (%2); closed with %3")
                        .arg(endpoint()->config().maxMessageBytes)
                        .arg(description, WebSocketText::closeCodeName(int(code))));
    } else {
        reportError(QStringLiteral("the peer broke the WebSocket protocol (%1); closed with %2")
                        .arg(description, WebSocketText::closeCodeName(int(code))));
    }
}

void WebSocketConnection::onConnected()
{
    // A client: the HTTP upgrade is done (and the TCP handshake, logged by
    // onTransportConnected() unless Qt's socket was not found).
    if (!m_transportConnected) {
        setAddresses(m_socket->localAddress(), m_socket->localPort(), m_socket->peerAddress(), m_socket->peerPort());
        logEvent(EventKind::Connected, QStringLiteral("from %1").arg(source()->localText));
    }
    logEvent(EventKind::Note, upgradeText());
    setState(State::Open);
}

void WebSocketConnection::receive(const QByteArray &bytes, Kind kind)
{
    // A reply or an echo goes back as the kind it answers.
    m_answering = kind;
    deliver(bytes, kindName(kind));
    m_answering.reset();
}

bool WebSocketConnection::divert(const QByteArray &bytes, Origin origin, const QString &detail)
{
    Q_UNUSED(detail) // the message's kind is its detail (sentDetail())
    m_nextKind = origin == Origin::Automatic && m_answering ? *m_answering : m_userKind;
    m_sentDetail = kindName(m_nextKind);
    if (m_nextKind == Kind::Text && !isValidUtf8(bytes)) {
        m_nextKind = Kind::Binary;
        m_sentDetail = QStringLiteral("binary (not valid UTF-8, so not a text message)");
    }
    // Backpressure: a WebSocket cannot stop reading, so an automatic reply
    // that would grow the queue past its bound is dropped instead.
    if (origin == Origin::Automatic && pendingWriteBytes() >= endpoint()->config().maxPendingWriteBytes) {
        if (m_repliesDropped++ == 0)
            logEvent(EventKind::Note, QStringLiteral("backpressure: %1 bytes wait to go out; automatic replies are "
                                                     "dropped until they drain (a WebSocket cannot pause reading)")
                                          .arg(pendingWriteBytes()));
        return true;
    }
    return false;
}

qint64 WebSocketConnection::transmit(const QByteArray &bytes)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return -1;
    if (m_nextKind == Kind::Text)
        m_socket->sendTextMessage(QString::fromUtf8(bytes));
    else
        m_socket->sendBinaryMessage(bytes);
    return bytes.size();
}

QString WebSocketConnection::transmitErrorString() const
{
    return m_socket ? m_socket->errorString() : QStringLiteral("the connection is closed");
}

void WebSocketConnection::onBytesWritten(qint64 bytes)
{
    wrote(bytes);
    if (m_repliesDropped > 0 && pendingWriteBytes() == 0) {
        logEvent(EventKind::Note, QStringLiteral("the queue drained; %1 automatic replies were dropped meanwhile")
                                      .arg(m_repliesDropped));
        m_repliesDropped = 0;
    }
}

qint64 WebSocketConnection::pendingWriteBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

Result WebSocketConnection::ping(const QByteArray &payload)
{
    if (!m_socket || state() != State::Open) {
        const QString message = QStringLiteral("connection #%1 is not open; nothing to ping").arg(id());
        reportError(message);
        return Result::failure(message);
    }
    if (payload.size() > 125) {
        const QString message = QStringLiteral("a ping carries at most 125 bytes, not %1").arg(payload.size());
        reportError(message);
        return Result::failure(message);
    }
    m_pingClock.start();
    logEvent(EventKind::Note, payload.isEmpty()
                 ? QStringLiteral("ping sent")
                 : QStringLiteral("ping sent (“%1”)").arg(PayloadCodec::renderText(payload)));
    m_socket->ping(payload);
    return Result::success();
}

void WebSocketConnection::onError(int socketError)
{
    if (!m_socket)
        return;
    const auto error = QAbstractSocket::SocketError(socketError);
    if (state() == State::Open || state() == State::Closing) {
        // The peer hanging up is a lifecycle step (finishClosed), not an error.
        if (error != QAbstractSocket::RemoteHostClosedError)
            reportError(QStringLiteral("WebSocket error: %1").arg(m_socket->errorString()));
        return;
    }
    const EndpointConfig &config = endpoint()->config();
    // A certificate that failed verification: each reason is an error already (TlsHandshake).
    const bool told = error == QAbstractSocket::SslHandshakeFailedError && m_tlsHandshake
                   && m_tlsHandshake->verificationFailed();
    if (!told)
        reportError(QStringLiteral("cannot open %1: %2").arg(WebSocketText::url(config),
                                                             describeSocketError(m_socket->errorString(), error, config.port)));
    // A refused upgrade leaves the TCP connection to us: end it.
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    else
        onDisconnected();
}

} // namespace SockPlay
